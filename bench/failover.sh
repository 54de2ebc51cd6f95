#!/usr/bin/env bash
# Benchmark: supervisor failover, SIGKILL of the leader to the standby's first step as leader,
# and the resident memory of each process. Usage: bench/failover.sh [runs] [supervisor options...]
# e.g. bench/failover.sh 20 --lease-ttl 10s   (results go in docs/benchmarks.md by hand)
# Build first: mvn -B -q -pl bench -am package -DskipTests
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
cp="$root/bench/target/classes:$root/flotilla-local/target/classes:$(cat "$root/flotilla-local/target/runtime.classpath")"
runs="${1:-20}"
shift || true
exec java -Xmx512m -Dflotilla.local.target="$root/flotilla-local/target" \
  -Dflotilla.log.file="$root/bench/target/failover-bench.log" \
  -cp "$cp" io.flotilla.bench.FailoverBench "$root" "$runs" "$@"
