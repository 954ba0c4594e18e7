package io.github.eventcat.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {
    @Test
    void pascalCase() {
        assertThat(Names.pascalCase("user_created")).isEqualTo("UserCreated");
        assertThat(Names.pascalCase("task-event")).isEqualTo("TaskEvent");
        assertThat(Names.pascalCase("UserCreated")).isEqualTo("UserCreated");
        assertThat(Names.pascalCase("userCreated")).isEqualTo("UserCreated");
    }

    @Test
    void wordsAreTheRunsOfAsciiLettersAndDigits() {
        assertThat(Names.words("order-id_v2")).containsExactly("order", "id", "v2");
        assertThat(Names.words("__a..b__")).containsExactly("a", "b");
        assertThat(Names.words("caféCrème 42")).containsExactly("caf", "Cr", "me", "42");
        assertThat(Names.words("")).isEmpty();
        assertThat(Names.words("-_. é")).isEmpty();
        assertThat(Names.pascalCase("-_. é")).isEmpty();
        assertThat(Names.pascalCase("9lives_x")).isEqualTo("9livesX");
    }

    @Test
    void javaClassPrefixOfTopics() {
        assertThat(Names.javaClassPrefix("order.placed")).isEqualTo("OrderPlaced");
        assertThat(Names.javaClassPrefix("task-events")).isEqualTo("TaskEvents");
        assertThat(Names.javaClassPrefix("2fa.events")).isEqualTo("_2faEvents");
        assertThat(Names.javaClassPrefix("_-.")).isEqualTo("Type");
    }

    @Test
    void snakeCase() {
        assertThat(Names.snakeCase("TicketOpened")).isEqualTo("ticket_opened");
        assertThat(Names.snakeCase("ticket_opened")).isEqualTo("ticket_opened");
        assertThat(Names.snakeCase("HTTPCallMade")).isEqualTo("http_call_made");
    }

    @Test
    void kafkaTopicNames() {
        assertThat(Names.topicNameProblem("task-events.v1_x")).isEmpty();
        assertThat(Names.topicNameProblem("a".repeat(249))).isEmpty();
        assertThat(Names.topicNameProblem("a".repeat(250))).isPresent();
        assertThat(Names.topicNameProblem(".")).isPresent();
        assertThat(Names.topicNameProblem("..")).isPresent();
        assertThat(Names.topicNameProblem("...")).isEmpty();
        assertThat(Names.topicNameProblem("tâche")).isPresent();
        assertThat(Names.topicCollisionKey("a.b")).isEqualTo(Names.topicCollisionKey("a_b"));
    }
}
