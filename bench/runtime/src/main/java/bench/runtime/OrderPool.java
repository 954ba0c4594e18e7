package bench.runtime;

import com.example.orders.Customer;
import com.example.orders.OrderLine;
import com.example.orders.OrderPlaced;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The second input shape of {@code -Dobservability=true}: a fixed set of distinct
 * {@code OrderPlaced} events (the example catalog's {@code order.placed} topic) of a realistic
 * size, a customer and 8 to 24 order lines (SKU, quantity, price): ~50 values and about 500 to
 * 1,000 bytes on the wire, where the tickets' event is 89 bytes. The same size class as the seeds'
 * events (a todo app's task with its data, a repair ticket with its requester and car).
 */
record OrderPool(List<OrderPlaced> events) {

    static OrderPool create(int size) {
        Random random = new Random(7); // same events every run
        String[] names = {"Ada Lovelace", "Alan Turing", "Grace Hopper", "Barbara Liskov", "Edsger Dijkstra", "Margaret Hamilton"};
        String[] parts = {"BRAKE-PAD-FRONT", "OIL-FILTER", "WIPER-BLADE-600", "SPARK-PLUG-IRIDIUM", "AIR-FILTER-CABIN", "TIMING-BELT-KIT"};
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<OrderPlaced> events = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String name = names[i % names.length];
            Customer customer = Customer.newBuilder()
                    .setCustomerId(new UUID(random.nextLong(), random.nextLong()))
                    .setName(name)
                    .setEmail(name.toLowerCase().replace(' ', '.') + i + "@example.com")
                    .build();
            int count = 8 + random.nextInt(17);
            List<OrderLine> lines = new ArrayList<>(count);
            BigDecimal total = BigDecimal.ZERO.setScale(2);
            for (int l = 0; l < count; l++) {
                BigDecimal price = BigDecimal.valueOf(100 + random.nextInt(99_900), 2);
                int quantity = 1 + random.nextInt(4);
                lines.add(OrderLine.newBuilder()
                        .setSku(parts[random.nextInt(parts.length)] + "-" + (100_000 + random.nextInt(900_000)))
                        .setQuantity(quantity)
                        .setUnitPrice(price)
                        .build());
                total = total.add(price.multiply(BigDecimal.valueOf(quantity)));
            }
            events.add(OrderPlaced.newBuilder()
                    .setOrderId(new UUID(random.nextLong(), random.nextLong()))
                    .setCustomer(customer)
                    .setLines(lines)
                    .setTotal(total)
                    .setOccurredOn(start.plusMillis(i * 1_000L))
                    .build());
        }
        return new OrderPool(List.copyOf(events));
    }

    /** Bytes of the value in the wire format (magic byte, 4-byte schema id, Avro binary). */
    double averageValueBytes() {
        return events.stream()
                .mapToInt(e -> {
                    try {
                        return e.toByteBuffer().remaining() - 10 + 5; // Avro's single-object header is 10 bytes
                    } catch (IOException error) {
                        throw new UncheckedIOException(error);
                    }
                })
                .average()
                .orElse(0);
    }
}
