#!/usr/bin/env bash
# Codegen benchmark (issue 4, "Performance"): times whole Maven builds on a synthetic catalog of
# 1,000 Avro + 1,000 JSON Schema events and prints figures; it asserts nothing.
#
#   mvn -B install -DskipTests        # once, from the repo root: installs the codegen plugin
#   bench/codegen.sh                  # from the repo root
#
# Environment: EVENTS (per format, default 1000), RUNS (timed builds per case, default 3; the
# median is printed), WORKDIR (default: a new temp directory, kept for inspection), MAVEN_OPTS.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
EVENTS="${EVENTS:-1000}"
RUNS="${RUNS:-3}"
WORKDIR="${WORKDIR:-$(mktemp -d -t eventcat-codegen-bench.XXXXXX)}"
MVN=(mvn -B -q -o -Dstyle.color=never generate-sources)

EVENTCAT_PROJECT="$WORKDIR/eventcat"
AVRO_PROJECT="$WORKDIR/avro-plugin"
mkdir -p "$EVENTCAT_PROJECT/src/main/catalog" "$AVRO_PROJECT/src/main/avro"
cp "$BENCH_DIR/codegen/eventcat-pom.xml" "$EVENTCAT_PROJECT/pom.xml"
cp "$BENCH_DIR/codegen/avro-pom.xml" "$AVRO_PROJECT/pom.xml"
python3 "$BENCH_DIR/gen_catalog.py" "$EVENTCAT_PROJECT/src/main/catalog" "$EVENTS"
cp "$EVENTCAT_PROJECT"/src/main/catalog/schemas/avro/*.avsc "$AVRO_PROJECT/src/main/avro/"

if /usr/bin/time -v true >/dev/null 2>&1; then HAVE_GNU_TIME=1; else HAVE_GNU_TIME=0; fi

# Largest resident set of any process in the tree rooted at $1, sampled every 0.2 s (fallback
# when GNU time is missing); prints kB when $1 ends.
sample_peak_rss() {
  local root=$1 peak=0 now
  while kill -0 "$root" 2>/dev/null; do
    now=$(ps -e -o pid=,ppid=,rss= | awk -v root="$root" '
      { parent[$1] = $2; rss[$1] = $3 }
      END { max = 0; for (p in rss) { q = p; while (q != "" && q != 0 && q != root) q = parent[q];
            if (q == root && rss[p] > max) max = rss[p] } print max }')
    (( now > peak )) && peak=$now
    sleep 0.2
  done
  echo "$peak"
}

# Runs one Maven build in $1; sets LAST_SECONDS and LAST_RSS_KB ("n/a" when unknown).
timed_build() {
  local dir=$1 start end log="$WORKDIR/time.log" out="$WORKDIR/mvn.log" status=0
  start=$(date +%s.%N)
  if (( HAVE_GNU_TIME )); then
    (cd "$dir" && /usr/bin/time -v -o "$log" "${MVN[@]}") >"$out" 2>&1 || status=$?
    LAST_RSS_KB=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  else
    (cd "$dir" && "${MVN[@]}") >"$out" 2>&1 &
    local pid=$!
    LAST_RSS_KB=$(sample_peak_rss "$pid")
    wait "$pid" || status=$?
    [[ "$LAST_RSS_KB" == 0 ]] && LAST_RSS_KB="n/a"
  fi
  end=$(date +%s.%N)
  if (( status != 0 )); then
    echo "Build failed in $dir (exit $status):"; cat "$out"; exit 1
  fi
  LAST_SECONDS=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }')
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
max_of() { printf '%s\n' "$@" | awk '$1 != "n/a" && $1 > m { m = $1 } END { print (m == "" ? "n/a" : m) }'; }

# Case runner: $1 = name, $2 = project dir, $3 = "clean" to delete target/ before each build.
declare -A SECONDS_OF RSS_OF
run_case() {
  local name=$1 dir=$2 mode=$3 times=() rss=() i
  for ((i = 1; i <= RUNS; i++)); do
    [[ "$mode" == clean ]] && rm -rf "$dir/target"
    timed_build "$dir"
    times+=("$LAST_SECONDS"); rss+=("$LAST_RSS_KB")
    printf '  %-22s run %d: %6.2f s, max RSS %s kB\n' "$name" "$i" "$LAST_SECONDS" "$LAST_RSS_KB"
  done
  SECONDS_OF[$name]=$(median "${times[@]}")
  RSS_OF[$name]=$(max_of "${rss[@]}")
}

echo "Eventcat codegen benchmark: $EVENTS Avro + $EVENTS JSON Schema events, $RUNS runs per case"
echo "Work directory: $WORKDIR"
echo "Java: $(java -version 2>&1 | head -1); $(mvn -B -v 2>/dev/null | head -1 | sed "s/\x1b\[[0-9;]*m//g"); $(nproc) CPUs"
echo

echo "Warm-up (not counted): one build of each project"
rm -rf "$EVENTCAT_PROJECT/target" "$AVRO_PROJECT/target"
timed_build "$EVENTCAT_PROJECT"; timed_build "$AVRO_PROJECT"

run_case "eventcat full" "$EVENTCAT_PROJECT" clean
generated=$(find "$EVENTCAT_PROJECT/target/generated-sources/eventcat" -name '*.java' | wc -l)
marker="$WORKDIR/before-noop"; touch "$marker"; sleep 1
run_case "eventcat no-op" "$EVENTCAT_PROJECT" keep
touched=$(find "$EVENTCAT_PROJECT/target/generated-sources/eventcat" -newer "$marker" | wc -l)
run_case "avro-maven-plugin" "$AVRO_PROJECT" clean
avro_generated=$(find "$AVRO_PROJECT/target/generated-sources/avro" -name '*.java' | wc -l)

full=${SECONDS_OF[eventcat full]}; noop=${SECONDS_OF[eventcat no-op]}; avro=${SECONDS_OF[avro-maven-plugin]}
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t ? "met" : "NOT met") }'; }
ratio_full=$(awk -v a="$full" -v b="$avro" 'BEGIN { printf "%.2f", a / b }')
ratio_noop=$(awk -v a="$noop" -v b="$full" 'BEGIN { printf "%.2f", a / b }')

echo
echo "Results (median wall time of $RUNS whole 'mvn -q -o generate-sources' builds; peak = largest max RSS)"
printf '%-44s %8s %12s\n' "case" "time s" "peak RSS MB"
mb() { [[ "$1" == n/a ]] && echo n/a || awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
printf '%-44s %8s %12s\n' "eventcat full ($((2 * EVENTS)) events, $generated files)" "$full" "$(mb "${RSS_OF[eventcat full]}")"
printf '%-44s %8s %12s\n' "eventcat no-op ($touched files touched)" "$noop" "$(mb "${RSS_OF[eventcat no-op]}")"
printf '%-44s %8s %12s\n' "avro-maven-plugin ($EVENTS .avsc, $avro_generated files)" "$avro" "$(mb "${RSS_OF[avro-maven-plugin]}")"
echo
echo "full / avro-plugin = $ratio_full   (target <= 1.00: $(verdict "$ratio_full" 1))"
echo "no-op / full       = $ratio_noop   (target <  0.30: $(verdict "$ratio_noop" 0.2999))"
