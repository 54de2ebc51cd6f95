#!/usr/bin/env bash
# Benchmark: the supervisor with 10,000 deployments on 50 simulated sidecars and PostgreSQL.
# Usage: bench/supervisor-scale.sh [deployments] [clusters]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -q -DskipTests install
cp="$root/bench/target/classes:$(cd bench && mvn -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=runtime)"
exec java -Xmx2g -cp "$cp" io.flotilla.bench.SupervisorScaleBench "${1:-10000}" "${2:-50}"
