#!/usr/bin/env bash
# Sync benchmark (issue 16 target 7): the first sync of N Avro subjects (default 1,000) to an empty
# Apicurio Registry 2.4.2 (test-support's packaged registry, one request at a time, in-memory H2),
# as whole `mvn` processes, in interleaved rounds (A B C A B C ...):
#   eventcat     mvn registry:sync                            (default parallelism)
#   eventcat-p1  mvn registry:sync -Dregistry.parallelism=1
#   apicurio     mvn io.apicurio:apicurio-registry-maven-plugin:register   (Apicurio's own plugin)
# Every run gets a freshly started, empty registry. For each run it prints the wall and CPU time of
# the mvn process, the registry's own time (its access log's per-request time, summed) and how many
# writes it served, then medians and ratios. It asserts nothing.
#
#   mvn -B install -DskipTests -pl registry-sync/registry-maven-plugin,test-support/registry-server -am   # once
#   bench/sync.sh                        # from the repo root
#
# Environment: EVENTS (default 1000), ROUNDS (default 3), WORKDIR (default: a new temp directory,
# kept), MAVEN_REPO_LOCAL (a Maven repository other than ~/.m2/repository), EVENTCAT_REGISTRY_SERVER
# (the registry jar; default: the installed registry-server zip).
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
EVENTS="${EVENTS:-1000}"
ROUNDS="${ROUNDS:-3}"
WORKDIR="${WORKDIR:-$(mktemp -d -t eventcat-sync-bench.XXXXXX)}"
REPO="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
SERVER="${EVENTCAT_REGISTRY_SERVER:-$REPO/io/github/eventcat/registry-server/0.1.0-SNAPSHOT/registry-server-0.1.0-SNAPSHOT-server.zip}"
MVN=(mvn -B -q -Dstyle.color=never -Dmaven.repo.local="$REPO")
[[ -f "$SERVER" ]] || { echo "No registry server at $SERVER: install test-support/registry-server first" >&2; exit 1; }

python3 "$BENCH_DIR/sync/catalog.py" "$WORKDIR/eventcat" "$WORKDIR/apicurio" "$EVENTS"
cp "$BENCH_DIR/sync/eventcat-pom.xml" "$WORKDIR/eventcat/pom.xml"
RESULTS="$WORKDIR/results.tsv"
: > "$RESULTS"

REGISTRY_PID=""
stop_registry() {
  if [[ -n "$REGISTRY_PID" ]]; then
    kill "$REGISTRY_PID" 2>/dev/null || true
    wait "$REGISTRY_PID" 2>/dev/null || true
    REGISTRY_PID=""
  fi
}
trap stop_registry EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# Starts an empty registry, its access log (method, path, status, ms) in $1; sets PORT, REGISTRY_PID.
start_registry() {
  local logdir=$1
  PORT=$(free_port)
  mkdir -p "$logdir"
  REGISTRY_DATASOURCE_URL='jdbc:h2:mem:registry_db;DB_CLOSE_ON_EXIT=FALSE' LOG_LEVEL=WARN REGISTRY_LOG_LEVEL=WARN \
    java -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" \
      -DCoreEnvironmentBean.socketProcessIdPort="$(free_port)" -Dquarkus.banner.enabled=false \
      -Dquarkus.http.record-request-start-time=true -Dquarkus.http.access-log.enabled=true \
      -Dquarkus.http.access-log.log-to-file=true \
      -Dquarkus.http.access-log.log-directory="$logdir" -Dquarkus.http.access-log.base-file-name=access \
      -Dquarkus.http.access-log.pattern='%m %U %s %D' \
      -jar "$SERVER" > "$logdir/registry.out" 2>&1 &
  REGISTRY_PID=$!
  for _ in $(seq 1 240); do
    if curl -sf "http://127.0.0.1:$PORT/apis/ccompat/v7/subjects" >/dev/null; then return 0; fi
    sleep 0.5
  done
  echo "The registry did not start: $logdir/registry.out" >&2
  exit 1
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# run_case NAME ROUND: one whole mvn process against a fresh registry; appends a line to $RESULTS.
run_case() {
  local name=$1 round=$2 dir cmd
  local logdir="$WORKDIR/logs/$name-$round"
  case "$name" in
    eventcat) dir="$WORKDIR/eventcat"; cmd=(registry:sync) ;;
    eventcat-p1) dir="$WORKDIR/eventcat"; cmd=(registry:sync -Dregistry.parallelism=1) ;;
    apicurio) dir="$WORKDIR/apicurio"; cmd=(io.apicurio:apicurio-registry-maven-plugin:register) ;;
  esac
  start_registry "$logdir"
  local before after
  before=$(cpu_ticks "$REGISTRY_PID")
  (cd "$dir" && /usr/bin/time -f '%e %U %S' -o "$logdir/time" "${MVN[@]}" -o "${cmd[@]}" \
      -Dregistry.url="http://127.0.0.1:$PORT/apis/ccompat/v7" \
      -Dregistry.coreUrl="http://127.0.0.1:$PORT/apis/registry/v2" > "$logdir/mvn.log" 2>&1) \
    || { echo "$name failed: $logdir/mvn.log" >&2; tail -20 "$logdir/mvn.log" >&2; exit 1; }
  after=$(cpu_ticks "$REGISTRY_PID")
  local subjects
  subjects=$(curl -sf "http://127.0.0.1:$PORT/apis/ccompat/v7/subjects" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
  sleep 1  # the access log is written asynchronously
  stop_registry
  python3 - "$name" "$round" "$logdir" "$subjects" "$before" "$after" "$(getconf CLK_TCK)" >> "$RESULTS" <<'PY'
import glob, sys
name, rnd, logdir, subjects, before, after, tck = sys.argv[1:]
wall, user, sys_ = (float(x) for x in open(f"{logdir}/time").read().split()[-3:])
requests = writes = 0
busy = write_busy = 0.0
for path in glob.glob(f"{logdir}/access*"):
    for line in open(path):
        parts = line.split()
        if len(parts) < 4 or "/apis/" not in parts[1]:
            continue
        ms = float(parts[3])
        requests += 1
        busy += ms
        if parts[0] in ("POST", "PUT") and parts[2].startswith("2"):
            writes += 1
            write_busy += ms
reg_cpu = (int(after) - int(before)) / int(tck)
print("\t".join(str(x) for x in (name, rnd, subjects, f"{wall:.2f}", f"{user + sys_:.2f}", requests, writes,
                                  f"{busy / 1000:.2f}", f"{write_busy / max(writes, 1):.2f}", f"{reg_cpu:.2f}")))
PY
  tail -1 "$RESULTS"
}

echo "Sync benchmark: $EVENTS Avro subjects, $ROUNDS interleaved rounds, work in $WORKDIR"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# Resolve both plugins once (online if needed), so that the timed runs are offline.
(cd "$WORKDIR/eventcat" && "${MVN[@]}" registry:help > /dev/null 2>&1 || "${MVN[@]}" io.github.eventcat:registry-sync:0.1.0-SNAPSHOT:sync -Dregistry.skip > /dev/null)
(cd "$WORKDIR/apicurio" && "${MVN[@]}" io.apicurio:apicurio-registry-maven-plugin:register -Dregistry.coreUrl=http://127.0.0.1:1 -Dmaven.plugin.validation=none > /dev/null 2>&1 || true)

printf 'case\tround\tsubjects\twall_s\tmvn_cpu_s\trequests\twrites\tregistry_busy_s\tregistry_ms_per_write\tregistry_cpu_s\n'
for round in $(seq 1 "$ROUNDS"); do
  for name in eventcat eventcat-p1 apicurio; do
    run_case "$name" "$round"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$RESULTS" "$EVENTS" <<'PY'
import statistics, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
events = int(sys.argv[2])
by = {}
for r in rows:
    by.setdefault(r[0], []).append(r)
def med(name, col):
    return statistics.median(float(r[col]) for r in by[name])
print()
# The registry's own time: its CPU time per write (robust to queueing and load), and its access log's
# time per write (at parallelism 1 its service time; with several clients queueing counts too). The
# client's time: the mvn process's CPU time, and the wall time the registry was not busy serving it.
print(f"| median of {len(by['apicurio'])} | wall s | mvn CPU s (client) | writes | registry CPU s | registry CPU ms/write | registry log ms/write |")
print("|---|---|---|---|---|---|---|")
for name in ("eventcat", "eventcat-p1", "apicurio"):
    writes = med(name, 6)
    print(f"| {name} | {med(name, 3):.2f} | {med(name, 4):.2f} | {writes:.0f} | {med(name, 9):.2f} | "
          f"{1000 * med(name, 9) / max(writes, 1):.2f} | {med(name, 8):.2f} |")
for r in rows:
    if int(r[2]) != events:
        print(f"WARNING: {r[0]} round {r[1]} left {r[2]} subjects, not {events}")
peer = med("apicurio", 3)
print()
print(f"wall ratio eventcat / apicurio:    {med('eventcat', 3) / peer:.2f}")
print(f"wall ratio eventcat-p1 / apicurio: {med('eventcat-p1', 3) / peer:.2f}")
print(f"CPU ratio eventcat / apicurio, mvn process (client):  {med('eventcat', 4) / med('apicurio', 4):.2f}")
print(f"CPU ratio eventcat / apicurio, registry process:      {med('eventcat', 9) / med('apicurio', 9):.2f}")
print(f"CPU ratio eventcat / apicurio, both:                  "
      f"{(med('eventcat', 4) + med('eventcat', 9)) / (med('apicurio', 4) + med('apicurio', 9)):.2f}")
PY
