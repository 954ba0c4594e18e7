package io.github.eventcat.codegen;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.eventcat.catalog.Catalog;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the topics are declared in {@code catalog.yaml}, for messages that point at them. The
 * catalog model keeps no source positions, so the manifest is read again, as the catalog loader
 * reads it (Jackson's YAML parser, the same line and column numbers).
 */
final class ManifestLocations {
  static final String MANIFEST = "catalog.yaml";

  private ManifestLocations() {}

  /**
   * Topic name → {@code line:column} of its key under {@code topics}; {@code #/topics/<name>} for
   * a topic whose position cannot be read.
   */
  static Map<String, String> topicKeys(Catalog catalog) {
    Map<String, String> locations = new HashMap<>();
    String source = catalog.source();
    String manifest = source.endsWith("/") ? source + MANIFEST : source + "/" + MANIFEST;
    try (InputStream in = URI.create(manifest).toURL().openStream();
        JsonParser parser = new YAMLFactory().createParser(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return locations;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        JsonToken value = parser.nextToken();
        if (key.equals("topics") && value == JsonToken.START_OBJECT) {
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            locations.putIfAbsent(parser.currentName(), parser.currentTokenLocation().getLineNr()
                + ":" + parser.currentTokenLocation().getColumnNr());
            parser.nextToken();
            parser.skipChildren();
          }
        } else {
          parser.skipChildren();
        }
      }
    } catch (IOException | RuntimeException e) {
      // The catalog loaded from it moments ago; without positions the pointers below still say where.
    }
    return locations;
  }

  static String topicKey(Map<String, String> locations, String topic) {
    return locations.getOrDefault(topic,
        "#/topics/" + topic.replace("~", "~0").replace("/", "~1"));
  }
}
