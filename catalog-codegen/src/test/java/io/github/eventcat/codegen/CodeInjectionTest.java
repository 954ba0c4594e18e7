package io.github.eventcat.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.CatalogLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Catalog text is data, never code. javac translates Unicode escapes (a backslash, {@code u} and
 * four hex digits) before it sees comments and string literals, so a doc or description holding
 * the escapes of a comment end and braces would close the comment and become a static
 * initializer. Every text position gets a payload that tries that (and a line break, a quote, a
 * backslash, a comment end, Javadoc tags and HTML); the output must compile, load and run without
 * the payload running, and the text must come back unchanged where the program sees it (wire
 * names, enum values, defaults, embedded schemas).
 */
class CodeInjectionTest {
    private static final String PROBE = "eventcat.injected";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @AfterEach
    void clearProbe() {
        System.clearProperty(PROBE);
    }

    /** The payload of the issue: valid Java once javac has translated the escapes. */
    private boolean issuePayloadOnly;

    /** A text that becomes code if any backslash, quote or comment end reaches javac as such. */
    String payload(String tag) {
        if (issuePayloadOnly) {
            return "\\u002a/ static \\u007b System.setProperty(\\u0022" + PROBE + "\\u0022, \\u0022" + tag
                    + "\\u0022); \\u007d /\\u002a\\u002a";
        }
        return "*/ \\u002a/ static \\u007b System.setProperty(\\u0022" + PROBE + "\\u0022, \\u0022"
                + tag + "\\u0022); \\u007d /\\u002a\\u002a"
                + " \\u000a static { System.setProperty(\"" + PROBE + "\", \"" + tag + "\"); }"
                + " \\u0022 + System.setProperty(\"" + PROBE + "\", \"" + tag + "\") + \\u0022"
                + " \\u005c \\\\u0022 \\ @param {@code x} <script>alert(1)</script> & " + tag;
    }

    /**
     * For text that also names a class: the combined payload would make a file name longer than
     * file systems allow.
     */
    static String namePayload(String tag) {
        return "\\u0022 + \\u005c \\\\u0022 */ \\u002a/ @{ <b> & " + tag;
    }

    @ParameterizedTest(name = "issue payload only: {0}")
    @ValueSource(booleans = {true, false})
    void payloadsInEveryTextPositionCompileLoadAndRunAsText(boolean issuePayloadOnly) throws Exception {
        this.issuePayloadOnly = issuePayloadOnly;
        Path catalogDir = writeCatalog(temp.resolve("catalog"));
        Catalog catalog = CatalogLoader.load(catalogDir);
        List<GeneratedFile> files = CodeGenerator.standard()
                .generateInMemory(new GenerationRequest(
                        catalog,
                        CodegenConfiguration.defaults(temp.resolve("unused")).withOutbox(true)));

        ClassLoader loader = Compiler.compile(files, temp.resolve("src"), temp.resolve("classes"));
        for (String name : classNames(files)) {
            Class.forName(name, true, loader); // runs every static initializer
        }
        assertThat(System.getProperty(PROBE))
                .as("payload ran while loading classes")
                .isNull();
        for (GeneratedFile file : files) {
            assertThat(unicodeEscapes(file.content()))
                    .as("Unicode escapes javac would translate in %s", file.path())
                    .isEmpty();
        }

        // Avro: the classes work, and SCHEMA$ carries the docs and default exactly as written.
        Schema original = catalog.avroSchema(
                catalog.schemaFile("schemas/evil*/payload.avsc").orElseThrow());
        Class<?> avroRecord = loader.loadClass("com.example.evil.EvilRecord");
        Object builder = avroRecord.getMethod("newBuilder").invoke(null);
        Schema embedded = (Schema) avroRecord.getField("SCHEMA$").get(null);
        assertThat(embedded.getDoc()).isEqualTo(payload("avro-record-doc"));
        assertThat(embedded.getField("id").doc()).isEqualTo(payload("avro-field-doc"));
        assertThat(embedded.getField("note").defaultVal()).isEqualTo(payload("avro-default"));
        assertThat(embedded.getField("status").schema().getDoc()).isEqualTo(payload("avro-enum-doc"));
        assertThat(embedded.getField("inner").schema().getDoc()).isEqualTo(payload("avro-inner-doc"));
        assertThat(stripJavaString(embedded.toString())).isEqualTo(original.toString());
        assertThat(builder.getClass().getMethod("setId", String.class).invoke(builder, "1"))
                .isSameAs(builder);
        assertThat(System.getProperty(PROBE)).isNull();

        // JSON Schema: the registered text is the file's, and Jackson reads and writes the wire names.
        Class<?> constants = loader.loadClass("com.example.evil.EventCatalog$Schemas");
        String jsonConstant = (String) constants.getField("PAYLOAD").get(null);
        assertThat(jsonConstant)
                .isEqualTo(Files.readString(catalogDir.resolve("schemas/evil*/payload.json"), StandardCharsets.UTF_8));
        Class<?> jsonRecord = loader.loadClass(jsonClassName(files));
        ObjectNode document = JSON.createObjectNode();
        document.put(payload("json-key-property"), "k-1");
        document.put("kind", payload("json-const"));
        document.put("status", payload("json-enum-value"));
        ObjectMapper mapper =
                new ObjectMapper().registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule());
        Object event = mapper.treeToValue(document, jsonRecord);
        Object status = jsonRecord.getMethod("status").invoke(event);
        assertThat(status.getClass().getMethod("wireValue").invoke(status)).isEqualTo(payload("json-enum-value"));
        assertThat(mapper.valueToTree(event).get(payload("json-key-property")).asText())
                .isEqualTo("k-1");
        assertThat(jsonRecord.getMethod("currency").invoke(event)).isEqualTo(payload("json-default"));
        Map<?, ?> eventTypes = (Map<?, ?>) loader.loadClass("com.example.evil.EventCatalog$EvilJson")
                .getField("EVENT_TYPES")
                .get(null);
        assertThat(List.copyOf(eventTypes.keySet())).isEqualTo(List.of("Evil " + namePayload("json-title")));
        assertThat(System.getProperty(PROBE))
                .as("payload ran while using the classes")
                .isNull();
    }

    /**
     * The issue's reproduction: in an Avro field's doc the payload compiles, and ran when the class
     * loaded (in a type's own doc it does not even compile, which the test above covers).
     */
    @Test
    void theIssuesPayloadInAnAvroFieldDocDoesNotRun() throws Exception {
        issuePayloadOnly = true;
        Path dir = temp.resolve("issue");
        Files.createDirectories(dir.resolve("schemas"));
        Files.writeString(
                dir.resolve("catalog.yaml"),
                "package: com.example.evil\n"
                        + "topics:\n  avro:\n    key: id\n    events:\n      - schemas/evil.avsc\n");
        Files.writeString(
                dir.resolve("schemas/evil.avsc"),
                "{\"type\": \"record\", \"name\":"
                        + " \"EvilRecord\", \"namespace\": \"com.example.evil\", \"fields\": [{\"name\": \"id\","
                        + " \"type\": \"string\", \"doc\": " + JSON.writeValueAsString(payload("avro-field-doc"))
                        + "}]}\n");
        List<GeneratedFile> files = CodeGenerator.standard()
                .generateInMemory(new GenerationRequest(
                        CatalogLoader.load(dir), CodegenConfiguration.defaults(temp.resolve("unused"))));

        ClassLoader loader = Compiler.compile(files, temp.resolve("src"), temp.resolve("classes"));
        for (String name : classNames(files)) {
            Class.forName(name, true, loader);
        }

        assertThat(System.getProperty(PROBE))
                .as("payload ran while loading classes")
                .isNull();
    }

    @Test
    void avroJavaClassPropertiesThatAreNotJavaNamesAreRefused() throws IOException {
        Path dir = temp.resolve("java-class");
        Files.createDirectories(dir.resolve("schemas"));
        Files.writeString(
                dir.resolve("catalog.yaml"),
                "package: com.example.evil\n"
                        + "topics:\n  evil:\n    key: id\n    events:\n      - schemas/evil.avsc\n");
        Files.writeString(
                dir.resolve("schemas/evil.avsc"),
                "{\"type\": \"record\", \"name\": \"Evil\","
                        + " \"namespace\": \"com.example.evil\", \"fields\": [\n"
                        + "  {\"name\": \"id\", \"type\": \"string\"},\n"
                        + "  {\"name\": \"x\", \"type\": {\"type\": \"string\", \"java-class\":"
                        + " \"String x; static { System.exit(1); } String\"}}]}\n");
        Catalog catalog = CatalogLoader.load(dir);

        assertThatThrownBy(() -> CodeGenerator.records()
                        .generateInMemory(
                                new GenerationRequest(catalog, CodegenConfiguration.defaults(temp.resolve("out")))))
                .isInstanceOfSatisfying(CodegenException.class, e -> assertThat(e.problems())
                        .extracting(Object::toString)
                        .containsExactly("schemas/evil.avsc:#/fields/1/type: \"java-class\" is"
                                + " \"String x; static { System.exit(1); } String\", which is not a Java class"
                                + " name: write a fully qualified class name such as java.math.BigInteger, or"
                                + " remove it"));
    }

    /** Unicode escapes javac would translate: a backslash run of odd length before a 'u'. */
    static List<String> unicodeEscapes(String source) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("(\\\\+)u+[0-9a-fA-F]{4}").matcher(source);
        while (m.find()) {
            if (m.group(1).length() % 2 == 1) {
                int line = source.substring(0, m.start()).split("\n", -1).length;
                found.add("line " + line + ": " + m.group());
            }
        }
        return found;
    }

    private static String stripJavaString(String schema) {
        return schema.replace(",\"avro.java.string\":\"String\"", "").replace("{\"type\":\"string\"}", "\"string\"");
    }

    private static List<String> classNames(List<GeneratedFile> files) {
        List<String> names = new ArrayList<>();
        for (GeneratedFile file : files) {
            names.add(file.path().replaceFirst("\\.java$", "").replace('/', '.'));
        }
        return names;
    }

    private static String jsonClassName(List<GeneratedFile> files) {
        return files.stream()
                .map(f -> f.path().replaceFirst("\\.java$", "").replace('/', '.'))
                .filter(n -> n.startsWith("com.example.evil.EvilU"))
                .filter(n -> !n.endsWith("Producer") && !n.endsWith("Consumer") && !n.endsWith("Handler"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no JSON record among " + files));
    }

    private Path writeCatalog(Path dir) throws IOException {
        Path schemas = dir.resolve("schemas/evil*");
        Files.createDirectories(schemas);
        Files.writeString(
                dir.resolve("catalog.yaml"),
                "package: com.example.evil\n"
                        + "description: '" + payload("catalog-description") + "'\n"
                        + "topics:\n"
                        + "  evil-json:\n"
                        + "    description: '" + payload("topic-description") + "'\n"
                        + "    key: '" + payload("json-key-property") + "'\n"
                        + "    events:\n"
                        + "      - schema: 'schemas/evil*/payload.json'\n"
                        + "        event-id: '" + payload("json-event-id") + "'\n"
                        + "  evil-avro:\n"
                        + "    description: '" + payload("avro-topic-description") + "'\n"
                        + "    key: id\n"
                        + "    events:\n"
                        + "      - 'schemas/evil*/payload.avsc'\n");
        Files.writeString(
                schemas.resolve("payload.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(jsonSchema()));
        Files.writeString(
                schemas.resolve("payload.avsc"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(avroSchema()));
        return dir;
    }

    private ObjectNode jsonSchema() {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("title", "Evil " + namePayload("json-title"));
        root.put("description", payload("json-description"));
        root.put("type", "object");
        ObjectNode properties = root.putObject("properties");
        properties
                .putObject(payload("json-key-property"))
                .put("type", "string")
                .put("description", payload("json-property-description"));
        properties
                .putObject(payload("json-event-id"))
                .put("type", "string")
                .put("description", payload("json-event-id-description"));
        properties.putObject("kind").put("const", payload("json-const"));
        ObjectNode status = properties
                .putObject("status")
                .put("type", "string")
                .put("description", payload("json-enum-description"));
        status.putArray("enum").add(payload("json-enum-value")).add("plain");
        properties.putObject("currency").put("type", "string").put("default", payload("json-default"));
        ObjectNode nested = properties
                .putObject("nested")
                .put("type", "object")
                .put("title", namePayload("json-nested-title"))
                .put("description", payload("json-nested-description"));
        nested.putObject("properties")
                .putObject(payload("json-nested-property"))
                .put("type", "integer");
        properties.putObject("shared").put("$ref", "#/$defs/Shared");
        root.putObject("$defs")
                .putObject("Shared")
                .put("type", "object")
                .put("description", payload("json-defs-description"))
                .putObject("properties")
                .putObject("v")
                .put("type", "string");
        ArrayNode required = root.putArray("required");
        required.add(payload("json-key-property")).add("kind");
        return root;
    }

    private ObjectNode avroSchema() {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "record")
                .put("name", "EvilRecord")
                .put("namespace", "com.example.evil")
                .put("doc", payload("avro-record-doc"));
        ArrayNode fields = root.putArray("fields");
        fields.addObject().put("name", "id").put("type", "string").put("doc", payload("avro-field-doc"));
        ObjectNode status = fields.addObject().put("name", "status").put("doc", payload("avro-enum-field-doc"));
        ObjectNode statusType = status.putObject("type")
                .put("type", "enum")
                .put("name", "EvilStatus")
                .put("doc", payload("avro-enum-doc"));
        statusType.putArray("symbols").add("A").add("B");
        status.put("default", "A");
        fields.addObject()
                .put("name", "hash")
                .putObject("type")
                .put("type", "fixed")
                .put("name", "EvilHash")
                .put("size", 4)
                .put("doc", payload("avro-fixed-doc"));
        fields.addObject()
                .put("name", "note")
                .put("type", "string")
                .put("default", payload("avro-default"))
                .put("doc", payload("avro-note-doc"));
        ObjectNode inner = fields.addObject()
                .put("name", "inner")
                .putObject("type")
                .put("type", "record")
                .put("name", "EvilInner")
                .put("doc", payload("avro-inner-doc"));
        inner.putArray("fields")
                .addObject()
                .put("name", "x")
                .put("type", "int")
                .put("doc", payload("avro-inner-field-doc"));
        return root;
    }
}
