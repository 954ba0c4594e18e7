package io.github.eventcat.codegen;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How code is generated. Every setting has a default here, in the core; build-tool adapters only
 * override what their users configure.
 *
 * @param outputDirectory the source root generated files go to (it also holds the generator's
 *     state file); files the generator did not write are never touched
 * @param dateTimeType the Java type of {@code "format": "date-time"} strings
 * @param moneyDetection which JSON numbers become {@code BigDecimal}
 * @param builderThreshold JSON records with at least this many components get a {@code builder()}
 * @param outbox also generate a {@code <Topic>OutboxProducer} per topic, writing events into the
 *     transactional outbox of {@code event-outbox} (which the generated code then needs); off by
 *     default so that services without {@code event-outbox} still compile
 */
public record CodegenConfiguration(
        Path outputDirectory,
        DateTimeType dateTimeType,
        MoneyDetection moneyDetection,
        int builderThreshold,
        boolean outbox) {

    public static final DateTimeType DEFAULT_DATE_TIME_TYPE = DateTimeType.INSTANT;
    public static final int DEFAULT_BUILDER_THRESHOLD = 4;
    public static final boolean DEFAULT_OUTBOX = false;

    public CodegenConfiguration {
        Objects.requireNonNull(outputDirectory, "outputDirectory == null");
        Objects.requireNonNull(dateTimeType, "dateTimeType == null");
        Objects.requireNonNull(moneyDetection, "moneyDetection == null");
        if (builderThreshold < 1) {
            throw new IllegalArgumentException("builderThreshold < 1: " + builderThreshold);
        }
    }

    /** Without outbox producers. */
    public CodegenConfiguration(
            Path outputDirectory, DateTimeType dateTimeType, MoneyDetection moneyDetection, int builderThreshold) {
        this(outputDirectory, dateTimeType, moneyDetection, builderThreshold, DEFAULT_OUTBOX);
    }

    /** The defaults, writing to the given directory. */
    public static CodegenConfiguration defaults(Path outputDirectory) {
        return new CodegenConfiguration(
                outputDirectory,
                DEFAULT_DATE_TIME_TYPE,
                MoneyDetection.DEFAULT,
                DEFAULT_BUILDER_THRESHOLD,
                DEFAULT_OUTBOX);
    }

    public CodegenConfiguration withDateTimeType(DateTimeType type) {
        return new CodegenConfiguration(outputDirectory, type, moneyDetection, builderThreshold, outbox);
    }

    public CodegenConfiguration withMoneyDetection(MoneyDetection detection) {
        return new CodegenConfiguration(outputDirectory, dateTimeType, detection, builderThreshold, outbox);
    }

    public CodegenConfiguration withBuilderThreshold(int threshold) {
        return new CodegenConfiguration(outputDirectory, dateTimeType, moneyDetection, threshold, outbox);
    }

    public CodegenConfiguration withOutbox(boolean withOutbox) {
        return new CodegenConfiguration(outputDirectory, dateTimeType, moneyDetection, builderThreshold, withOutbox);
    }

    /**
     * The settings that shape generated code, as stable text for the fingerprint. The output
     * directory is left out: the state lives inside it, so moving it changes nothing.
     */
    String canonical() {
        return "dateTime=" + dateTimeType + ";money=" + moneyDetection.canonical() + ";builderThreshold="
                + builderThreshold + (outbox ? ";outbox" : "");
    }
}
