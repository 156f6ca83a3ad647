package org.resumen.digest.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class MentionsTest {
    @Test
    void numbersMeetHoweverTheOutletWritesThem() {
        assertThat(Mentions.of("Ya se quemaron 15.000 hectáreas y la inflación fue 3,2%", Language.SPANISH).numbers())
                .containsExactlyInAnyOrder("15000", "3.2");
        assertThat(Mentions.of("Son 15 mil hectáreas arrasadas", Language.SPANISH).numbers()).containsExactly("15000");
        assertThat(Mentions.of("Fires burn 15,000 hectares as inflation hits 3.2%", Language.ENGLISH).numbers())
                .containsExactlyInAnyOrder("15000", "3.2");
    }

    @Test
    void daysAndNamesAreFoldedAndHeadlineOpenersAreNotNames() {
        Mentions mentions = Mentions.of("La sesión del miércoles: Héctor Villegas habló", Language.SPANISH);
        assertThat(mentions.days()).containsExactly("miercoles");
        assertThat(mentions.names()).contains("hector", "villegas").doesNotContain("la");
        assertThat(TitleNames.of("Renunció el ministro Gustavo Peralta ante la Corte Suprema"))
                .containsExactlyInAnyOrder(Set.of("gustavo", "peralta"), Set.of("corte", "suprema"));
    }

    @Test
    void languageIsGuessedFromFunctionWords() {
        assertThat(Language.detect("El Senado aprobó la ley de alquileres por 38 votos")).isEqualTo(Language.SPANISH);
        assertThat(Language.detect("Argentina's Senate passes the rent law by 38 votes to 30")).isEqualTo(Language.ENGLISH);
    }
}
