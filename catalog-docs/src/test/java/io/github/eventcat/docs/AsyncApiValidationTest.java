package io.github.eventcat.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
      Result install = run(300, "npm", "install", "--no-audit", "--no-fund", "--prefix", VALIDATOR.toString(),
          PARSER, AVRO_PARSER);
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
    assertThat(yaml).startsWith("asyncapi: 3.0.0\n")
        .contains("retention.ms: 2592000000", "partitions: 6", "x-eventcat-subject: tickets-com.example.repairshop.TicketOpened",
            "schemaFormat: application/vnd.apache.avro+json;version=1.9.0",
            "$ref: catalog/schemas/todo/task_event.json", "action: receive", "schemaLookupStrategy: RecordNameStrategy");
  }

  @Test
  void anInvalidDocumentFailsTheValidator() throws Exception {
    DocsResult docs = ExampleSite.generate();
    Path broken = docs.asyncApi().resolveSibling("asyncapi-broken.yaml");
    try {
      Files.writeString(broken, Files.readString(docs.asyncApi())
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
    return run(120, "node", VALIDATOR.resolve("validate-asyncapi.mjs").toString(), document.toString(),
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
    fail(tool + " is not on the PATH: the AsyncAPI document is validated with node and the npm package "
        + PARSER + ". Install Node.js 18 or later with npm (Debian: apt-get install -y nodejs npm) and build again.");
  }

  record Result(int exit, String output) {}

  static Result run(int timeoutSeconds, String... command) throws IOException, InterruptedException {
    Path log = Files.createTempFile("eventcat-node", ".log");
    try {
      Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s:\n" + Files.readString(log));
      }
      return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
