#!/usr/bin/env bash
# Scale benchmark (issue 16 target 4): times one whole `mvn generate-sources` of the synthetic
# catalog at 2,000, 5,000, 10,000 and 20,000 events (half Avro, half JSON Schema) and prints the
# curve: wall, CPU, peak RSS and each size's wall time as a multiple of the 2,000-event build.
# Asserts nothing.
#
#   mvn -B install -DskipTests        # once, from the repo root: installs the codegen plugin
#   bench/scale.sh
#
# Environment:
#   SIZES    events per format, space-separated (default "1000 2500 5000 10000")
#   SHAPE    topics10 (default) or topic-per-event
#   RUNS     timed builds per size (default 1; the median is printed)
#   WORKDIR  default: a new temp directory, kept for inspection
#   MVN_ARGS extra Maven arguments for every build, e.g. -Dmaven.repo.local=/path/to/repo
#   MAVEN_OPTS as usual (unset = Maven's default heap, which is what the target is about)
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
read -r -a SIZES <<<"${SIZES:-1000 2500 5000 10000}"
SHAPE="${SHAPE:-topics10}"
RUNS="${RUNS:-1}"
WORKDIR="${WORKDIR:-$(mktemp -d -t eventcat-scale-bench.XXXXXX)}"
read -r -a EXTRA <<<"${MVN_ARGS:-}"
MVN=(mvn -B -q -o -Dstyle.color=never "${EXTRA[@]}")

case "$SHAPE" in
  topics10) PER_TOPIC=10 ;;
  topic-per-event) PER_TOPIC=1 ;;
  *) echo "SHAPE must be topics10 or topic-per-event, not $SHAPE" >&2; exit 1 ;;
esac
if ! /usr/bin/time -v true >/dev/null 2>&1; then
  echo "GNU time (/usr/bin/time -v) is needed for CPU time and peak RSS: apt-get install time" >&2
  exit 1
fi

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
max_of() { printf '%s\n' "$@" | awk '$1 > m { m = $1 } END { print m }'; }

echo "Eventcat scale benchmark, shape $SHAPE; work directory: $WORKDIR"
echo "Java: $(java -version 2>&1 | head -1); $(nproc) CPUs; MAVEN_OPTS=${MAVEN_OPTS:-(unset)}"
declare -a ROWS
base_wall=""
for events in "${SIZES[@]}"; do
  dir="$WORKDIR/events-$events"
  mkdir -p "$dir/src/main/catalog"
  cp "$BENCH_DIR/codegen/eventcat-pom.xml" "$dir/pom.xml"
  python3 "$BENCH_DIR/gen_catalog.py" "$dir/src/main/catalog" "$events" "$PER_TOPIC"
  walls=() cpus=() rsses=()
  for ((i = 1; i <= RUNS; i++)); do
    rm -rf "$dir/target"
    start=$(date +%s.%N)
    (cd "$dir" && /usr/bin/time -v -o "$dir/time.log" "${MVN[@]}" generate-sources) >"$dir/mvn.log" 2>&1 \
        || { echo "Build failed in $dir:"; cat "$dir/mvn.log"; exit 1; }
    end=$(date +%s.%N)
    walls+=("$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }')")
    cpus+=("$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.2f", u + s}' "$dir/time.log")")
    rsses+=("$(awk -F': ' '/Maximum resident set size/ {print $2}' "$dir/time.log")")
  done
  wall=$(median "${walls[@]}"); cpu=$(median "${cpus[@]}"); rss=$(max_of "${rsses[@]}")
  files=$(find "$dir/target/generated-sources/eventcat" -name '*.java' | wc -l)
  [[ -z "$base_wall" ]] && base_wall=$wall
  row=$(printf '%7d %8d %9.2f %9.2f %9.0f %8.2f' "$((2 * events))" "$files" "$wall" "$cpu" \
      "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "$(awk -v a="$wall" -v b="$base_wall" 'BEGIN { print a / b }')")
  ROWS+=("$row")
  echo "  $row   (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  rm -rf "$dir/target"   # the generated sources of 20,000 events take a lot of disk
done
echo
echo "Results, shape $SHAPE (median of $RUNS whole 'mvn -q -o generate-sources' builds, Maven's default heap)"
printf '%7s %8s %9s %9s %9s %8s\n' events files "wall s" "CPU s" "RSS MB" "x first"
printf '%s\n' "${ROWS[@]}"
echo "Targets (issue 16.4): 20,000 events <= 10.5 x the 2,000-event wall time, <= 1,024 MB peak RSS."
