package io.github.eventcat.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** Several events on a TOPIC-named topic, as one union (Avro) or oneOf (JSON Schema) schema. */
class UnionCatalogTest {
    private final Catalog catalog = CatalogLoader.load(Path.of("src/test/resources/good-catalogs/unions"));

    @Test
    void avroUnionMembersAreTheTopicsEvents() {
        Topic things = catalog.topic("things").orElseThrow();
        assertThat(things.events())
                .extracting(
                        Event::name, Event::javaTypeName, e -> e.schemaFile().path(), Event::eventIdField)
                .containsExactly(
                        tuple(
                                "thing_created",
                                "com.example.things.ThingCreated",
                                "schemas/thing_created.avsc",
                                Optional.of("event_id")),
                        tuple(
                                "thing_deleted",
                                "com.example.things.ThingDeleted",
                                "schemas/thing_events.avsc",
                                Optional.of("event_id")));
        assertThat(things.subjects())
                .extracting(Subject::name, s -> s.schemaFile().path())
                .containsExactly(tuple("things-value", "schemas/thing_events.avsc"));
        SchemaFile union = things.valueSchemaFiles().get(0);
        assertThat(union.references())
                .containsExactly(new FileReference("com.example.things.ThingCreated", "schemas/thing_created.avsc"));
        assertThat(catalog.avroSchema(union).getType()).isEqualTo(Schema.Type.UNION);
        assertThat(catalog.referencesInRegistrationOrder(union))
                .extracting(SchemaFile::path)
                .containsExactly("schemas/zz_zone.avsc", "schemas/thing_created.avsc");
        assertThat(catalog.avroSchema(union)
                        .getTypes()
                        .get(0)
                        .getField("zone")
                        .schema()
                        .getEnumSymbols())
                .containsExactly("NORTH", "SOUTH");
    }

    @Test
    void jsonOneOfBranchesAreTheTopicsEvents() {
        Topic notes = catalog.topic("notes").orElseThrow();
        assertThat(notes.events())
                .extracting(Event::recordFullName, Event::javaTypeName, e -> e.schemaFile()
                        .path())
                .containsExactly(
                        tuple("NoteAdded", "com.example.things.NoteAdded", "schemas/note_added.json"),
                        tuple("NoteRemoved", "com.example.things.NoteRemoved", "schemas/note_events.json"));
        assertThat(notes.subjects()).extracting(Subject::name).containsExactly("notes-value");
        assertThat(catalog.referencesInRegistrationOrder(
                        notes.valueSchemaFiles().get(0)))
                .extracting(SchemaFile::path)
                .containsExactly("schemas/note_added.json");
    }

    @Test
    void unlistedUnreferencedFilesAreIgnored() {
        assertThat(catalog.schemaFile("schemas/unused_and_broken.avsc")).isEmpty();
    }
}
