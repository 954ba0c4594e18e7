package io.github.eventcat.codegen.engine;

import io.github.eventcat.codegen.light.engine.EngineLog;
import java.util.ArrayList;
import java.util.List;

/** A log recording what would be printed, with its level as Maven prints it. */
final class RecordingLog implements EngineLog {
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
