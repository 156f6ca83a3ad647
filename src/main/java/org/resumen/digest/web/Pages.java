package org.resumen.digest.web;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.resumen.digest.render.PageRenderer;

/** Writes a page of {@code templates/web/} as the response, with what every page shows. */
final class Pages {
    /** Request attribute set once a page is the response, so the error mapping leaves it alone. */
    static final String SHOWN = "digest.page-shown";

    private final PageRenderer renderer;
    private final String newsletterName;

    Pages(PageRenderer renderer, String newsletterName) {
        this.renderer = renderer;
        this.newsletterName = newsletterName;
    }

    void show(Context ctx, int status, String page, Locale locale, Map<String, ?> variables) {
        ctx.attribute(SHOWN, page);
        String html = render(page, locale, variables);
        ctx.status(status).header("Content-Language", locale.toLanguageTag()).contentType("text/html; charset=utf-8").result(html);
    }

    String render(String page, Locale locale, Map<String, ?> variables) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put("lang", locale.toLanguageTag());
        all.put("newsletterName", newsletterName);
        return renderer.render(page, locale, all);
    }
}
