package io.github.eventcat.catalog.compat;

import java.util.Objects;

/**
 * A compatibility report with what the reports need to name it.
 *
 * @param subject the registry subject, e.g. {@code tickets-com.example.repairshop.TicketOpened}
 * @param schemaFile the schema file as users know it, e.g. {@code
 *     src/main/catalog/schemas/repairshop/ticket_opened.avsc}
 */
public record SubjectCheck(String subject, String schemaFile, CompatibilityReport report) {
    public SubjectCheck {
        Objects.requireNonNull(subject, "subject == null");
        Objects.requireNonNull(schemaFile, "schemaFile == null");
        Objects.requireNonNull(report, "report == null");
    }
}
