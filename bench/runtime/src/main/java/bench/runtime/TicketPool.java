package bench.runtime;

import com.example.repairshop.RepairType;
import com.example.repairshop.Requester;
import com.example.repairshop.TicketOpened;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

/**
 * A fixed set of distinct {@code TicketOpened} events, cycled through by every benchmark, and the
 * same events pre-serialized for the raw producer. A pool (rather than a million objects) keeps
 * the heap small, so that garbage collection measures the code under test and not the fixture.
 */
record TicketPool(List<TicketOpened> events, List<byte[]> keys, List<byte[]> values) {

    static TicketPool create(int size, Function<TicketOpened, byte[]> serializer) {
        Random random = new Random(42); // same events every run
        String[] names = {"Ada", "Alan", "Grace", "Barbara", "Edsger", "Margaret"};
        String[] surnames = {"Lovelace", "Turing", "Hopper", "Liskov", "Dijkstra", "Hamilton"};
        RepairType[] repairs = RepairType.values();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<TicketOpened> events = new ArrayList<>(size);
        List<byte[]> keys = new ArrayList<>(size);
        List<byte[]> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String name = names[i % names.length];
            Requester requester = Requester.newBuilder()
                    .setEmail(name.toLowerCase() + i + "@example.com")
                    .setName(name)
                    .setMiddlename(i % 3 == 0 ? "M." : null)
                    .setSurname(surnames[(i / names.length) % surnames.length])
                    .setAge(18 + random.nextInt(70))
                    .build();
            UUID ticketId = new UUID(random.nextLong(), random.nextLong());
            TicketOpened event = TicketOpened.newBuilder()
                    .setOccurredOn(start.plusMillis(i * 1_000L))
                    .setTicketId(ticketId)
                    .setRequester(requester)
                    .setRepairType(repairs[i % repairs.length])
                    .build();
            events.add(event);
            // The generated producer keys by ticket_id rendered as text: the raw one sends the same bytes.
            keys.add(ticketId.toString().getBytes(StandardCharsets.UTF_8));
            values.add(serializer.apply(event));
        }
        return new TicketPool(List.copyOf(events), List.copyOf(keys), List.copyOf(values));
    }

    int size() {
        return events.size();
    }

    double averageValueBytes() {
        return values.stream().mapToInt(v -> v.length).average().orElse(0);
    }
}
