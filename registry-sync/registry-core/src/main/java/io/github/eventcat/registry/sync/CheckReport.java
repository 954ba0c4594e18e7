package io.github.eventcat.registry.sync;

import java.util.List;
import java.util.Objects;

/** The result of a compatibility check: one entry per catalog subject, in registration order. */
public final class CheckReport {
    private final String registry;
    private final List<SubjectVerdict> subjects;

    CheckReport(String registry, List<SubjectVerdict> subjects) {
        this.registry = Objects.requireNonNull(registry, "registry == null");
        this.subjects = List.copyOf(subjects);
    }

    String registry() {
        return registry;
    }

    List<SubjectVerdict> subjects() {
        return subjects;
    }

    /** The subjects the registry would refuse, in registration order. */
    public List<String> incompatibleSubjects() {
        return incompatible().stream().map(s -> s.subject().subject()).toList();
    }

    List<SubjectVerdict> incompatible() {
        return subjects.stream()
                .filter(s -> s.verdict() == CheckVerdict.INCOMPATIBLE)
                .toList();
    }

    public boolean passed() {
        return incompatible().isEmpty();
    }

    public String render() {
        StringBuilder out = new StringBuilder("Compatibility check against ")
                .append(registry)
                .append(": ")
                .append(subjects.size())
                .append(" subject(s), ")
                .append(incompatible().size())
                .append(" incompatible\n");
        subjects.forEach(s -> out.append("  ").append(s.describe()).append('\n'));
        return out.toString();
    }

    /** The failure text: only the incompatible subjects, each with the registry's messages. */
    public String failureSummary() {
        StringBuilder out = new StringBuilder()
                .append(incompatible().size())
                .append(" subject(s) would break their consumers or producers in ")
                .append(registry)
                .append(":\n");
        incompatible().forEach(s -> out.append("  ").append(s.describe()).append('\n'));
        out.append("Make the changes compatible with each subject's level (e.g. add a default to a new field, keep "
                + "removed fields optional) or publish them under new subjects.");
        return out.toString();
    }
}
