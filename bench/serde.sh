#!/usr/bin/env bash
# Serializer/deserializer cost per record (issue 16, target 5), with JMH: the runtime's Avro and JSON
# Schema serdes beside Avro's bare SpecificDatumWriter/Reader and Jackson's writeValueAsBytes/readValue.
# Prints ns/op, bytes allocated per op and the ratios. Asserts nothing.
#
#   mvn -B install -DskipTests          # once, from the repo root (installs generated-example & co.)
#   bench/serde.sh                      # 2 forks x (5 warm-up + 5 measured) 1 s iterations per benchmark
#   bench/serde.sh -Dforks=1 -Dinclude='avro.*'   # a subset (regex of SerdeBench method names)
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT="$BENCH_DIR/runtime"
MVN_FLAGS=${MVN_FLAGS:--o}

mvn -B -q $MVN_FLAGS -Dstyle.color=never -f "$PROJECT/pom.xml" compile dependency:build-classpath \
    -Dmdep.outputFile="$PROJECT/target/classpath.txt" -Dmdep.includeScope=runtime 2>&1 \
    | sed 's/\x1b\[[0-9;]*m//g' | { grep -v '^$' || true; }

# EVENT_RUNTIME_JAR=path: run with that event-runtime jar instead of the installed one (the
# "before" column of bench/README.md: the same benchmark against an earlier build of the runtime).
CLASSPATH_DEPS="$(cat "$PROJECT/target/classpath.txt")"
if [[ -n "${EVENT_RUNTIME_JAR:-}" ]]; then
    CLASSPATH_DEPS="$(tr ':' '\n' <<<"$CLASSPATH_DEPS" | sed "s#.*/event-runtime-[^/]*\.jar\$#$EVENT_RUNTIME_JAR#" | paste -sd:)"
fi

exec java -Xmx512m \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -Dcatalog="$BENCH_DIR/../generated-example/src/main/catalog" \
    "$@" \
    -cp "$PROJECT/target/classes:$CLASSPATH_DEPS" \
    bench.runtime.SerdeRatios
