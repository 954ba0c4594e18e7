package io.github.eventcat.codegen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.catalog.compat.ReportLine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

/** How the gate's report reaches Maven's log, and how it names a directory baseline. */
class CompatibilityGateLogTest {
    /** Maven's log, recording what would be printed, with its level as Maven prints it. */
    private static final class RecordingLog extends SystemStreamLog {
        final List<String> lines = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            lines.add("[INFO] " + content);
        }

        @Override
        public void warn(CharSequence content) {
            lines.add("[WARNING] " + content);
        }

        @Override
        public void error(CharSequence content) {
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

    @Test
    void aDirectoryBaselineIsNamedRelativeToTheProject() {
        Path project = Path.of("/work/service");

        assertThat(BaselineCatalogMojo.directoryLabel(Path.of("/work/service/baseline/catalog"), project))
                .isEqualTo("baseline/catalog");
        assertThat(BaselineCatalogMojo.directoryLabel(Path.of("/work/released/catalog"), project))
                .isEqualTo("../released/catalog");
        assertThat(BaselineCatalogMojo.directoryLabel(project, project)).isEqualTo(".");
    }
}
