package io.github.eventcat.registry.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.CatalogLoader;
import io.github.eventcat.runtime.registry.RegisteredSchema;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.vocabulary.SchemaReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RegistrySync#registeredSchema}, what event-cli's publish calls, on the real registry: it
 * registers and finds exactly what a sync registers (one form for every caller).
 */
class RegisteredSchemaRealRegistryTest {
    private final EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.shared();
    private final Catalog catalog = CatalogLoader.load(ExampleCatalog.source());
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void freshRegistry() {
        registry.reset();
    }

    private SchemaRegistryClient client() {
        return RegistryConnection.of(registry.url()).client();
    }

    @Test
    void notRegisteredSaysWhichSubjectAndFileAndRegistersNothing() {
        assertThatThrownBy(() ->
                        new RegistrySync(log::add).registeredSchema(client(), catalog, "order.placed-value", false))
                .isInstanceOfSatisfying(SchemaNotRegisteredException.class, e -> {
                    // the reference is looked up first
                    assertThat(e.subject()).isEqualTo("com.example.orders.OrderLine");
                    assertThat(e.schemaFile()).isEqualTo("schemas/orders/order_line.avsc");
                    assertThat(e.getMessage()).contains("(referenced)", registry.url());
                });
        assertThat(client().subjects()).isEmpty();
    }

    @Test
    void registeringOneSubjectWritesItAndItsReferencesAsASyncWould() {
        RegisteredSchema registered =
                new RegistrySync(log::add).registeredSchema(client(), catalog, "order.placed-value", true);

        SchemaRegistryClient client = client();
        assertThat(client.subjects()).containsExactlyInAnyOrder("order.placed-value", "com.example.orders.OrderLine");
        RegisteredSchema latest = client.latestVersion("order.placed-value");
        assertThat(latest.id()).isEqualTo(registered.id());
        assertThat(latest.definition().schema())
                .isEqualTo(catalog.schemaFile("schemas/orders/order_placed.avsc")
                        .orElseThrow()
                        .text());
        assertThat(latest.definition().references())
                .extracting(SchemaReference::name, SchemaReference::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "com.example.orders.OrderLine", "com.example.orders.OrderLine"));
        assertThat(new RegistrySync(log::add)
                        .registeredSchema(client, catalog, "order.placed-value", false)
                        .id())
                .isEqualTo(registered.id());

        // the sync finds both subjects unchanged: the same form, no second version
        SyncResult synced = new RegistrySync(log::add)
                .sync(new SyncRequest(
                        RegistryConnection.of(registry.url()),
                        ExampleCatalog.source(),
                        1,
                        false,
                        false,
                        Optional.empty()));
        assertThat(synced.plan().subjects())
                .filteredOn(
                        p -> p.name().equals("order.placed-value") || p.name().equals("com.example.orders.OrderLine"))
                .allSatisfy(p -> {
                    assertThat(p.state()).isEqualTo(SchemaState.UNCHANGED);
                    assertThat(p.setsCompatibility()).isFalse();
                });
        assertThat(client.versions("order.placed-value")).hasSize(1);
    }

    @Test
    void anUnknownSubjectIsAnArgumentError() {
        assertThatThrownBy(() -> new RegistrySync(log::add).registeredSchema(client(), catalog, "nope-value", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope-value");
    }
}
