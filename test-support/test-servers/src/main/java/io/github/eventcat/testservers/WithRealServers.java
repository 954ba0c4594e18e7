package io.github.eventcat.testservers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class the real servers of this JVM: declare a parameter of type
 * {@link EmbeddedKafka} and/or {@link EmbeddedSchemaRegistry} in a test method, a lifecycle
 * method or the constructor. Both are started once per JVM ({@link EmbeddedKafka#shared()},
 * {@link EmbeddedSchemaRegistry#shared()}); the registry is {@linkplain EmbeddedSchemaRegistry#reset() reset}
 * before each test class so classes do not see each other's subjects.
 *
 * <pre>{@code
 * @WithRealServers
 * class OrderEventsTest {
 *     @Test
 *     void roundTrip(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RealServersExtension.class)
public @interface WithRealServers {}
