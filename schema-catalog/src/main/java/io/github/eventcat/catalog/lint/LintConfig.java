package io.github.eventcat.catalog.lint;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The lint configuration of a catalog, from the {@code lint} section of catalog.yaml.
 *
 * @param rules the rules that run ({@code use} minus {@code except})
 * @param severities each rule's severity (its default unless {@code rules.<RULE>.severity} says)
 * @param ignores per rule, globs of catalog-relative files whose findings of that rule are dropped
 * @param casing FIELD_NAME_CASE's casing
 * @param topicPattern TOPIC_NAME_PATTERN's pattern, matched against the whole topic name
 * @param pastTenseAllow event names EVENT_NAME_PAST_TENSE accepts as they are
 */
public record LintConfig(
        Set<LintRule> rules,
        Map<LintRule, LintSeverity> severities,
        Map<LintRule, List<Glob>> ignores,
        Casing casing,
        Pattern topicPattern,
        Set<String> pastTenseAllow) {

    /** Lower case words separated by '.' or '-' (or '_'): {@code tickets}, {@code order.placed}. */
    public static final String DEFAULT_TOPIC_PATTERN = "[a-z][a-z0-9]*([._-][a-z0-9]+)*";

    public LintConfig {
        rules = rules.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(rules));
        severities = Map.copyOf(severities);
        ignores = Map.copyOf(ignores);
        Objects.requireNonNull(casing, "casing == null");
        Objects.requireNonNull(topicPattern, "topicPattern == null");
        pastTenseAllow = Set.copyOf(pastTenseAllow);
    }

    /** The configuration of a catalog without a {@code lint} section: the default set. */
    public static LintConfig defaults() {
        Map<LintRule, LintSeverity> severities = new java.util.EnumMap<>(LintRule.class);
        for (LintRule rule : LintRule.values()) {
            severities.put(rule, rule.defaultSeverity());
        }
        return new LintConfig(
                Set.copyOf(LintRule.defaultSet()),
                severities,
                Map.of(),
                Casing.SNAKE_CASE,
                Pattern.compile(DEFAULT_TOPIC_PATTERN),
                Set.of());
    }

    public LintSeverity severity(LintRule rule) {
        return severities.getOrDefault(rule, rule.defaultSeverity());
    }

    /** Whether findings of the rule in this file are ignored by {@code lint.ignore}. */
    boolean ignored(LintRule rule, String file) {
        return ignores.getOrDefault(rule, List.of()).stream().anyMatch(glob -> glob.matches(file));
    }

    /** A field name casing. */
    public enum Casing {
        SNAKE_CASE("snake_case", "[a-z][a-z0-9]*(_[a-z0-9]+)*"),
        CAMEL_CASE("camelCase", "[a-z][a-z0-9]*([A-Z][a-z0-9]*)*");

        private final String word;
        private final Pattern pattern;

        Casing(String word, String pattern) {
            this.word = word;
            this.pattern = Pattern.compile(pattern);
        }

        public String word() {
            return word;
        }

        boolean matches(String name) {
            return pattern.matcher(name).matches();
        }

        /** The name in this casing, from any of snake_case, camelCase, PascalCase or kebab-case. */
        String convert(String name) {
            List<String> words = Words.split(name);
            StringBuilder out = new StringBuilder();
            for (String w : words) {
                String lower = w.toLowerCase(java.util.Locale.ROOT);
                if (this == SNAKE_CASE) {
                    out.append(out.length() == 0 ? "" : "_").append(lower);
                } else {
                    out.append(out.length() == 0 ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
                }
            }
            return out.toString();
        }
    }

    /** A glob over catalog-relative paths: {@code *} within a directory, {@code **} across them. */
    public record Glob(String text, Pattern pattern) {
        static Glob of(String text) {
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                    boolean slash = i + 2 < text.length() && text.charAt(i + 2) == '/';
                    regex.append(slash ? "(.*/)?" : ".*");
                    i += slash ? 2 : 1;
                } else if (c == '*') {
                    regex.append("[^/]*");
                } else if (c == '?') {
                    regex.append("[^/]");
                } else {
                    regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return new Glob(text, Pattern.compile(regex.toString()));
        }

        boolean matches(String path) {
            return pattern.matcher(path.startsWith("./") ? path.substring(2) : path)
                    .matches();
        }
    }
}
