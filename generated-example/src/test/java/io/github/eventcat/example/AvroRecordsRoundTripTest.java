package io.github.eventcat.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.repairshop.PaymentRegistered;
import com.example.repairshop.RepairType;
import com.example.repairshop.Requester;
import com.example.repairshop.TicketOpened;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/**
 * The generated Avro records carry logical types as Java types (UUID, Instant, BigDecimal) and
 * write the bytes the catalog's schema describes, readable without the generated classes.
 */
class AvroRecordsRoundTripTest {
    private static final Path CATALOG = Path.of("src/main/catalog");

    private final TicketOpened ticketOpened = TicketOpened.newBuilder()
            .setOccurredOn(Instant.parse("2024-01-15T10:30:00.123Z"))
            .setTicketId(UUID.fromString("0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a"))
            .setRequester(Requester.newBuilder()
                    .setEmail("ada@example.com")
                    .setName("Ada")
                    .setMiddlename(null)
                    .setSurname("Lovelace")
                    .setAge(36)
                    .build())
            .setRepairType(RepairType.windshield)
            .build();

    @Test
    void ticketOpenedRoundTripsThroughSpecificWriterAndReader() throws IOException {
        byte[] bytes = write(ticketOpened);

        TicketOpened read = new SpecificDatumReader<>(TicketOpened.class)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, null));

        assertThat(read).isEqualTo(ticketOpened);
        assertThat(read.getOccurredOn()).isEqualTo(Instant.parse("2024-01-15T10:30:00.123Z"));
        assertThat(read.getTicketId()).isEqualTo(UUID.fromString("0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a"));
        assertThat(read.getRequester().getMiddlename()).isNull();
        assertThat(read.getRequester().getName()).isInstanceOf(String.class);
    }

    @Test
    void ticketOpenedBytesFollowTheCatalogSchema() throws IOException {
        Schema catalogSchema = new Schema.Parser()
                .parse(CATALOG.resolve("schemas/repairshop/ticket_opened.avsc").toFile());

        GenericRecord generic = new GenericDatumReader<GenericRecord>(catalogSchema)
                .read(null, DecoderFactory.get().binaryDecoder(write(ticketOpened), null));

        // Without conversions, a reader sees the wire types: millis since the epoch, uuid as text.
        assertThat(generic.get("occurred_on"))
                .isEqualTo(Instant.parse("2024-01-15T10:30:00.123Z").toEpochMilli());
        assertThat(generic.get("ticket_id").toString()).isEqualTo("0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a");
        assertThat(generic.get("repair_type").toString()).isEqualTo("windshield");
    }

    @Test
    void paymentAmountRoundTripsAsADecimalWithItsScale() throws IOException {
        PaymentRegistered payment = PaymentRegistered.newBuilder()
                .setTicketId(UUID.fromString("0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a"))
                .setAppointmentId(UUID.fromString("1e2d3c4b-5a69-4788-9a0b-c1d2e3f40516"))
                .setPaymentId(UUID.fromString("2f3e4d5c-6b7a-4899-8a1b-d2e3f4051627"))
                .setOccurredOn(Instant.parse("2024-01-16T09:00:00Z"))
                .setAmount(new BigDecimal("1234.50"))
                .build();
        byte[] bytes = write(payment);

        PaymentRegistered read = new SpecificDatumReader<>(PaymentRegistered.class)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
        GenericRecord generic = new GenericDatumReader<GenericRecord>(new Schema.Parser()
                        .parse(CATALOG.resolve("schemas/repairshop/payment_registered.avsc")
                                .toFile()))
                .read(null, DecoderFactory.get().binaryDecoder(bytes, null));

        assertThat(read).isEqualTo(payment);
        assertThat(read.getAmount()).isEqualTo(new BigDecimal("1234.50"));
        // decimal(12,2) on the wire: the unscaled value 123450 as big-endian two's complement bytes.
        ByteBuffer amount = ((ByteBuffer) generic.get("amount")).duplicate();
        byte[] unscaled = new byte[amount.remaining()];
        amount.get(unscaled);
        assertThat(new BigInteger(unscaled)).isEqualTo(BigInteger.valueOf(123450));
    }

    @SuppressWarnings("unchecked")
    private static <T> byte[] write(T record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>((Class<T>) record.getClass()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
