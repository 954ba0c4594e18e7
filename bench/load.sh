#!/usr/bin/env bash
# Catalog load benchmark (issue 16 target 3): load + validate + plan of EVENTS Avro events (the
# synthetic catalog of gen_catalog.py, Avro half only) in a cold JVM, RUNS times, each in a fresh
# JVM. Prints the in-JVM time of CatalogLoader.load + RegistrationForm.of and the process's wall
# and CPU time (GNU time); asserts nothing.
#
#   mvn -B install -DskipTests          # once, from the repo root
#   bench/load.sh                       # 1,000 Avro events, 5 runs
#   EVENTS=100 RUNS=1 bench/load.sh     # a quick run
#
#   RETAINED=1 EVENTS=1000 FORMATS=avro,json RUNS=1 bench/load.sh   # the heap the loaded model keeps
#
# Environment: EVENTS (default 1000), RUNS (default 5), PER_TOPIC (default 10), FORMATS
# (default avro; avro,json for both halves), MVN_ARGS (extra Maven arguments), WORKDIR, JAVA_OPTS,
# REPO (the local Maven repository, default ~/.m2/repository) and BEFORE_REPO (another one holding
# an earlier build of schema-catalog, same version: its runs alternate with the others, for a
# before/after comparison measured side by side).
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT="$BENCH_DIR/load"
EVENTS=${EVENTS:-1000}
RUNS=${RUNS:-5}
WORKDIR=${WORKDIR:-$(mktemp -d -t eventcat-load-bench.XXXXXX)}
REPO=${REPO:-$HOME/.m2/repository}
read -r -a EXTRA <<<"${MVN_ARGS:-}"
EXTRA+=("-Dmaven.repo.local=$REPO")
read -r -a JOPTS <<<"${JAVA_OPTS:-}"

python3 "$BENCH_DIR/gen_catalog.py" "$WORKDIR/catalog" "$EVENTS" "${PER_TOPIC:-10}" "${FORMATS:-avro}"
mvn -B -q -o -Dstyle.color=never "${EXTRA[@]}" -f "$PROJECT/pom.xml" compile dependency:build-classpath \
    -Dmdep.outputFile="$PROJECT/target/classpath.txt" -Dmdep.includeScope=runtime 2>&1 \
    | sed 's/\x1b\[[0-9;]*m//g' | { grep -v '^$' || true; }
CP="$PROJECT/target/classes:$(cat "$PROJECT/target/classpath.txt")"

BEFORE_CP=""
if [[ -n "${BEFORE_REPO:-}" ]]; then
  BEFORE_CP="$PROJECT/target/classes:$(sed "s#$REPO#$BEFORE_REPO#g" "$PROJECT/target/classpath.txt")"
fi

if [[ -n "${RETAINED:-}" ]]; then
  # The loaded model's retained heap (RetainedBench), alternating with the before build if given.
  echo "Retained heap of a loaded catalog: $EVENTS events per format (${FORMATS:-avro}); catalog: $WORKDIR/catalog"
  for ((i = 1; i <= RUNS; i++)); do
    printf '  now    run %d: %s\n' "$i" "$(java "${JOPTS[@]}" -cp "$CP" bench.load.RetainedBench "$WORKDIR/catalog" 2>/dev/null)"
    if [[ -n "$BEFORE_CP" ]]; then
      printf '  before run %d: %s\n' "$i" "$(java "${JOPTS[@]}" -cp "$BEFORE_CP" bench.load.RetainedBench "$WORKDIR/catalog" 2>/dev/null)"
    fi
  done
  exit 0
fi

echo "Catalog load benchmark: $EVENTS events (${FORMATS:-avro}), $RUNS cold JVMs; catalog: $WORKDIR/catalog"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A INNER WALL CPU
one_run() { # $1 = label, $2 = class path, $3 = run number
  local line wall user sys cpu ms
  line=$(/usr/bin/time -f '%e %U %S' -o "$WORKDIR/time.log" java "${JOPTS[@]}" -cp "$2" bench.load.LoadBench "$WORKDIR/catalog" 2>/dev/null)
  read -r wall user sys <"$WORKDIR/time.log"
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  ms=$(sed -E 's/.*load\+plan ([0-9]+) ms.*/\1/' <<<"$line")
  INNER[$1]+=" $ms"; WALL[$1]+=" $wall"; CPU[$1]+=" $cpu"
  printf '  %-6s run %d: %s | process %s s wall, %s s CPU\n' "$1" "$3" "$line" "$wall" "$cpu"
}
for ((i = 1; i <= RUNS; i++)); do
  one_run now "$CP" "$i"
  [[ -n "$BEFORE_CP" ]] && one_run before "$BEFORE_CP" "$i"
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
for label in now before; do
  [[ -z "${INNER[$label]:-}" ]] && continue
  # shellcheck disable=SC2086
  m=$(median ${INNER[$label]})
  # shellcheck disable=SC2086
  echo "$label: median load+plan $m ms in-JVM (target <= 700 ms: $(awk -v v="$m" 'BEGIN { print (v <= 700 ? "met" : "NOT met") }')), process $(median ${WALL[$label]}) s wall, $(median ${CPU[$label]}) s CPU"
done
