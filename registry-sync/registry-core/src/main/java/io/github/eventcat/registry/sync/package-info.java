/**
 * The registry plugin's core, free of Maven: plan a catalog's subjects against a live Schema
 * Registry ({@link io.github.eventcat.registry.sync.SyncPlanner}), apply the plan
 * ({@link io.github.eventcat.registry.sync.SyncExecutor}), check compatibility
 * ({@link io.github.eventcat.registry.sync.CompatibilityCheck}) and pull subjects into a catalog
 * ({@link io.github.eventcat.registry.sync.RegistryPull}). {@link io.github.eventcat.registry.sync.RegistrySync}
 * is the one entry point a build tool adapter calls.
 */
package io.github.eventcat.registry.sync;
