package io.github.eventcat.runtime.registry;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that keeps URL user info ({@code http://user:secret@host}) out of text meant for
 * people: log lines, plans, reports and exception messages. Every registry URL that may have come
 * from a user passes through {@link #url(String)} before it is printed.
 */
public final class Redaction {
    /** What replaces a secret. */
    public static final String MASK = "***";

    /*
     * A scheme, then everything up to the last '@' before the path, query, fragment, a list comma or
     * whitespace: a password with an unencoded '@' is still masked whole.
     */
    private static final Pattern USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.\\-]*://)([^\\s,/?#]*)@");

    private Redaction() {}

    /**
     * Masks the user info of every URL in {@code text}: {@code http://user:secret@host/x} becomes
     * {@code http://user:***@host/x}, and {@code http://token@host} becomes {@code http://***@host}.
     * Text without URLs is returned unchanged; {@code null} stays {@code null}.
     */
    public static String url(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        Matcher matcher = USER_INFO.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String userInfo = matcher.group(2);
            int colon = userInfo.indexOf(':');
            String masked = colon < 0 ? MASK : userInfo.substring(0, colon) + ":" + MASK;
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + masked + "@"));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * For a value that did not parse as a URL: itself when it has no '@', else a placeholder, since
     * without a parsed URL there is no telling which part is a password.
     */
    public static String unparsed(String text) {
        return text == null || text.indexOf('@') < 0 ? text : "(a value with '@', not shown: it may hold a password)";
    }
}
