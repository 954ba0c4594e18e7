package io.github.eventcat.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.Event;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole example catalog generates, compiles, and has a class for every event. */
class ExampleCatalogTest {
    @TempDir
    Path temp;

    @Test
    void everyEventOfTheExampleCatalogGeneratesAndCompiles() throws Exception {
        Catalog catalog = ExampleCatalog.load();
        Schema ticketOpened = catalog.avroSchema(
                catalog.schemaFile("schemas/repairshop/ticket_opened.avsc").orElseThrow());
        String before = ticketOpened.toString();
        List<GeneratedFile> files = CodeGenerator.standard()
                .generateInMemory(
                        new GenerationRequest(catalog, CodegenConfiguration.defaults(temp.resolve("unused"))));

        ClassLoader loader = Compiler.compile(files, temp.resolve("src"), temp.resolve("classes"));

        for (Event event : catalog.events()) {
            assertThat(loader.loadClass(event.javaTypeName())).as(event.name()).isNotNull();
        }
        Class<?> payment = loader.loadClass("com.example.repairshop.PaymentRegistered");
        assertThat(type(payment, "ticket_id")).isEqualTo(UUID.class);
        assertThat(type(payment, "occurred_on")).isEqualTo(Instant.class);
        assertThat(type(payment, "amount")).isEqualTo(BigDecimal.class);
        assertThat(type(loader.loadClass("com.example.repairshop.Requester"), "middlename"))
                .isEqualTo(String.class);
        assertThat(type(loader.loadClass("com.example.orders.OrderPlaced"), "lines")
                        .getName())
                .isEqualTo(List.class.getName());
        Class<?> opened = loader.loadClass("com.example.repairshop.TicketOpened");
        Schema embedded = (Schema) opened.getField("SCHEMA$").get(null);
        assertThat(SchemaNormalization.toParsingForm(embedded))
                .isEqualTo(SchemaNormalization.toParsingForm(ticketOpened));
        assertThat(ticketOpened.toString())
                .as("the catalog's schema is left as written")
                .isEqualTo(before);
    }

    private static Class<?> type(Class<?> avroRecord, String field) throws NoSuchFieldException {
        Field declared = avroRecord.getDeclaredField(field);
        return declared.getType();
    }
}
