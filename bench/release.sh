#!/usr/bin/env bash
# Benchmark: a release through the supervisor against the raw Flink REST sequence (stop with
# savepoint, run from it), side by side on one local cluster. Usage: bench/release.sh [rounds] [parallelism]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# package, not install: the bench's class path names the reactor's own jars in target/.
mvn -B -q -pl bench -am package -DskipTests
cp="$root/bench/target/classes:$(cat "$root/bench/target/bench.classpath")"
exec java -Xmx1g -Dflotilla.local.target="$root/flotilla-local/target" -Dflotilla.log.file="$root/bench/target/release-bench.log" \
  -cp "$cp" io.flotilla.bench.ReleaseBench "$root" "${1:-6}" "${2:-2}"
