package org.resumen.digest.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.resumen.digest.article.Article;
import org.resumen.digest.article.PushedArticles;

/** {@code POST /api/v1/articles}: an article pushed into the next edition (201 new, 200 already known). */
final class ApiArticles {
    private final PushedArticles pushed;

    ApiArticles(PushedArticles pushed) {
        this.pushed = pushed;
    }

    void push(Context ctx) {
        ObjectNode body = ApiJson.body(ctx);
        // Every entry of a digest links to its article: a push without an address could not be read.
        String title = ApiJson.required(body, "title", "the headline, a non-empty string");
        String url = ApiJson.required(body, "url", "the article's absolute http or https address");
        PushedArticles.Push push = new PushedArticles.Push(ApiJson.text(body, "guid"), url, title, ApiJson.text(body, "summary"),
                ApiJson.text(body, "body"), ApiJson.text(body, "author"), ApiJson.text(body, "section"),
                ApiJson.texts(body, "tags"), ApiJson.instant(body, "published"));
        PushedArticles.Pushed result;
        try {
            result = pushed.push(push);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badField(e.getMessage().startsWith("URL") ? "url" : "title", e.getMessage());
        }
        ApiJson.send(ctx, result.added() ? 201 : 200, json(result.article(), result.added()));
    }

    static Map<String, Object> json(Article article, boolean added) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", article.id());
        json.put("added", added);
        json.putAll(ApiEditions.article(article));
        return json;
    }
}
