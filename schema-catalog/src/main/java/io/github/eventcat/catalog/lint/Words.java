package io.github.eventcat.catalog.lint;

import java.util.ArrayList;
import java.util.List;

/** Splits identifiers into words: {@code ticket_id}, {@code ticketId}, {@code TicketID} → ticket, id. */
final class Words {
    private Words() {}

    static List<String> split(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '_' || c == '-' || c == '.' || c == ' ') {
                flush(word, words);
                continue;
            }
            boolean boundary = word.length() > 0
                    && Character.isUpperCase(c)
                    && (Character.isLowerCase(word.charAt(word.length() - 1))
                            || Character.isDigit(word.charAt(word.length() - 1))
                            || (i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1))));
            if (boundary) {
                flush(word, words);
            }
            word.append(c);
        }
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }
}
