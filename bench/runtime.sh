#!/usr/bin/env bash
# Runtime benchmark (issue 5, "Performance"): generated producer/consumer vs raw Kafka clients on
# the in-process broker, plus serializer cost per record. Prints figures; asserts nothing.
#
#   mvn -B install -DskipTests          # once, from the repo root (installs generated-example & co.)
#   bench/runtime.sh                    # rounds of 500,000 events per path after a warm-up until throughput settles
#   bench/runtime.sh -Devents=100000    # a quick run (other -D: rounds, warmup.max, converge, pool, catalog)
#   bench/runtime.sh -Dobservability=true   # generated clients with metrics + tracing on vs off, two event shapes
#       (-Dobservability.shapes=tickets,orders: the 89-byte TicketOpened and the ~580-byte OrderPlaced; default both;
#        -Dobservability.sampling=0.01,0.01:no-unsampled-root-headers,1 adds a path with that opt-in setting)
#
# Heap: 1 GB unless BENCH_HEAP says otherwise. Maven runs offline unless MVN_FLAGS says otherwise.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT="$BENCH_DIR/runtime"
MVN_FLAGS=${MVN_FLAGS:--o}

mvn -B -q $MVN_FLAGS -Dstyle.color=never -f "$PROJECT/pom.xml" compile dependency:build-classpath \
    -Dmdep.outputFile="$PROJECT/target/classpath.txt" -Dmdep.includeScope=runtime 2>&1 \
    | sed 's/\x1b\[[0-9;]*m//g' | { grep -v '^$' || true; }   # drops Maven 3.8's stray colour resets under -q

# EVENT_RUNTIME_JAR=path: run with that event-runtime jar instead of the installed one (the
# "before" column of bench/README.md: the same benchmark against an earlier build of the runtime).
CLASSPATH_DEPS="$(cat "$PROJECT/target/classpath.txt")"
if [[ -n "${EVENT_RUNTIME_JAR:-}" ]]; then
    CLASSPATH_DEPS="$(tr ':' '\n' <<<"$CLASSPATH_DEPS" | sed "s#.*/event-runtime-[^/]*\.jar\$#$EVENT_RUNTIME_JAR#" | paste -sd:)"
fi

exec java -Xms256m -Xmx"${BENCH_HEAP:-1g}" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -Dcatalog="$BENCH_DIR/../generated-example/src/main/catalog" \
    "$@" \
    -cp "$PROJECT/target/classes:$CLASSPATH_DEPS" \
    bench.runtime.RuntimeBench
