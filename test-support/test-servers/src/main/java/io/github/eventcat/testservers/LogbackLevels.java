package io.github.eventcat.testservers;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Only loaded when logback is the slf4j provider (logback is an optional dependency). */
final class LogbackLevels {
    private LogbackLevels() {}

    static void apply(List<String> loggers, String level, boolean override) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (String name : loggers) {
            Logger logger = context.getLogger(name);
            if (override || logger.getLevel() == null) {
                logger.setLevel(Level.toLevel(level));
            }
        }
    }
}
