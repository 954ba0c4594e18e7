package io.github.eventcat.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Finds reference cycles between files, each reported once, starting at its smallest path. */
final class Cycles {
    private Cycles() {}

    /** Each cycle as the list of its files, without repeating the first at the end. */
    static List<List<String>> find(Map<String, Set<String>> graph) {
        List<List<String>> cycles = new ArrayList<>();
        Set<Set<String>> reported = new HashSet<>();
        Set<String> done = new HashSet<>();
        for (String start : new TreeSet<>(graph.keySet())) {
            walk(graph, start, new ArrayList<>(), done, reported, cycles);
        }
        return cycles;
    }

    private static void walk(
            Map<String, Set<String>> graph,
            String node,
            List<String> stack,
            Set<String> done,
            Set<Set<String>> reported,
            List<List<String>> cycles) {
        int onStack = stack.indexOf(node);
        if (onStack >= 0) {
            List<String> cycle = new ArrayList<>(stack.subList(onStack, stack.size()));
            if (reported.add(new HashSet<>(cycle))) {
                int first = cycle.indexOf(new TreeSet<>(cycle).first());
                List<String> rotated = new ArrayList<>(cycle.subList(first, cycle.size()));
                rotated.addAll(cycle.subList(0, first));
                cycles.add(rotated);
            }
            return;
        }
        if (done.contains(node)) {
            return;
        }
        stack.add(node);
        for (String next : new TreeSet<>(graph.getOrDefault(node, Set.of()))) {
            walk(graph, next, stack, done, reported, cycles);
        }
        stack.remove(stack.size() - 1);
        done.add(node);
    }
}
