package io.github.eventcat.registry.sync;

import java.util.Objects;

/** {@code registry:check} found incompatible schemas; the report names every one with the registry's messages. */
public final class IncompatibleSchemasException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient CheckReport report;

    IncompatibleSchemasException(CheckReport report) {
        super(report.failureSummary());
        this.report = Objects.requireNonNull(report, "report == null");
    }

    public CheckReport report() {
        return report;
    }
}
