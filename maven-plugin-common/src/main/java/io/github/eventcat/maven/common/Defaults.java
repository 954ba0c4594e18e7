package io.github.eventcat.maven.common;

/**
 * The defaults Maven has to be given as text ({@code @Parameter(defaultValue = ...)}), written
 * once for both plugins. Every other default is the core's: a parameter the user did not set
 * reaches the core as "not set" (a {@code null} boxed value), and the core applies its own.
 */
public final class Defaults {
    private Defaults() {}

    /** The catalog of the project being built. */
    public static final String CATALOG_DIRECTORY = "${project.basedir}/src/main/catalog";
}
