package io.github.eventcat.catalog.lint;

import io.github.eventcat.catalog.SchemaFormat;
import io.github.eventcat.catalog.lint.Shapes.Kind;
import java.util.Locale;
import java.util.Set;

/** The rules about every record, field and enum of every schema file, event or not. */
final class SchemaChecks {
    private static final Set<String> MONEY_WORDS = Set.of(
            "amount",
            "price",
            "total",
            "subtotal",
            "cost",
            "fee",
            "fees",
            "tax",
            "vat",
            "balance",
            "discount",
            "money",
            "salary",
            "refund",
            "payment",
            "charge");
    private static final java.util.regex.Pattern SYMBOL =
            java.util.regex.Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

    private SchemaChecks() {}

    static void check(Shapes.File file, Findings findings) {
        for (Shapes.Record record : file.records()) {
            closedContentModel(file.path(), record, findings);
            for (Shapes.Field field : record.fields()) {
                fieldNameCase(file.path(), record, field, findings);
                fieldDoc(file.path(), record, field, findings);
                money(file.path(), record, field, findings);
            }
        }
        for (Shapes.Enum e : file.enums()) {
            enumSymbols(file.path(), e, findings);
            if (e.format() == SchemaFormat.AVRO && !e.hasDefault()) {
                findings.add(
                        LintRule.ENUM_HAS_UNKNOWN,
                        file.path(),
                        e.location(),
                        e.pointer(),
                        "enum \"" + e.name() + "\" has no \"default\": a consumer still on this schema fails on"
                                + " the first symbol a producer adds later",
                        "add a symbol such as \"UNKNOWN\" and \"default\": \"UNKNOWN\" (old readers then read new"
                                + " symbols as UNKNOWN)");
            }
        }
    }

    private static void closedContentModel(String file, Shapes.Record record, Findings findings) {
        if (record.closed().isPresent() && !record.closed().get()) {
            findings.add(
                    LintRule.JSON_CLOSED_CONTENT_MODEL,
                    file,
                    record.location(),
                    record.pointer(),
                    "object " + record.shownName() + " has an open content model: adding a property to it"
                            + " later is a breaking change",
                    "add \"additionalProperties\": false");
        }
    }

    private static void fieldNameCase(String file, Shapes.Record record, Shapes.Field field, Findings findings) {
        LintConfig.Casing casing = findings.config().casing();
        if (!casing.matches(field.name())) {
            findings.add(
                    LintRule.FIELD_NAME_CASE,
                    file,
                    field.location(),
                    field.pointer(),
                    fieldName(record, field) + " is not " + casing.word() + ", the catalog's field name casing",
                    "rename it to \"" + casing.convert(field.name()) + "\" (or set lint.rules.FIELD_NAME_CASE.casing)");
        }
    }

    private static void fieldDoc(String file, Shapes.Record record, Shapes.Field field, Findings findings) {
        if (!field.documented()) {
            boolean avro = record.format() == SchemaFormat.AVRO;
            findings.add(
                    LintRule.FIELD_DOC,
                    file,
                    field.location(),
                    field.pointer(),
                    fieldName(record, field) + " has no " + (avro ? "\"doc\"" : "\"description\""),
                    "add " + (avro ? "\"doc\"" : "\"description\"") + ": \"<what the value means, its unit>\"");
        }
    }

    private static void money(String file, Shapes.Record record, Shapes.Field field, Findings findings) {
        Kind kind = field.type().kind();
        if (kind != Kind.FLOAT && kind != Kind.DOUBLE && kind != Kind.NUMBER) {
            return;
        }
        boolean money = Words.split(field.name()).stream()
                .anyMatch(word -> MONEY_WORDS.contains(word.toLowerCase(Locale.ROOT)));
        if (!money) {
            return;
        }
        boolean avro = record.format() == SchemaFormat.AVRO;
        findings.add(
                LintRule.MONEY_AS_DECIMAL,
                file,
                field.location(),
                field.pointer(),
                fieldName(record, field) + " looks like money but is "
                        + field.type().display() + ": floating point cannot hold 0.10 exactly, so sums drift",
                avro
                        ? "use {\"type\": \"bytes\", \"logicalType\": \"decimal\", \"precision\": 12, \"scale\": 2}"
                        : "use {\"type\": \"string\", \"pattern\": \"^-?[0-9]+(\\\\.[0-9]+)?$\"} (a decimal in a"
                                + " string) or an integer of minor units (cents)");
    }

    private static void enumSymbols(String file, Shapes.Enum e, Findings findings) {
        for (String symbol : e.symbols()) {
            if (!SYMBOL.matcher(symbol).matches()) {
                String suggested = LintConfig.Casing.SNAKE_CASE.convert(symbol).toUpperCase(Locale.ROOT);
                findings.add(
                        LintRule.ENUM_SYMBOL_CASE,
                        file,
                        e.location(),
                        e.pointer(),
                        "symbol \"" + symbol + "\" of enum \"" + e.name() + "\" is not UPPER_SNAKE_CASE",
                        "rename it to \"" + suggested + "\"");
            }
        }
    }

    static String fieldName(Shapes.Record record, Shapes.Field field) {
        return (record.format() == SchemaFormat.AVRO ? "field \"" : "property \"") + field.name() + "\" of "
                + record.shownName();
    }
}
