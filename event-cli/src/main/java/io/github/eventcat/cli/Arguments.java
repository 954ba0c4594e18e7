package io.github.eventcat.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The options of one command: {@code --name value}, {@code --name=value} or a bare {@code --flag}.
 * Which names take a value and which are flags is fixed per command, so a typo is reported with the
 * valid names rather than silently ignored.
 */
final class Arguments {
    private final String command;
    private final Map<String, String> values;
    private final Set<String> flags;

    private Arguments(String command, Map<String, String> values, Set<String> flags) {
        this.command = command;
        this.values = values;
        this.flags = flags;
    }

    /**
     * @param valued option names (without {@code --}) that take a value
     * @param switches option names that take none
     */
    static Arguments parse(String command, List<String> args, Set<String> valued, Set<String> switches) {
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> flags = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                problems.add("unexpected argument '" + arg + "': options start with --");
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (switches.contains(name)) {
                if (value != null) {
                    problems.add("--" + name + " takes no value");
                }
                flags.add(name);
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        problems.add("--" + name + " needs a value");
                        continue;
                    }
                    value = args.get(++i);
                }
                if (values.put(name, value) != null) {
                    problems.add("--" + name + " is given twice");
                }
            } else {
                Set<String> known = new TreeSet<>(valued);
                known.addAll(switches);
                problems.add(
                        "unknown option --" + name + " for '" + command + "'; valid: --" + String.join(", --", known));
            }
        }
        if (!problems.isEmpty()) {
            throw CliException.usage(String.join("\n", problems));
        }
        return new Arguments(command, values, flags);
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    String required(String name) {
        return value(name).orElseThrow(() -> CliException.usage("'" + command + "' needs --" + name));
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    Optional<Integer> positiveInt(String name) {
        return value(name).map(text -> {
            try {
                int value = Integer.parseInt(text.trim());
                if (value > 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw CliException.usage("--" + name + " must be a positive whole number, not '" + text + "'");
        });
    }

    /** {@code 10s}, {@code 500ms}, {@code 2m}, a number of seconds, or ISO-8601 ({@code PT10S}). */
    Optional<Duration> duration(String name) {
        return value(name).map(text -> parseDuration(name, text.trim()));
    }

    static Duration parseDuration(String name, String text) {
        try {
            Duration duration;
            if (text.endsWith("ms")) {
                duration = Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            } else if (text.endsWith("s")) {
                duration = Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
            } else if (text.endsWith("m") && !text.startsWith("P")) {
                duration = Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
            } else if (text.startsWith("P") || text.startsWith("p")) {
                duration = Duration.parse(text);
            } else {
                duration = Duration.ofSeconds(Long.parseLong(text));
            }
            if (!duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            // reported below
        }
        throw CliException.usage(
                "--" + name + " must be a positive duration such as 10s, 500ms or 2m, not '" + text + "'");
    }
}
