package io.github.eventcat.catalog.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.vocabulary.CompatibilityLevel;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CompatibilityReportsTest {
    private static final String V1 = """
      {"type": "record", "name": "TicketOpened", "namespace": "com.example.repairshop", "fields": [
        {"name": "ticket_id", "type": "string"},
        {"name": "age", "type": "int"}]}""";
    private static final String V2 = """
      {"type": "record", "name": "TicketOpened", "namespace": "com.example.repairshop", "fields": [
        {"name": "ticket_id", "type": "string"}]}""";

    private static List<SubjectCheck> checks() {
        CompatibilityReport broken = CompatibilityChecker.check(
                CompatibilityLevel.FULL_TRANSITIVE,
                CandidateSchema.avro("working tree", new Schema.Parser().parse(V2)),
                List.of(CandidateSchema.avro("1.0.0", new Schema.Parser().parse(V1))));
        CompatibilityReport fine = CompatibilityChecker.check(
                CompatibilityLevel.BACKWARD,
                CandidateSchema.avro("working tree", new Schema.Parser().parse(V2)),
                List.of(CandidateSchema.avro("1.0.0", new Schema.Parser().parse(V1))));
        return List.of(
                new SubjectCheck(
                        "tickets-com.example.repairshop.TicketOpened", "schemas/repairshop/ticket_opened.avsc", broken),
                new SubjectCheck("payments-value", "schemas/repairshop/payment_registered.avsc", fine));
    }

    @Test
    void textHasOneBlockPerFindingAndALinePerCompatibleSubject() {
        assertThat(CompatibilityReports.text(checks())).isEqualTo("""
        BREAK tickets-com.example.repairshop.TicketOpened (schemas/repairshop/ticket_opened.avsc)
          at:      age
          change:  field "age" removed, and version 1.0.0 has no default for it
          breaks:  consumers still on version 1.0.0 cannot read records written with the new schema
          level:   FULL_TRANSITIVE (FORWARD check against version 1.0.0, rule READER_FIELD_MISSING_DEFAULT_VALUE)
          fix:     keep the field `age` (deprecate it in its "doc"), or first release a version that gives `age` a default and remove it once no consumer runs version 1.0.0
        OK    payments-value (schemas/repairshop/payment_registered.avsc): BACKWARD against version(s) 1.0.0
        """);
    }

    @Test
    void aBreakingFindingsLinesAreErrorsACompatibleSubjectsLineIsInformation() {
        List<ReportLine> lines = CompatibilityReports.lines(checks());

        assertThat(lines)
                .extracting(ReportLine::severity)
                .containsExactly(
                        ReportLine.Severity.ERROR,
                        ReportLine.Severity.ERROR,
                        ReportLine.Severity.ERROR,
                        ReportLine.Severity.ERROR,
                        ReportLine.Severity.ERROR,
                        ReportLine.Severity.ERROR,
                        ReportLine.Severity.INFO);
        assertThat(lines.get(0).text())
                .isEqualTo("BREAK tickets-com.example.repairshop.TicketOpened (schemas/repairshop/ticket_opened.avsc)");
        assertThat(lines.get(6).text()).startsWith("OK    payments-value");
    }

    @Test
    void theGatesLogLinesWarnOfAllowedRemovalsAndEndWithTheSummary() {
        CompatibilityGateResult breaking = new CompatibilityGateResult(
                List.of("1.0.0", "1.1.0"), checks(), List.of(), List.of("tickets-com.example.repairshop.TicketClosed"));
        CompatibilityGateResult fine =
                new CompatibilityGateResult(List.of("1.1.0"), checks().subList(1, 2), List.of(), List.of());

        List<ReportLine> lines = breaking.logLines();

        assertThat(lines.subList(7, 9))
                .containsExactly(
                        new ReportLine(
                                ReportLine.Severity.WARNING,
                                "REMOVED tickets-com.example.repairshop.TicketClosed: in version"
                                        + " 1.1.0, no longer in the catalog; allowed (allowRemovedSubjects), so make sure no service still"
                                        + " produces or consumes it"),
                        new ReportLine(
                                ReportLine.Severity.ERROR,
                                "Compatibility: 2 subjects checked against 1.0.0, 1.1.0:"
                                        + " 1 compatible, 1 breaking (1 finding); 0 new; removed (allowed):"
                                        + " [tickets-com.example.repairshop.TicketClosed]"));
        assertThat(lines).hasSize(9);
        assertThat(fine.logLines())
                .extracting(ReportLine::severity)
                .containsExactly(ReportLine.Severity.INFO, ReportLine.Severity.INFO);
    }

    @Test
    void junitXmlHasATestCasePerSubjectAndAFailurePerFinding() {
        String xml = CompatibilityReports.junitXml("eventcat.compatibility", checks());
        assertThat(xml)
                .startsWith(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                + "<testsuite name=\"eventcat.compatibility\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\">\n"
                                + "  <testcase classname=\"eventcat.compatibility\" name=\"tickets-com.example.repairshop.TicketOpened\""
                                + " file=\"schemas/repairshop/ticket_opened.avsc\">\n"
                                + "    <failure type=\"READER_FIELD_MISSING_DEFAULT_VALUE\" message=\"schemas/repairshop/ticket_opened.avsc age:"
                                + " field &quot;age&quot; removed, and version 1.0.0 has no default for it\">age: field &quot;age&quot; removed")
                .contains("  <testcase classname=\"eventcat.compatibility\" name=\"payments-value\""
                        + " file=\"schemas/repairshop/payment_registered.avsc\"/>\n")
                .endsWith("</testsuite>\n");
        assertThat(xml.split("<failure ", -1)).hasSize(2);
    }

    @Test
    void githubAnnotationsHaveOneErrorLinePerFindingWithEscapedProperties() {
        String annotations = CompatibilityReports.githubAnnotations(checks());
        assertThat(annotations.lines()).hasSize(1);
        assertThat(annotations)
                .startsWith("::error file=schemas/repairshop/ticket_opened.avsc,title=Incompatible schema change in"
                        + " tickets-com.example.repairshop.TicketOpened::age: field \"age\" removed");
        assertThat(annotations).contains("Fix: keep the field `age`");
    }

    @Test
    void workflowCommandPropertiesEscapeCommasColonsAndNewlines() {
        CompatibilityFinding finding = new CompatibilityFinding(
                io.github.eventcat.catalog.SchemaFormat.JSON, "#", "a\nb", Direction.BACKWARD, "1", "fix 100%", "RULE");
        CompatibilityReport report =
                new CompatibilityReport(CompatibilityLevel.BACKWARD, "2", List.of("1"), List.of(finding));
        String line = CompatibilityReports.githubAnnotations(List.of(new SubjectCheck("s:1", "a,b.json", report)));
        assertThat(line)
                .startsWith("::error file=a%2Cb.json,title=Incompatible schema change in s%3A1::#: a%0Ab — ")
                .contains("fix 100%25");
    }
}
