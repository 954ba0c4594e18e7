package io.github.eventcat.vocabulary;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a catalog manifest and a registry answer spell the constants of this package's enums. */
final class EnumNames {
    private EnumNames() {}

    /**
     * The constant named {@code text}, ignoring case and accepting {@code -} for {@code _}.
     *
     * @param what what the constants are, for the message ("compatibility level")
     * @throws IllegalArgumentException naming the accepted values
     */
    static <E extends Enum<E>> E parse(Class<E> type, String text, String what) {
        String normalized = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(normalized)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " \"" + text + "\": use one of " + accepted(type));
    }

    /** The names of {@code type}'s constants, for messages. */
    static String accepted(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
