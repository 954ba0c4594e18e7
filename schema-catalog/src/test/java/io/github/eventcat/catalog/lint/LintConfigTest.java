package io.github.eventcat.catalog.lint;

import static io.github.eventcat.catalog.lint.LintTestCatalogs.AVRO_EVENT;
import static io.github.eventcat.catalog.lint.LintTestCatalogs.JSON_EVENT;
import static io.github.eventcat.catalog.lint.LintTestCatalogs.JSON_MANIFEST;
import static io.github.eventcat.catalog.lint.LintTestCatalogs.MANIFEST;
import static io.github.eventcat.catalog.lint.LintTestCatalogs.avroWith;
import static io.github.eventcat.catalog.lint.LintTestCatalogs.jsonWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eventcat.catalog.CatalogException;
import io.github.eventcat.catalog.CatalogProblem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** catalog.yaml's lint section, in-schema ignores, and mistakes in either. */
class LintConfigTest {
    @TempDir
    Path dir;

    /** An event with an undocumented camelCase field and a money double: three rules hit. */
    private static final String FLAWED = avroWith("{\"name\": \"totalPrice\", \"type\": \"double\"}");

    private static List<LintRule> rules(LintResult result) {
        return result.findings().stream().map(LintFinding::rule).toList();
    }

    private LintResult lint(String lint, String event) {
        return new LintTestCatalogs(dir).avro(MANIFEST + lint, event).lint();
    }

    private List<String> problems(String lint, String event) {
        CatalogException e = (CatalogException) org.assertj.core.api.Assertions.catchThrowable(() -> lint(lint, event));
        assertThat(e).as("a CatalogException").isNotNull();
        return e.problems().stream().map(CatalogProblem::toString).toList();
    }

    @Test
    void withoutLintSectionTheDefaultSetRuns() {
        assertThat(rules(lint("", FLAWED)))
                .containsExactly(LintRule.FIELD_NAME_CASE, LintRule.FIELD_DOC, LintRule.MONEY_AS_DECIMAL);
    }

    @Test
    void defaultSetIsEveryRuleWithItsSeverity() {
        LintConfig config = LintConfig.defaults();
        assertThat(config.rules()).containsExactlyInAnyOrder(LintRule.values());
        assertThat(config.severity(LintRule.MONEY_AS_DECIMAL)).isEqualTo(LintSeverity.ERROR);
        assertThat(config.severity(LintRule.KEY_FIELD_REQUIRED)).isEqualTo(LintSeverity.ERROR);
        assertThat(config.severity(LintRule.ENUM_HAS_UNKNOWN)).isEqualTo(LintSeverity.ERROR);
        assertThat(config.severity(LintRule.FIELD_DOC)).isEqualTo(LintSeverity.WARNING);
        assertThat(config.severity(LintRule.FIELD_NAME_CASE)).isEqualTo(LintSeverity.WARNING);
    }

    @Test
    void exceptRemovesRulesFromTheSet() {
        assertThat(rules(lint("lint:\n  use: [DEFAULT]\n  except: [FIELD_DOC, FIELD_NAME_CASE]\n", FLAWED)))
                .containsExactly(LintRule.MONEY_AS_DECIMAL);
    }

    @Test
    void useListsTheOnlyRulesThatRun() {
        assertThat(rules(lint("lint:\n  use: [FIELD_DOC]\n", FLAWED))).containsExactly(LintRule.FIELD_DOC);
    }

    @Test
    void ignoreGlobDropsARuleInMatchingFiles() {
        assertThat(rules(lint("lint:\n  ignore:\n    MONEY_AS_DECIMAL: [\"schemas/*.avsc\"]\n", FLAWED)))
                .containsExactly(LintRule.FIELD_NAME_CASE, LintRule.FIELD_DOC);
    }

    @Test
    void ignoreGlobThatMatchesNothingKeepsFindings() {
        assertThat(rules(lint("lint:\n  ignore:\n    MONEY_AS_DECIMAL: [schemas/legacy/*.avsc]\n", FLAWED)))
                .contains(LintRule.MONEY_AS_DECIMAL);
    }

    @Test
    void globsStarStaysInADirectoryDoubleStarCrossesThem() {
        assertThat(LintConfig.Glob.of("schemas/*.avsc").matches("schemas/a.avsc"))
                .isTrue();
        assertThat(LintConfig.Glob.of("schemas/*.avsc").matches("schemas/legacy/a.avsc"))
                .isFalse();
        assertThat(LintConfig.Glob.of("schemas/**/*.avsc").matches("schemas/legacy/a.avsc"))
                .isTrue();
        assertThat(LintConfig.Glob.of("schemas/**/*.avsc").matches("schemas/a.avsc"))
                .isTrue();
        assertThat(LintConfig.Glob.of("**").matches("catalog.yaml")).isTrue();
        assertThat(LintConfig.Glob.of("schemas/?.json").matches("schemas/ab.json"))
                .isFalse();
    }

    @Test
    void ignoringASchemaFileIgnoresItsEventIdFindingInCatalogYaml() {
        String manifest = MANIFEST.replace("{schema: schemas/event.avsc, event-id: event_id}", "schemas/event.avsc");
        LintResult ignored = new LintTestCatalogs(dir)
                .avro(manifest + "lint:\n  ignore:\n    EVENT_ID_PRESENT: [schemas/event.avsc]\n", AVRO_EVENT)
                .lint();
        assertThat(ignored.findings()).isEmpty();
    }

    @Test
    void severityCanBeRaisedAndLowered() {
        LintResult result = lint(
                "lint:\n  rules:\n    FIELD_DOC: {severity: error}\n    MONEY_AS_DECIMAL: {severity: warning}\n"
                        + "  except: [FIELD_NAME_CASE]\n",
                FLAWED);
        assertThat(result.errors()).extracting(LintFinding::rule).containsExactly(LintRule.FIELD_DOC);
        assertThat(result.warnings()).extracting(LintFinding::rule).containsExactly(LintRule.MONEY_AS_DECIMAL);
    }

    @Test
    void onlyErrorsFailTheBuild() {
        LintResult warningsOnly = lint("lint:\n  except: [MONEY_AS_DECIMAL]\n", FLAWED);
        assertThat(warningsOnly.findings()).isNotEmpty();
        assertThat(warningsOnly.hasErrors()).isFalse();
    }

    @Test
    void inSchemaIgnoreOnAField() {
        String event = avroWith(
                "{\"name\": \"totalPrice\", \"type\": \"double\", \"x-eventcat-lint-ignore\": [\"FIELD_DOC\", \"FIELD_NAME_CASE\"]}");
        assertThat(rules(lint("", event))).containsExactly(LintRule.MONEY_AS_DECIMAL);
    }

    @Test
    void inSchemaIgnoreOnARecordCoversItsFields() {
        String event = FLAWED.replace(
                "\"doc\": \"A ticket was opened.\",",
                "\"doc\": \"A ticket was opened.\"," + " \"x-eventcat-lint-ignore\": [\"FIELD_DOC\"],");
        assertThat(rules(lint("", event))).containsExactly(LintRule.FIELD_NAME_CASE, LintRule.MONEY_AS_DECIMAL);
    }

    @Test
    void inSchemaIgnoreOnAJsonProperty() {
        String event = jsonWith("\"note\": {\"type\": \"string\", \"x-eventcat-lint-ignore\": [\"FIELD_DOC\"]}");
        assertThat(new LintTestCatalogs(dir).json(JSON_MANIFEST, event).lint().findings())
                .isEmpty();
    }

    @Test
    void inSchemaIgnoreOnAJsonObject() {
        String event = JSON_EVENT.replace(
                "\"additionalProperties\": false", "\"x-eventcat-lint-ignore\": [\"JSON_CLOSED_CONTENT_MODEL\"]");
        assertThat(new LintTestCatalogs(dir).json(JSON_MANIFEST, event).lint().findings())
                .isEmpty();
    }

    @Test
    void unknownRulesInUseExceptIgnoreAndRulesAreReportedWhereTheyAre() {
        assertThat(problems(
                        "lint:\n  use: [DEFAULTS]\n  except: [FIELD_DOCS]\n  ignore:\n    MONEY: [a]\n"
                                + "  rules:\n    CASE: {casing: camelCase}\n",
                        AVRO_EVENT))
                .containsExactly(
                        "catalog.yaml:9:9: unknown lint rule \"DEFAULTS\": use one of DEFAULT, " + LintRule.ids()
                                + " (see docs/lint.md)",
                        "catalog.yaml:10:12: unknown lint rule \"FIELD_DOCS\": use one of " + LintRule.ids()
                                + " (see docs/lint.md)",
                        "catalog.yaml:12:5: unknown lint rule \"MONEY\": use one of " + LintRule.ids()
                                + " (see docs/lint.md)",
                        "catalog.yaml:14:5: unknown lint rule \"CASE\": use one of " + LintRule.ids()
                                + " (see docs/lint.md)");
    }

    @Test
    void unknownKeysInLintAndInRuleOptions() {
        assertThat(problems(
                        "lint:\n  exclude: [FIELD_DOC]\n  rules:\n    FIELD_DOC: {casing: camelCase}\n", AVRO_EVENT))
                .containsExactly(
                        "catalog.yaml:9:3: unknown key \"exclude\" in \"lint\": the allowed keys are except, ignore, rules, use",
                        "catalog.yaml:11:17: unknown key \"casing\" in the options of FIELD_DOC: the allowed keys are severity");
    }

    @Test
    void badCasingSeverityAndPattern() {
        assertThat(problems(
                        "lint:\n  rules:\n    FIELD_NAME_CASE: {casing: kebab-case, severity: fatal}\n"
                                + "    TOPIC_NAME_PATTERN: {pattern: '[a-z'}\n",
                        AVRO_EVENT))
                .containsExactly(
                        "catalog.yaml:10:31: unknown casing \"kebab-case\": use snake_case or camelCase",
                        "catalog.yaml:10:53: unknown severity \"fatal\": use error or warning",
                        "catalog.yaml:11:35: \"pattern\" \"[a-z\" is not a regular expression (Unclosed character class at index 3):"
                                + " fix it, e.g. '[a-z]+(-[a-z]+)*'");
    }

    @Test
    void listsMustBeLists() {
        assertThat(problems("lint:\n  except: FIELD_DOC\n  ignore:\n    FIELD_DOC: schemas/a.avsc\n", AVRO_EVENT))
                .containsExactly(
                        "catalog.yaml:9:11: \"except\" must be a list, e.g. [FIELD_DOC]",
                        "catalog.yaml:11:16: the ignore list of FIELD_DOC must be a list, e.g. [FIELD_DOC]");
    }

    @Test
    void lintMustBeAMapping() {
        assertThat(problems("lint: [FIELD_DOC]\n", AVRO_EVENT))
                .containsExactly(
                        "catalog.yaml:8:7: \"lint\" must be a mapping with the keys except, ignore, rules, use, e.g. lint:"
                                + " {use: [DEFAULT], except: [FIELD_DOC]}");
    }

    @Test
    void unknownRuleInASchemaIgnoreIsReportedInTheSchema() {
        String event =
                avroWith("{\"name\": \"note\", \"type\": \"string\", \"x-eventcat-lint-ignore\": [\"FIELD_DOCS\"]}");
        assertThatThrownBy(() -> lint("", event))
                .isInstanceOf(CatalogException.class)
                .satisfies(e -> assertThat(((CatalogException) e).problems())
                        .extracting(CatalogProblem::toString)
                        .containsExactly("schemas/event.avsc:10:67: unknown lint rule \"FIELD_DOCS\": use one of "
                                + LintRule.ids() + " (see docs/lint.md)"));
    }
}
