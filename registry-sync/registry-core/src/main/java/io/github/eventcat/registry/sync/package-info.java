/**
 * The registry core, free of Maven. {@link io.github.eventcat.registry.sync.RegistrySync} is the one
 * entry point (sync, check, pull, one subject's registered schema); its requests, results and typed
 * exceptions are the rest of the public API. Inside, package-private: the subjects a catalog puts in
 * the registry ({@code RegistrySubjects}), planning and applying a sync ({@code SyncPlanner},
 * {@code SyncExecutor}), the compatibility check, the pull, and topic provisioning ({@code TopicSync}).
 */
package io.github.eventcat.registry.sync;
