/**
 * A small client for the Confluent Schema Registry REST API (also served by Apicurio under
 * {@code /apis/ccompat/v7}), on {@code java.net.http} and Jackson.
 */
package io.github.eventcat.runtime.registry;
