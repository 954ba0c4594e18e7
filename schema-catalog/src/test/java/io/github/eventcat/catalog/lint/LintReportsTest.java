package io.github.eventcat.catalog.lint;

import static io.github.eventcat.catalog.lint.LintTestCatalogs.MANIFEST;
import static io.github.eventcat.catalog.lint.LintTestCatalogs.avroWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.catalog.CatalogLoader;
import io.github.eventcat.catalog.compat.ReportLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three outputs: build log lines, JUnit XML and GitHub annotations. */
class LintReportsTest {
    @TempDir
    Path dir;

    private LintResult result;

    @BeforeEach
    void lint() {
        new LintTestCatalogs(dir)
                .avro(MANIFEST, avroWith("{\"name\": \"price\", \"type\": \"float\"}"))
                .lint();
        result = CatalogLinter.lint(CatalogLoader.load(dir), "src/main/catalog");
    }

    @Test
    void logLinesCarryTheSeverityAndEndWithASummary() {
        List<ReportLine> lines = result.logLines();
        assertThat(lines)
                .extracting(ReportLine::severity)
                .containsExactly(ReportLine.Severity.WARNING, ReportLine.Severity.ERROR, ReportLine.Severity.ERROR);
        assertThat(lines.get(0).text())
                .isEqualTo(
                        "src/main/catalog/schemas/event.avsc:10:14: warning: [FIELD_DOC]"
                                + " field \"price\" of \"TicketOpened\" has no \"doc\" — add \"doc\": \"<what the value means, its unit>\"");
        assertThat(lines.get(2).text()).isEqualTo("Lint: 2 files checked, 1 error, 1 warning");
    }

    @Test
    void junitXmlHasATestCasePerFileAFailurePerErrorAndWarningsAsOutput() {
        assertThat(result.junitXml()).isEqualTo("""
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuite name="eventcat.lint" tests="2" failures="1" errors="0" skipped="0">
          <testcase classname="eventcat.lint" name="src/main/catalog/catalog.yaml" file="src/main/catalog/catalog.yaml"/>
          <testcase classname="eventcat.lint" name="src/main/catalog/schemas/event.avsc" file="src/main/catalog/schemas/event.avsc">
            <failure type="MONEY_AS_DECIMAL" message="src/main/catalog/schemas/event.avsc:10:14: field &quot;price&quot; of &quot;TicketOpened&quot; looks like money but is float: floating point cannot hold 0.10 exactly, so sums drift">src/main/catalog/schemas/event.avsc:10:14: error: [MONEY_AS_DECIMAL] field &quot;price&quot; of &quot;TicketOpened&quot; looks like money but is float: floating point cannot hold 0.10 exactly, so sums drift — use {&quot;type&quot;: &quot;bytes&quot;, &quot;logicalType&quot;: &quot;decimal&quot;, &quot;precision&quot;: 12, &quot;scale&quot;: 2}</failure>
            <system-out>src/main/catalog/schemas/event.avsc:10:14: warning: [FIELD_DOC] field &quot;price&quot; of &quot;TicketOpened&quot; has no &quot;doc&quot; — add &quot;doc&quot;: &quot;&lt;what the value means, its unit&gt;&quot;
        </system-out>
          </testcase>
        </testsuite>
        """);
    }

    @Test
    void githubAnnotationsPointAtLineAndColumn() {
        assertThat(result.githubAnnotations())
                .isEqualTo(
                        "::warning file=src/main/catalog/schemas/event.avsc,line=10,col=14,title=Lint FIELD_DOC::field \"price\" of"
                                + " \"TicketOpened\" has no \"doc\" — add \"doc\": \"<what the value means, its unit>\"\n"
                                + "::error file=src/main/catalog/schemas/event.avsc,line=10,col=14,title=Lint MONEY_AS_DECIMAL::field"
                                + " \"price\" of \"TicketOpened\" looks like money but is float: floating point cannot hold 0.10 exactly,"
                                + " so sums drift — use {\"type\": \"bytes\", \"logicalType\": \"decimal\", \"precision\": 12, \"scale\": 2}\n");
    }

    @Test
    void runWritesTheJunitReport() throws Exception {
        Path report = dir.resolve("out/TEST-lint.xml");
        LintResult ran = CatalogLinter.run(new LintRequest(dir, "src/main/catalog", Optional.of(report)));
        assertThat(Files.readString(report)).isEqualTo(ran.junitXml());
        assertThat(ran.hasErrors()).isTrue();
    }
}
