package io.github.eventcat.registry.sync;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** What a sync did: one outcome per planned subject (and topic), in plan order. */
public record SyncResult(SyncPlan plan, List<SubjectOutcome> subjects, List<TopicOutcome> topics) {
    public SyncResult {
        Objects.requireNonNull(plan, "plan == null");
        subjects = List.copyOf(subjects);
        topics = List.copyOf(topics);
    }

    public List<SubjectOutcome> failedSubjects() {
        return subjects.stream().filter(SubjectOutcome::failed).toList();
    }

    public List<TopicOutcome> failedTopics() {
        return topics.stream().filter(TopicOutcome::failed).toList();
    }

    public boolean succeeded() {
        return failedSubjects().isEmpty() && failedTopics().isEmpty();
    }

    public long count(OutcomeStatus status) {
        return subjects.stream().filter(o -> o.status() == status).count();
    }

    /** A few lines: counts, then every failure. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(count(OutcomeStatus.APPLIED)).append(" subject(s) written, ")
                .append(count(OutcomeStatus.UNCHANGED)).append(" unchanged, ")
                .append(count(OutcomeStatus.FAILED)).append(" failed, ")
                .append(count(OutcomeStatus.SKIPPED)).append(" not attempted");
        if (!topics.isEmpty()) {
            text.append("; ").append(topics.stream().filter(t -> t.status() == OutcomeStatus.APPLIED).count())
                    .append(" topic(s) changed, ").append(failedTopics().size()).append(" failed");
        }
        List<String> failures = failedSubjects().stream().map(SubjectOutcome::describe).collect(Collectors.toList());
        failedTopics().forEach(t -> failures.add("topic " + t.plan().topic() + ": " + t.plan().action() + " failed: " + t.message()));
        if (!failures.isEmpty()) {
            text.append(":\n  ").append(String.join("\n  ", failures));
        }
        return text.toString();
    }
}
