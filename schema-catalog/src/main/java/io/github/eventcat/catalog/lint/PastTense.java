package io.github.eventcat.catalog.lint;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether an event name says what happened: its last word (ignoring an {@code Event} suffix and
 * a version such as {@code V2}) is a past participle — a regular {@code -ed} or a common irregular
 * one. A heuristic: names it gets wrong go in the rule's allow list.
 */
final class PastTense {
    private PastTense() {}

    private static final Set<String> IRREGULAR = Set.of(
            "arisen",
            "awoken",
            "been",
            "begun",
            "bent",
            "bound",
            "bought",
            "broken",
            "brought",
            "built",
            "caught",
            "chosen",
            "come",
            "cut",
            "dealt",
            "done",
            "drawn",
            "driven",
            "dug",
            "eaten",
            "fallen",
            "fed",
            "felt",
            "fought",
            "found",
            "fled",
            "flown",
            "forgiven",
            "forgotten",
            "frozen",
            "given",
            "gone",
            "got",
            "gotten",
            "grown",
            "held",
            "hidden",
            "hit",
            "hung",
            "kept",
            "known",
            "laid",
            "led",
            "left",
            "lent",
            "let",
            "lit",
            "lost",
            "made",
            "meant",
            "met",
            "overridden",
            "paid",
            "put",
            "quit",
            "read",
            "rebuilt",
            "redone",
            "reset",
            "resent",
            "rewritten",
            "ridden",
            "risen",
            "run",
            "said",
            "seen",
            "sent",
            "set",
            "shaken",
            "shown",
            "shut",
            "sold",
            "sought",
            "spent",
            "split",
            "spoken",
            "spun",
            "stolen",
            "struck",
            "stuck",
            "sung",
            "swept",
            "taken",
            "taught",
            "thought",
            "thrown",
            "told",
            "torn",
            "undone",
            "understood",
            "upset",
            "withdrawn",
            "won",
            "worn",
            "written");
    /** Words ending in "ed" that are not past participles. */
    private static final Set<String> NOT_PAST =
            Set.of("bed", "embed", "feed", "need", "red", "seed", "shed", "speed", "breed");

    static boolean isPastTense(String name) {
        List<String> words = Words.split(name);
        int last = words.size() - 1;
        while (last > 0
                && (words.get(last).equalsIgnoreCase("event") || words.get(last).matches("[Vv]?\\d+"))) {
            last--;
        }
        if (last < 0) {
            return false;
        }
        String word = words.get(last).toLowerCase(Locale.ROOT);
        if (NOT_PAST.contains(word)) {
            return false;
        }
        return IRREGULAR.contains(word) || (word.length() > 3 && word.endsWith("ed"));
    }
}
