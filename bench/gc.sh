#!/usr/bin/env bash
# GC view of one full generation (issue 16 targets 2 and 4): runs `mvn -o -q generate-sources` on a
# project made by codegen.sh (target/ deleted first) with G1's debug log, and prints what decides the
# peak memory: how far G1 grew the heap and why (its expansion threshold and the pause share), the
# young pauses, and how much of each pause went into scanning old objects that point at young ones.
# Asserts nothing.
#
#   WORKDIR=/tmp/cg bench/codegen.sh                       # once: makes the projects
#   bench/gc.sh /tmp/cg/topic-per-event/eventcat           # Eventcat's full build
#   bench/gc.sh /tmp/cg/topic-per-event/avro-plugin        # the peer's, for comparison
#   JAVA_FLAGS=-XX:MaxTenuringThreshold=1 bench/gc.sh ...  # a diagnostic flag (never a fix)
#
# Environment: MVN_ARGS (extra Maven arguments), JAVA_FLAGS (added to MAVEN_OPTS with the log).
set -euo pipefail

project=${1:?usage: bench/gc.sh <project directory made by codegen.sh>}
read -r -a EXTRA <<<"${MVN_ARGS:-}"
log=$(mktemp -t eventcat-gc.XXXXXX.log)
times=$(mktemp -t eventcat-gc-time.XXXXXX)

rm -rf "$project/target"
echo "Full generation of $project; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
(cd "$project" && MAVEN_OPTS="${MAVEN_OPTS:-} ${JAVA_FLAGS:-} -Xlog:gc*=debug:file=$log" \
  /usr/bin/time -f '%e %U %S %M' -o "$times" mvn -B -q -o -Dstyle.color=never "${EXTRA[@]}" generate-sources) >/dev/null
read -r wall user sys rss <"$times"

python3 - "$log" "$wall" "$user" "$sys" "$rss" <<'PY'
import re, statistics, sys
log, wall, user, sys_, rss = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
pauses, cards, scan, copy, committed, thresholds = [], [], [], [], [], []
# Lines of the debug log that carry one number each, and where it goes.
one_number_lines = [
    (r'Scanned Cards: .*Sum: (\d+)', cards),
    (r'Scan Heap Roots \(ms\): .*Avg:\s*([\d.]+)', scan),
    (r'Object Copy \(ms\): .*Avg:\s*([\d.]+)', copy),
    (r'threshold ([\d.]+)%', thresholds),
]
for line in open(log):
    m = re.search(r'GC\(\d+\) Pause Young .*\((\d+)M\)\s+([\d.]+)ms$', line.strip())
    if m:
        committed.append(int(m.group(1))); pauses.append(float(m.group(2)))
    for pattern, values in one_number_lines:
        m = re.search(pattern, line)
        if m:
            values.append(float(m.group(1)))
med = lambda v: statistics.median(v) if v else 0
print(f"  wall {wall:.2f} s, CPU {user + sys_:.2f} s, peak RSS {rss / 1024:.0f} MB")
print(f"  heap committed: largest {max(committed, default=0)} MB; G1's expansion threshold "
      f"{min(thresholds, default=0):.2f}-{max(thresholds, default=0):.2f} % of the time in pauses")
print(f"  young pauses: {len(pauses)}, {sum(pauses):.0f} ms in all ({100 * sum(pauses) / 1000 / wall:.1f} % of the wall time), "
      f"median {med(pauses):.1f} ms, largest {max(pauses, default=0):.1f} ms")
print(f"  per pause, medians: scan of old-to-young cards {med(scan):.1f} ms over {med(cards):.0f} cards "
      f"(largest {max(cards, default=0):.0f}), object copy {med(copy):.1f} ms")
print(f"  log: {log}")
PY
