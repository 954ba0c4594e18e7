#!/bin/sh
# Benchmark (not a test): sync a generated catalog of N subjects (default 1000) to a fresh real
# registry, then again unchanged, with parallelism 1 and 8; prints times and HTTP request counts.
# Needs the module built once: mvn -B -o -pl registry-sync/registry-core -am install -DskipTests
set -e
cd "$(dirname "$0")/.."
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
SERVER="$HOME/.m2/repository/io/github/eventcat/registry-server/0.1.0-SNAPSHOT/registry-server-0.1.0-SNAPSHOT-server.zip"
exec java -Xmx384m -Dsun.net.httpserver.nodelay=true -Deventcat.registry-server="${EVENTCAT_REGISTRY_SERVER:-$SERVER}" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  io.github.eventcat.registry.sync.RegistrySyncBenchmark "${1:-1000}"
