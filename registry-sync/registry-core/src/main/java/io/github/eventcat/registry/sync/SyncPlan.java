package io.github.eventcat.registry.sync;

import java.util.List;
import java.util.Objects;

/**
 * The plan of a sync, computed from the catalog and the registry's (and broker's) current state
 * before anything is written.
 *
 * @param registry where the registry is (URLs, never credentials)
 * @param subjects every catalog subject in registration order (references first)
 * @param unknownSubjects subjects the registry has and the catalog does not, sorted; never deleted
 * @param topics the catalog's topics, when topic sync is on; otherwise empty
 */
record SyncPlan(String registry, List<SubjectPlan> subjects, List<String> unknownSubjects, List<TopicPlan> topics) {
    public SyncPlan {
        Objects.requireNonNull(registry, "registry == null");
        subjects = List.copyOf(subjects);
        unknownSubjects = List.copyOf(unknownSubjects);
        topics = List.copyOf(topics);
    }

    public SyncPlan withTopics(List<TopicPlan> topicPlans) {
        return new SyncPlan(registry, subjects, unknownSubjects, topicPlans);
    }

    /** Registry and broker writes the plan makes; 0 when everything is up to date. */
    public int writes() {
        return subjects.stream().mapToInt(SubjectPlan::writes).sum()
                + (int) topics.stream().filter(TopicPlan::writes).count();
    }

    public boolean isUpToDate() {
        return writes() == 0;
    }
}
