package io.github.eventcat.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SchemaReferenceTest {
    @Test
    void aReferenceNeedsANameAndASubject() {
        assertThat(new SchemaReference("com.x.Line", "com.x.Line", 2).version()).isEqualTo(2);
        assertThatThrownBy(() -> new SchemaReference(null, "s", 1)).hasMessage("name == null");
        assertThatThrownBy(() -> new SchemaReference("n", null, 1)).hasMessage("subject == null");
    }
}
