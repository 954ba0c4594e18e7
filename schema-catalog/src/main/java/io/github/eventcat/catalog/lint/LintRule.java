package io.github.eventcat.catalog.lint;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The lint rules. Their names are stable ids: catalog.yaml, in-schema ignores and reports use
 * them. Every rule is in the default set; what breaks consumers is an error by default, style a
 * warning (docs/lint.md says why for each).
 */
public enum LintRule {
    EVENT_NAME_PAST_TENSE(LintSeverity.WARNING, "an event is named for what happened, in the past tense", "allow"),
    EVENT_ID_PRESENT(LintSeverity.WARNING, "every event names an event-id field of type uuid"),
    OCCURRED_ON_PRESENT(LintSeverity.WARNING, "every event has a non-null timestamp with time zone"),
    FIELD_NAME_CASE(LintSeverity.WARNING, "one field name casing per catalog", "casing"),
    EVENT_DOC(LintSeverity.WARNING, "every event is documented"),
    FIELD_DOC(LintSeverity.WARNING, "every field is documented"),
    MONEY_AS_DECIMAL(LintSeverity.ERROR, "money fields are decimals, never floating point"),
    KEY_FIELD_REQUIRED(
            LintSeverity.ERROR, "the topic's key field is required, non-null and of one type in every event"),
    ENUM_SYMBOL_CASE(LintSeverity.WARNING, "enum symbols are UPPER_SNAKE_CASE"),
    ENUM_HAS_UNKNOWN(LintSeverity.ERROR, "an Avro enum has a default symbol, so old readers survive new symbols"),
    JSON_CLOSED_CONTENT_MODEL(LintSeverity.WARNING, "a JSON Schema object sets \"additionalProperties\": false"),
    TOPIC_NAME_PATTERN(LintSeverity.WARNING, "topic names match a pattern", "pattern");

    /** The group name that stands for every rule of the default set in {@code use}. */
    public static final String DEFAULT = "DEFAULT";

    private final LintSeverity defaultSeverity;
    private final String summary;
    private final Set<String> options;

    LintRule(LintSeverity defaultSeverity, String summary, String... options) {
        this.defaultSeverity = defaultSeverity;
        this.summary = summary;
        this.options = Set.of(options);
    }

    public LintSeverity defaultSeverity() {
        return defaultSeverity;
    }

    public String summary() {
        return summary;
    }

    /** The options the rule takes under {@code lint.rules.<RULE>}, besides {@code severity}. */
    Set<String> options() {
        return options;
    }

    /** The default set: every rule (a rule added later may stay out of it until it is proven). */
    public static List<LintRule> defaultSet() {
        return List.of(values());
    }

    static String ids() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
