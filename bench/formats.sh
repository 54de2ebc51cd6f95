#!/usr/bin/env bash
# Benchmark: decode/encode throughput of TSKV, YSON (binary, text) and flink-json on the same rows.
# Usage: bench/formats.sh [extra JMH options], e.g. bench/formats.sh -p schema=flat
# Defaults keep a run to a few minutes on 2 cores: 1 fork, 3 x 2 s warmup, 5 x 2 s measurement.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -q -pl bench -am package -DskipTests
cp="$root/bench/target/classes:$root/flotilla-formats/target/classes:$(cat "$root/bench/target/bench.classpath")"
exec java -Xmx1g -cp "$cp" org.openjdk.jmh.Main 'io.flotilla.bench.formats.FormatsBench' \
  -f 1 -wi 3 -w 2s -i 5 -r 2s -rf json -rff "$root/bench/target/formats-jmh.json" "$@"
