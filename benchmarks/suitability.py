"""Benchmark of tsr:suitability's core: 6 criteria × 5000 × 5000 cells, 1000 Dirichlet draws.

    python3 benchmarks/suitability.py [--size 5000] [--draws 1000] [--cases wlc,top,owa] [--workdir DIR]

Builds its own inputs (reused when present), then measures in the same run:
  1. the core as tsr:suitability runs it, all four outputs, each case in a child process so that
     its peak memory (ru_maxrss) and CPU time are measured on their own:
       wlc  weighted linear combination, threshold 0.55 (the reference case of issue 3);
       top  weighted linear combination, TOP_PERCENT 20 % (both passes: the per-draw cut-offs,
            then the scores);
       owa  OWA with orness 0.7 (order weights from the RIM quantifier), threshold 0.55;
       owatop  OWA with orness 0.7, TOP_PERCENT 20 % (not a target; for information);
     the outputs stay in the work folder as out_<case>_{mean,std,p,class}.tif;
  2. for wlc, a naive loop over the draws (score = Σ w_d c per draw, compare, count) on a 500 ×
     500 sub-window, in cell·draws per second, and checks that both give the same probabilities.
Targets: every case under 60 s (issue 11: TOP_PERCENT and OWA within the time of WLC's target)
with peak memory under 500 MB (issue 3). CPU time over wall time shows how much of the two
cores a case had (other jobs on the machine lower it).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import rasterio
from rasterio.transform import from_origin
from rasterio.windows import Window

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "scripts"))
from qgis_runner import plugin_package_parent  # noqa: E402

sys.path.insert(0, str(plugin_package_parent()))
from territorial_resilience.algorithms.engine.raster_io import Grid, RasterSink, RasterSource, run_blocks  # noqa: E402
from territorial_resilience.algorithms.mcda.suitability import (  # noqa: E402
    SuitabilityMethod,
    SuitabilitySpec,
    SuitabilityStatistics,
    draws,
    suitability_kernel,
    top_percent_thresholds,
)

WEIGHTS = (0.25, 0.2, 0.2, 0.15, 0.1, 0.1)
THRESHOLD = 0.55
TOP_PERCENT = 20.0
ORNESS = 0.7
CV = 0.2
SEED = 11
CASES = {
    "wlc": dict(method=SuitabilityMethod.WLC, threshold=THRESHOLD),
    "top": dict(method=SuitabilityMethod.WLC, top_percent=TOP_PERCENT),
    "owa": dict(method=SuitabilityMethod.OWA, orness=ORNESS, threshold=THRESHOLD),
    "owatop": dict(method=SuitabilityMethod.OWA, orness=ORNESS, top_percent=TOP_PERCENT),
}


def make_inputs(folder: Path, size: int) -> list[str]:
    """Six smooth 0–1 criteria (sums of random plane waves), Float32, tiled, uncompressed."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"c{i}.tif" for i in range(len(WEIGHTS))]
    if all(p.exists() for p in paths):
        with rasterio.open(paths[0]) as ds:
            if ds.width == size:
                return [str(p) for p in paths]
    rng = np.random.default_rng(0)
    profile = dict(
        driver="GTiff",
        width=size,
        height=size,
        count=1,
        dtype="float32",
        crs="EPSG:4547",
        transform=from_origin(400000, 3500000, 30, 30),
        nodata=-9999,
        tiled=True,
        blockxsize=256,
        blockysize=256,
    )
    x = np.arange(size, dtype=np.float32) / size
    for path in paths:
        waves = rng.normal(size=(4, 2)) * 8
        phases = rng.random(4) * 6.28
        with rasterio.open(path, "w", **profile) as ds:
            for row in range(0, size, 512):
                y = (np.arange(row, min(row + 512, size), dtype=np.float32) / size)[:, None]
                block = sum(np.sin(w[0] * x[None, :] + w[1] * y + p) for w, p in zip(waves, phases))
                ds.write((0.5 + block / 8).clip(0, 1).astype(np.float32), 1, window=Window(0, row, size, y.shape[0]))
    return [str(p) for p in paths]


def spec(iterations: int, case: str = "wlc") -> SuitabilitySpec:
    kwargs = dict(CASES[case])
    method = kwargs.pop("method")
    return SuitabilitySpec.build(len(WEIGHTS), method, WEIGHTS, weight_cv=CV, iterations=iterations, seed=SEED, **kwargs)


def run_core(paths: list[str], out: str, iterations: int, case: str) -> None:
    """The child process: the core exactly as the Processing algorithm drives it."""
    s = spec(iterations, case)
    w = draws(s)
    grid = Grid.of(paths[0])
    sources = [RasterSource(p) for p in paths]
    cpu = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    thresholds = None
    if s.top_percent is not None:
        thresholds = top_percent_pass(s, w, grid, sources)
    first = time.perf_counter() - started
    kernel = suitability_kernel(s, w, thresholds)
    sinks = [
        RasterSink(f"{out}_{case}_{name}.tif", dtype, nodata)
        for name, dtype, nodata in (("mean", "float32", -9999.0), ("std", "float32", -9999.0), ("p", "float32", -9999.0), ("class", "uint8", 0))
    ]
    zeros = lambda blocks: kernel(blocks + [np.zeros_like(blocks[0])])  # noqa: E731  (nothing excluded)
    statistics = SuitabilityStatistics.for_spec(s)
    run_blocks(grid, sources, zeros, sinks, on_result=statistics.add)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(
        json.dumps(
            {
                "seconds": time.perf_counter() - started,
                "first_pass": first,
                "cells": statistics.cells,
                "cpu": usage.ru_utime + usage.ru_stime - cpu.ru_utime - cpu.ru_stime,
                "maxrss_mb": usage.ru_maxrss / 1024,
                "thresholds": None if thresholds is None else [float(x) for x in thresholds],
            }
        )
    )


def top_percent_pass(s: SuitabilitySpec, w: np.ndarray, grid: Grid, sources: list[RasterSource]) -> np.ndarray:
    """The per-draw TOP_PERCENT cut-offs, as tsr:suitability computes them before scoring: a
    sample, then one pass scoring every cell against a bracket (a third only if one misses)."""

    def map_blocks(kernel, on_result, start, stop):
        run_blocks(grid, sources, lambda blocks: kernel(blocks + [np.zeros_like(blocks[0])]), on_result=on_result)

    return top_percent_thresholds(s, w, map_blocks)


def naive_loop(paths: list[str], iterations: int, window: Window) -> tuple[float, np.ndarray]:
    """Per draw: score the window, compare, count — the obvious loop, numpy inside."""
    c = []
    for path in paths:
        with rasterio.open(path) as ds:
            c.append(ds.read(1, window=window).astype(np.float32))
    w = draws(spec(iterations))[:, :iterations]
    started = time.perf_counter()
    suitable = np.zeros(c[0].shape, dtype=np.int32)
    for d in range(iterations):
        score = sum(np.float32(w[i, d]) * c[i] for i in range(len(c)))
        suitable += score >= np.float32(THRESHOLD)
    return time.perf_counter() - started, suitable / iterations


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--draws", type=int, default=1000)
    parser.add_argument("--cases", default="wlc,top,owa", help="comma-separated, from: " + ", ".join(CASES))
    parser.add_argument("--workdir", default=str(HERE / "data" / "suitability"))
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    cases = args.cases.split(",")
    if args.child:
        run_core(args.child[1:], args.child[0], args.draws, cases[0])
        return 0

    folder = Path(args.workdir)
    print(
        f"GDAL {rasterio.__gdal_version__}, numpy {np.__version__}, {os.cpu_count()} CPUs; "
        f"{args.size}² cells × {len(WEIGHTS)} criteria × {args.draws} draws"
    )
    paths = make_inputs(folder, args.size)
    out = str(folder / "out")
    for path in paths:  # warm the page cache, as for every tool compared
        with open(path, "rb") as handle:
            while handle.read(1 << 24):
                pass
    for case in cases:
        started = time.perf_counter()
        child = subprocess.run(
            [sys.executable, __file__, "--draws", str(args.draws), "--cases", case, "--child", out, *paths],
            capture_output=True,
            text=True,
            check=True,
        )
        wall = time.perf_counter() - started
        core = json.loads(child.stdout.strip().splitlines()[-1])
        cell_draws = core["cells"] * args.draws
        first = f" (cut-offs {core['first_pass']:.1f} s)" if core["thresholds"] is not None else ""
        print(
            f"core, {case}: {wall:.1f} s wall, {core['seconds']:.1f} s in run_blocks{first}, CPU {core['cpu']:.1f} s in them, "
            f"peak {core['maxrss_mb']:.0f} MB, {cell_draws / core['seconds'] / 1e9:.2f} G cell·draws/s   [target < 60 s, < 500 MB]"
        )
    if "wlc" not in cases:
        return 0

    side = min(500, args.size)
    window = Window(0, 0, side, side)
    naive_seconds, naive_p = naive_loop(paths, args.draws, window)
    naive_rate = side * side * args.draws / naive_seconds
    print(f"naive loop over draws ({side}² window): {naive_seconds:.1f} s, {naive_rate / 1e9:.2f} G cell·draws/s")
    print(f"speed-up of the core over the naive loop: {cell_draws / core['seconds'] / naive_rate:.1f}×")
    with rasterio.open(f"{out}_wlc_p.tif") as ds:
        core_p = ds.read(1, window=window)
    print(f"largest probability difference on the window: {np.abs(core_p - naive_p).max():.2e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
