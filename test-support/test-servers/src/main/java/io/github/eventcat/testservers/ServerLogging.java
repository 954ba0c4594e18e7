package io.github.eventcat.testservers;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * Keeps the servers quiet: the broker at WARN unless {@code -Deventcat.test.log=DEBUG} (or any
 * level) asks for more. A broker started at the default DEBUG of an unconfigured logback prints
 * thousands of lines per test class. Levels a test's own logging configuration sets for these
 * loggers are kept unless the property is given.
 */
final class ServerLogging {
    static final String PROPERTY = "eventcat.test.log";
    static final List<String> KAFKA_LOGGERS = List.of("kafka", "org.apache.kafka", "state.change.logger");
    private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");
    private static final String SIMPLE_LOGGER_PREFIX = "org.slf4j.simpleLogger.log.";

    private ServerLogging() {}

    /** The level asked for with {@value #PROPERTY}, or WARN. */
    static String level() {
        String asked = System.getProperty(PROPERTY, "").trim().toUpperCase(Locale.ROOT);
        if (asked.isEmpty()) {
            return "WARN";
        }
        if (!LEVELS.contains(asked)) {
            throw new TestServerException(
                    "-D" + PROPERTY + "=" + System.getProperty(PROPERTY) + " is not a log level; use one of " + LEVELS);
        }
        return asked;
    }

    private static boolean levelAsked() {
        return !System.getProperty(PROPERTY, "").isBlank();
    }

    /** Sets the broker's loggers for the slf4j provider in use (logback or slf4j-simple; others are left alone). */
    static void applyToKafka() {
        String level = level();
        boolean override = levelAsked();
        String provider = LoggerFactory.getILoggerFactory().getClass().getName();
        if (provider.equals("ch.qos.logback.classic.LoggerContext")) {
            LogbackLevels.apply(KAFKA_LOGGERS, level, override);
        } else if (provider.equals("org.slf4j.simple.SimpleLoggerFactory")) {
            // slf4j-simple reads a logger's level from system properties when the logger is created.
            for (String logger : KAFKA_LOGGERS) {
                if (override || System.getProperty(SIMPLE_LOGGER_PREFIX + logger) == null) {
                    System.setProperty(SIMPLE_LOGGER_PREFIX + logger, level.toLowerCase(Locale.ROOT));
                }
            }
        }
    }
}
