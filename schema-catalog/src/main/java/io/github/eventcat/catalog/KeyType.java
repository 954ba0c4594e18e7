package io.github.eventcat.catalog;

import java.util.function.Supplier;

/**
 * The type of an event's key field, with where it is written, to compare the events of a topic
 * whatever their schema language.
 *
 * @param type the Avro type name ({@code string}, {@code int}, {@code long}) or the JSON Schema
 *     {@code type} ({@code string}, {@code integer})
 * @param file the file that declares the field
 * @param where where in the file, as problems show it
 */
record KeyType(String type, String file, Supplier<String> where) {
    /** Where the field is written; worked out when a problem needs it (a scan of the file's text). */
    String location() {
        return where.get();
    }

    /** JSON Schema's integer has no width: it goes with an Avro int or long. */
    boolean sameAs(KeyType other) {
        return type.equals(other.type)
                || (type.equals("integer") && !other.type.equals("string"))
                || (other.type.equals("integer") && !type.equals("string"));
    }
}
