#!/usr/bin/python3
"""Joins Nabla's JMH results with compare_pytorch.py's PyTorch/NumPy timings into one table and a target list.

    /usr/bin/python3 benchmarks/compare_report.py --jmh jmh-full.json [jmh-full-scalar.json] \
        --python py-1.json py-2.json [--heap heap.txt]

Every figure is a median. Ratios are speed ratios, the other library's time divided by Nabla's time: above 1 means
Nabla is faster, whatever the unit shown. A ratio is marked contended (⚠) when other processes kept more than
0.3 cores busy while a 2-thread figure on either side was measured, or more than 1.3 while a 1-thread one was, on
a 2-core machine; the targets leave contended ratios out. Prints Markdown.
"""
import argparse
import json
import os
import re

RATE_UNITS = {"GFLOP/s", "GB/s"}


def work(bench, p):
    """(unit, work per op) for display: FLOPs or bytes per op for rates; for times, the divisor to the unit."""
    if bench == "GemmBench.sgemm":
        n = int(p["n"])
        return "GFLOP/s", 2 * n ** 3
    if bench == "GemmBench.skinny":
        m, k, n = {"x_w1": (100, 1000, 100), "h1_w2": (100, 100, 10), "xT_gradH": (1000, 100, 100),
                   "h1T_gradY": (100, 100, 10), "gradY_w2T": (100, 10, 100)}[p["product"]]
        return "GFLOP/s", 2 * m * k * n
    if bench.startswith("ElementwiseBench."):
        per = 8 if bench.endswith(("exp", "broadcastAdd")) else 12
        return "GB/s", per * int(p["size"])
    if bench.startswith("RowReduceBench."):
        return "GB/s", 4 * 1024 * 1024 * (2 if bench.endswith("softmax") else 1)
    if bench.startswith("OverheadBench."):
        return "ns/op", 1e-9
    if bench == "TwoLayerBench.epoch":
        return "ms/step", 20e-3
    return "ms/op", 1e-3


def display(unit, amount, seconds):
    """The figure shown: a rate in G-units per second, or a time in the unit."""
    if seconds is None:
        return None
    return amount / seconds / 1e9 if unit in RATE_UNITS else seconds / amount


def nabla_results(paths):
    """{(bench, params-key, simd): (seconds per op, alloc bytes per op, cores busy elsewhere)} from JMH JSON files
    and the *-load.json files Report writes beside them."""
    out = {}
    load = {}
    for path in paths:
        sidecar = re.sub(r"(-scalar)?\.json$", "-load.json", path)
        if os.path.exists(sidecar):
            load.update(json.load(open(sidecar)))
    for path in paths:
        for r in json.load(open(path)):
            bench = ".".join(r["benchmark"].split(".")[-2:])
            params = r.get("params", {})
            args = " ".join(r.get("jvmArgs", []))
            simd = "vector" if "jdk.incubator.vector" in args and "nabla.cpu.vector=false" not in args else "scalar"
            device = re.search(r"-Dnabla\.bench\.device=(\S+)", args)
            if device and device.group(1) != "cpu":
                simd += " " + device.group(1)
            m = r["primaryMetric"]
            median = m["scorePercentiles"]["50.0"]
            unit = m["scoreUnit"]
            scale = {"s": 1, "ms": 1e-3, "us": 1e-6, "ns": 1e-9}
            if unit.startswith("ops/"):
                seconds = scale[unit[4:]] / median
            else:
                seconds = median * scale[unit.split("/")[0]]
            alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("scorePercentiles", {})
            other = load.get(f"{bench}|{pkey(params)}|{simd}")
            out[(bench, pkey(params), simd)] = (seconds, alloc.get("50.0"), other)
    return out


def pkey(params):
    return ",".join(f"{k}={params[k]}" for k in sorted(params))


def python_results(paths):
    """{(bench, params-key): {"torch": s, "numpy": s}} and the metadata of each file."""
    out, meta = {}, []
    for path in paths:
        data = json.load(open(path))
        meta.append(data["meta"])
        for k, v in data["results"].items():
            bench, params = k.split("|", 1)
            out[(bench, params)] = v
    return out, meta


def fmt(v):
    if v is None:
        return "—"
    a = abs(v)
    return f"{v:.0f}" if a >= 1000 else f"{v:.1f}" if a >= 100 else f"{v:.2f}" if a >= 10 else f"{v:.3f}"


def fmt_bytes(b):
    if b is None:
        return ""
    for unit, size in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if b >= size:
            return f"{fmt(b / size)} {unit}"
    return f"{b:.0f} B"


def params_sort_key(params):
    return [(0, float(v), "") if re.fullmatch(r"[\d.]+", v) else (1, 0.0, v)
            for v in (kv.split("=", 1)[1] for kv in params.split(",") if kv)]


def build_rows(nabla, python):
    rows = []
    order = ["GemmBench", "ElementwiseBench", "RowReduceBench", "ConvBench", "OverheadBench", "TwoLayerBench",
             "MnistCnnBench"]
    keys = sorted(nabla, key=lambda k: (order.index(k[0].split(".")[0]) if k[0].split(".")[0] in order else 99,
                                        k[0], params_sort_key(k[1]), k[2] != "vector"))
    for bench, params, simd in keys:
        seconds, alloc, nabla_other = nabla[(bench, params, simd)]
        p = dict(kv.split("=", 1) for kv in params.split(",") if kv)
        unit, amount = work(bench, p)
        other = python.get((bench, params), {})
        units = [(unit, amount)]
        if bench == "TwoLayerBench.epoch":
            units.append(("ms/run", 1e-3))
        for u, a in units:
            row = {"bench": bench, "params": params.replace(",", " "), "simd": simd, "unit": u,
                   "nabla": display(u, a, seconds), "torch": display(u, a, other.get("torch")),
                   "numpy": display(u, a, other.get("numpy")), "alloc": alloc}
            row["vs_torch"] = other["torch"] / seconds if "torch" in other else None
            row["vs_numpy"] = other["numpy"] / seconds if "numpy" in other else None
            limit = 0.3 if p.get("threads", "1") == "2" else 1.3
            row["busy"] = [nabla_other, other.get("torch_other_cores"), other.get("numpy_other_cores")]
            row["c_nabla"], row["c_torch"], row["c_numpy"] = [b is not None and b > limit for b in row["busy"]]
            rows.append(row)
    return rows


def print_table(rows):
    print("| benchmark | params | simd | unit | Nabla | PyTorch | NumPy | Nabla/PyTorch | Nabla/NumPy | "
          "Nabla alloc/op | busy elsewhere (cores): Nabla / PyTorch / NumPy |")
    print("|---|---|---|---|--:|--:|--:|--:|--:|--:|--:|")
    for r in rows:
        def ratio(v, contended):
            return "—" if v is None else f"{v:.2f}×" + (" ⚠" if contended else "")
        busy = " / ".join("—" if b is None else f"{b:.1f}" for b in r["busy"])
        print(f"| {r['bench']} | {r['params']} | {r['simd']} | {r['unit']} | {fmt(r['nabla'])} | {fmt(r['torch'])} | "
              f"{fmt(r['numpy'])} | {ratio(r['vs_torch'], r['c_nabla'] or r['c_torch'])} | "
              f"{ratio(r['vs_numpy'], r['c_nabla'] or r['c_numpy'])} | {fmt_bytes(r['alloc'])} | {busy} |")


def find(rows, bench, simd="vector", unit=None, **p):
    """Rows of a benchmark whose params include p."""
    return [r for r in rows if r["bench"] == bench and r["simd"] == simd and (unit is None or r["unit"] == unit)
            and all(f"{k}={v}" in r["params"].split() for k, v in p.items())]


def targets(rows, heap_text):
    """(target, measured, verdict) lines for the issue's goals."""
    out = []

    sides = {"vs_torch": ("c_nabla", "c_torch"), "vs_numpy": ("c_nabla", "c_numpy"),
             "vs_blas": ("c_nabla", "c_torch", "c_numpy"), "gf": ("c_nabla",)}

    def worst(selected, field, label, goal, describe):
        measured = [r for r in selected if r[field] is not None]
        clean = [r for r in measured if not any(r[c] for c in sides[field])]
        if not clean:
            out.append((label, "not measured" if not measured else
                        f"all {len(measured)} ratio(s) contended (other processes held the cores)", "—"))
            return
        vals = [(r[field], r) for r in clean]
        v, r = min(vals, key=lambda x: x[0])
        left_out = len(measured) - len(clean)
        note = f" ({left_out} contended left out)" if left_out else ""
        out.append((label, describe(v, r, vals) + note,
                    "met" if v >= goal else f"missed (needs {goal / v:.2f}× faster)"))

    def openblas(r):
        return max(x for x in (r["torch"], r["numpy"]) if x is not None)

    for t in (1, 2):
        sel = [dict(r, vs_blas=r["nabla"] / openblas(r)) for r in find(rows, "GemmBench.sgemm", threads=t)
               if int(r["params"].split()[0].split("=")[1]) >= 256]
        worst(sel, "vs_blas", f"sgemm n ≥ 256, {t} thread(s): ≥ 0.9× OpenBLAS", 0.9,
              lambda v, r, vals: f"worst {v:.2f}× at {r['params']} ({fmt(r['nabla'])} vs {fmt(openblas(r))} GFLOP/s);"
                                 f" all: " + ", ".join(f"{x:.2f}" for x, _ in vals))
    for t in (1, 2):
        sel = [dict(r, gf=r["nabla"]) for r in find(rows, "GemmBench.sgemm", simd="scalar", threads=t)
               if int(r["params"].split()[0].split("=")[1]) >= 256]
        worst(sel, "gf", f"sgemm n ≥ 256 without the Vector API, {t} thread(s): ≥ 5× EJML (≥ 20 GFLOP/s)", 20.0,
              lambda v, r, vals: f"worst {fmt(v)} GFLOP/s at {r['params']} ({v / 4:.1f}× EJML's ~4)")
    for size, goal in ((16777216, 0.9), (1048576, 1.0)):
        sel = [r for op in ("add", "mul", "exp") for r in find(rows, f"ElementwiseBench.{op}", size=size, threads=1)]
        worst(sel, "vs_numpy", f"elementwise add/mul/exp on {size >> 20}M floats, 1 thread: ≥ {goal}× NumPy", goal,
              lambda v, r, vals: f"worst {v:.2f}× ({r['bench'].split('.')[1]}: {fmt(r['nabla'])} vs "
                                 f"{fmt(r['numpy'])} GB/s); all: " + ", ".join(f"{x:.2f}" for x, _ in vals))
    sel = [r for op in ("add", "mm", "forwardBackward") for r in find(rows, f"OverheadBench.{op}")]
    worst(sel, "vs_torch", "per-op overhead on 2×3 (add, mm, (a*b).sum().backward()): ≤ 1/5 of PyTorch's time", 5.0,
          lambda v, r, vals: f"worst {r['bench'].split('.')[1]}: {fmt(r['nabla'])} vs {fmt(r['torch'])} ns "
                             f"({1 / v:.2f} of PyTorch's time)")
    for form in ("manual", "autograd"):
        sel = find(rows, "TwoLayerBench.epoch", unit="ms/step", form=form, threads=1)
        worst(sel, "vs_torch", f"two-layer epoch, {form}, 1 thread: ≤ 1.0× PyTorch's time", 1.0,
              lambda v, r, vals: f"{fmt(r['nabla'])} vs {fmt(r['torch'])} ms/step ({1 / v:.2f}× PyTorch's time)")
    sel = find(rows, "TwoLayerBench.epoch", unit="ms/step", form="manual", threads=1)
    worst(sel, "vs_numpy", "stretch: two-layer epoch, manual, 1 thread: ≤ 1.0× NumPy's time", 1.0,
          lambda v, r, vals: f"{fmt(r['nabla'])} vs {fmt(r['numpy'])} ms/step ({1 / v:.2f}× NumPy's time)")
    for t in (1, 2):
        sel = find(rows, "TwoLayerBench.scaledStep", threads=t)
        worst(sel, "vs_torch", f"scaled two-layer step, {t} thread(s): ≤ 1.1× PyTorch's time", 1 / 1.1,
              lambda v, r, vals: f"worst {r['params']}: {fmt(r['nabla'])} vs {fmt(r['torch'])} ms "
                                 f"({1 / v:.2f}× PyTorch's time)")
    for t in (1, 2):
        sel = find(rows, "MnistCnnBench.trainStep", threads=t)
        worst(sel, "vs_torch", f"MNIST CNN training step, batch 64, {t} thread(s): ≤ 1.5× PyTorch's time", 1 / 1.5,
              lambda v, r, vals: f"{fmt(r['nabla'])} vs {fmt(r['torch'])} ms ({1 / v:.2f}× PyTorch's time)")
    if heap_text:
        manual = re.search(r"^manual .*\[(ok|OVER[^\]]*)\]$", heap_text, re.M)
        grows = re.findall(r"growth ([+-]\d+) bytes \[(\w+)\]", heap_text)
        if manual:
            line = manual.group(0)
            ratio = re.search(r"= ([\d.]+)x", line).group(1)
            out.append(("steady-state allocation per step ≤ the tensors the step creates (manual form, counted)",
                        f"{ratio}× the tensor data", "met" if manual.group(1) == "ok" else "missed"))
        if grows:
            out.append(("no live-heap growth over 1,000 two-layer steps (manual, autograd, nn)",
                        "growth step 100 → 1,000: " + ", ".join(g + " B" for g, _ in grows),
                        "met" if all(s == "ok" for _, s in grows) else "missed"))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jmh", nargs="+", required=True)
    parser.add_argument("--python", nargs="+", required=True)
    parser.add_argument("--heap")
    args = parser.parse_args()
    nabla = nabla_results(args.jmh)
    python, meta = python_results(args.python)
    rows = build_rows(nabla, python)
    print("Ratios are speed ratios (the other library's time / Nabla's time): above 1, Nabla is faster.\n")
    print_table(rows)
    heap_text = open(args.heap).read() if args.heap else ""
    print("\n| target | measured | verdict |\n|---|---|---|")
    for label, measured, verdict in targets(rows, heap_text):
        print(f"| {label} | {measured} | {verdict} |")
    for m in meta:
        print(f"\nPyTorch {m['torch']} ({m['torch_threads']} thread(s)), NumPy {m['numpy']}, "
              f"load average at the end of that pass: {' '.join(m['loadavg_end'])}")


if __name__ == "__main__":
    main()
