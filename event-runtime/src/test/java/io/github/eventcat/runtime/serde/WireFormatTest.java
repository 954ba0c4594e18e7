package io.github.eventcat.runtime.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class WireFormatTest {
    @Test
    void framesWithMagicByteAndBigEndianId() {
        byte[] framed = WireFormat.frame(0x01020304, new byte[] {42, 43});
        assertThat(framed).containsExactly(0, 1, 2, 3, 4, 42, 43);
        assertThat(WireFormat.schemaId("t", framed)).isEqualTo(0x01020304);
    }

    @Test
    void headerWriterMatchesFrame() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WireFormat.writeHeader(out, 0xCAFEBABE);
        assertThat(out.toByteArray()).containsExactly(0, 0xCA - 256, 0xFE - 256, 0xBA - 256, 0xBE - 256);
        assertThat(WireFormat.schemaId("t", out.toByteArray())).isEqualTo(0xCAFEBABE);
    }

    @Test
    void rejectsAWrongMagicByteAsPoison() {
        assertThatThrownBy(() -> WireFormat.schemaId("orders", new byte[] {1, 0, 0, 0, 1, 9}))
                .isInstanceOfSatisfying(PoisonRecordException.class, e -> {
                    assertThat(e.reason()).isEqualTo(PoisonRecordException.Reason.BAD_MAGIC_BYTE);
                    assertThat(e.topic()).isEqualTo("orders");
                    assertThat(e.getMessage()).contains("orders", "magic byte 0", "starts with byte 1");
                });
    }

    @Test
    void rejectsTooFewBytesAsPoison() {
        assertThatThrownBy(() -> WireFormat.schemaId("orders", "hey".getBytes()))
                .isInstanceOfSatisfying(PoisonRecordException.class, e -> assertThat(e.reason())
                        .isEqualTo(PoisonRecordException.Reason.TOO_SHORT));
    }
}
