package io.github.eventcat.codegen.maven;

import io.github.eventcat.codegen.light.engine.EngineLog;
import org.apache.maven.plugin.logging.Log;

/** The engine's log is Maven's. */
record MavenEngineLog(Log log) implements EngineLog {
    @Override
    public boolean isDebugEnabled() {
        return log.isDebugEnabled();
    }

    @Override
    public void debug(String message) {
        log.debug(message);
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void error(String message) {
        log.error(message);
    }
}
