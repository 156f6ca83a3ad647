package org.resumen.digest.story;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns text into comparable terms with Lucene: the standard tokenizer, lower case, accents
 * folded, the newsroom synonyms of {@code story/synonyms-<lang>.txt} ("Cámara alta" → senado), the
 * language's stop words, and light stemming (SpanishAnalyzer's light stemmer; Porter for English,
 * as EnglishAnalyzer does). Thread-safe: Lucene analyzers keep their components per thread.
 */
final class TermAnalyzer {
    private static final String FIELD = "text";
    private final Analyzer spanish = chain(Language.SPANISH, synonyms("/story/synonyms-es.txt"));
    private final Analyzer english = chain(Language.ENGLISH, synonyms("/story/synonyms-en.txt"));

    List<String> terms(String text, Language language) {
        Analyzer analyzer = language == Language.ENGLISH ? english : spanish;
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(FIELD, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing article text", e);
        }
        return terms;
    }

    private static Analyzer chain(Language language, SynonymMap synonyms) {
        CharArraySet stopWords = folded(language == Language.ENGLISH ? EnglishAnalyzer.ENGLISH_STOP_WORDS_SET
                : SpanishAnalyzer.getDefaultStopSet());
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = language == Language.ENGLISH ? new EnglishPossessiveFilter(source) : source;
                stream = new ASCIIFoldingFilter(new LowerCaseFilter(stream));
                stream = new StopFilter(new SynonymGraphFilter(stream, synonyms, true), stopWords);
                stream = language == Language.ENGLISH ? new PorterStemFilter(stream) : new SpanishLightStemFilter(stream);
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    // Lucene's Spanish stop list is written with accents ("está", "más"); the text is folded first.
    private static CharArraySet folded(CharArraySet words) {
        CharArraySet folded = new CharArraySet(words.size(), true);
        for (Object word : words) {
            folded.add(Mentions.fold(new String((char[]) word)));
        }
        return CharArraySet.unmodifiableSet(folded);
    }

    private static SynonymMap synonyms(String resource) {
        Analyzer entries = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
            }
        };
        try (InputStream in = TermAnalyzer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            SolrSynonymParser parser = new SolrSynonymParser(true, true, entries);
            parser.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        } catch (ParseException e) {
            throw new IllegalStateException(resource + ": line " + e.getErrorOffset() + ": " + e.getMessage(), e);
        }
    }
}
