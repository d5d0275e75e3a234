#!/usr/bin/env bash
# Compares Nabla with PyTorch and NumPy (both on OpenBLAS) on the same kernels and workloads, at 1 and 2 threads,
# and prints one Markdown table with Nabla/PyTorch and Nabla/NumPy speed ratios, then the issue's targets.
#
#   benchmarks/compare-pytorch.sh [quick|full] [--nabla-json JMH.json ...]
#       quick|full: the JMH preset for Nabla (see run.sh) and the matching PyTorch/NumPy sampling; default full
#       --nabla-json: reuse JMH result files (e.g. benchmarks/target/jmh-full.json jmh-full-scalar.json)
#
# Needs root for apt-get and update-alternatives (skipped when already done). Everything lands in
# benchmarks/target/compare-<UTC time>/: the BLAS report, the Python and JMH JSON, the heap check, the table.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
preset=full
nabla_json=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    quick|full) preset="$1"; shift ;;
    --nabla-json) shift; while [[ $# -gt 0 && "$1" != -* ]]; do nabla_json+=("$(realpath "$1")"); shift; done ;;
    *) sed -n '2,11p' "$0" >&2; exit 2 ;;
  esac
done
py=/usr/bin/python3   # Debian's interpreter: a pyenv python3 on PATH would not see python3-torch
arch=x86_64-linux-gnu

# 1. PyTorch, NumPy and OpenBLAS from Debian.
missing=()
for pkg in python3-torch python3-numpy libopenblas0-pthread; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "installing ${missing[*]} ..." >&2
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >&2
fi

# 2. Point libblas.so.3 and liblapack.so.3 at OpenBLAS (the reference BLAS would make PyTorch ~20x slower at mm).
for lib in libblas liblapack; do
  target=/usr/lib/$arch/openblas-pthread/$lib.so.3
  if [[ "$(readlink -f /usr/lib/$arch/$lib.so.3)" != "$target" ]]; then
    update-alternatives --set "$lib.so.3-$arch" "$target" >&2
  fi
done

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="benchmarks/target/compare-$stamp"
mkdir -p "$out"

# 3. Say which BLAS is in use; refuse to go on with anything but OpenBLAS.
if ! "$py" benchmarks/compare_pytorch.py blas > "$out/blas.txt"; then
  cat "$out/blas.txt"
  echo "refusing to report: PyTorch/NumPy do not use OpenBLAS" >&2
  exit 3
fi

header() {
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), family $(grep -m1 'cpu family' \
/proc/cpuinfo | cut -d: -f2 | xargs) model $(grep -m1 '^model\s' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) CPUs;" \
       "flags: $(grep -m1 '^flags' /proc/cpuinfo | grep -o -w -E 'avx2|fma|avx512f|avx512bw|avx512vl|avx512_bf16' \
| tr '\n' ' ')"
  echo "- JDK: $(java -version 2>&1 | head -1)"
}
header > "$out/machine.txt"
echo "- load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"

# 4. PyTorch and NumPy, one process per thread count (the BLAS reads its thread count when it loads).
quick=()
[[ "$preset" == quick ]] && quick=(--quick)
for t in 1 2; do
  echo "PyTorch/NumPy, $t thread(s) ..." >&2
  OPENBLAS_NUM_THREADS=$t OMP_NUM_THREADS=$t MKL_NUM_THREADS=$t \
    "$py" benchmarks/compare_pytorch.py measure --threads "$t" "${quick[@]}" --out "$out/python-$t.json"
done

# 5. Nabla: JMH (vector and plain-Java passes), then the 1,000-step heap check and the machine's limits.
if [[ ${#nabla_json[@]} -eq 0 ]]; then
  benchmarks/run.sh "$preset" --out "$out" > "$out/nabla-table.txt"
  nabla_json=("$out/jmh-$preset.json")
  [[ -f "$out/jmh-$preset-scalar.json" ]] && nabla_json+=("$out/jmh-$preset-scalar.json")
fi
benchmarks/run.sh heap > "$out/heap.txt" 2>&1 || true
benchmarks/run.sh limits > "$out/limits.txt" 2>&1 || true
echo "- load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"

# 6. One table.
{
  echo "## Machine"
  cat "$out/machine.txt"
  echo
  echo "## BLAS used by PyTorch and NumPy"
  echo '```'
  cat "$out/blas.txt"
  echo '```'
  echo
  echo "## Nabla vs PyTorch vs NumPy"
  "$py" benchmarks/compare_report.py --jmh "${nabla_json[@]}" --python "$out"/python-1.json "$out"/python-2.json \
    --heap "$out/heap.txt"
  echo
  echo "## Heap check (benchmarks/run.sh heap)"
  echo '```'
  grep -v -e WARNING -e INFO "$out/heap.txt"
  echo '```'
  echo
  echo "## Machine limits from Java (benchmarks/run.sh limits)"
  echo '```'
  grep -v -e WARNING -e INFO "$out/limits.txt"
  echo '```'
} | tee "$out/report.md"
echo "saved in $out" >&2
