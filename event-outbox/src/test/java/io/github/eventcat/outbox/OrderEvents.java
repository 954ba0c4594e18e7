package io.github.eventcat.outbox;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The example catalog's {@code order.placed} event (com.example.orders.OrderPlaced, with OrderLine
 * inlined), as GenericRecords: this module does not depend on the generated example classes.
 */
final class OrderEvents {
    static final String TOPIC = "order.placed";
    static final Schema ORDER_PLACED = new Schema.Parser().parse("""
            {"type": "record", "name": "OrderPlaced", "namespace": "com.example.orders",
             "fields": [
               {"name": "order_id", "type": {"type": "string", "logicalType": "uuid"}},
               {"name": "customer", "type": {"type": "record", "name": "Customer", "fields": [
                 {"name": "customer_id", "type": {"type": "string", "logicalType": "uuid"}},
                 {"name": "name", "type": "string"},
                 {"name": "email", "type": "string"}]}},
               {"name": "lines", "type": {"type": "array", "items": {"type": "record", "name": "OrderLine", "fields": [
                 {"name": "sku", "type": "string"},
                 {"name": "quantity", "type": "int"},
                 {"name": "unit_price", "type": {"type": "bytes", "logicalType": "decimal", "precision": 12, "scale": 2}}]}}},
               {"name": "total", "type": {"type": "bytes", "logicalType": "decimal", "precision": 12, "scale": 2}},
               {"name": "occurred_on", "type": {"type": "long", "logicalType": "timestamp-millis"}}
             ]}""");

    private OrderEvents() {}

    static GenericRecord orderPlaced(UUID orderId, String customerName, int quantity, BigDecimal unitPrice) {
        Schema customerSchema = ORDER_PLACED.getField("customer").schema();
        Schema lineSchema = ORDER_PLACED.getField("lines").schema().getElementType();
        GenericRecord customer = new GenericData.Record(customerSchema);
        customer.put(
                "customer_id", UUID.nameUUIDFromBytes(customerName.getBytes()).toString());
        customer.put("name", customerName);
        customer.put("email", customerName + "@example.com");
        GenericRecord line = new GenericData.Record(lineSchema);
        line.put("sku", "SKU-" + quantity);
        line.put("quantity", quantity);
        line.put("unit_price", decimal(unitPrice));
        GenericRecord order = new GenericData.Record(ORDER_PLACED);
        order.put("order_id", orderId.toString());
        order.put("customer", customer);
        order.put("lines", List.of(line));
        order.put("total", decimal(unitPrice.multiply(BigDecimal.valueOf(quantity))));
        order.put("occurred_on", Instant.parse("2026-01-01T10:00:00Z").toEpochMilli());
        return order;
    }

    private static ByteBuffer decimal(BigDecimal amount) {
        return ByteBuffer.wrap(amount.setScale(2).unscaledValue().toByteArray());
    }
}
