#!/usr/bin/env bash
# Benchmark: the supervisor with 10,000 deployments on 50 simulated sidecars and PostgreSQL.
# Usage: bench/supervisor-scale.sh [deployments] [clusters] [parallel-actions] [per-cluster]
# (heap: BENCH_XMX, default 2g; bench/supervisor-scale.sh 100000 500 with BENCH_XMX=1g for the
# large run)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# package, not install: the bench's class path names the reactor's own jars in target/.
mvn -B -q -pl bench -am package -DskipTests
cp="$root/bench/target/classes:$(cat "$root/bench/target/bench.classpath")"
exec java "-Xmx${BENCH_XMX:-2g}" -cp "$cp" io.flotilla.bench.SupervisorScaleBench \
  "${1:-10000}" "${2:-50}" "${3:-32}" "${4:-4}"
