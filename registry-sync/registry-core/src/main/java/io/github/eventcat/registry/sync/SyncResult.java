package io.github.eventcat.registry.sync;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a sync did: one outcome per planned subject (and topic), in plan order. Callers read the
 * verdict, the summary and the subjects and topics written; the plan's details stay inside the core.
 */
public final class SyncResult {
    private final SyncPlan plan;
    private final List<SubjectOutcome> subjects;
    private final List<TopicOutcome> topics;

    SyncResult(SyncPlan plan, List<SubjectOutcome> subjects, List<TopicOutcome> topics) {
        this.plan = Objects.requireNonNull(plan, "plan == null");
        this.subjects = List.copyOf(subjects);
        this.topics = List.copyOf(topics);
    }

    SyncPlan plan() {
        return plan;
    }

    List<SubjectOutcome> subjects() {
        return subjects;
    }

    List<TopicOutcome> topics() {
        return topics;
    }

    List<SubjectOutcome> failedSubjects() {
        return subjects.stream().filter(SubjectOutcome::failed).toList();
    }

    List<TopicOutcome> failedTopics() {
        return topics.stream().filter(TopicOutcome::failed).toList();
    }

    /** The subjects the catalog puts in the registry, in registration order (references first). */
    public List<String> subjectNames() {
        return plan.subjects().stream().map(SubjectPlan::name).toList();
    }

    /** The subjects this sync wrote to (registered a schema or set a level), in registration order. */
    public List<String> writtenSubjects() {
        return subjects.stream()
                .filter(o -> o.status() == OutcomeStatus.APPLIED)
                .map(SubjectOutcome::subject)
                .toList();
    }

    /**
     * The subjects this sync registered a schema under (a new subject or a new version), in
     * registration order; a subject whose only write was its compatibility level is not one.
     */
    public List<String> registeredSubjects() {
        return subjects.stream()
                .filter(o -> o.status() == OutcomeStatus.APPLIED && o.plan().registers())
                .map(SubjectOutcome::subject)
                .toList();
    }

    /** The topics this sync created or gave more partitions, sorted. */
    public List<String> changedTopics() {
        return topics.stream()
                .filter(t -> t.status() == OutcomeStatus.APPLIED)
                .map(t -> t.plan().topic())
                .sorted()
                .toList();
    }

    public boolean succeeded() {
        return failedSubjects().isEmpty() && failedTopics().isEmpty();
    }

    long count(OutcomeStatus status) {
        return subjects.stream().filter(o -> o.status() == status).count();
    }

    /** A few lines: counts, then every failure. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(count(OutcomeStatus.APPLIED))
                .append(" subject(s) written, ")
                .append(count(OutcomeStatus.UNCHANGED))
                .append(" unchanged, ")
                .append(count(OutcomeStatus.FAILED))
                .append(" failed, ")
                .append(count(OutcomeStatus.SKIPPED))
                .append(" not attempted");
        if (!topics.isEmpty()) {
            text.append("; ")
                    .append(topics.stream()
                            .filter(t -> t.status() == OutcomeStatus.APPLIED)
                            .count())
                    .append(" topic(s) changed, ")
                    .append(failedTopics().size())
                    .append(" failed");
        }
        List<String> failures =
                failedSubjects().stream().map(SubjectOutcome::describe).collect(Collectors.toList());
        failedTopics()
                .forEach(t -> failures.add(
                        "topic " + t.plan().topic() + ": " + t.plan().action() + " failed: " + t.message()));
        if (!failures.isEmpty()) {
            text.append(":\n  ").append(String.join("\n  ", failures));
        }
        return text.toString();
    }
}
