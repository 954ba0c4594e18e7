package io.github.eventcat.runtime.serde;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eventcat.runtime.registry.RegistryClientConfig;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.runtime.serde.AvroWriteFailuresTest.Invoice;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.testservers.WithRealServers;
import java.math.BigDecimal;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** A record the serializer cannot write says why, through the real registry (the schema is registered first). */
@WithRealServers
class AvroSerializerWriteFailuresRealServersTest {
    @Test
    void aDecimalThatDoesNotFitNamesTheFieldNotRequiredFields(EmbeddedSchemaRegistry registry) {
        AvroSerializer<Invoice> serializer = new AvroSerializer<>(
                new SchemaRegistryClient(RegistryClientConfig.of(registry.url())),
                SerdeConfig.from(Map.of(SerdeConfig.AUTO_REGISTER, "true"), false),
                false);

        assertThatThrownBy(() -> serializer.serialize("invoices", new Invoice("i-1", new BigDecimal("123456789.12"))))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Could not write Avro event com.example.Invoice to topic invoices: field Invoice.amount"
                        + " holds a decimal with precision 11 and scale 2, but its schema is decimal(10, 2): at scale 2"
                        + " it has 11 digits, more than 10 — check the value (at most 8 digits before the decimal"
                        + " point), or give the field a larger precision in the schema");
        assertThatThrownBy(() -> serializer.serialize("invoices", new Invoice(null, new BigDecimal("1.00"))))
                .hasMessage("Could not write Avro event com.example.Invoice to topic invoices: null value for"
                        + " (non-nullable) string at Invoice.id — check required fields are set");
    }
}
