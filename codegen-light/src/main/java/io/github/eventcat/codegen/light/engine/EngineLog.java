package io.github.eventcat.codegen.light.engine;

/** Where the engine logs: the build tool's log (Maven's, for the plugin). */
public interface EngineLog {
    boolean isDebugEnabled();

    void debug(String message);

    void info(String message);

    void warn(String message);

    void error(String message);
}
