package io.github.eventcat.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import io.github.eventcat.catalog.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns schema names (property names, titles, enum values) into Java names. The results are
 * suggestions: a {@link NameAllocator} per scope then makes them legal (reserved words, leading
 * digits) and unique.
 */
final class JavaNames {
    private static final String[] ONES = {
        "ZERO",
        "ONE",
        "TWO",
        "THREE",
        "FOUR",
        "FIVE",
        "SIX",
        "SEVEN",
        "EIGHT",
        "NINE",
        "TEN",
        "ELEVEN",
        "TWELVE",
        "THIRTEEN",
        "FOURTEEN",
        "FIFTEEN",
        "SIXTEEN",
        "SEVENTEEN",
        "EIGHTEEN",
        "NINETEEN"
    };
    private static final String[] TENS = {
        "", "", "TWENTY", "THIRTY", "FORTY", "FIFTY", "SIXTY", "SEVENTY", "EIGHTY", "NINETY"
    };

    private JavaNames() {}

    /**
     * {@code task_data}, {@code task-data}, {@code taskData} → {@code TaskData}: the catalog's rule
     * for event type names ({@link Names#pascalCase}), made a legal identifier ({@code Type} when
     * nothing is left).
     */
    static String pascalCase(String text) {
        return javaTypeName(Names.pascalCase(text));
    }

    /**
     * The class name a JSON Schema {@code title} gives, by the catalog's rule ({@link
     * Names#typeNameOfTitle}: a dotted full name such as {@code org.example.profiles.ProfileChanged}
     * gives its last segment), made a legal identifier.
     */
    static String typeNameOfTitle(String title) {
        return javaTypeName(Names.typeNameOfTitle(title));
    }

    private static String javaTypeName(String pascal) {
        return pascal.isEmpty() ? "Type" : NameAllocator.toJavaIdentifier(pascal);
    }

    /** {@code occurred_on} → {@code occurredOn}; {@code userId} stays; {@code URL} → {@code url}. */
    static String camelCase(String text) {
        StringBuilder result = new StringBuilder(text.length());
        for (String part : Names.words(text)) {
            if (result.length() == 0) {
                result.append(
                        part.equals(part.toUpperCase(Locale.ROOT))
                                ? part.toLowerCase(Locale.ROOT)
                                : Character.toLowerCase(part.charAt(0)) + part.substring(1));
            } else {
                result.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
            }
        }
        return result.length() == 0 ? "value" : result.toString();
    }

    /**
     * An enum constant for a wire value: {@code 1_hour_before} → {@code ONE_HOUR_BEFORE}, {@code
     * inProgress} → {@code IN_PROGRESS}, {@code in-progress} → {@code IN_PROGRESS}.
     */
    static String constantName(String wireValue) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < wireValue.length(); i++) {
            char c = wireValue.charAt(i);
            if (!(c < 128 && Character.isLetterOrDigit(c))) {
                flush(word, words);
                continue;
            }
            if (word.length() > 0) {
                char previous = word.charAt(word.length() - 1);
                boolean lowerToUpper = Character.isLowerCase(previous) && Character.isUpperCase(c);
                boolean digitEdge = Character.isDigit(previous) != Character.isDigit(c);
                if (lowerToUpper || digitEdge) {
                    flush(word, words);
                }
            }
            word.append(c);
        }
        flush(word, words);
        if (words.isEmpty()) {
            return wireValue.isEmpty() ? "EMPTY" : "VALUE";
        }
        if (Character.isDigit(words.get(0).charAt(0))) {
            words.set(0, spelled(words.get(0)));
        }
        return String.join("_", words).toUpperCase(Locale.ROOT);
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    /** 1 → ONE, 24 → TWENTY_FOUR; larger numbers keep their digits behind an N. */
    private static String spelled(String digits) {
        if (digits.length() > 2 || (digits.length() == 2 && digits.charAt(0) == '0')) {
            return "N" + digits;
        }
        int n = Integer.parseInt(digits);
        if (n < 20) {
            return ONES[n];
        }
        return TENS[n / 10] + (n % 10 == 0 ? "" : "_" + ONES[n % 10]);
    }
    /**
     * {@code type}, with the text JavaPoet caches lazily in each of its names ({@code toString()},
     * {@code simpleNames()}) made now. A name kept in a model lives as long as the run and reaches
     * the old generation early; if JavaPoet first filled those caches while writing a file, every such
     * name would point at a young string, and each young collection would scan those cards again
     * until the strings aged out, about 15 collections later (bench/gc.sh shows the scan). Made with
     * the name, the caches age with it.
     */
    static <T extends TypeName> T settled(T type) {
        settle(type);
        return type;
    }

    private static void settle(TypeName type) {
        if (type instanceof ClassName name) {
            for (ClassName c = name; c != null; c = c.enclosingClassName()) {
                c.simpleNames();
                c.toString();
            }
        } else if (type instanceof ParameterizedTypeName parameterized) {
            if (parameterized.enclosingType() != null) {
                settle(parameterized.enclosingType());
            }
            settle(parameterized.rawType());
            parameterized.typeArguments().forEach(JavaNames::settle);
        } else if (type instanceof WildcardTypeName wildcard) {
            wildcard.upperBounds().forEach(JavaNames::settle);
            wildcard.lowerBounds().forEach(JavaNames::settle);
        } else if (type instanceof ArrayTypeName array) {
            settle(array.componentType());
        }
        type.toString();
    }

    /**
     * {@code names.newName(suggestion)}, with a tag of its own instead of JavaPoet's: {@link
     * NameAllocator#newName(String)} tags each name with {@code UUID.randomUUID()}, a read of the
     * system's secure random source, under one lock that both workers wait on. The names are the same.
     */
    static String allocate(NameAllocator names, String suggestion) {
        return names.newName(suggestion, new Object());
    }
}
