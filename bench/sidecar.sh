#!/usr/bin/env bash
# Benchmark: sidecar overhead vs Flink REST (submit, stop with savepoint) and state listing of
# 100,000 objects. Usage: bench/sidecar.sh [rounds] [objects]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -q -DskipTests install
cp="$root/bench/target/classes:$root/flotilla-local/target/classes:$(cat "$root/flotilla-local/target/runtime.classpath")"
exec java -Xmx1g -Dflotilla.local.target="$root/flotilla-local/target" -Dflotilla.log.file="$root/bench/target/sidecar-bench.log" \
  -cp "$cp" io.flotilla.bench.SidecarBench "$root" "${1:-5}" "${2:-100000}"
