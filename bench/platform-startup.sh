#!/usr/bin/env bash
# Benchmark: bin/flotilla demo start-up, cold and warm, first checkpoint, JVM memory.
# Usage: bench/platform-startup.sh [warm-runs]   (results go in docs/benchmarks.md by hand)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -q -DskipTests install
touch "$root/flotilla-local/target/.flotilla-built"   # built just now: bin/flotilla must not rebuild
cp="$root/bench/target/classes:$(cat "$root/flotilla-local/target/runtime.classpath")"
exec java -cp "$cp" io.flotilla.bench.PlatformStartupBench "$root" "${1:-3}"
