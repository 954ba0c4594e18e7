#!/usr/bin/env bash
# Codegen benchmark (issue 4 "Performance", issue 16 targets 1-3): times whole Maven builds on a
# synthetic catalog of EVENTS Avro + EVENTS JSON Schema events and prints figures; asserts nothing.
#
#   mvn -B install -DskipTests        # once, from the repo root: installs the codegen plugin
#   bench/codegen.sh                  # both catalog shapes, one after the other
#   SHAPE=topic-per-event bench/codegen.sh
#
# Environment:
#   SHAPE    topics10 (10 events per topic: 200 topics at 1,000 + 1,000 events) or topic-per-event
#            (one event per topic: 2,000 topics); unset: both, printed one after the other
#   EVENTS   events per format (default 1000)
#   FORMATS  avro,json (default: both halves, twice the avro-maven-plugin's events) or avro (the
#            Avro half alone: Eventcat and the avro-maven-plugin read exactly the same .avsc files)
#   RUNS     timed builds per case (default 3; the median is printed)
#   WARMUP   0 skips the uncounted warm-up build of each project (default 1)
#   WORKDIR  default: a new temp directory, kept for inspection
#   MVN_ARGS extra Maven arguments for every build, e.g. -Dmaven.repo.local=/path/to/repo
#   BEFORE_REPO a second local Maven repository holding an earlier build of the plugin (same
#            version): its full and no-op builds run interleaved with the others, on a copy of
#            the project, for before/after tables measured side by side
#   CLEAN    rm (default): each full build starts after `rm -rf target`, as `mvn clean` would; move:
#            the previous target/ is moved aside and deleted when the script ends, so no build
#            creates its files right after as many were deleted (on this machine's ext4 that makes
#            every new file's inode allocation scan past the recently freed ones: see bench/README)
#   MAVEN_OPTS as usual (unset = Maven's default heap, which is what the targets are about)
#   NOOP_ONLY 1: only the no-op check (target 16.3), in the projects a previous run left in WORKDIR
#            (which must be given): per shape, after one warm-up build per project, RUNS (default 7)
#            rounds of no-op, [before: no-op,] validate; prints the median of the paired
#            differences no-op - validate, the files each no-op touched and the load average
#
# The cases of one shape run interleaved (full, avro, full, avro, ...; then no-op, validate, ...),
# so that load changes of a shared machine hit all of them alike. Wall time, CPU time (user + sys
# of the whole process tree, from GNU time) and peak RSS are printed per case.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
EVENTS="${EVENTS:-1000}"
FORMATS="${FORMATS:-avro,json}"
case "$FORMATS" in
  avro,json) CATALOG_EVENTS="$EVENTS Avro + $EVENTS JSON Schema events"; EVENTCAT_EVENTS=$((2 * EVENTS)) ;;
  avro) CATALOG_EVENTS="$EVENTS Avro events (the avro-maven-plugin's own input)"; EVENTCAT_EVENTS=$EVENTS ;;
  *) echo "FORMATS must be avro,json or avro, not $FORMATS" >&2; exit 1 ;;
esac
NOOP_ONLY="${NOOP_ONLY:-0}"
if [[ "$NOOP_ONLY" == 1 ]]; then
  RUNS="${RUNS:-7}"
  [[ -n "${WORKDIR:-}" ]] || { echo "NOOP_ONLY=1 needs the WORKDIR of a previous run" >&2; exit 1; }
else
  RUNS="${RUNS:-3}"
fi
WORKDIR="${WORKDIR:-$(mktemp -d -t eventcat-codegen-bench.XXXXXX)}"
read -r -a EXTRA <<<"${MVN_ARGS:-}"
MVN=(mvn -B -q -o -Dstyle.color=never "${EXTRA[@]}")

if ! /usr/bin/time -v true >/dev/null 2>&1; then
  echo "GNU time (/usr/bin/time -v) is needed for CPU time and peak RSS: apt-get install time" >&2
  exit 1
fi

# Runs one Maven build ($2 = phase) in $1; sets LAST_SECONDS, LAST_CPU and LAST_RSS_KB. A project
# directory ending in -before builds with BEFORE_REPO.
timed_build() {
  local dir=$1 phase=$2 start end log="$WORKDIR/time.log" out="$WORKDIR/mvn.log" status=0 repo=()
  [[ "$dir" == *-before ]] && repo=("-Dmaven.repo.local=$BEFORE_REPO")
  start=$(date +%s.%N)
  (cd "$dir" && /usr/bin/time -v -o "$log" "${MVN[@]}" "${repo[@]}" "$phase") >"$out" 2>&1 || status=$?
  end=$(date +%s.%N)
  if (( status != 0 )); then
    echo "Build failed in $dir (exit $status):"; cat "$out"; cat "$log"; exit 1
  fi
  LAST_RSS_KB=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  LAST_CPU=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.2f", u + s}' "$log")
  LAST_SECONDS=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }')
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
max_of() { printf '%s\n' "$@" | awk '$1 > m { m = $1 } END { print m }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t ? "met" : "NOT met") }'; }

declare -A TIMES CPUS RSSES
# One build of case $1 in $2 ($3 = phase, $4 = "clean" to delete target/ first); records figures.
run_once() {
  local name=$1 dir=$2 phase=$3 mode=$4 run=$5
  if [[ "$mode" == clean && "${CLEAN:-rm}" == move ]]; then
    [[ -d "$dir/target" ]] && mv "$dir/target" "$(mktemp -d "$WORKDIR/old-targets/target.XXXXXX")"
  elif [[ "$mode" == clean ]]; then
    rm -rf "$dir/target"
  fi
  timed_build "$dir" "$phase"
  TIMES[$name]+=" $LAST_SECONDS"; CPUS[$name]+=" $LAST_CPU"; RSSES[$name]+=" $LAST_RSS_KB"
  printf '  %-20s run %d: %6.2f s wall, %6.2f s CPU, max RSS %s MB\n' "$name" "$run" \
      "$LAST_SECONDS" "$LAST_CPU" "$(mb "$LAST_RSS_KB")"
}

bench_shape() {
  local shape=$1 per_topic dir="$WORKDIR/$1" i
  case "$shape" in
    topics10) per_topic=10 ;;
    topic-per-event) per_topic=1 ;;
    *) echo "SHAPE must be topics10 or topic-per-event, not $shape" >&2; exit 1 ;;
  esac
  local eventcat="$dir/eventcat" avro="$dir/avro-plugin"
  rm -rf "$eventcat/src/main/catalog" "$avro/src/main/avro"  # a WORKDIR used before may hold another catalog
  mkdir -p "$eventcat/src/main/catalog" "$avro/src/main/avro"
  cp "$BENCH_DIR/codegen/eventcat-pom.xml" "$eventcat/pom.xml"
  cp "$BENCH_DIR/codegen/avro-pom.xml" "$avro/pom.xml"
  python3 "$BENCH_DIR/gen_catalog.py" "$eventcat/src/main/catalog" "$EVENTS" "$per_topic" "$FORMATS"
  cp "$eventcat"/src/main/catalog/schemas/avro/*.avsc "$avro/src/main/avro/"
  local before="$dir/eventcat-before"
  [[ -n "${BEFORE_REPO:-}" ]] && { rm -rf "$before"; cp -r "$eventcat" "$before"; }
  local topics
  topics=$(grep -c '^  [a-z].*-topic-' "$eventcat/src/main/catalog/catalog.yaml")

  echo "== Shape $shape: $CATALOG_EVENTS on $topics topics, $RUNS runs per case"
  echo "   project: $dir; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  TIMES=(); CPUS=(); RSSES=()
  rm -rf "$eventcat/target" "$avro/target"
  if [[ "${WARMUP:-1}" != 0 ]]; then
    timed_build "$eventcat" generate-sources; timed_build "$avro" generate-sources
    [[ -n "${BEFORE_REPO:-}" ]] && { rm -rf "$before/target"; timed_build "$before" generate-sources; }
  fi
  for ((i = 1; i <= RUNS; i++)); do
    run_once "eventcat full" "$eventcat" generate-sources clean "$i"
    [[ -n "${BEFORE_REPO:-}" ]] && run_once "before: full" "$before" generate-sources clean "$i"
    run_once "avro-maven-plugin" "$avro" generate-sources clean "$i"
  done
  local generated avro_generated marker="$dir/before-noop"
  generated=$(find "$eventcat/target/generated-sources/eventcat" -name '*.java' | wc -l)
  avro_generated=$(find "$avro/target/generated-sources/avro" -name '*.java' | wc -l)
  touch "$marker"; sleep 1
  for ((i = 1; i <= RUNS; i++)); do
    run_once "eventcat no-op" "$eventcat" generate-sources keep "$i"
    [[ -n "${BEFORE_REPO:-}" ]] && run_once "before: no-op" "$before" generate-sources keep "$i"
    run_once "mvn validate" "$eventcat" validate keep "$i"
  done
  local touched
  touched=$(find "$eventcat/target/generated-sources/eventcat" -newer "$marker" | wc -l)
  echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

  local name
  declare -A T C R RM
  local names=("eventcat full" "avro-maven-plugin" "eventcat no-op" "mvn validate")
  [[ -n "${BEFORE_REPO:-}" ]] && names+=("before: full" "before: no-op")
  for name in "${names[@]}"; do
    # shellcheck disable=SC2086
    T[$name]=$(median ${TIMES[$name]}); C[$name]=$(median ${CPUS[$name]}); R[$name]=$(max_of ${RSSES[$name]})
    RM[$name]=$(median ${RSSES[$name]})
  done
  echo
  echo "Results, shape $shape (median of $RUNS whole 'mvn -q -o' builds; peak = largest max RSS)"
  printf '   %-46s %8s %8s %12s\n' "case" "wall s" "CPU s" "peak RSS MB"
  printf '   %-46s %8s %8s %12s\n' "eventcat full ($EVENTCAT_EVENTS events, $generated files)" \
      "${T[eventcat full]}" "${C[eventcat full]}" "$(mb "${R[eventcat full]}")"
  printf '   %-46s %8s %8s %12s\n' "avro-maven-plugin ($EVENTS .avsc, $avro_generated files)" \
      "${T[avro-maven-plugin]}" "${C[avro-maven-plugin]}" "$(mb "${R[avro-maven-plugin]}")"
  printf '   %-46s %8s %8s %12s\n' "eventcat no-op ($touched files touched)" \
      "${T[eventcat no-op]}" "${C[eventcat no-op]}" "$(mb "${R[eventcat no-op]}")"
  printf '   %-46s %8s %8s %12s\n' "mvn validate (same project)" \
      "${T[mvn validate]}" "${C[mvn validate]}" "$(mb "${R[mvn validate]}")"
  if [[ -n "${BEFORE_REPO:-}" ]]; then
    for name in "before: full" "before: no-op"; do
      printf '   %-46s %8s %8s %12s\n' "$name (plugin from BEFORE_REPO)" \
          "${T[$name]}" "${C[$name]}" "$(mb "${R[$name]}")"
    done
  fi
  local full_ratio cpu_ratio rss_ratio plugin_noop plugin_noop_cpu
  full_ratio=$(ratio "${T[eventcat full]}" "${T[avro-maven-plugin]}")
  cpu_ratio=$(ratio "${C[eventcat full]}" "${C[avro-maven-plugin]}")
  rss_ratio=$(ratio "${R[eventcat full]}" "${R[avro-maven-plugin]}")
  plugin_noop=$(awk -v a="${T[eventcat no-op]}" -v b="${T[mvn validate]}" 'BEGIN { printf "%.2f", a - b }')
  plugin_noop_cpu=$(awk -v a="${C[eventcat no-op]}" -v b="${C[mvn validate]}" 'BEGIN { printf "%.2f", a - b }')
  echo
  echo "   full / avro-plugin, wall  = $full_ratio   (target <= 0.50: $(verdict "$full_ratio" 0.5))"
  echo "   full / avro-plugin, CPU   = $cpu_ratio"
  echo "   full / avro-plugin, RSS   = $rss_ratio   (target <= 1.00: $(verdict "$rss_ratio" 1)); by median RSS: $(ratio "${RM[eventcat full]}" "${RM[avro-maven-plugin]}") (G1's heap growth moves peak RSS between identical builds)"
  echo "   no-op - validate          = $plugin_noop s (target <= 0.30 s: $(verdict "$plugin_noop" 0.3)); files touched: $touched"
  echo "   no-op - validate, CPU     = $plugin_noop_cpu s"
  if [[ -n "${BEFORE_REPO:-}" ]]; then
    echo "   before: full / avro-plugin, wall = $(ratio "${T[before: full]}" "${T[avro-maven-plugin]}"), CPU = $(ratio "${C[before: full]}" "${C[avro-maven-plugin]}"), RSS = $(ratio "${R[before: full]}" "${R[avro-maven-plugin]}")"
    echo "   before: no-op - validate = $(awk -v a="${T[before: no-op]}" -v b="${T[mvn validate]}" 'BEGIN { printf "%.2f", a - b }') s wall, $(awk -v a="${C[before: no-op]}" -v b="${C[mvn validate]}" 'BEGIN { printf "%.2f", a - b }') s CPU"
  fi
  echo
}

# The no-op check alone (NOOP_ONLY=1) of shape $1, in the project a previous run left in WORKDIR.
noop_shape() {
  local shape=$1 dir="$WORKDIR/$1" i
  local eventcat="$dir/eventcat" before="$dir/eventcat-before" marker="$dir/before-noop"
  [[ -d "$eventcat/target/generated-sources/eventcat" ]] || {
    echo "No generated project in $eventcat: run bench/codegen.sh with WORKDIR=$WORKDIR first" >&2; exit 1; }
  if [[ -n "${BEFORE_REPO:-}" && ! -d "$before" ]]; then
    cp -r "$eventcat" "$before"
  fi
  echo "== Shape $shape: no-op only, $RUNS rounds; project: $dir"
  # Warm-up (uncounted): brings each project's state up to date with its plugin, twice, so that
  # the state records the digests of catalog files that were too recent for the first build.
  for i in 1 2; do
    timed_build "$eventcat" generate-sources
    [[ -n "${BEFORE_REPO:-}" ]] && timed_build "$before" generate-sources
  done
  touch "$marker"; sleep 1
  echo "   load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  local diffs=() before_diffs=() cpu_diffs=() before_cpu_diffs=() noop noop_cpu before_noop before_cpu validate
  local validate_cpu
  minus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a - b }'; }
  for ((i = 1; i <= RUNS; i++)); do
    timed_build "$eventcat" generate-sources; noop=$LAST_SECONDS; noop_cpu=$LAST_CPU
    before_noop=""
    if [[ -n "${BEFORE_REPO:-}" ]]; then
      timed_build "$before" generate-sources; before_noop=$LAST_SECONDS; before_cpu=$LAST_CPU
    fi
    timed_build "$eventcat" validate; validate=$LAST_SECONDS; validate_cpu=$LAST_CPU
    diffs+=("$(minus "$noop" "$validate")"); cpu_diffs+=("$(minus "$noop_cpu" "$validate_cpu")")
    printf '  round %d: no-op %5.2f s, validate %5.2f s, no-op - validate %5.2f s (CPU %5.2f s)' \
        "$i" "$noop" "$validate" "${diffs[-1]}" "${cpu_diffs[-1]}"
    if [[ -n "$before_noop" ]]; then
      before_diffs+=("$(minus "$before_noop" "$validate")"); before_cpu_diffs+=("$(minus "$before_cpu" "$validate_cpu")")
      printf '; before: no-op %5.2f s, - validate %5.2f s (CPU %5.2f s)' "$before_noop" "${before_diffs[-1]}" \
          "${before_cpu_diffs[-1]}"
    fi
    echo
  done
  echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  local touched
  touched=$(find "$eventcat/target/generated-sources/eventcat" -newer "$marker" | wc -l)
  echo "   no-op - validate, median of $RUNS paired differences = $(median "${diffs[@]}") s" \
      "(target <= 0.30 s: $(verdict "$(median "${diffs[@]}")" 0.3)), CPU $(median "${cpu_diffs[@]}") s;" \
      "files touched: $touched"
  if [[ -n "${BEFORE_REPO:-}" ]]; then
    touched=$(find "$before/target/generated-sources/eventcat" -newer "$marker" | wc -l)
    echo "   before: no-op - validate, median = $(median "${before_diffs[@]}") s, CPU" \
        "$(median "${before_cpu_diffs[@]}") s; files touched: $touched"
  fi
  echo
}

echo "Eventcat codegen benchmark; work directory: $WORKDIR"
echo "Java: $(java -version 2>&1 | head -1); $(mvn -B -v 2>/dev/null | head -1 | sed "s/\x1b\[[0-9;]*m//g"); $(nproc) CPUs; MAVEN_OPTS=${MAVEN_OPTS:-(unset)}"
echo
if [[ "${CLEAN:-rm}" == move ]]; then
  mkdir -p "$WORKDIR/old-targets"
  trap 'rm -rf "$WORKDIR/old-targets"' EXIT
fi
run_shape=bench_shape
[[ "$NOOP_ONLY" == 1 ]] && run_shape=noop_shape
if [[ -n "${SHAPE:-}" ]]; then
  "$run_shape" "$SHAPE"
else
  "$run_shape" topics10
  "$run_shape" topic-per-event
fi
