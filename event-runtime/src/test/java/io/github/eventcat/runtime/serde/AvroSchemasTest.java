package io.github.eventcat.runtime.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.runtime.testevents.TicketOpened;
import java.io.ByteArrayOutputStream;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

class AvroSchemasTest {
    @Test
    void registryTextDropsJavaPropertiesAsTheAvscHasNone() {
        String text = AvroSchemas.registryText(TicketOpened.SCHEMA$, true);
        assertThat(TicketOpened.SCHEMA$.toString()).contains("avro.java.string");
        assertThat(text).doesNotContain("avro.java").contains("{\"name\":\"ticket_id\",\"type\":\"string\"}");
        assertThat(AvroSchemas.registryText(TicketOpened.SCHEMA$, false)).isEqualTo(TicketOpened.SCHEMA$.toString());
    }

    @Test
    void aRecordWrittenWithTheClassReadsBackThroughTheRegistryText() throws Exception {
        TicketOpened event = new TicketOpened("t-0", "c0", 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new SpecificDatumWriter<TicketOpened>(TicketOpened.SCHEMA$, SpecificData.getForClass(TicketOpened.class))
                .write(event, encoder);
        encoder.flush();

        Schema writer = new Schema.Parser().parse(AvroSchemas.registryText(TicketOpened.SCHEMA$, true));
        Object read = new SpecificDatumReader<>(
                        writer, TicketOpened.SCHEMA$, SpecificData.getForClass(TicketOpened.class))
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        assertThat(read).isEqualTo(event);
    }
}
