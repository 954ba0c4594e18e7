package io.github.eventcat.runtime.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.apache.avro.Conversion;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;

/**
 * What a failed Avro write says, from the exceptions Avro really throws for a record with a
 * {@code decimal(10, 2)} field: the "required fields" hint only for a null in a required field.
 */
class AvroWriteFailuresTest {
    private static final String START = "Could not write Avro event com.example.Invoice to topic invoices: ";

    @Test
    void aDecimalTooPreciseForItsSchemaNamesTheFieldAndBothPrecisions() {
        assertThat(failure(new Invoice("i-1", new BigDecimal("123456789.12"))))
                .isEqualTo(START
                        + "field Invoice.amount holds a decimal with precision 11 and scale 2, but its schema is"
                        + " decimal(10, 2): at scale 2 it has 11 digits, more than 10 — check the value (at most 8 digits"
                        + " before the decimal point), or give the field a larger precision in the schema");
    }

    @Test
    void aDecimalWithTooManyFractionDigitsSaysAvroDoesNotRound() {
        assertThat(failure(new Invoice("i-1", new BigDecimal("12.345"))))
                .isEqualTo(
                        START
                                + "field Invoice.amount holds a decimal with precision 5 and scale 3, but its schema is"
                                + " decimal(10, 2): its scale is larger than 2 and Avro does not round — round the value first"
                                + " (value.setScale(2, RoundingMode.HALF_EVEN)), or give the field a larger scale in the schema");
    }

    @Test
    void aDecimalInANestedRecordIsFoundToo() {
        Schema order = new Schema.Parser()
                .parse("{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"com.example\","
                        + "\"fields\":[{\"name\":\"lines\",\"type\":{\"type\":\"array\",\"items\":" + Invoice.SCHEMA$
                        + "}}]}");
        org.apache.avro.generic.GenericData.Record record = new org.apache.avro.generic.GenericData.Record(order);
        record.put(
                "lines", List.of(new Invoice("a", new BigDecimal("1.00")), new Invoice("b", new BigDecimal("0.001"))));
        Exception avro =
                new org.apache.avro.AvroTypeException("Cannot encode decimal with scale 3 as scale 2 without rounding");

        assertThat(AvroWriteFailures.message("orders", order, record, avro))
                .startsWith(
                        "Could not write Avro event com.example.Order to topic orders: field Order.lines[1].amount holds a"
                                + " decimal with precision 1 and scale 3");
    }

    @Test
    void aMissingRequiredFieldGetsTheHint() {
        assertThat(failure(new Invoice(null, new BigDecimal("1.00"))))
                .isEqualTo(
                        START + "null value for (non-nullable) string at Invoice.id — check required fields are set");
    }

    @Test
    void anyOtherFailureSaysWhatAvroSaidAndNoHint() {
        Exception other =
                new ClassCastException("class java.lang.Integer cannot be cast to class java.lang.CharSequence");
        assertThat(AvroWriteFailures.message("invoices", Invoice.SCHEMA$, new Invoice(), other))
                .isEqualTo(START + "class java.lang.Integer cannot be cast to class java.lang.CharSequence");
    }

    /** Writes as AvroSerializer does (the class's own model, with its decimal conversion) and renders the failure. */
    private static String failure(Invoice invoice) {
        Exception e = catchException(
                () -> new SpecificDatumWriter<Object>(Invoice.SCHEMA$, SpecificData.getForClass(Invoice.class))
                        .write(invoice, EncoderFactory.get().directBinaryEncoder(new ByteArrayOutputStream(), null)));
        assertThat(e).isNotNull();
        return AvroWriteFailures.message("invoices", Invoice.SCHEMA$, invoice, e);
    }

    /** What Avro's compiler generates for a record with a decimal, cut down to what writing needs. */
    public static class Invoice extends SpecificRecordBase {
        public static final Schema SCHEMA$ = new Schema.Parser()
                .parse("{\"type\":\"record\",\"name\":\"Invoice\","
                        + "\"namespace\":\"com.example\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"amount\","
                        + "\"type\":{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":10,\"scale\":2}}]}");
        public static final SpecificData MODEL$ = new SpecificData();
        private static final Conversion<?>[] CONVERSIONS = {null, new Conversions.DecimalConversion()};

        static {
            MODEL$.addLogicalTypeConversion(new Conversions.DecimalConversion());
        }

        private String id;
        private BigDecimal amount;

        public Invoice() {}

        public Invoice(String id, BigDecimal amount) {
            this.id = id;
            this.amount = amount;
        }

        @Override
        public Schema getSchema() {
            return SCHEMA$;
        }

        @Override
        public SpecificData getSpecificData() {
            return MODEL$;
        }

        @Override
        public Conversion<?> getConversion(int field) {
            return CONVERSIONS[field];
        }

        @Override
        public Object get(int field) {
            return field == 0 ? id : amount;
        }

        @Override
        public void put(int field, Object value) {
            if (field == 0) {
                id = (String) value;
            } else {
                amount = (BigDecimal) value;
            }
        }
    }
}
