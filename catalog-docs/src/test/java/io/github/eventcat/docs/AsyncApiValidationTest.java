package io.github.eventcat.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.eventcat.catalog.CatalogLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * asyncapi.yaml is valid AsyncAPI 3.0 by the AsyncAPI project's own parser ({@code @asyncapi/parser}
 * with {@code @asyncapi/avro-schema-parser}, from the npm registry into target/asyncapi-validator,
 * run by node). Without node or npm the test fails and says what to install; it never skips.
 */
class AsyncApiValidationTest {
    static final String PARSER = "@asyncapi/parser@3.6.6";
    static final String AVRO_PARSER = "@asyncapi/avro-schema-parser@3.1.0";
    private static final Path VALIDATOR = Path.of("target/asyncapi-validator").toAbsolutePath();

    @BeforeAll
    static void installParser() throws Exception {
        requireTool("node");
        requireTool("npm");
        if (!Files.isRegularFile(VALIDATOR.resolve("node_modules/@asyncapi/parser/package.json"))
                || !Files.isRegularFile(VALIDATOR.resolve("node_modules/@asyncapi/avro-schema-parser/package.json"))) {
            Files.createDirectories(VALIDATOR);
            Result install = run(
                    300,
                    "npm",
                    "install",
                    "--no-audit",
                    "--no-fund",
                    "--prefix",
                    VALIDATOR.toString(),
                    PARSER,
                    AVRO_PARSER);
            if (install.exit() != 0) {
                fail("npm install " + PARSER + " " + AVRO_PARSER + " failed (exit " + install.exit()
                        + "); the npm registry must be reachable:\n" + install.output());
            }
        }
        try (InputStream script = AsyncApiValidationTest.class.getResourceAsStream("validate-asyncapi.mjs")) {
            Files.copy(script, VALIDATOR.resolve("validate-asyncapi.mjs"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void exampleCatalogsDocumentIsValidAsyncApi3() throws Exception {
        DocsResult docs = ExampleSite.generate();
        Result result = validate(docs.asyncApi());
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("VALID: 8 channels, 16 operations, 9 messages");
        String yaml = Files.readString(docs.asyncApi());
        assertThat(yaml)
                .startsWith("asyncapi: 3.0.0\n")
                .contains(
                        "retention.ms: 2592000000",
                        "partitions: 6",
                        "x-eventcat-subject: tickets-com.example.repairshop.TicketOpened",
                        "schemaFormat: application/vnd.apache.avro+json;version=1.9.0",
                        "$ref: catalog/schemas/todo/task_event.json",
                        "action: receive",
                        "schemaLookupStrategy: RecordNameStrategy");
    }

    /**
     * Schema paths with a space, {@code #}, {@code %} and non-ASCII letters: their copies get names
     * that need no percent-encoding (the parser does not decode a {@code $ref}'s path), so the parser
     * finds each file and the file it references in turn (a {@code $ref} in a catalog file must
     * itself be a valid URI reference, which the loader checks).
     */
    @Test
    void schemaPathsThatNeedEscapingAreReferencedSoTheParserFindsThem(@TempDir Path temp) throws Exception {
        Path schemas = Files.createDirectories(temp.resolve("schemas/order events"));
        Files.createDirectories(temp.resolve("schemas/common"));
        Files.writeString(temp.resolve("catalog.yaml"), """
        package: com.example.odd
        subject-naming: TOPIC_RECORD
        topics:
          orders:
            key: order_id
            events: ["schemas/order events/order #1 placed 100%.json", "schemas/order events/größe geändert.json", "schemas/common/refund(v2)+x.json"]
        """);
        Files.writeString(temp.resolve("schemas/common/money.json"), """
        {"$schema": "http://json-schema.org/draft-07/schema#", "title": "Money",
         "$defs": {"cents": {"type": "integer", "minimum": 0}},
         "type": "object", "properties": {"amount": {"$ref": "#/$defs/cents"}}, "required": ["amount"]}
        """);
        for (String[] event : new String[][] {
            {"order #1 placed 100%.json", "OrderPlaced"},
            {"größe geändert.json", "SizeChanged"},
            {"../common/refund(v2)+x.json", "RefundIssued"}
        }) {
            Files.writeString(schemas.resolve(event[0]), """
          {"$schema": "http://json-schema.org/draft-07/schema#", "title": "%s", "type": "object",
           "properties": {"order_id": {"type": "string"}, "total": {"$ref": "../common/money.json"}},
           "required": ["order_id"]}
          """.replace("%s", event[1]));
        }
        DocsResult docs = DocsGenerator.generate(DocsRequest.of(CatalogLoader.load(temp), temp.resolve("site")));
        String yaml = Files.readString(docs.asyncApi());
        assertThat(yaml)
                .contains("$ref: catalog/schemas/order~20events/order~20~231~20placed~20100~25.json")
                .contains("$ref: catalog/schemas/order~20events/gr~C3~B6~C3~9Fe~20ge~C3~A4ndert.json")
                .contains("$ref: catalog/schemas/common/refund(v2)+x.json");
        assertThat(docs.asyncApi().resolveSibling("catalog/schemas/order~20events/order~20~231~20placed~20100~25.json"))
                .hasSameTextualContentAs(schemas.resolve("order #1 placed 100%.json"));
        Result result = validate(docs.asyncApi());
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("VALID: 1 channels, 2 operations, 3 messages");
        // The parser resolved the payloads: a path it could not read would have been an error above.
        assertThat(result.output()).doesNotContain("error");
    }

    @Test
    void pointersEscapeTildeAndSlashThenPercentEncode() {
        assertThat(AsyncApiDocument.pointer("channels", "a/b~c d", "messages", "x#%y"))
                .isEqualTo("#/channels/a~1b~0c%20d/messages/x%23%25y");
        assertThat(AsyncApiDocument.uriPath("catalog/a b/c#d%e.json")).isEqualTo("catalog/a%20b/c%23d%25e.json");
        assertThat(AsyncApiDocument.copyPath("s/a:b@c(1)+x.json")).isEqualTo("catalog/s/a:b@c(1)+x.json");
        assertThat(AsyncApiDocument.uriPath("catalog/s/a:b@c(1)+x.json")).isEqualTo("catalog/s/a:b@c(1)+x.json");
        assertThat(AsyncApiDocument.copyPath("s t/a~b.json")).isEqualTo("catalog/s~20t/a~7Eb.json");
    }

    @Test
    void anInvalidDocumentFailsTheValidator() throws Exception {
        DocsResult docs = ExampleSite.generate();
        Path broken = docs.asyncApi().resolveSibling("asyncapi-broken.yaml");
        try {
            Files.writeString(
                    broken,
                    Files.readString(docs.asyncApi())
                            .replace("$ref: '#/channels/tickets'", "$ref: '#/channels/no-such-channel'")
                            .replace("$ref: \"#/channels/tickets\"", "$ref: \"#/channels/no-such-channel\""));
            Result result = validate(broken);
            assertThat(result.exit()).as(result.output()).isEqualTo(1);
            assertThat(result.output()).contains("INVALID");
        } finally {
            Files.deleteIfExists(broken);
        }
    }

    private static Result validate(Path document) throws Exception {
        return run(
                120,
                "node",
                VALIDATOR.resolve("validate-asyncapi.mjs").toString(),
                document.toString(),
                VALIDATOR.toString());
    }

    private static void requireTool(String tool) {
        try {
            if (run(60, tool, "--version").exit() == 0) {
                return;
            }
        } catch (IOException | InterruptedException e) {
            // reported below
        }
        fail(tool + " is not on the PATH: the AsyncAPI document is validated with node and the npm package " + PARSER
                + ". Install Node.js 18 or later with npm (Debian: apt-get install -y nodejs npm) and build again.");
    }

    record Result(int exit, String output) {}

    static Result run(int timeoutSeconds, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("eventcat-node", ".log");
        try {
            Process process = new ProcessBuilder(List.of(command))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s:\n"
                        + Files.readString(log));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
