package io.github.eventcat.registry.sync;

import io.github.eventcat.catalog.registration.SubjectRole;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Renders a {@link SyncPlan} as a plain-text table, for the build log. */
final class PlanTable {
    private PlanTable() {}

    public static String render(SyncPlan plan) {
        StringBuilder out = new StringBuilder();
        out.append("Registry sync plan for ")
                .append(plan.registry())
                .append(": ")
                .append(plan.subjects().size())
                .append(" subject(s), ")
                .append(plan.writes())
                .append(plan.writes() == 1 ? " write" : " writes")
                .append(plan.isUpToDate() ? " (up to date)" : "")
                .append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"SUBJECT", "SCHEMA", "COMPATIBILITY", "ACTION"});
        for (SubjectPlan subject : plan.subjects()) {
            String level = subject.setsCompatibility()
                    ? subject.currentLevel().map(Enum::name).orElse("(none)") + " -> "
                            + subject.subject().compatibility()
                    : subject.subject().compatibility().name();
            String actions = subject.actions().stream().map(Enum::name).collect(Collectors.joining(" + "));
            if (subject.state() == SchemaState.UNCHANGED
                    && subject.registeredVersion().isPresent()) {
                actions += " (version " + subject.registeredVersion().getAsInt() + ")";
            }
            String schema = subject.subject().path()
                    + (subject.subject().role() == SubjectRole.REFERENCE ? " [reference]" : "");
            rows.add(new String[] {subject.name(), schema, level, actions});
        }
        for (String unknown : plan.unknownSubjects()) {
            rows.add(new String[] {unknown, "-", "-", SubjectActionType.UNKNOWN_IN_REGISTRY + " (kept)"});
        }
        table(out, rows);
        if (!plan.topics().isEmpty()) {
            List<String[]> topicRows = new ArrayList<>();
            topicRows.add(new String[] {"TOPIC", "PARTITIONS", "RETENTION.MS", "ACTION"});
            for (TopicPlan topic : plan.topics()) {
                String partitions =
                        topic.currentPartitions().isPresent() && topic.action() == TopicActionType.INCREASE_PARTITIONS
                                ? topic.currentPartitions().getAsInt() + " -> "
                                        + topic.partitions().getAsInt()
                                : topic.partitions().isPresent()
                                        ? Integer.toString(topic.partitions().getAsInt())
                                        : "(default)";
                String retention = topic.retentionMs().isPresent()
                        ? Long.toString(topic.retentionMs().getAsLong())
                        : "(default)";
                String action = topic.action().name()
                        + (topic.drift().isEmpty() ? "" : ": " + String.join("; ", topic.drift()));
                topicRows.add(new String[] {topic.topic(), partitions, retention, action});
            }
            out.append('\n');
            table(out, topicRows);
        }
        return out.toString();
    }

    private static void table(StringBuilder out, List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : pad(row[i], widths[i] + 2));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
