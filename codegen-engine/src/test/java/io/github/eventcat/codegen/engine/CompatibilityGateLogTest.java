package io.github.eventcat.codegen.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.catalog.compat.ReportLine;
import io.github.eventcat.codegen.light.engine.EngineLog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the gate's report reaches the build's log. */
class CompatibilityGateLogTest {
    /** A log recording what would be printed, with its level as Maven prints it. */
    private static final class RecordingLog implements EngineLog {
        final List<String> lines = new ArrayList<>();

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public void debug(String content) {
            lines.add("[DEBUG] " + content);
        }

        @Override
        public void info(String content) {
            lines.add("[INFO] " + content);
        }

        @Override
        public void warn(String content) {
            lines.add("[WARNING] " + content);
        }

        @Override
        public void error(String content) {
            lines.add("[ERROR] " + content);
        }
    }

    @Test
    void breakingFindingsAreErrorsAllowedChangesWarningsTheRestInformation() {
        RecordingLog log = new RecordingLog();

        CompatibilityGate.log(log, new ReportLine(ReportLine.Severity.ERROR, "BREAK s (f)"));
        CompatibilityGate.log(log, new ReportLine(ReportLine.Severity.WARNING, "REMOVED s"));
        CompatibilityGate.log(log, new ReportLine(ReportLine.Severity.INFO, "OK    s (f)"));

        assertThat(log.lines).containsExactly("[ERROR] BREAK s (f)", "[WARNING] REMOVED s", "[INFO] OK    s (f)");
    }
}
