#!/usr/bin/env bash
# Benchmark: decode/encode throughput of TSKV, YSON (binary, text) and flink-json on the same rows,
# then the same codecs timed by thread CPU time, interleaved (robust when the machine is shared).
# Usage: bench/formats.sh [extra JMH options], e.g. bench/formats.sh -p schema=flat
# Defaults keep a run to a few minutes on 2 cores: 1 fork, 2 x 2 s warmup, 4 x 2 s measurement.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -q -pl bench -am package -DskipTests
cp="$root/bench/target/classes:$root/flotilla-formats/target/classes:$(cat "$root/bench/target/bench.classpath")"
echo "# $(date -u +%FT%TZ), $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "$(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx1g -cp "$cp" org.openjdk.jmh.Main 'io.flotilla.bench.formats.FormatsBench' \
  -f 1 -wi 2 -w 2s -i 4 -r 2s -rf json -rff "$root/bench/target/formats-jmh.json" "$@"
echo "# CPU-time cross-check, interleaved rounds (median)"
java -Xmx1g -cp "$cp" io.flotilla.bench.formats.FormatsCpuBench 30 2>&1 | grep -v '^SLF4J'
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
