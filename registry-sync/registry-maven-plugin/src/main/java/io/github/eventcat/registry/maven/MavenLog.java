package io.github.eventcat.registry.maven;

import java.util.function.Consumer;
import org.apache.maven.plugin.logging.Log;

/** The core logs through a {@code Consumer<String>}; this feeds it to Maven's log, line by line. */
final class MavenLog {
    private MavenLog() {}

    static Consumer<String> info(Log log) {
        return text -> text.lines().forEach(log::info);
    }
}
