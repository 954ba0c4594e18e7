package io.github.eventcat.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Name rules and conversions: the loader's (topic names, event type names) and the code generator's
 * (Java names of schema names), so that both agree on every event's class.
 */
public final class Names {
    private static final Pattern DOTTED_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+");

    private static final Pattern TOPIC_CHARACTERS = Pattern.compile("[a-zA-Z0-9._-]+");
    /** Kafka's limit: a longer name would not fit its log directory names. */
    static final int MAX_TOPIC_LENGTH = 249;

    private Names() {}

    /** Why Kafka would refuse a topic name, or empty when it accepts it. */
    static Optional<String> topicNameProblem(String name) {
        if (name.isEmpty()) {
            return Optional.of("a topic name must not be empty");
        }
        if (name.equals(".") || name.equals("..")) {
            return Optional.of("Kafka does not allow the topic name \"" + name + "\": choose another");
        }
        if (name.length() > MAX_TOPIC_LENGTH) {
            return Optional.of("topic name \""
                    + name
                    + "\" is "
                    + name.length()
                    + " characters long; Kafka allows at most "
                    + MAX_TOPIC_LENGTH
                    + ": shorten it");
        }
        if (!TOPIC_CHARACTERS.matcher(name).matches()) {
            return Optional.of("topic name \""
                    + name
                    + "\" contains characters Kafka does not allow: use only ASCII letters, digits,"
                    + " '.', '_' and '-'");
        }
        return Optional.empty();
    }

    /**
     * The name Kafka compares topics by: it refuses two topics that differ only in '.' versus '_',
     * because both become the same metric name.
     */
    static String topicCollisionKey(String name) {
        return name.replace('.', '_');
    }

    /**
     * The Java type name of a JSON Schema event's {@code title}: {@link #pascalCase}, except that a
     * dotted full name ({@code org.example.profiles.ProfileChanged}) gives its last segment ({@code
     * ProfileChanged}). The type goes into the catalog's package either way; the subject keeps the
     * whole title.
     */
    public static String typeNameOfTitle(String title) {
        return DOTTED_NAME.matcher(title).matches()
                ? pascalCase(title.substring(title.lastIndexOf('.') + 1))
                : pascalCase(title);
    }

    /**
     * {@link #pascalCase} made a Java identifier: a topic name may start with a digit ({@code
     * 2fa.events} → {@code _2faEvents}) or hold no letter or digit at all ({@code Type}).
     */
    static String javaClassPrefix(String topicName) {
        String pascal = pascalCase(topicName);
        if (pascal.isEmpty()) {
            return "Type";
        }
        return Character.isDigit(pascal.charAt(0)) ? "_" + pascal : pascal;
    }

    /**
     * {@code user_created}, {@code user-created}, {@code userCreated} → {@code UserCreated}: the
     * {@link #words}, each with its first letter upper-cased; empty when there are none.
     */
    public static String pascalCase(String text) {
        StringBuilder result = new StringBuilder(text.length());
        for (String word : words(text)) {
            result.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
        }
        return result.toString();
    }

    /**
     * The runs of ASCII letters and digits in {@code text}, in order: {@code order-id_v2} → {@code
     * order}, {@code id}, {@code v2}.
     */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean alphanumeric = i < text.length() && isAsciiLetterOrDigit(text.charAt(i));
            if (alphanumeric && start < 0) {
                start = i;
            } else if (!alphanumeric && start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            }
        }
        return words;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** {@code TicketOpened} → {@code ticket_opened}; {@code HTTPCall} → {@code http_call}. */
    static String snakeCase(String text) {
        String pascal = pascalCase(text);
        StringBuilder result = new StringBuilder();
        for (int i = 0; i < pascal.length(); i++) {
            char c = pascal.charAt(i);
            boolean boundary = i > 0
                    && Character.isUpperCase(c)
                    && (!Character.isUpperCase(pascal.charAt(i - 1))
                            || (i + 1 < pascal.length() && Character.isLowerCase(pascal.charAt(i + 1))));
            if (boundary) {
                result.append('_');
            }
            result.append(c);
        }
        return result.toString().toLowerCase(Locale.ROOT);
    }
}
