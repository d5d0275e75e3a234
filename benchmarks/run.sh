#!/usr/bin/env bash
# Runs Nabla's JMH benchmarks and prints ONE table (benchmark, params, simd, median score, unit, range, GFLOP/s or
# GB/s or ms/step, bytes allocated per op).
#
#   benchmarks/run.sh [quick|full] [--no-scalar] [--no-gc] [--out DIR] [-p name=v1,v2 ...] [REGEX ...]
#       quick: 2 x 0.5 s warm-up, 3 x 0.5 s measurement (a few minutes in all)
#       full:  5 warm-up and 8 measurement iterations of 1 s (2 s for the workloads), ~30 minutes on 2 cores
#       Every benchmark runs with --add-modules jdk.incubator.vector; sgemm and add/mul/exp then run again with
#       the plain-Java kernels (-Dnabla.cpu.vector=false, no add-modules) unless --no-scalar is given.
#       JMH's progress goes to stderr; JSON results to benchmarks/target/jmh-<preset>[-scalar].json.
#   benchmarks/run.sh heap     1,000 two-layer steps per form: live-heap growth and bytes allocated per step
#   benchmarks/run.sh limits   fp32 FMA peak and STREAM-like bandwidth of this machine, from Java
#
# Builds benchmarks/target/benchmarks.jar first when it is missing (NABLA_BENCH_REBUILD=1 forces a rebuild).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
jar=benchmarks/target/benchmarks.jar
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"

if [[ ! -f "$jar" || "${NABLA_BENCH_REBUILD:-0}" == 1 ]]; then
  echo "building $jar ..." >&2
  mvn -B -q -o package -DskipTests -pl benchmarks -am >&2 || mvn -B -q package -DskipTests -pl benchmarks -am >&2
fi

preset="${1:-quick}"
[[ $# -gt 0 ]] && shift
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)," \
     "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) CPUs," \
     "load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
status=0
case "$preset" in
  quick|full)
    "$java_bin" -cp "$jar" dev.nabla.benchmarks.Report "$preset" "$@" || status=$?
    ;;
  heap)
    "$java_bin" --add-modules jdk.incubator.vector -cp "$jar" dev.nabla.benchmarks.HeapCheck "$@" || status=$?
    ;;
  limits)
    "$java_bin" --add-modules jdk.incubator.vector -cp "$jar" dev.nabla.benchmarks.MachineLimits "$@" || status=$?
    ;;
  *)
    sed -n '2,16p' "$0" >&2
    exit 2
    ;;
esac
echo "# done, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
exit "$status"
