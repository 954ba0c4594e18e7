package io.github.eventcat.catalog.lint;

import static io.github.eventcat.catalog.lint.LintTestCatalogs.AVRO_EVENT;
import static io.github.eventcat.catalog.lint.LintTestCatalogs.JSON_EVENT;
import static io.github.eventcat.catalog.lint.LintTestCatalogs.JSON_MANIFEST;
import static io.github.eventcat.catalog.lint.LintTestCatalogs.MANIFEST;
import static io.github.eventcat.catalog.lint.LintTestCatalogs.avroWith;
import static io.github.eventcat.catalog.lint.LintTestCatalogs.jsonWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule, hit and not hit, on Avro and JSON Schema events. */
class LintRulesTest {
    @TempDir
    Path dir;

    private LintTestCatalogs catalog() {
        return new LintTestCatalogs(dir);
    }

    private static List<String> rendered(LintResult result) {
        return result.findings().stream().map(LintFinding::toString).toList();
    }

    private static List<LintRule> rules(LintResult result) {
        return result.findings().stream().map(LintFinding::rule).toList();
    }

    @Test
    void avroEventFollowingEveryRuleHasNoFindings() {
        assertThat(rendered(catalog().avro(MANIFEST, AVRO_EVENT).lint())).isEmpty();
    }

    @Test
    void jsonEventFollowingEveryRuleHasNoFindings() {
        assertThat(rendered(catalog().json(JSON_MANIFEST, JSON_EVENT).lint())).isEmpty();
    }

    @Test
    void commandNameIsNotPastTense() {
        LintResult result = catalog()
                .avro(MANIFEST, AVRO_EVENT.replace("TicketOpened", "OpenTicket"))
                .lint();
        assertThat(rendered(result))
                .containsExactly(
                        "schemas/event.avsc:3:11: warning: [EVENT_NAME_PAST_TENSE]"
                                + " event \"OpenTicket\" is not named in the past tense: an event records a fact that happened, not a"
                                + " command or a state — name it <thing><verb in the past tense>, e.g. \"TicketOpened\" rather than"
                                + " \"OpenTicket\" or \"TicketOpen\" (or add \"OpenTicket\" to lint.rules.EVENT_NAME_PAST_TENSE.allow)");
    }

    @Test
    void stateNameIsNotPastTense() {
        assertThat(rules(catalog()
                        .json(JSON_MANIFEST, JSON_EVENT.replace("TaskCreated", "TaskOpen"))
                        .lint()))
                .containsExactly(LintRule.EVENT_NAME_PAST_TENSE);
    }

    @Test
    void irregularPastParticiplesAndSuffixesAreAccepted() {
        assertThat(PastTense.isPastTense("InvoiceSent")).isTrue();
        assertThat(PastTense.isPastTense("OrderPaid")).isTrue();
        assertThat(PastTense.isPastTense("TicketOpenedV2")).isTrue();
        assertThat(PastTense.isPastTense("TicketOpenedEvent")).isTrue();
        assertThat(PastTense.isPastTense("NewsFeed")).isFalse();
        assertThat(PastTense.isPastTense("TicketOpen")).isFalse();
    }

    @Test
    void allowListAcceptsANameAsItIs() {
        String manifest = MANIFEST + "lint:\n  rules:\n    EVENT_NAME_PAST_TENSE: {allow: [OpenTicket]}\n";
        assertThat(rendered(catalog()
                        .avro(manifest, AVRO_EVENT.replace("TicketOpened", "OpenTicket"))
                        .lint()))
                .isEmpty();
    }

    @Test
    void eventWithoutEventIdIsReportedAtItsManifestEntry() {
        LintResult result = catalog()
                .avro(
                        MANIFEST.replace("{schema: schemas/event.avsc, event-id: event_id}", "schemas/event.avsc"),
                        AVRO_EVENT)
                .lint();
        assertThat(rendered(result))
                .containsExactly("catalog.yaml:7:9: warning: [EVENT_ID_PRESENT] event"
                        + " \"TicketOpened\" of topic \"tickets\" names no event-id: consumers cannot tell a redelivered event"
                        + " from a new one — add a uuid field (e.g. event_id) and write the entry as {schema:"
                        + " schemas/event.avsc, event-id: event_id}");
    }

    @Test
    void eventIdThatIsNoUuidIsReportedAtTheField() {
        LintResult result = catalog()
                .avro(MANIFEST, AVRO_EVENT.replace("{\"type\": \"string\", \"logicalType\": \"uuid\"}", "\"long\""))
                .lint();
        assertThat(rendered(result))
                .containsExactly("schemas/event.avsc:7:14: warning: [EVENT_ID_PRESENT]"
                        + " event-id field \"event_id\" of \"TicketOpened\" is long, not a non-null uuid — make its type"
                        + " {\"type\": \"string\", \"logicalType\": \"uuid\"}");
    }

    @Test
    void jsonEventIdWithoutUuidFormatIsReported() {
        LintResult result = catalog()
                .json(
                        JSON_MANIFEST,
                        JSON_EVENT.replace("{\"type\": \"string\", \"format\": \"uuid\",", "{\"type\": \"string\","))
                .lint();
        assertThat(rules(result)).containsExactly(LintRule.EVENT_ID_PRESENT);
        assertThat(result.findings().get(0).location()).isEqualTo("7:5");
    }

    @Test
    void eventWithoutTimestampHasNoOccurredOn() {
        LintResult result = catalog()
                .avro(MANIFEST, AVRO_EVENT.replace("\"timestamp-millis\"", "\"local-timestamp-millis\""))
                .lint();
        assertThat(rendered(result))
                .containsExactly(
                        "schemas/event.avsc:3:11: warning: [OCCURRED_ON_PRESENT]"
                                + " event \"TicketOpened\" has no required timestamp with time zone saying when it happened — add"
                                + " {\"name\": \"occurred_on\", \"type\": {\"type\": \"long\", \"logicalType\": \"timestamp-millis\"}}");
    }

    @Test
    void nullableTimestampIsNoOccurredOn() {
        LintResult result = catalog()
                .avro(
                        MANIFEST,
                        AVRO_EVENT.replace(
                                "{\"type\": \"long\", \"logicalType\": \"timestamp-millis\"}",
                                "[\"null\", {\"type\": \"long\", \"logicalType\": \"timestamp-micros\"}], \"default\": null"))
                .lint();
        assertThat(rules(result)).containsExactly(LintRule.OCCURRED_ON_PRESENT);
    }

    @Test
    void jsonTimestampMustBeRequired() {
        LintResult result = catalog()
                .json(
                        JSON_MANIFEST,
                        JSON_EVENT.replace(
                                "\"required\": [\"event_id\", \"ticket_id\", \"occurred_on\"]",
                                "\"required\": [\"event_id\", \"ticket_id\"]"))
                .lint();
        assertThat(rules(result)).containsExactly(LintRule.OCCURRED_ON_PRESENT);
    }

    @Test
    void camelCaseFieldInSnakeCaseCatalog() {
        LintResult result = catalog()
                .avro(MANIFEST, avroWith("{\"name\": \"repairType\", \"type\": \"string\", \"doc\": \"What.\"}"))
                .lint();
        assertThat(rendered(result))
                .containsExactly("schemas/event.avsc:10:14: warning: [FIELD_NAME_CASE] field"
                        + " \"repairType\" of \"TicketOpened\" is not snake_case, the catalog's field name casing — rename it to"
                        + " \"repair_type\" (or set lint.rules.FIELD_NAME_CASE.casing)");
    }

    @Test
    void camelCaseCatalogFlagsSnakeCaseFields() {
        String manifest = MANIFEST.replace("ticket_id", "ticketId").replace("event-id: event_id", "event-id: eventId")
                + "lint:\n  rules:\n    FIELD_NAME_CASE: {casing: camelCase}\n";
        String event = AVRO_EVENT.replace("\"ticket_id\"", "\"ticketId\"").replace("\"event_id\"", "\"eventId\"");
        LintResult result = catalog().avro(manifest, event).lint();
        assertThat(rendered(result))
                .containsExactly("schemas/event.avsc:9:14: warning: [FIELD_NAME_CASE] field"
                        + " \"occurred_on\" of \"TicketOpened\" is not camelCase, the catalog's field name casing — rename it to"
                        + " \"occurredOn\" (or set lint.rules.FIELD_NAME_CASE.casing)");
    }

    @Test
    void avroEventWithoutDoc() {
        LintResult result = catalog()
                .avro(MANIFEST, AVRO_EVENT.replace("  \"doc\": \"A ticket was opened.\",\n", ""))
                .lint();
        assertThat(rendered(result))
                .containsExactly(
                        "schemas/event.avsc:3:11: warning: [EVENT_DOC] event"
                                + " \"TicketOpened\" has no \"doc\" — add \"doc\": \"<what happened, and when it is published>\"");
    }

    @Test
    void jsonEventWithoutDescription() {
        LintResult result = catalog()
                .json(JSON_MANIFEST, JSON_EVENT.replace("  \"description\": \"A task was created.\",\n", ""))
                .lint();
        assertThat(rules(result)).containsExactly(LintRule.EVENT_DOC);
        assertThat(result.findings().get(0).location()).isEqualTo("3:12");
    }

    @Test
    void fieldsWithoutDocIncludingNestedRecords() {
        LintResult result = catalog()
                .avro(
                        MANIFEST,
                        avroWith(
                                "{\"name\": \"car\", \"doc\": \"The car.\", \"type\": {\"type\":"
                                        + " \"record\", \"name\": \"Car\", \"fields\": [{\"name\": \"plate\", \"type\": \"string\"}]}}"))
                .lint();
        assertThat(rendered(result))
                .containsExactly("schemas/event.avsc:10:102: warning: [FIELD_DOC] field \"plate\""
                        + " of \"Car\" has no \"doc\" — add \"doc\": \"<what the value means, its unit>\"");
    }

    @Test
    void jsonPropertyWithoutDescription() {
        LintResult result = catalog()
                .json(JSON_MANIFEST, jsonWith("\"note\": {\"type\": \"string\"}"))
                .lint();
        assertThat(rendered(result))
                .containsExactly("schemas/event.json:10:5: warning: [FIELD_DOC] property"
                        + " \"note\" of \"TaskCreated\" has no \"description\" — add \"description\": \"<what the value means,"
                        + " its unit>\"");
    }

    @Test
    void moneyAsDoubleIsAnError() {
        LintResult result = catalog()
                .avro(MANIFEST, avroWith("{\"name\": \"total_price\", \"type\": \"double\", \"doc\": \"Paid.\"}"))
                .lint();
        assertThat(rendered(result))
                .containsExactly("schemas/event.avsc:10:14: error: [MONEY_AS_DECIMAL] field"
                        + " \"total_price\" of \"TicketOpened\" looks like money but is double: floating point cannot hold 0.10"
                        + " exactly, so sums drift — use {\"type\": \"bytes\", \"logicalType\": \"decimal\", \"precision\": 12,"
                        + " \"scale\": 2}");
        assertThat(result.hasErrors()).isTrue();
    }

    @Test
    void moneyAsJsonNumber() {
        LintResult result = catalog()
                .json(
                        JSON_MANIFEST,
                        jsonWith("\"amount\": {\"type\": [\"number\", \"null\"], \"description\": \"Paid.\"}"))
                .lint();
        assertThat(rules(result)).containsExactly(LintRule.MONEY_AS_DECIMAL);
        assertThat(result.findings().get(0).fix()).contains("minor units");
    }

    @Test
    void moneyAsDecimalAndNonMoneyDoublesPass() {
        LintResult result = catalog()
                .avro(
                        MANIFEST,
                        avroWith("{\"name\": \"amount\", \"type\": {\"type\": \"bytes\","
                                + " \"logicalType\": \"decimal\", \"precision\": 10, \"scale\": 2}, \"doc\": \"Paid.\"},"
                                + " {\"name\": \"latitude\", \"type\": \"double\", \"doc\": \"Where.\"}"))
                .lint();
        assertThat(rendered(result)).isEmpty();
    }

    @Test
    void keyWithDifferentLogicalTypesAcrossEvents() {
        // A key of another Avro/JSON type is refused by the loader; a uuid key in one event and a
        // plain string in another still loads (both are strings), and this rule names it.
        String manifest = MANIFEST + "      - schemas/closed.avsc\n";
        String closed = AVRO_EVENT
                .replace("TicketOpened", "TicketClosed")
                .replace(
                        "\"name\": \"ticket_id\", \"type\": \"string\"",
                        "\"name\": \"ticket_id\", \"type\": {\"type\": \"string\", \"logicalType\": \"uuid\"}")
                .replace("{\"name\": \"event_id\"", "{\"name\": \"event_id2\"");
        LintResult result = catalog()
                .avro(manifest, AVRO_EVENT)
                .file("schemas/closed.avsc", closed)
                .lint();
        assertThat(rendered(result)).anySatisfy(line -> assertThat(line)
                .startsWith(
                        "schemas/closed.avsc:8:14: error: [KEY_FIELD_REQUIRED] field \"ticket_id\" of \"TicketClosed\" is the key of topic \"tickets\" with type ")
                .contains("but in event \"TicketOpened\" it is string: one key, one type"));
    }

    @Test
    void keyOfOneTypeInEveryEventPasses() {
        String manifest = MANIFEST + "      - {schema: schemas/closed.avsc, event-id: event_id}\n";
        String closed = AVRO_EVENT.replace("TicketOpened", "TicketClosed");
        assertThat(rendered(catalog()
                        .avro(manifest, AVRO_EVENT)
                        .file("schemas/closed.avsc", closed)
                        .lint()))
                .isEmpty();
    }

    @Test
    void lowerCaseEnumSymbolsWithoutDefault() {
        LintResult result = catalog()
                .avro(
                        MANIFEST,
                        avroWith(
                                "{\"name\": \"kind\", \"doc\": \"What.\", \"type\":"
                                        + " {\"type\": \"enum\", \"name\": \"Kind\", \"symbols\": [\"GLASS\", \"body_work\"]}}"))
                .lint();
        assertThat(rendered(result))
                .containsExactly(
                        "schemas/event.avsc:10:71: warning: [ENUM_SYMBOL_CASE] symbol \"body_work\" of enum \"t.Kind\" is"
                                + " not UPPER_SNAKE_CASE — rename it to \"BODY_WORK\"",
                        "schemas/event.avsc:10:71: error: [ENUM_HAS_UNKNOWN] enum \"t.Kind\" has no \"default\": a consumer"
                                + " still on this schema fails on the first symbol a producer adds later — add a symbol such as"
                                + " \"UNKNOWN\" and \"default\": \"UNKNOWN\" (old readers then read new symbols as UNKNOWN)");
    }

    @Test
    void upperCaseEnumWithDefaultPasses() {
        LintResult result = catalog()
                .avro(
                        MANIFEST,
                        avroWith(
                                "{\"name\": \"kind\", \"doc\": \"What.\", \"type\":"
                                        + " {\"type\": \"enum\", \"name\": \"Kind\", \"symbols\": [\"UNKNOWN\", \"GLASS\"], \"default\": \"UNKNOWN\"}}"))
                .lint();
        assertThat(rendered(result)).isEmpty();
    }

    @Test
    void jsonEnumsAreCheckedForCaseButNeedNoDefault() {
        LintResult result = catalog()
                .json(
                        JSON_MANIFEST,
                        jsonWith("\"kind\": {\"type\": \"string\", \"enum\": [\"GLASS\","
                                + " \"body\"], \"description\": \"What.\"}"))
                .lint();
        assertThat(rules(result)).containsExactly(LintRule.ENUM_SYMBOL_CASE);
    }

    @Test
    void openJsonObjectsEvenNested() {
        LintResult result = catalog()
                .json(
                        JSON_MANIFEST,
                        jsonWith(
                                "\"car\": {\"type\": \"object\", \"description\":"
                                        + " \"The car.\", \"properties\": {\"plate\": {\"type\": \"string\", \"description\": \"Plate.\"}}}"))
                .lint();
        assertThat(rendered(result))
                .containsExactly("schemas/event.json:10:12: warning: [JSON_CLOSED_CONTENT_MODEL]"
                        + " object the object at #/properties/car has an open content model: adding a property to it later is a"
                        + " breaking change — add \"additionalProperties\": false");
    }

    @Test
    void unevaluatedPropertiesFalseClosesAnObject() {
        LintResult result = catalog()
                .json(
                        JSON_MANIFEST,
                        JSON_EVENT.replace("\"additionalProperties\": false", "\"unevaluatedProperties\": false"))
                .lint();
        assertThat(rendered(result)).isEmpty();
    }

    @Test
    void topicNameAgainstTheDefaultPattern() {
        LintResult result = catalog()
                .avro(MANIFEST.replace("tickets:", "Tickets:"), AVRO_EVENT)
                .lint();
        assertThat(rendered(result))
                .containsExactly("catalog.yaml:4:3: warning: [TOPIC_NAME_PATTERN] topic"
                        + " \"Tickets\" does not match the pattern [a-z][a-z0-9]*([._-][a-z0-9]+)* — rename the topic (a rename"
                        + " is a new topic: consumers must move) or set lint.rules.TOPIC_NAME_PATTERN.pattern");
    }

    @Test
    void topicNameAgainstAConfiguredPattern() {
        String manifest = MANIFEST + "lint:\n  rules:\n    TOPIC_NAME_PATTERN: {pattern: 'shop\\.[a-z]+'}\n";
        assertThat(rules(catalog().avro(manifest, AVRO_EVENT).lint())).containsExactly(LintRule.TOPIC_NAME_PATTERN);
        String renamed = manifest.replace("  tickets:", "  shop.tickets:");
        assertThat(rules(new LintTestCatalogs(dir.resolve("renamed"))
                        .avro(renamed, AVRO_EVENT)
                        .lint()))
                .isEmpty();
    }
}
