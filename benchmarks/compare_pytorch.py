#!/usr/bin/python3
"""Times the workloads and kernels of Nabla's JMH benchmarks in PyTorch and NumPy, on this process's thread count.

    /usr/bin/python3 benchmarks/compare_pytorch.py blas
        prints which BLAS PyTorch and NumPy resolved and exits 3 when it is not OpenBLAS
    OPENBLAS_NUM_THREADS=T OMP_NUM_THREADS=T /usr/bin/python3 benchmarks/compare_pytorch.py measure --threads T \
            [--quick] --out FILE.json
        writes {key: {"torch": seconds per op, "numpy": seconds per op, "torch_other_cores": cores other processes
        kept busy meanwhile, "numpy_other_cores": ...}}, keys named like the JMH results
        ("GemmBench.sgemm|n=256,threads=1"); the BLAS thread count is fixed when the library loads, hence the
        environment variables, one process per thread count.

Each case: warm-up, then samples of enough calls to last a minimum time; the score is the median time per call.
"""
import argparse
import ctypes
import json
import os
import re
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

F32 = np.float32


def cpu_seconds():
    """(busy CPU seconds of the whole machine from /proc/stat, CPU seconds of this process with all its threads)."""
    with open("/proc/stat") as f:
        fields = [int(v) for v in f.readline().split()[1:9]]
    busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + fields[7]  # user nice system irq softirq steal
    own = os.times()
    return busy / os.sysconf("SC_CLK_TCK"), own.user + own.system


def timed(fn, quick):
    """(median seconds per call, cores other processes kept busy meanwhile): warm-up, then samples of n calls."""
    warm, sample_time, samples = (0.3, 0.1, 5) if quick else (1.0, 0.25, 11)
    start = time.perf_counter()
    calls = 0
    while time.perf_counter() - start < warm or calls < 2:
        fn()
        calls += 1
    per_call = (time.perf_counter() - start) / calls
    n = max(1, int(sample_time / max(per_call, 1e-9)))
    times = []
    wall0, (busy0, own0) = time.perf_counter(), cpu_seconds()
    for _ in range(samples):
        t0 = time.perf_counter()
        for _ in range(n):
            fn()
        times.append((time.perf_counter() - t0) / n)
    wall1, (busy1, own1) = time.perf_counter(), cpu_seconds()
    other = max(0.0, (busy1 - busy0) - (own1 - own0)) / (wall1 - wall0)
    return statistics.median(times), other


def key(bench, **params):
    """The key of a JMH result: short benchmark name, then its params sorted by name."""
    return bench + "|" + ",".join(f"{k}={params[k]}" for k in sorted(params))


# ---------------------------------------------------------------- kernels

def gemm_cases(t):
    """sgemm n x n and the two-layer net's skinny products (transposed operands as views)."""
    for n in (64, 128, 256, 512, 1024, 2048):
        a, b = torch.randn(n, n), torch.randn(n, n)
        na, nb = a.numpy(), b.numpy()
        yield key("GemmBench.sgemm", n=n, threads=t), (lambda a=a, b=b: a.mm(b)), (lambda a=na, b=nb: a @ b)
    shapes = {"x_w1": ((100, 1000), (1000, 100), False, False), "h1_w2": ((100, 100), (100, 10), False, False),
              "xT_gradH": ((100, 1000), (100, 100), True, False), "h1T_gradY": ((100, 100), (100, 10), True, False),
              "gradY_w2T": ((100, 10), (100, 10), False, True)}
    for name, (sa, sb, ta, tb) in shapes.items():
        a, b = torch.randn(*sa), torch.randn(*sb)
        a, b = (a.t() if ta else a), (b.t() if tb else b)
        na, nb = a.numpy(), b.numpy()
        yield key("GemmBench.skinny", product=name, threads=t), (lambda a=a, b=b: a.mm(b)), (lambda a=na, b=nb: a @ b)


def elementwise_cases(t):
    """add, mul, exp, broadcast add and add with a transposed view, at 1M and 16M floats."""
    for size in (1 << 20, 1 << 24):
        side = int(round(size ** 0.5))
        a, b, row = torch.randn(size), torch.randn(size), torch.randn(1, side)
        ma, mb = a.view(side, side), b.view(side, side)
        na, nb, nrow, nma, nmb = a.numpy(), b.numpy(), row.numpy(), ma.numpy(), mb.numpy()
        p = dict(size=size, threads=t)
        yield key("ElementwiseBench.add", **p), (lambda: a + b), (lambda: na + nb)
        yield key("ElementwiseBench.mul", **p), (lambda: a * b), (lambda: na * nb)
        yield key("ElementwiseBench.exp", **p), (lambda: torch.exp(a)), (lambda: np.exp(na))
        yield key("ElementwiseBench.broadcastAdd", **p), (lambda: ma + row), (lambda: nma + nrow)
        yield key("ElementwiseBench.transposedAdd", **p), (lambda: ma.t() + mb), (lambda: nma.T + nmb)


def np_softmax(x):
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def reduce_cases(t):
    """Row-wise sum, max and softmax of 1024 x 1024."""
    x = torch.randn(1024, 1024)
    nx = x.numpy()
    yield key("RowReduceBench.sum", threads=t), (lambda: x.sum(1)), (lambda: nx.sum(axis=1))
    yield key("RowReduceBench.max", threads=t), (lambda: torch.amax(x, 1)), (lambda: nx.max(axis=1))
    yield key("RowReduceBench.softmax", threads=t), (lambda: torch.softmax(x, 1)), (lambda: np_softmax(nx))


def conv_cases(t):
    """conv2d forward and forward+backward at the MNIST CNN's layers, batch 64 (PyTorch only)."""
    for layer, (cin, cout, side) in {"conv1": (1, 32, 28), "conv2": (32, 64, 13)}.items():
        x = torch.randn(64, cin, side, side, requires_grad=layer == "conv2")
        w = (torch.randn(cout, cin, 3, 3) * 0.1).requires_grad_()
        b = torch.randn(cout, requires_grad=True)
        g = torch.randn(64, cout, side - 2, side - 2)

        def forward(x=x, w=w, b=b):
            return F.conv2d(x, w, b)  # records the graph, as Nabla's forward does with these leaves

        def forward_backward(x=x, w=w, b=b, g=g):
            F.conv2d(x, w, b).backward(g)
            w.grad = b.grad = x.grad = None

        yield key("ConvBench.forward", layer=layer, threads=t), forward, None
        yield key("ConvBench.forwardBackward", layer=layer, threads=t), forward_backward, None


def overhead_cases():
    """Per-op cost on 2x3 tensors; Nabla runs these on one thread."""
    a, b, c = torch.randn(2, 3), torch.randn(2, 3), torch.randn(3, 2)
    la, lb = torch.randn(2, 3, requires_grad=True), torch.randn(2, 3, requires_grad=True)
    na, nb, nc = a.numpy(), b.numpy(), c.numpy()

    def forward_backward():
        (la * lb).sum().backward()
        la.grad = lb.grad = None

    yield key("OverheadBench.add"), (lambda: a + b), (lambda: na + nb)
    yield key("OverheadBench.mm"), (lambda: a.mm(c)), (lambda: na @ nc)
    yield key("OverheadBench.forwardBackward"), forward_backward, None


# ---------------------------------------------------------------- workloads

class TorchTwoLayer:
    """The PyTorch tutorial's two-layer net (manual, autograd or nn), restarting from the same weights each run."""

    def __init__(self, form, batch, inp, hidden, out):
        torch.manual_seed(7)
        self.form = form
        self.x, self.y = torch.randn(batch, inp), torch.randn(batch, out)
        if form == "nn":
            self.model = torch.nn.Sequential(torch.nn.Linear(inp, hidden), torch.nn.ReLU(),
                                             torch.nn.Linear(hidden, out))
            self.loss_fn = torch.nn.MSELoss(reduction="sum")
            self.opt = torch.optim.SGD(self.model.parameters(), lr=1e-4)
            self.weights = list(self.model.parameters())
        else:
            grad = form == "autograd"
            self.weights = [torch.randn(inp, hidden, requires_grad=grad), torch.randn(hidden, out, requires_grad=grad)]
        self.initial = [w.detach().clone() for w in self.weights]

    def run(self, steps):
        with torch.no_grad():
            for w, w0 in zip(self.weights, self.initial):
                w.copy_(w0)
                w.grad = None
        step = {"manual": self.manual, "autograd": self.autograd, "nn": self.nn}[self.form]
        for _ in range(steps):
            step()

    def manual(self, lr=1e-6):
        x, y, (w1, w2) = self.x, self.y, self.weights
        h = x.mm(w1)
        h_relu = h.clamp(min=0)
        y_pred = h_relu.mm(w2)
        (y_pred - y).pow(2).sum().item()
        grad_y_pred = 2.0 * (y_pred - y)
        grad_w2 = h_relu.t().mm(grad_y_pred)
        grad_h_relu = grad_y_pred.mm(w2.t())
        grad_h = grad_h_relu.clone()
        grad_h[h < 0] = 0
        grad_w1 = x.t().mm(grad_h)
        w1 -= lr * grad_w1
        w2 -= lr * grad_w2

    def autograd(self, lr=1e-6):
        x, y, (w1, w2) = self.x, self.y, self.weights
        loss = (x.mm(w1).clamp(min=0).mm(w2) - y).pow(2).sum()
        loss.item()
        loss.backward()
        with torch.no_grad():
            w1 -= lr * w1.grad
            w2 -= lr * w2.grad
            w1.grad.zero_()
            w2.grad.zero_()

    def nn(self):
        loss = self.loss_fn(self.model(self.x), self.y)
        loss.item()
        self.opt.zero_grad(set_to_none=True)
        loss.backward()
        self.opt.step()


class NumpyTwoLayer:
    """The NumPy version of the same network (the tutorial's first page), float32."""

    def __init__(self, batch, inp, hidden, out):
        rng = np.random.default_rng(7)
        self.x, self.y = rng.standard_normal((batch, inp), F32), rng.standard_normal((batch, out), F32)
        self.w = [rng.standard_normal((inp, hidden), F32), rng.standard_normal((hidden, out), F32)]
        self.initial = [w.copy() for w in self.w]

    def run(self, steps, lr=F32(1e-6)):
        for w, w0 in zip(self.w, self.initial):
            np.copyto(w, w0)
        x, y, (w1, w2) = self.x, self.y, self.w
        for _ in range(steps):
            h = x.dot(w1)
            h_relu = np.maximum(h, 0)
            y_pred = h_relu.dot(w2)
            float(np.square(y_pred - y).sum())
            grad_y_pred = 2.0 * (y_pred - y)
            grad_w2 = h_relu.T.dot(grad_y_pred)
            grad_h_relu = grad_y_pred.dot(w2.T)
            grad_h = grad_h_relu.copy()
            grad_h[h < 0] = 0
            grad_w1 = x.T.dot(grad_h)
            w1 -= lr * grad_w1
            w2 -= lr * grad_w2


def workload_cases(t):
    """Two-layer epoch (20 steps), scaled step, MNIST CNN step."""
    for form in ("manual", "autograd", "nn"):
        net = TorchTwoLayer(form, 100, 1000, 100, 10)
        numpy_net = NumpyTwoLayer(100, 1000, 100, 10) if form == "manual" else None
        yield (key("TwoLayerBench.epoch", form=form, threads=t), (lambda net=net: net.run(20)),
               (lambda n=numpy_net: n.run(20)) if numpy_net else None)
    for form in ("manual", "autograd"):
        net = TorchTwoLayer(form, 1024, 4096, 1024, 10)
        numpy_net = NumpyTwoLayer(1024, 4096, 1024, 10) if form == "manual" else None
        yield (key("TwoLayerBench.scaledStep", form=form, threads=t), (lambda net=net: net.run(1)),
               (lambda n=numpy_net: n.run(1)) if numpy_net else None)
    torch.manual_seed(9)
    model = torch.nn.Sequential(
        torch.nn.Conv2d(1, 32, 3), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Conv2d(32, 64, 3), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Flatten(), torch.nn.Linear(64 * 5 * 5, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.CrossEntropyLoss()
    images, labels = torch.rand(64, 28, 28), torch.randint(0, 10, (64,))

    def cnn_step():
        loss = loss_fn(model(images.unsqueeze(1)), labels)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        loss.item()

    yield key("MnistCnnBench.trainStep", threads=t), cnn_step, None


# ---------------------------------------------------------------- BLAS

def blas_report():
    """Which BLAS PyTorch and NumPy call, from the mapped libraries; (description, is_openblas)."""
    a = torch.randn(64, 64)
    a.mm(a)
    np.ones((64, 64), F32) @ np.ones((64, 64), F32)
    maps = open("/proc/self/maps").read()
    libs = sorted(set(re.findall(r"/\S*(?:blas|lapack)\S*\.so[.\d]*", maps)))
    resolved = os.path.realpath("/usr/lib/x86_64-linux-gnu/libblas.so.3")
    config = None
    try:
        fn = ctypes.CDLL("libblas.so.3").openblas_get_config
        fn.restype = ctypes.c_char_p
        config = fn().decode()
    except (OSError, AttributeError):
        pass
    lines = [f"libblas.so.3 -> {resolved}", "mapped in this process: " + ", ".join(libs),
             f"openblas_get_config(): {config or 'absent (not OpenBLAS)'}",
             "torch " + torch.__version__ + ": " + next((s.strip() for s in torch.__config__.show().split(",")
                                                         if "BLAS_INFO" in s), "BLAS_INFO ?")
             + " (generic = whatever libblas.so.3 resolves to)",
             f"numpy {np.__version__}: blas_opt_info libraries = "
             + str(np.__config__.blas_opt_info.get("libraries", "?"))]
    return "\n".join(lines), config is not None and "openblas" in resolved


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["blas", "measure"])
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--out")
    args = parser.parse_args()
    text, ok = blas_report()
    if args.command == "blas":
        print(text)
        if not ok:
            print("refusing to compare: PyTorch/NumPy are not using OpenBLAS", file=sys.stderr)
        sys.exit(0 if ok else 3)
    if not ok:
        sys.exit("refusing to measure: not OpenBLAS\n" + text)
    t = args.threads
    torch.set_num_threads(t)
    torch.manual_seed(1)
    families = [gemm_cases(t), elementwise_cases(t), reduce_cases(t), conv_cases(t), workload_cases(t)]
    if t == 1:
        families.append(overhead_cases())
    results = {}
    for family in families:
        for k, torch_fn, numpy_fn in family:
            entry = {}
            entry["torch"], entry["torch_other_cores"] = timed(torch_fn, args.quick)
            if numpy_fn is not None:
                entry["numpy"], entry["numpy_other_cores"] = timed(numpy_fn, args.quick)
            results[k] = entry
            print(f"{k:55s} torch {entry['torch'] * 1e6:12.2f} us"
                  + (f"   numpy {entry['numpy'] * 1e6:12.2f} us" if "numpy" in entry else "")
                  + f"   busy elsewhere {entry['torch_other_cores']:.2f} cores", file=sys.stderr)
    meta = {"threads": t, "torch": torch.__version__, "numpy": np.__version__, "torch_threads": torch.get_num_threads(),
            "blas": text, "loadavg_end": open("/proc/loadavg").read().split()[:3]}
    with open(args.out, "w") as f:
        json.dump({"meta": meta, "results": results}, f, indent=1)


if __name__ == "__main__":
    main()
