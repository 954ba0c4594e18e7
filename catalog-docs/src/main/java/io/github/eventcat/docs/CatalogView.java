package io.github.eventcat.docs;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.Event;
import io.github.eventcat.catalog.FileReference;
import io.github.eventcat.catalog.SchemaFile;
import io.github.eventcat.catalog.SchemaFormat;
import io.github.eventcat.catalog.Topic;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The catalog as the pages need it: file names of pages, and where named types and
 * {@code $ref}s lead. References are looked up in what the loader already resolved ({@link
 * SchemaFile#references()}: each {@code $ref} document or Avro named type → its file), so there is
 * no resolver of its own here. TODO: use schema-catalog's schema graph once it lands.
 */
final class CatalogView {
  final Catalog catalog;
  private final Map<String, Event> eventsByRecordName = new HashMap<>();
  private final Map<String, Event> eventsByFile = new HashMap<>();
  private final Map<String, String> avroTypeFiles = new HashMap<>();
  private final Map<String, JsonNode> jsonTrees = new HashMap<>();

  CatalogView(Catalog catalog) {
    this.catalog = catalog;
    for (Event event : catalog.events()) {
      eventsByRecordName.putIfAbsent(event.recordFullName(), event);
      eventsByFile.putIfAbsent(event.schemaFile().path(), event);
      if (event.format() == SchemaFormat.AVRO) {
        avroTypeFiles.putIfAbsent(event.recordFullName(), event.schemaFile().path());
      }
    }
    for (SchemaFile file : catalog.schemaFiles()) {
      if (file.format() == SchemaFormat.AVRO) {
        file.references().forEach(r -> avroTypeFiles.putIfAbsent(r.name(), r.path()));
      }
    }
  }

  static String indexPage() {
    return "index.html";
  }

  static String topicPage(Topic topic) {
    return "topic-" + Html.id(topic.name()) + ".html";
  }

  static String eventPage(Event event) {
    return "event-" + Html.id(event.javaTypeName()) + ".html";
  }

  /** The anchor of a schema file's source on an event page. */
  static String sourceAnchor(String path) {
    return "src-" + Html.id(path);
  }

  /** The anchor of a field's row on an event page. */
  static String fieldAnchor(String path) {
    return "f-" + Html.id(path);
  }

  /** The record schema of an Avro event (its file may hold a union of several records). */
  Schema avroRecord(Event event) {
    Schema schema = catalog.avroSchema(event.schemaFile());
    if (schema.getType() == Schema.Type.UNION) {
      return schema.getTypes().stream()
          .filter(s -> s.getType() == Schema.Type.RECORD && s.getFullName().equals(event.recordFullName()))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException(event.recordFullName() + " not in its file"));
    }
    return schema;
  }

  /**
   * Where a named Avro type used by {@code event} is described: the page of the event it is, or
   * its source on this event's page when another file defines it; empty when this file does.
   */
  Optional<String> avroTypeLink(Event event, String fullName) {
    Event other = eventsByRecordName.get(fullName);
    if (other != null && other.format() == SchemaFormat.AVRO && !other.equals(event)) {
      return Optional.of(eventPage(other));
    }
    String file = avroTypeFiles.get(fullName);
    if (file == null || file.equals(event.schemaFile().path())) {
      return Optional.empty();
    }
    return Optional.of("#" + sourceAnchor(file));
  }

  /** The event page of the event a JSON Schema file defines, if it is one. */
  Optional<Event> eventOfFile(String path) {
    return Optional.ofNullable(eventsByFile.get(path));
  }

  /** A JSON Schema node and the file it belongs to. */
  record JsonTarget(SchemaFile file, JsonNode node) {}

  /**
   * Where a {@code $ref} of {@code file} leads: the referenced file (by the loader's reference
   * table) and, for a fragment, the node at that JSON pointer. Empty when it leads outside the
   * catalog (the loader allows only references it could resolve, so this is rare).
   */
  Optional<JsonTarget> jsonRef(SchemaFile file, String ref) {
    int hash = ref.indexOf('#');
    String document = hash < 0 ? ref : ref.substring(0, hash);
    String fragment = hash < 0 ? "" : ref.substring(hash + 1);
    SchemaFile target = file;
    if (!document.isEmpty()) {
      Optional<SchemaFile> referenced = file.references().stream()
          .filter(r -> r.name().equals(document))
          .map(FileReference::path)
          .findFirst()
          .flatMap(catalog::schemaFile);
      if (referenced.isEmpty()) {
        return Optional.empty();
      }
      target = referenced.get();
    }
    JsonNode root = json(target);
    JsonNode node = fragment.isEmpty() ? root : root.at(fragment);
    return node.isMissingNode() ? Optional.empty() : Optional.of(new JsonTarget(target, node));
  }

  /** A JSON Schema file's tree, read once (the catalog hands out a fresh copy each time). */
  JsonNode json(SchemaFile file) {
    return jsonTrees.computeIfAbsent(file.path(), p -> catalog.jsonSchema(file));
  }

  /** The files {@code file} uses, directly or not, in registration order, then the file itself. */
  List<SchemaFile> sources(SchemaFile file) {
    List<SchemaFile> files = new java.util.ArrayList<>(catalog.referencesInRegistrationOrder(file));
    files.add(file);
    return files;
  }
}
