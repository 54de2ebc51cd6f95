#!/usr/bin/env bash
# Benchmark: the orders job in the Java DSL against the same job hand-written on the Table API,
# on one local cluster, same bounded datagen input, alternating order; throughput ratio.
# Usage: bench/dsl-throughput.sh [rows per job] [rounds] [window seconds]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# package, not install: the bench's class path names the reactor's own jars in target/.
mvn -B -q -pl bench -am package -DskipTests
cp="$root/bench/target/classes:$(cat "$root/bench/target/bench.classpath")"
exec java -Xmx1g -Dflotilla.local.target="$root/flotilla-local/target" -Dflotilla.log.file="$root/bench/target/dsl-throughput.log" \
  -cp "$cp" io.flotilla.bench.DslThroughputBench "$root" "${1:-6000000}" "${2:-10}" "${3:-10}"
