package io.github.eventcat.registry.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.runtime.registry.RegisteredSchema;
import io.github.eventcat.runtime.registry.SchemaDefinition;
import io.github.eventcat.vocabulary.CompatibilityLevel;
import io.github.eventcat.vocabulary.SchemaReference;
import io.github.eventcat.vocabulary.SchemaType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Reading Apicurio 2.x's export format (entries as Apicurio 2.4.2 writes them; the real registry's
 * own export is compared with its Confluent API in {@link ApicurioExportRealRegistryTest}).
 */
class ApicurioExportTest {
    private static final String MANIFEST =
            "{\"systemVersion\":\"2.4.2.Final\",\"systemName\":\"apicurio-registry\",\"exportVersion\":\"1.0\"}";
    private static final String RA_1 =
            "{\"type\":\"record\",\"name\":\"Ra\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}";
    private static final String RA_2 =
            "{\"type\":\"record\",\"name\":\"Ra\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"},{\"name\":\"y\",\"type\":\"int\",\"default\":0}]}";
    private static final String RC =
            "{\"type\":\"record\",\"name\":\"Rc\",\"fields\":[{\"name\":\"a\",\"type\":\"Ra\"}]}";

    private final Map<String, String> entries = new LinkedHashMap<>();

    @Test
    void theExportLiesBesideTheConfluentApi() {
        assertThat(ApicurioExport.exportUrl(URI.create("http://registry:8080/apis/ccompat/v7")))
                .hasValue(URI.create("http://registry:8080/apis/registry/v2/admin/export"));
        assertThat(ApicurioExport.exportUrl(URI.create("https://h/registry/apis/ccompat/v6/")))
                .hasValue(URI.create("https://h/registry/apis/registry/v2/admin/export"));
        assertThat(ApicurioExport.exportUrl(URI.create("http://schema-registry:8081")))
                .isEmpty();
        assertThat(ApicurioExport.exportUrl(URI.create("http://h/apis/ccompat/v7/subjects")))
                .isEmpty();
    }

    @Test
    void readsTheLatestEnabledVersionOfEverySubjectWithItsReferencesAndLevel() throws IOException {
        manifest(MANIFEST);
        content("h1", 1, RA_1, null);
        content("h3", 3, RA_2, null);
        content("h4", 4, RC, "[{\"groupId\":null,\"artifactId\":\"a-value\",\"version\":\"2\",\"name\":\"Ra\"}]");
        version("a-value", 1, "ENABLED", "AVRO", 1);
        version("a-value", 2, "ENABLED", "AVRO", 3);
        version("c-value", 1, "DEPRECATED", "AVRO", 4);
        rule("a-value", "BACKWARD_TRANSITIVE");

        ApicurioExport export = parse().orElseThrow();

        assertThat(export.latestBySubject()).containsOnlyKeys("a-value", "c-value");
        assertThat(export.latestBySubject().get("a-value"))
                .isEqualTo(
                        new RegisteredSchema("a-value", 2, 3, new SchemaDefinition(RA_2, SchemaType.AVRO, List.of())));
        assertThat(export.latestBySubject().get("c-value"))
                .isEqualTo(new RegisteredSchema(
                        "c-value",
                        1,
                        4,
                        new SchemaDefinition(RC, SchemaType.AVRO, List.of(new SchemaReference("Ra", "a-value", 2)))));
        assertThat(export.levelBySubject())
                .containsExactly(Map.entry("a-value", CompatibilityLevel.BACKWARD_TRANSITIVE));
    }

    @Test
    void aSoftDeletedLatestVersionIsSkippedAndAWhollyDeletedSubjectIsAbsent() throws IOException {
        manifest(MANIFEST);
        content("h1", 1, RA_1, null);
        content("h3", 3, RA_2, null);
        version("a-value", 1, "ENABLED", "AVRO", 1);
        version("a-value", 2, "DISABLED", "AVRO", 3);
        version("b-value", 1, "DISABLED", "AVRO", 1);

        ApicurioExport export = parse().orElseThrow();

        assertThat(export.latestBySubject()).containsOnlyKeys("a-value");
        assertThat(export.latestBySubject().get("a-value").version()).isEqualTo(1);
    }

    @Test
    void whatTheConfluentApiCannotNameIsLeftOut() throws IOException {
        manifest(MANIFEST);
        content("h1", 1, RA_1, null);
        content("h4", 4, RC, "[{\"groupId\":\"other\",\"artifactId\":\"a\",\"version\":\"1\",\"name\":\"Ra\"}]");
        content("h5", 5, "openapi: 3.0.0", null);
        entries.put(
                "groups/team/artifacts/t/versions/1.ArtifactVersion.json",
                versionJson("\"team\"", "t", "1", 1, "ENABLED", "AVRO", 1));
        entries.put(
                "groups/default/artifacts/n/versions/1.0.0.ArtifactVersion.json",
                versionJson("null", "n", "1.0.0", 1, "ENABLED", "AVRO", 1));
        version("refs-other-group", 1, "ENABLED", "AVRO", 4);
        version("api", 1, "ENABLED", "OPENAPI", 5);
        version("plain", 1, "ENABLED", "JSON", 1);

        ApicurioExport export = parse().orElseThrow();

        assertThat(export.latestBySubject()).containsOnlyKeys("plain");
        assertThat(export.latestBySubject().get("plain").definition().type()).isEqualTo(SchemaType.JSON);
    }

    @Test
    void anotherFormatIsNotRead() throws IOException {
        manifest("{\"systemVersion\":\"3.0.6\",\"systemName\":\"apicurio-registry\",\"exportVersion\":\"3.0\"}");
        content("h1", 1, RA_1, null);
        version("a-value", 1, "ENABLED", "AVRO", 1);
        assertThat(parse()).isEmpty();

        entries.clear();
        content("h1", 1, RA_1, null);
        version("a-value", 1, "ENABLED", "AVRO", 1);
        assertThat(parse()).as("no manifest").isEmpty();

        byte[] json = "{\"message\":\"not a zip\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(ApicurioExport.parse(new ByteArrayInputStream(json)))
                .as("not a zip")
                .isEmpty();
    }

    private void manifest(String json) {
        entries.put("manifest-2026-12-01T15:17:36.344Z.Manifest.json", json);
    }

    private void content(String hash, long contentId, String text, String serializedReferences) {
        entries.put(
                "content/" + hash + ".Content.json",
                "{\"contentId\":" + contentId + ",\"contentHash\":\"" + hash + "\",\"serializedReferences\":"
                        + (serializedReferences == null ? "null" : quote(serializedReferences)) + "}");
        entries.put("content/" + hash + ".Content.data", text);
    }

    private void version(String artifactId, int version, String state, String type, long contentId) {
        entries.put(
                "groups/default/artifacts/" + artifactId + "/versions/" + version + ".ArtifactVersion.json",
                versionJson("null", artifactId, Integer.toString(version), version, state, type, contentId));
    }

    private static String versionJson(
            String groupId,
            String artifactId,
            String version,
            int versionId,
            String state,
            String type,
            long contentId) {
        return "{\"globalId\":" + (100 + contentId) + ",\"groupId\":" + groupId + ",\"artifactId\":\"" + artifactId
                + "\",\"version\":\"" + version + "\",\"versionId\":" + versionId + ",\"artifactType\":\"" + type
                + "\",\"state\":\"" + state + "\",\"contentId\":" + contentId + "}";
    }

    private void rule(String artifactId, String level) {
        entries.put(
                "groups/default/artifacts/" + artifactId + "/rules/COMPATIBILITY.ArtifactRule.json",
                "{\"groupId\":null,\"artifactId\":\"" + artifactId
                        + "\",\"type\":\"COMPATIBILITY\",\"configuration\":\"" + level + "\"}");
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private Optional<ApicurioExport> parse() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return ApicurioExport.parse(new ByteArrayInputStream(zip.toByteArray()));
    }
}
