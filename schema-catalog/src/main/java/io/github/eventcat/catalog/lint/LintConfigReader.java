package io.github.eventcat.catalog.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.eventcat.catalog.CatalogProblem;
import io.github.eventcat.catalog.SourceDocument;
import io.github.eventcat.catalog.lint.LintConfig.Casing;
import io.github.eventcat.catalog.lint.LintConfig.Glob;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the {@code lint} section of catalog.yaml (which the catalog loader accepts without
 * looking inside), reporting every mistake in it at its {@code line:column}.
 */
final class LintConfigReader {
    static final String FILE = "catalog.yaml";
    private static final Set<String> KEYS = Set.of("use", "except", "ignore", "rules");

    private final SourceDocument manifest;
    private final List<CatalogProblem> problems;

    private LintConfigReader(SourceDocument manifest, List<CatalogProblem> problems) {
        this.manifest = manifest;
        this.problems = problems;
    }

    /** The configuration; problems in it are added to {@code problems}. */
    static LintConfig read(SourceDocument manifest, List<CatalogProblem> problems) {
        return new LintConfigReader(manifest, problems).read();
    }

    private LintConfig read() {
        LintConfig defaults = LintConfig.defaults();
        JsonNode lint = manifest.root().get("lint");
        if (lint == null || lint.isNull()) {
            return defaults;
        }
        if (!lint.isObject()) {
            problem(
                    "/lint",
                    "\"lint\" must be a mapping with the keys " + String.join(", ", sorted(KEYS))
                            + ", e.g. lint: {use: [DEFAULT], except: [FIELD_DOC]}");
            return defaults;
        }
        unknownKeys(lint, "/lint", KEYS, "in \"lint\"");
        Set<LintRule> rules = EnumSet.noneOf(LintRule.class);
        JsonNode use = lint.get("use");
        if (use == null || use.isNull()) {
            rules.addAll(LintRule.defaultSet());
        } else {
            for (Item item : strings(use, "/lint/use", "\"use\"")) {
                if (item.text().equals(LintRule.DEFAULT)) {
                    rules.addAll(LintRule.defaultSet());
                } else {
                    rule(item.text(), item.pointer(), true).ifPresent(rules::add);
                }
            }
        }
        JsonNode except = lint.get("except");
        if (except != null && !except.isNull()) {
            for (Item item : strings(except, "/lint/except", "\"except\"")) {
                rule(item.text(), item.pointer(), false).ifPresent(rules::remove);
            }
        }
        Map<LintRule, List<Glob>> ignores = ignores(lint.get("ignore"));
        Map<LintRule, LintSeverity> severities = new EnumMap<>(defaults.severities());
        Casing casing = defaults.casing();
        Pattern topicPattern = defaults.topicPattern();
        Set<String> allow = new LinkedHashSet<>();
        JsonNode options = lint.get("rules");
        if (options != null && !options.isNull()) {
            if (!options.isObject()) {
                problem(
                        "/lint/rules",
                        "\"rules\" must be a mapping from rule id to its options, e.g."
                                + " rules: {FIELD_NAME_CASE: {casing: camelCase}}");
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    String pointer = "/lint/rules/" + SourceDocument.segment(entry.getKey());
                    Optional<LintRule> rule = ruleAtKey(entry.getKey(), pointer);
                    if (rule.isEmpty()) {
                        continue;
                    }
                    JsonNode value = entry.getValue();
                    if (!value.isObject()) {
                        problem(pointer, "the options of " + rule.get() + " must be a mapping, e.g. {severity: error}");
                        continue;
                    }
                    Set<String> allowed = new LinkedHashSet<>(rule.get().options());
                    allowed.add("severity");
                    unknownKeys(value, pointer, allowed, "in the options of " + rule.get());
                    severity(value.get("severity"), pointer + "/severity")
                            .ifPresent(s -> severities.put(rule.get(), s));
                    switch (rule.get()) {
                        case FIELD_NAME_CASE -> casing = casing(value.get("casing"), pointer + "/casing", casing);
                        case TOPIC_NAME_PATTERN ->
                            topicPattern = pattern(value.get("pattern"), pointer + "/pattern", topicPattern);
                        case EVENT_NAME_PAST_TENSE -> {
                            JsonNode list = value.get("allow");
                            if (list != null && !list.isNull()) {
                                strings(list, pointer + "/allow", "\"allow\"").forEach(item -> allow.add(item.text()));
                            }
                        }
                        default -> {}
                    }
                }
            }
        }
        return new LintConfig(rules, severities, ignores, casing, topicPattern, allow);
    }

    private Map<LintRule, List<Glob>> ignores(JsonNode node) {
        Map<LintRule, List<Glob>> ignores = new EnumMap<>(LintRule.class);
        if (node == null || node.isNull()) {
            return ignores;
        }
        if (!node.isObject()) {
            problem(
                    "/lint/ignore",
                    "\"ignore\" must be a mapping from rule id to file globs, e.g."
                            + " ignore: {FIELD_DOC: [schemas/legacy/*.avsc]}");
            return ignores;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String pointer = "/lint/ignore/" + SourceDocument.segment(entry.getKey());
            Optional<LintRule> rule = ruleAtKey(entry.getKey(), pointer);
            List<Glob> globs = new ArrayList<>();
            for (Item item : strings(entry.getValue(), pointer, "the ignore list of " + entry.getKey())) {
                globs.add(Glob.of(item.text()));
            }
            rule.ifPresent(
                    r -> ignores.computeIfAbsent(r, k -> new ArrayList<>()).addAll(globs));
        }
        return ignores;
    }

    private Optional<LintSeverity> severity(JsonNode node, String pointer) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        for (LintSeverity severity : LintSeverity.values()) {
            if (node.isTextual() && severity.word().equals(node.asText())) {
                return Optional.of(severity);
            }
        }
        problem(pointer, "unknown severity " + node + ": use error or warning");
        return Optional.empty();
    }

    private Casing casing(JsonNode node, String pointer, Casing fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        for (Casing casing : Casing.values()) {
            if (node.isTextual() && casing.word().equals(node.asText())) {
                return casing;
            }
        }
        problem(pointer, "unknown casing " + node + ": use snake_case or camelCase");
        return fallback;
    }

    private Pattern pattern(JsonNode node, String pointer, Pattern fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isTextual()) {
            problem(pointer, "\"pattern\" must be a regular expression in quotes, e.g. '[a-z]+(-[a-z]+)*'");
            return fallback;
        }
        try {
            return Pattern.compile(node.asText());
        } catch (PatternSyntaxException e) {
            problem(
                    pointer,
                    "\"pattern\" " + node + " is not a regular expression (" + e.getDescription() + " at index "
                            + e.getIndex() + "): fix it, e.g. '[a-z]+(-[a-z]+)*'");
            return fallback;
        }
    }

    private record Item(String text, String pointer) {}

    private List<Item> strings(JsonNode node, String pointer, String what) {
        List<Item> items = new ArrayList<>();
        if (node == null || !node.isArray()) {
            problem(pointer, what + " must be a list, e.g. [" + LintRule.FIELD_DOC + "]");
            return items;
        }
        for (int i = 0; i < node.size(); i++) {
            if (node.get(i).isTextual()) {
                items.add(new Item(node.get(i).asText(), pointer + "/" + i));
            } else {
                problem(pointer + "/" + i, "entry " + node.get(i) + " of " + what + " must be a string");
            }
        }
        return items;
    }

    private Optional<LintRule> rule(String id, String pointer, boolean groupAllowed) {
        try {
            return Optional.of(LintRule.valueOf(id));
        } catch (IllegalArgumentException e) {
            problems.add(new CatalogProblem(FILE, manifest.locate(pointer), unknownRule(id, groupAllowed)));
            return Optional.empty();
        }
    }

    private Optional<LintRule> ruleAtKey(String id, String pointer) {
        try {
            return Optional.of(LintRule.valueOf(id));
        } catch (IllegalArgumentException e) {
            problems.add(new CatalogProblem(FILE, manifest.locateKey(pointer), unknownRule(id, false)));
            return Optional.empty();
        }
    }

    static String unknownRule(String id, boolean groupAllowed) {
        return "unknown lint rule \"" + id + "\": use one of " + (groupAllowed ? LintRule.DEFAULT + ", " : "")
                + LintRule.ids() + " (see docs/lint.md)";
    }

    private void unknownKeys(JsonNode node, String pointer, Set<String> allowed, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                problems.add(new CatalogProblem(
                        FILE,
                        manifest.locateKey(pointer + "/" + SourceDocument.segment(key)),
                        "unknown key \"" + key + "\" " + where + ": the allowed keys are "
                                + String.join(", ", sorted(allowed))));
            }
        }
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }

    private void problem(String pointer, String message) {
        problems.add(new CatalogProblem(FILE, manifest.locate(pointer), message));
    }
}
