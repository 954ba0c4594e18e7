package io.github.eventcat.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JavaNamesTest {
    @ParameterizedTest
    @CsvSource({
        "1_hour_before, ONE_HOUR_BEFORE",
        "1_day_before, ONE_DAY_BEFORE",
        "24h, TWENTY_FOUR_H",
        "30, THIRTY",
        "2024-01, N2024_01",
        "inProgress, IN_PROGRESS",
        "in-progress, IN_PROGRESS",
        "next-day, NEXT_DAY",
        "low, LOW",
        "'', EMPTY",
        "+, VALUE",
    })
    void enumConstants(String wire, String constant) {
        assertThat(JavaNames.constantName(wire)).isEqualTo(constant);
    }

    @ParameterizedTest
    @CsvSource({
        "occurred_on, occurredOn",
        "userId, userId",
        "tracking-code, trackingCode",
        "URL, url",
        "2fa_enabled, 2faEnabled",
    })
    void componentNames(String property, String component) {
        assertThat(JavaNames.camelCase(property)).isEqualTo(component);
    }

    @ParameterizedTest
    @CsvSource({
        "task_data, TaskData",
        "names and enums, NamesAndEnums",
        "TaskEvent, TaskEvent",
        "2fa, _2fa",
    })
    void typeNames(String title, String type) {
        assertThat(JavaNames.pascalCase(title)).isEqualTo(type);
    }

    @Test
    void aDottedFullNameAsTitleGivesItsLastSegment() {
        assertThat(JavaNames.typeNameOfTitle("org.example.profiles.ProfileChanged"))
                .isEqualTo("ProfileChanged");
        assertThat(JavaNames.typeNameOfTitle("profile_changed")).isEqualTo("ProfileChanged");
        assertThat(JavaNames.typeNameOfTitle("Payment v1.2")).isEqualTo("PaymentV12");
        assertThat(JavaNames.typeNameOfTitle("orders.v2")).isEqualTo("V2");
    }
}
