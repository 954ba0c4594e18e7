package io.github.eventcat.codegen.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.catalog.compat.ReportLine;
import org.junit.jupiter.api.Test;

/** How the gate's report reaches the build's log. */
class CompatibilityGateLogTest {
    @Test
    void breakingFindingsAreErrorsAllowedChangesWarningsTheRestInformation() {
        RecordingLog log = new RecordingLog();

        CompatibilityGate.log(log, new ReportLine(ReportLine.Severity.ERROR, "BREAK s (f)"));
        CompatibilityGate.log(log, new ReportLine(ReportLine.Severity.WARNING, "REMOVED s"));
        CompatibilityGate.log(log, new ReportLine(ReportLine.Severity.INFO, "OK    s (f)"));

        assertThat(log.lines).containsExactly("[ERROR] BREAK s (f)", "[WARNING] REMOVED s", "[INFO] OK    s (f)");
    }
}
