package io.github.eventcat.codegen.light.state;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The generated files of a {@link GeneratorState}, paths relative to the output directory with '/',
 * in the order recorded, grouped by directory. Read from a state file, the names stay in its text
 * until asked for: a no-op needs their number, and the names of a directory only when its time stamp
 * cannot be trusted, so it does not build thousands of strings. Immutable; equal to any list of the
 * same paths.
 */
final class GeneratedFiles extends AbstractList<String> implements RandomAccess {
    /**
     * A run of names in one directory on consecutive lines of the state file's text: each line is
     * one space and a name.
     *
     * @param directory relative to the output directory, "" for itself
     * @param start the offset of the first name line
     * @param end the offset after the last name line
     * @param count the number of names
     */
    record Run(String directory, int start, int end, int count) {}

    private static final GeneratedFiles NONE = new GeneratedFiles(null, List.of(), new String[0]);

    /** The state file's text the runs are in; null when built from paths. */
    private final String text;

    private final List<Run> runs;
    private final int size;
    /** The paths, once built. */
    private volatile String[] paths;

    private GeneratedFiles(String text, List<Run> runs, String[] paths) {
        this.text = text;
        this.runs = List.copyOf(runs);
        this.paths = paths;
        int count = 0;
        for (Run run : runs) {
            count += run.count();
        }
        this.size = paths != null ? paths.length : count;
    }

    /** The given paths (this class's instances as they are). */
    static GeneratedFiles copyOf(List<String> files) {
        if (files instanceof GeneratedFiles generated) {
            return generated;
        }
        if (files.isEmpty()) {
            return NONE;
        }
        String[] paths = files.toArray(new String[0]);
        for (String path : paths) {
            Objects.requireNonNull(path, "file == null");
        }
        return new GeneratedFiles(null, List.of(), paths);
    }

    /** The runs of name lines found in a state file's text. */
    static GeneratedFiles inText(String text, List<Run> runs) {
        return runs.isEmpty() ? NONE : new GeneratedFiles(Objects.requireNonNull(text, "text == null"), runs, null);
    }

    @Override
    public String get(int index) {
        return paths()[index];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Object[] toArray() {
        return paths().clone();
    }

    /**
     * The directories holding the files, each with the names in it (built only when asked for), in
     * the order first recorded.
     */
    Map<String, Names> byDirectory() {
        Map<String, Names> directories = new LinkedHashMap<>();
        if (text != null) {
            for (Run run : runs) {
                directories
                        .computeIfAbsent(run.directory(), d -> new Names())
                        .runs
                        .add(run);
            }
        } else {
            for (String path : paths) {
                int slash = path.lastIndexOf('/');
                directories
                        .computeIfAbsent(slash < 0 ? "" : path.substring(0, slash), d -> new Names())
                        .names
                        .add(path.substring(slash + 1));
            }
        }
        return directories;
    }

    /** The names of the files in one directory. */
    final class Names {
        private final List<Run> runs = new ArrayList<>(1);
        private final List<String> names = new ArrayList<>();

        private Names() {}

        /** Whether all of them are among the given names. */
        boolean allIn(Set<String> present) {
            // Not a method reference: on the no-op path, whose first lambda would cost a cold JVM
            // its method-handle set-up.
            Predicate<String> isPresent = new Predicate<>() {
                @Override
                public boolean test(String name) {
                    return present.contains(name);
                }
            };
            for (Run run : runs) {
                if (!eachName(run, isPresent)) {
                    return false;
                }
            }
            return present.containsAll(names);
        }
    }

    private String[] paths() {
        String[] built = paths;
        if (built == null) {
            built = new String[size];
            int i = 0;
            for (Run run : runs) {
                String prefix = run.directory().isEmpty() ? "" : run.directory() + "/";
                String[] into = built;
                int[] next = {i};
                eachName(run, name -> {
                    into[next[0]++] = prefix.concat(name);
                    return true;
                });
                i = next[0];
            }
            paths = built;
        }
        return built;
    }
    /**
     * Gives {@code action} each name line of {@code run} (its leading space and a trailing '\r'
     * dropped), in order, until it returns false.
     *
     * @return whether {@code action} took every name
     */
    private boolean eachName(Run run, Predicate<String> action) {
        for (int start = run.start(); start < run.end(); ) {
            int end = text.indexOf('\n', start);
            int next = end < 0 ? run.end() : end + 1;
            end = end < 0 ? run.end() : end;
            if (end > start && text.charAt(end - 1) == '\r') {
                end--;
            }
            if (!action.test(text.substring(start + 1, end))) {
                return false;
            }
            start = next;
        }
        return true;
    }
}
