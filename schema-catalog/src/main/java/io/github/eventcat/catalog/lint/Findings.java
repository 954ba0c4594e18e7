package io.github.eventcat.catalog.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects findings, dropping those of rules that are not used, of files the configuration
 * ignores for the rule, and of places in a schema that ignore the rule themselves.
 */
final class Findings {
    private final LintConfig config;
    private final Map<String, Map<String, Set<LintRule>>> inSchemaIgnores;
    private final List<LintFinding> findings = new ArrayList<>();

    Findings(LintConfig config, Map<String, Map<String, Set<LintRule>>> inSchemaIgnores) {
        this.config = config;
        this.inSchemaIgnores = inSchemaIgnores;
    }

    boolean uses(LintRule rule) {
        return config.rules().contains(rule);
    }

    LintConfig config() {
        return config;
    }

    void add(LintRule rule, String file, String location, String pointer, String message, String fix) {
        add(rule, file, location, pointer, message, fix, file);
    }

    /**
     * A finding in one file about another ({@code about}): catalog.yaml's entry of an event is about
     * the event's schema file, and {@code lint.ignore} globs naming either file drop it.
     */
    void add(LintRule rule, String file, String location, String pointer, String message, String fix, String about) {
        if (!uses(rule)
                || config.ignored(rule, file)
                || config.ignored(rule, about)
                || ignoredInSchema(rule, file, pointer)) {
            return;
        }
        findings.add(new LintFinding(rule, config.severity(rule), file, location, pointer, message, fix));
    }

    /** An ignore on an object covers the object and everything inside it. */
    private boolean ignoredInSchema(LintRule rule, String file, String pointer) {
        for (Map.Entry<String, Set<LintRule>> ignore :
                inSchemaIgnores.getOrDefault(file, Map.of()).entrySet()) {
            String at = ignore.getKey();
            boolean covers = pointer.equals(at) || at.isEmpty() || pointer.startsWith(at + "/");
            if (covers && ignore.getValue().contains(rule)) {
                return true;
            }
        }
        return false;
    }

    List<LintFinding> sorted() {
        List<LintFinding> sorted = new ArrayList<>(findings);
        sorted.sort(LintFinding.ORDER);
        return sorted;
    }
}
