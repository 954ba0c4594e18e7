package io.github.eventcat.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A page of the site: the shared frame (inline style, optional inline script) around a body.
 * The Content-Security-Policy allows only the style and script whose hashes it names, so even
 * markup that escaped escaping could not run a script or load anything from the network.
 */
final class Page {
    static final String CSS = resource("docs.css");
    static final String JS = resource("docs.js");
    private static final String POLICY = "default-src 'none'; style-src '" + sha256(CSS) + "'; script-src '"
            + sha256(JS) + "'; img-src data:; base-uri 'none'; form-action 'none'";

    private final StringBuilder html = new StringBuilder(16384);
    private final boolean script;

    /** A page with the given title; {@code script}: whether it carries the site's script. */
    Page(String title, boolean script) {
        this.script = script;
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(POLICY)
                .append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>");
        Html.appendText(html, title);
        html.append("</title>\n<style>")
                .append(CSS)
                .append("</style>\n</head>\n<body>\n")
                .append("<header><a href=\"index.html\">Event catalog</a></header>\n<main>\n");
    }

    /** Appends raw markup: only literals of this module and values passed through {@link Html}. */
    Page raw(String markup) {
        html.append(markup);
        return this;
    }

    /** Appends catalog text, escaped. */
    Page text(String value) {
        Html.appendText(html, value);
        return this;
    }

    /** {@code <tag>escaped text</tag>}. */
    Page element(String tag, String value) {
        return raw("<" + tag + ">").text(value).raw("</" + tag.split(" ")[0] + ">");
    }

    /** A link to a page or anchor of this site (never to a URL from the catalog). */
    Page link(String href, String value) {
        return raw("<a href=\"" + Html.text(href) + "\">").text(value).raw("</a>");
    }

    /** The page, as the file's bytes (UTF-8). */
    byte[] render() {
        html.append("</main>\n");
        if (script) {
            html.append("<script>").append(JS).append("</script>\n");
        }
        return html.append("</body>\n</html>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String resource(String name) {
        try (InputStream in = Page.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the catalog-docs jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
