package org.resumen.digest.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import org.resumen.digest.App;
import org.resumen.digest.DigestException;
import org.resumen.digest.admin.AdminSessions;
import org.resumen.digest.admin.Admins;
import org.resumen.digest.admin.ApiTokens;
import org.resumen.digest.article.PushedArticles;
import org.resumen.digest.admin.FirstAdminSetup;
import org.resumen.digest.admin.Passwords;
import org.resumen.digest.config.SourceConfig;
import org.resumen.digest.delivery.NoticeMail;
import org.resumen.digest.health.SourceHealth;
import org.resumen.digest.ops.ServiceMetrics;
import org.resumen.digest.render.PageRenderer;
import org.resumen.digest.subscriber.SignUps;
import org.resumen.digest.subscriber.SubscriberChoices;
import org.resumen.digest.subscriber.SubscriberDirectory;
import org.resumen.digest.subscriber.SubscriberEdits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of {@code digest serve}: the route table, the error pages, and start/stop. Every
 * response carries the security headers of {@link SecurityHeaders}; links in the mail point at
 * {@code newsletter.base-url}, which a proxy (or this server itself) answers.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private final Javalin javalin;
    private final String host;
    private final Handlers handlers;

    private WebServer(Javalin javalin, String host, Handlers handlers) {
        this.javalin = javalin;
        this.host = host;
        this.handlers = handlers;
    }

    /**
     * Checks the page templates, then listens on {@code host}:{@code port} (0 = any free port, for
     * tests); a port in use is a {@link DigestException} naming it.
     */
    public static WebServer start(App app, String host, int port) {
        return start(app, host, port, null);
    }

    /**
     * Like {@link #start(App, String, int)}, for {@code serve}: {@code /ready} also asks
     * {@code schedulerRunning} (null: no scheduler in this process, as in the tests of the pages).
     */
    public static WebServer start(App app, String host, int port, java.util.function.BooleanSupplier schedulerRunning) {
        Handlers handlers = new Handlers(app, schedulerRunning);
        handlers.validate();
        Javalin javalin = Javalin.create(config -> configure(config, handlers));
        try {
            javalin.start(host, port);
        } catch (RuntimeException e) {
            handlers.close();
            throw new DigestException("web: cannot listen on " + host + ":" + port + " (web.bind, web.port): "
                    + rootMessage(e) + "; choose another web.port, or 0 for no web server", e);
        }
        return new WebServer(javalin, host, handlers);
    }

    /** The address the server answers on, e.g. {@code http://127.0.0.1:8080}. */
    public String url() {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + javalin.port();
    }

    /**
     * While no admin exists: a fresh one-time link (valid one hour) that creates the first admin,
     * for serve to print on the operator's terminal; empty once an admin exists.
     */
    public java.util.Optional<String> firstAdminLink() {
        return handlers.setup.open().map(token -> url() + "/admin/setup/" + token);
    }

    /** Every route of the table as "METHOD /path" (before/after filters left out), for tests and docs to check against. */
    java.util.List<String> routes() {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(parsed -> parsed.endpoint.method.isHttpMethod())
                .map(parsed -> parsed.endpoint.method.name() + " " + parsed.endpoint.path)
                .toList();
    }

    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
        handlers.close();
    }

    private static void configure(JavalinConfig config, Handlers h) {
        config.startup.showJavalinBanner = false;
        config.http.maxRequestSize = SecurityHeaders.MAX_BODY_BYTES;
        routes(config.routes, h);
    }

    /** Every path the server answers, its method and its handler. */
    private static void routes(RoutesConfig routes, Handlers h) {
        routes.before(SecurityHeaders::apply);
        routes.get("/unsubscribe/{token}", h.unsubscribe::ask);
        routes.post("/unsubscribe/{token}", h.unsubscribe::unsubscribe);
        routes.get("/mute/{token}", h.mute::ask);
        routes.post("/mute/{token}", h.mute::mute);
        routes.get("/preferences/{token}", h.preferences::show);
        routes.post("/preferences/{token}", h.preferences::save);
        routes.get("/editions/{date}/{token}", h.webVersion::show);
        routes.get("/subscribe", h.signUp::form);
        routes.post("/subscribe", h.signUp::submit);
        routes.get("/confirm/{token}", h.signUp::ask);
        routes.post("/confirm/{token}", h.signUp::confirm);
        routes.before("/admin", h.admin::guard);
        routes.before("/admin/*", h.admin::guard);
        routes.get("/admin", h.dashboard::show);
        routes.get("/admin/login", h.admin::loginForm);
        routes.post("/admin/login", h.admin::login);
        routes.post("/admin/logout", h.admin::logout);
        routes.get("/admin/setup/{token}", h.admin::setupForm);
        routes.post("/admin/setup/{token}", h.admin::createFirst);
        routes.get("/admin/editions", h.editions::pick);
        routes.get("/admin/editions/{date}", h.editions::show);
        routes.get("/admin/editions/{date}/preview", h.editions::preview);
        routes.post("/admin/editions/{date}/test", h.editions::testSend);
        routes.get("/admin/editions/{date}/send", h.editions::confirm);
        routes.post("/admin/editions/{date}/send", h.editions::send);
        routes.post("/admin/editions/{date}/retry", h.editions::retry);
        routes.get("/admin/editions/{date}/progress", h.editions::progressPage);
        routes.get("/admin/editions/{date}/progress.json", h.editions::progress);
        routes.get("/admin/sources", h.sources::show);
        routes.post("/admin/sources/ingest", h.sources::ingest);
        routes.get("/admin/subscribers", h.subscriberAdmin::list);
        routes.post("/admin/subscribers/upload", h.subscriberAdmin::upload);
        routes.post("/admin/subscribers/unsubscribe", h.subscriberAdmin::unsubscribe);
        routes.post("/admin/subscribers/resubscribe", h.subscriberAdmin::resubscribe);
        routes.get("/admin/subscribers/export", h.subscriberAdmin::export);
        routes.get("/admin/admins", h.accounts::admins);
        routes.post("/admin/admins", h.accounts::addAdmin);
        routes.post("/admin/admins/remove", h.accounts::removeAdmin);
        routes.get("/admin/tokens", h.accounts::tokens);
        routes.post("/admin/tokens", h.accounts::createToken);
        routes.post("/admin/tokens/revoke", h.accounts::revokeToken);
        routes.get("/archive", h.archive::index);
        routes.get("/archive.atom", h.archive::atom);
        routes.get("/archive/{date}", h.archive::edition);
        routes.get("/assets/{name}", h.assets::serve);
        routes.get("/health", h.operations::health);
        routes.before("/api/v1/*", h.apiAuth::guard);
        routes.get(ApiAuth.OPENAPI, h.apiDocs::serve);
        routes.post("/api/v1/articles", h.apiArticles::push);
        routes.get("/api/v1/subscribers", h.apiSubscribers::list);
        routes.post("/api/v1/subscribers", h.apiSubscribers::create);
        routes.get("/api/v1/subscribers/{email}", h.apiSubscribers::show);
        routes.put("/api/v1/subscribers/{email}", h.apiSubscribers::replace);
        routes.delete("/api/v1/subscribers/{email}", h.apiSubscribers::unsubscribe);
        routes.get("/api/v1/editions", h.apiEditions::list);
        routes.get("/api/v1/editions/{date}", h.apiEditions::show);
        routes.post("/api/v1/editions/{date}/send", h.apiEditions::send);
        routes.get("/api/v1/editions/{date}/send", h.apiEditions::progress);
        routes.get("/api/v1/editions/{date}/deliveries", h.apiEditions::deliveries);
        routes.get("/ready", h.operations::ready);
        routes.get("/metrics", h.operations::metrics);

        routes.exception(ApiProblem.class, (e, ctx) -> ApiJson.problem(ctx, e));
        routes.exception(NoSuchPage.class, (e, ctx) -> h.notFound(ctx));
        routes.exception(Exception.class, (e, ctx) -> h.failed(ctx, e));
        // Javalin's own 404 (no route) gets the same page as a forged token; a page already shown stays.
        routes.error(404, ctx -> {
            if (ctx.attribute(Pages.SHOWN) == null) {
                h.notFound(ctx);
            }
        });
    }

    // The route pattern ("/unsubscribe/{token}"), never the path: paths carry tokens, and logs must not.
    private static String routeOf(Context ctx) {
        try {
            return ctx.endpoint().path;
        } catch (RuntimeException e) {
            return "(no route)";
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** The page families, built once from the application's parts. */
    private static final class Handlers {
        final PageLocale locales;
        final Pages pages;
        final UnsubscribePages unsubscribe;
        final MutePages mute;
        final PreferencesPages preferences;
        final WebVersionPages webVersion;
        final ArchivePages archive;
        final ConfirmationMail confirmationMail;
        final SignUpPages signUp;
        final FirstAdminSetup setup;
        final AdminPages admin;
        final DashboardPage dashboard;
        final EditionPages editions;
        final SourcePages sources;
        final Assets assets;
        final Operations operations;
        final SubscriberAdminPages subscriberAdmin;
        final AdminAccountPages accounts;
        final ApiAuth apiAuth;
        final ApiDocs apiDocs;
        final ApiArticles apiArticles;
        final ApiSubscribers apiSubscribers;
        final ApiEditions apiEditions;

        Handlers(App app, java.util.function.BooleanSupplier schedulerRunning) {
            var newsletter = app.config.newsletter();
            PageRenderer renderer = new PageRenderer(app.config.templates());
            SignedLinks links = new SignedLinks(app.tokens, app.subscribers, newsletter.baseUrl());
            this.locales = new PageLocale(app.config.templates(), newsletter.locale());
            this.pages = new Pages(renderer, newsletter.name());
            this.unsubscribe = new UnsubscribePages(links, app.subscribers, locales, pages);
            SubscriberChoices choices = new SubscriberChoices(app.database.dataSource(), app.clock);
            TopicChoices topics = new TopicChoices(app.editions);
            this.preferences = new PreferencesPages(links, app.subscribers, choices, topics, locales,
                    new PreferencesView(locales, newsletter.timezone()), pages, app.clock);
            this.mute = new MutePages(app.tokens, app.subscribers, choices, topics, links, locales, pages);
            this.webVersion = new WebVersionPages(links, app.editions, app.renderer, newsletter.locale());
            this.archive = new ArchivePages(new Archive(app.editions, app.ledger), locales, pages, newsletter);
            this.confirmationMail = new ConfirmationMail(renderer, new NoticeMail(app.config, app.clock), app.tokens,
                    newsletter.baseUrl(), newsletter.name(), app.clock);
            this.signUp = new SignUpPages(new SignUps(app.database.dataSource(), app.clock), app.subscribers, app.tokens,
                    confirmationMail, topics, locales,
                    new PreferencesView(locales, newsletter.timezone()), pages, app.clock);
            Admins admins = new Admins(app.database.dataSource(), new Passwords(), app.clock);
            this.setup = new FirstAdminSetup(admins, app.clock);
            AdminSessions sessions = new AdminSessions(app.clock);
            this.admin = new AdminPages(admins, sessions, setup, locales, pages,
                    newsletter.baseUrl().startsWith("https:"), app.clock);
            Console console = new Console(pages, locales, app.editions, newsletter.timezone());
            this.sources = new SourcePages(console, new SourceHealth(app.database.dataSource()), app.ingester,
                    app.config.sources().stream().map(SourceConfig::name).toList(), app.clock);
            this.dashboard = new DashboardPage(console, app.editions, app.ledger, sources, app.clock);
            this.editions = new EditionPages(console, app.editions, app.ledger, app.subscribers, app.sendEdition,
                    app.sendJobs, webVersion);
            this.assets = new Assets(renderer.folder().resolve("assets"));
            ServiceMetrics metrics = new ServiceMetrics(app.ledger, new SourceHealth(app.database.dataSource()),
                    app.config.sources().stream().map(SourceConfig::name).toList(), app.subscribers, app.clock);
            app.sendEdition.onFinished(metrics::sendFinished);
            this.operations = new Operations(app.database.dataSource(), schedulerRunning, metrics);
            ApiTokens apiTokens = new ApiTokens(app.database.dataSource(), app.clock);
            SubscriberDirectory directory = new SubscriberDirectory(app.database.dataSource());
            SubscriberEdits edits = new SubscriberEdits(app.database.dataSource(), app.subscribers, app.clock);
            AdminOnly adminOnly = new AdminOnly(console, locales, pages);
            this.subscriberAdmin = new SubscriberAdminPages(directory, edits, app.config.subscribers(), adminOnly, app.clock);
            this.accounts = new AdminAccountPages(admins, sessions, apiTokens, adminOnly, newsletter.timezone());
            this.apiAuth = new ApiAuth(apiTokens);
            this.apiDocs = new ApiDocs();
            this.apiArticles = new ApiArticles(new PushedArticles(app.articles, app.clock));
            this.apiSubscribers = new ApiSubscribers(directory, edits);
            this.apiEditions = new ApiEditions(app.editions, app.ledger, app.sendJobs);
        }

        /** Renders every page in every language once, so a broken template stops serve before it listens. */
        void validate() {
            for (String language : locales.languages()) {
                java.util.Locale locale = java.util.Locale.forLanguageTag(language);
                for (String page : PageSamples.PAGES) {
                    pages.render(page, locale, PageSamples.model(page));
                }
                for (String page : ConsoleSamples.PAGES) {
                    pages.render(page, locale, ConsoleSamples.model(page));
                }
                for (String page : ManageSamples.PAGES) {
                    pages.render(page, locale, ManageSamples.model(page));
                }
                confirmationMail.validate(locale);
            }
        }

        void close() {
            confirmationMail.close();
        }

        void notFound(Context ctx) {
            if (ctx.path().startsWith("/api/")) {
                ApiJson.problem(ctx, ApiProblem.notFound("no route " + ctx.method() + " " + routeOf(ctx) + "; see " + ApiAuth.OPENAPI));
                return;
            }
            pages.show(ctx, 404, "not-found", locales.of(ctx.header("Accept-Language")), Map.of());
        }

        void failed(Context ctx, Exception e) {
            LOG.error("web: {} {} failed: {}", ctx.method(), routeOf(ctx), e.getMessage(), e);
            if (ctx.path().startsWith("/api/")) {
                ApiJson.problem(ctx, new ApiProblem(500, "Internal Server Error", "the request failed on the server; the log has the reason"));
                return;
            }
            pages.show(ctx, 500, "error", locales.of(ctx.header("Accept-Language")), Map.of());
        }
    }
}
