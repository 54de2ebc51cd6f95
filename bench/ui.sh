#!/usr/bin/env bash
# Benchmark: the web UI's job list and job page with 10,000 deployments in PostgreSQL.
# Usage: bench/ui.sh [deployments] [requests per page]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# Built in the reactor (nothing installed into ~/.m2); the classpath points at the modules' jars.
mvn -B -q -pl bench -am package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
exec java -Xmx2g -cp "$root/bench/target/classes:$(cat bench/target/classpath.txt)" \
    io.flotilla.bench.UiBench "${1:-10000}" "${2:-200}"
