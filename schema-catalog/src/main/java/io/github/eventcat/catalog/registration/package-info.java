/**
 * What a catalog puts in a Schema Registry, computed once for every tool that registers or looks
 * up: {@code registry:sync} and {@code registry:check}, the CLI, and the generated producers'
 * auto-registration (through constants that codegen writes from this form). Each event's subject
 * holds its file's exact text with references to the files it uses, each of those registered
 * first under its own subject.
 */
package io.github.eventcat.catalog.registration;
