#!/usr/bin/env bash
# Benchmark: CLI start-up to first output, 'flotilla --help' and 'flotilla list' against a real
# supervisor (embedded PostgreSQL) with 10,000 deployments.
# Usage: bench/cli-startup.sh [deployments] [runs]   (results go in docs/benchmarks.md by hand)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# One reactor run compiles bench with what it needs and writes its classpath (siblings as their
# target/classes); nothing is installed into the shared ~/.m2.
mvn -B -q -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=runtime -pl bench -am
# The CLI exactly as bin/flotilla builds it: jars, which its AppCDS archive needs (a compile-only
# reactor would leave class folders on its classpath and so every run without the archive).
mvn -B -q -DskipTests package -pl flotilla-cli -am
touch "$root/flotilla-cli/target/.flotilla-built"   # built just now: bin/flotilla must not rebuild
exec java -Xmx1g -cp "$root/bench/target/classes:$(cat "$root/bench/target/bench.classpath")" \
  io.flotilla.bench.CliStartupBench "$root" "${1:-10000}" "${2:-7}"
