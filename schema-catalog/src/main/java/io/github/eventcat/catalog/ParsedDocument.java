package io.github.eventcat.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON or YAML document parsed into a tree, remembering where each value and each object key
 * starts so that problems found in the tree can be reported at {@code line:column}.
 */
final class ParsedDocument {

  private static final ObjectMapper JSON = mapper(new JsonFactory());
  private static final ObjectMapper YAML = mapper(new YAMLFactory());

  private final String file;
  private final JsonNode root;
  private final Map<String, String> valueLocations;
  private final Map<String, String> keyLocations;
  private final Map<String, String> numberTexts;

  private ParsedDocument(String file, JsonNode root, Map<String, String> values,
      Map<String, String> keys, Map<String, String> numbers) {
    this.file = file;
    this.root = root;
    this.valueLocations = values;
    this.keyLocations = keys;
    this.numberTexts = numbers;
  }

  private static ObjectMapper mapper(JsonFactory factory) {
    // Duplicate keys silently overwrite each other otherwise: a topic listed twice would vanish.
    factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return new ObjectMapper(factory);
  }

  /** Parses JSON text, or reports why it does not parse. */
  static Optional<ParsedDocument> json(String file, String text, Problems problems) {
    return parse(JSON, "JSON", file, text, problems);
  }

  /** Parses YAML text, or reports why it does not parse. */
  static Optional<ParsedDocument> yaml(String file, String text, Problems problems) {
    return parse(YAML, "YAML", file, text, problems);
  }

  private static Optional<ParsedDocument> parse(
      ObjectMapper mapper, String language, String file, String text, Problems problems) {
    Map<String, String> values = new HashMap<>();
    Map<String, String> keys = new HashMap<>();
    Map<String, String> numbers = new HashMap<>();
    // One streaming pass before the tree is built: it finds what the tree would hide (YAML
    // aliases read as plain strings, how a number was written) and stops deep nesting early.
    try (JsonParser parser = mapper.getFactory().createParser(text)) {
      int depth = 0;
      int aliases = 0;
      String firstAlias = "";
      String firstAliasName = "";
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        String location = render(parser.currentTokenLocation());
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
          if (++depth > CatalogLimits.MAX_NESTING_DEPTH) {
            problems.add(file, location, "nested more than " + CatalogLimits.MAX_NESTING_DEPTH
                + " levels deep, the limit: flatten the schema, e.g. define nested records as"
                + " their own named types or files");
            return Optional.empty();
          }
        } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          depth--;
        }
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
          if (aliases++ == 0) {
            firstAlias = location;
            firstAliasName = yaml.getText();
          }
        }
        if (token == JsonToken.FIELD_NAME) {
          keys.put(pointer, location);
        } else if (token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY) {
          values.putIfAbsent(pointer, location);
        }
        if (token.isNumeric()) {
          numbers.putIfAbsent(pointer, parser.getText());
        }
      }
      if (aliases > 0) {
        // Jackson reads an alias as the anchor's name ("partitions: *n" is "n"), and expanding
        // aliases invites alias bombs; a manifest is short enough to write values out.
        problems.add(file, firstAlias, "YAML anchors and aliases are not supported in " + file
            + ": write the value out instead of the alias *" + firstAliasName
            + (aliases == 1 ? "" : " (" + aliases + " aliases in the file, the first here)"));
        return Optional.empty();
      }
      JsonNode root = mapper.readTree(text);
      if (root == null || root.isMissingNode()) {
        problems.add(file, "", "the file is empty: it must hold a " + language + " document");
        return Optional.empty();
      }
      return Optional.of(new ParsedDocument(file, root, values, keys, numbers));
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      problems.add(
          file,
          where == null ? "" : render(where),
          "not valid " + language + ": " + oneLine(e.getOriginalMessage()) + " — fix the syntax");
      return Optional.empty();
    } catch (IOException e) {
      problems.add(file, "", "cannot read the file: " + e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * SnakeYAML's messages span lines and quote the source with a caret; the location already says
   * where, so keep only the sentences.
   */
  private static String oneLine(String message) {
    List<String> kept = new ArrayList<>();
    String[] lines = message.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.startsWith("in 'reader'")) {
        i += 2; // the quoted source line and the caret under it
      } else if (!line.isEmpty()) {
        kept.add(line);
      }
    }
    return String.join("; ", kept);
  }

  private static String render(JsonLocation location) {
    return location.getLineNr() + ":" + location.getColumnNr();
  }

  String file() {
    return file;
  }

  JsonNode root() {
    return root;
  }

  /**
   * The {@code line:column} where the value at a JSON pointer starts; for a pointer that leads
   * nowhere, the closest enclosing value; the pointer itself ({@code #/a/b}) when nothing matches.
   */
  String locate(String pointer) {
    for (String p = pointer; ; p = parent(p)) {
      String location = valueLocations.get(p);
      if (location != null) {
        return location;
      }
      if (p.isEmpty()) {
        return "#" + pointer;
      }
    }
  }

  /**
   * The number at a JSON pointer as it is written in the file: YAML reads {@code 0x10} and
   * {@code 1_000} as numbers, which the tree no longer shows. Empty when the value is no number.
   */
  Optional<String> writtenNumber(String pointer) {
    return Optional.ofNullable(numberTexts.get(pointer));
  }

  /** The {@code line:column} of the key of the member at a JSON pointer (e.g. an unknown key). */
  String locateKey(String pointer) {
    String location = keyLocations.get(pointer);
    return location != null ? location : locate(pointer);
  }

  private static String parent(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash <= 0 ? "" : pointer.substring(0, slash);
  }

  /** Escapes a member name for use as a JSON pointer segment. */
  static String segment(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
