#!/usr/bin/env bash
# Docs benchmark (issue 18): codegen:docs's core against codegen:generate's core on the synthetic
# catalog (EVENTS Avro + EVENTS JSON Schema events), in one JVM. Prints figures; asserts nothing.
#
#   mvn -B install -DskipTests          # once, from the repo root
#   bench/docs.sh                       # 1,000 + 1,000 events, 5 runs
#   EVENTS=100 bench/docs.sh -Druns=1   # a quick run
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT="$BENCH_DIR/docs"
MVN_FLAGS=${MVN_FLAGS:--o}
EVENTS=${EVENTS:-1000}
WORKDIR=${WORKDIR:-$(mktemp -d -t eventcat-docs-bench.XXXXXX)}

python3 "$BENCH_DIR/gen_catalog.py" "$WORKDIR/catalog" "$EVENTS"
mvn -B -q $MVN_FLAGS -Dstyle.color=never -f "$PROJECT/pom.xml" compile dependency:build-classpath \
    -Dmdep.outputFile="$PROJECT/target/classpath.txt" -Dmdep.includeScope=runtime 2>&1 \
    | sed 's/\x1b\[[0-9;]*m//g' | { grep -v '^$' || true; }

exec java -Xms256m -Xmx"${BENCH_HEAP:-1g}" "$@" \
    -cp "$PROJECT/target/classes:$(cat "$PROJECT/target/classpath.txt")" \
    bench.docs.DocsBench "$WORKDIR/catalog" "$WORKDIR/out"
