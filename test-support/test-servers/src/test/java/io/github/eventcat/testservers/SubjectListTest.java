package io.github.eventcat.testservers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubjectListTest {

    @Test
    void readsAJsonArrayOfSubjectNamesWithEscapes() {
        assertThat(EmbeddedSchemaRegistry.jsonStrings(
                        "[\"tickets-value\", \"a\\\"quoted\\\"\",\"caf\\u00e9\",\"back\\\\slash\"]"))
                .containsExactly("tickets-value", "a\"quoted\"", "café", "back\\slash");
    }

    @Test
    void anEmptyArrayHasNoSubjects() {
        assertThat(EmbeddedSchemaRegistry.jsonStrings("[]")).isEmpty();
    }
}
