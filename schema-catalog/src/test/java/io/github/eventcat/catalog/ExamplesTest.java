package io.github.eventcat.catalog;

import static io.github.eventcat.catalog.TestCatalogs.problems;
import static io.github.eventcat.catalog.TestCatalogs.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Example payloads listed with events: valid ones reach {@link Event#examples()} on the event they
 * show (for a union, the branch they name or match); the bad ones are in {@code bad-catalogs/example*}.
 */
class ExamplesTest {
    static final Path GOOD = Path.of("src/test/resources/good-catalogs/examples");

    @TempDir
    Path temp;

    private final Catalog catalog = CatalogLoader.load(GOOD);

    private List<String> examplesOf(String topic, String event) {
        Event found = CatalogEvents.event(catalog, topic, event);
        return found.examples().stream().map(Example::path).toList();
    }

    @Test
    void anAvroRecordsExamplesAreOnItsEventInManifestOrder() throws IOException {
        Event event = CatalogEvents.event(catalog, "tickets", "com.example.TicketOpened");
        assertThat(event.examples())
                .extracting(Example::path)
                .containsExactly("examples/ticket_opened.json", "examples/ticket_opened_minimal.json");
        Example example = event.examples().get(0);
        assertThat(example.schemaFile()).isEqualTo("schemas/ticket_opened.avsc");
        assertThat(example.format()).isEqualTo(SchemaFormat.AVRO);
        assertThat(example.text()).isEqualTo(Files.readString(GOOD.resolve("examples/ticket_opened.json")));
        assertThat(example.value().at("/middlename/string").asText()).isEqualTo("Kim");
    }

    @Test
    void aJsonExampleWithReferencesToOtherFilesIsOnItsEvent() {
        Event event = CatalogEvents.event(catalog, "tasks", "TaskCreated");
        assertThat(event.examples()).singleElement().satisfies(example -> {
            assertThat(example.path()).isEqualTo("examples/task_created.json");
            assertThat(example.format()).isEqualTo(SchemaFormat.JSON);
            assertThat(example.value().get("priority").asText()).isEqualTo("high");
        });
    }

    @Test
    void anAvroUnionsExamplesGoToTheBranchTheyName() {
        assertThat(examplesOf("things", "com.example.things.ThingCreated"))
                .containsExactly("examples/thing_created.json");
        assertThat(examplesOf("things", "com.example.things.ThingDeleted"))
                .containsExactly("examples/thing_deleted.json");
    }

    @Test
    void aJsonOneOfsExamplesGoToTheBranchTheyMatch() {
        assertThat(examplesOf("notes", "NoteAdded")).containsExactly("examples/note_added.json");
        assertThat(examplesOf("notes", "NoteRemoved")).containsExactly("examples/note_removed.json");
    }

    @Test
    void anEventWithoutExamplesHasNone() throws IOException {
        write(temp.resolve("catalog.yaml"), TestCatalogs.MANIFEST);
        write(temp.resolve("schemas/thing_created.avsc"), TestCatalogs.THING_CREATED);
        Catalog plain = CatalogLoader.load(temp);
        assertThat(plain.events()).singleElement().satisfies(event -> assertThat(event.examples())
                .isEmpty());
    }

    @Test
    void anExampleOfAUnionWithoutItsBranchIsRefusedWithTheBranchToWrite() throws IOException {
        Path root = copyOfGood();
        write(root.resolve("examples/thing_deleted.json"), "{\"id\": 42}\n");

        assertThat(problems(root))
                .containsExactly("examples/thing_deleted.json:1:1: at the top level: expected a value of the union"
                        + " [com.example.things.ThingCreated, com.example.things.ThingDeleted], found an"
                        + " object. Avro's JSON encoding writes a union value as {\"<branch>\": value} (null"
                        + " alone for the null branch): write {\"com.example.things.ThingDeleted\": {\"id\":42}}"
                        + " (schema schemas/thing_events.avsc)");
    }

    @Test
    void aBranchNamedByItsSimpleNameIsRefusedWithTheFullName() throws IOException {
        Path root = copyOfGood();
        write(root.resolve("examples/thing_deleted.json"), "{\"ThingDeleted\": {\"id\": 42}}\n");

        assertThat(problems(root))
                .containsExactly(
                        "examples/thing_deleted.json:1:1: at the top level: a union branch is named by its full"
                                + " name in Avro's JSON encoding: write {\"com.example.things.ThingDeleted\": …}"
                                + " instead of {\"ThingDeleted\": …} (schema schemas/thing_events.avsc)");
    }

    @Test
    void aJsonExampleMatchingNoBranchIsRefused() throws IOException {
        Path root = copyOfGood();
        write(root.resolve("examples/note_added.json"), "{\"note_id\": 2}\n");

        assertThat(problems(root))
                .containsExactly(
                        "examples/note_added.json:1:1: at /removed: required property 'removed' not found"
                                + " (schema schemas/note_events.json)",
                        "examples/note_added.json:1:1: at /text: required property 'text' not found"
                                + " (schema schemas/note_events.json)",
                        "examples/note_added.json:1:1: at the top level: must be valid to one and only one"
                                + " schema, but 0 are valid (schema schemas/note_events.json)");
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "creating symbolic links needs a privilege")
    void anExampleLinkedOutsideTheRootIsRefusedWhereItIsListed() throws IOException {
        Path outside = write(
                temp.resolve("elsewhere/ticket_opened.json"),
                Files.readString(GOOD.resolve("examples/ticket_opened.json")));
        Path root = copyOfGood();
        Files.delete(root.resolve("examples/ticket_opened.json"));
        Files.createSymbolicLink(root.resolve("examples/ticket_opened.json"), outside);

        assertThat(problems(root))
                .containsExactly(
                        "catalog.yaml:7:57: example \"examples/ticket_opened.json\" is a symbolic link that leads"
                                + " outside the catalog root (to " + outside.toRealPath() + "): copy the file into"
                                + " the catalog");
    }

    @Test
    void anExampleLargerThanTheFileLimitIsRefused() throws IOException {
        Path root = copyOfGood();
        write(root.resolve("examples/task_created.json"), "\"" + "x".repeat(CatalogLimits.MAX_FILE_BYTES) + "\"");

        assertThat(problems(root))
                .containsExactly("examples/task_created.json: the file has 1,048,578 bytes, more than the limit of"
                        + " 1,048,576 bytes (1 MiB): split the schema into smaller files that refer to each"
                        + " other");
    }

    private Path copyOfGood() throws IOException {
        Path root = temp.resolve("catalog");
        try (var files = Files.walk(GOOD)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                write(root.resolve(GOOD.relativize(file).toString()), Files.readAllBytes(file));
            }
        }
        return root;
    }

    /** Finds events the way a user names them. */
    static final class CatalogEvents {
        static Event event(Catalog catalog, String topic, String recordFullName) {
            return catalog.topic(topic).orElseThrow().events().stream()
                    .filter(e -> e.recordFullName().equals(recordFullName))
                    .findFirst()
                    .orElseThrow();
        }
    }
}
