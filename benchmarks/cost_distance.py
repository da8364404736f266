"""Benchmark of the cost-distance engine and of the least-cost corridors (issue 12).

    python3 benchmarks/cost_distance.py [--size 5000] [--sources 30] [--width 60000] [--workdir DIR]

Builds its own inputs: a size × size resistance raster (30 m cells, EPSG:4547) of smooth random
resistances 1–100 with 5 % nodata, and `sources` square sources of 9 × 9 cells spread over it.
Then measures, each step in a fresh process (wall time, peak resident memory of that process):
  1. accumulated cost + allocation from all sources (CostGraph build + one multi-source
     Dijkstra), as tsr:ecologicalcorridors computes its MCR surface;
  2. GRASS r.cost on the same grid and start cells, with its allocation (nearest=) as ours,
     timed inside the GRASS session (import
     excluded from the wall time; the CPU time includes the two r.in.gdal), and the largest
     relative difference between the two surfaces (r.cost counts
     steps in cells: its values × the cell width);
  3. the whole corridor core (build_corridors, cost-allocation neighbours, CORRIDOR_WIDTH =
     --width) — time and peak memory.
Targets of the issue: (1) at least as fast as r.cost; (3) under 5 minutes and under 2 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _package import use_package  # noqa: E402

use_package()

CELL = 30.0


def make_inputs(folder: Path, size: int, n_sources: int, seed: int = 0) -> None:
    import rasterio
    from rasterio.transform import from_origin
    from scipy import ndimage

    rng = np.random.default_rng(seed)
    noise = ndimage.uniform_filter(rng.random((size, size), dtype=np.float32), 15)
    lo, hi = float(noise.min()), float(noise.max())
    res = 1.0 + 99.0 * (noise - lo) / (hi - lo)
    res[rng.random((size, size)) < 0.05] = -9999.0
    labels = np.zeros((size, size), dtype=np.int32)
    side = int(np.ceil(np.sqrt(n_sources)))
    step = size // side
    k = 0
    for i in range(side):
        for j in range(side):
            if k == n_sources:
                break
            r = i * step + step // 2 + int(rng.integers(-step // 4, step // 4 + 1))
            c = j * step + step // 2 + int(rng.integers(-step // 4, step // 4 + 1))
            k += 1
            labels[r - 4 : r + 5, c - 4 : c + 5] = k
            res[r - 4 : r + 5, c - 4 : c + 5] = 1.0
    transform = from_origin(480000, 3400000 + size * CELL, CELL, CELL)
    profile = dict(driver="GTiff", width=size, height=size, count=1, crs="EPSG:4547", transform=transform)
    with rasterio.open(folder / "resistance.tif", "w", dtype="float32", nodata=-9999.0, **profile) as ds:
        ds.write(res.astype(np.float32), 1)
    with rasterio.open(folder / "sources.tif", "w", dtype="int32", nodata=0, **profile) as ds:
        ds.write(labels, 1)


def read(folder: Path):
    import rasterio

    with rasterio.open(folder / "resistance.tif") as ds:
        res = ds.read(1, masked=True).astype(np.float64).filled(np.nan)
    with rasterio.open(folder / "sources.tif") as ds:
        labels = ds.read(1)
    return res, labels


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def step_cost(folder: Path) -> dict:
    from territorial_resilience.algorithms.ecology.cost_distance import accumulated_cost

    res, labels = read(folder)
    base = peak_mb()
    t, cpu = time.perf_counter(), cpu_seconds()
    surface = accumulated_cost(res, CELL, labels)
    seconds, cpu = time.perf_counter() - t, cpu_seconds() - cpu
    np.save(folder / "ours.npy", surface.cost.astype(np.float32))
    return {"seconds": seconds, "cpu_seconds": cpu, "peak_mb": peak_mb(), "peak_before_mb": base, "reached": int(np.isfinite(surface.cost).sum())}


def step_corridors(folder: Path, width: float) -> dict:
    from territorial_resilience.algorithms.ecology.corridors import Neighbours, build_corridors

    res, labels = read(folder)
    base = peak_mb()
    t, cpu = time.perf_counter(), cpu_seconds()
    result = build_corridors(res, CELL, labels, neighbours=Neighbours.COST_ALLOCATION, corridor_width=width)
    seconds, cpu = time.perf_counter() - t, cpu_seconds() - cpu
    return {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "peak_mb": peak_mb(),
        "peak_before_mb": base,
        "links": len(result.links),
        "corridor_cells": int(np.isfinite(result.corridors).sum()),
    }


def step_grass(folder: Path) -> dict:
    if not shutil.which("grass"):
        return {"error": "grass not installed"}
    script = (
        f"r.in.gdal -o --q input={folder}/resistance.tif output=res && r.in.gdal -o --q input={folder}/sources.tif output=src && "
        "g.region raster=res && s=$(date +%s.%N) && r.cost --q input=res start_raster=src output=cost nearest=near && e=$(date +%s.%N) && "
        'echo "RCOST_SECONDS $(echo "$e - $s" | bc)" && echo CHILD_CPU && times && '
        f"r.out.gdal --q -f input=cost output={folder}/rcost.tif type=Float64 createopt=COMPRESS=NONE"
    )
    done = subprocess.run(["grass", "--tmp-location", "EPSG:4547", "--exec", "bash", "-c", script], capture_output=True, text=True)
    lines = done.stdout.splitlines()
    seconds = next((float(line.split()[1]) for line in lines if line.startswith("RCOST_SECONDS")), float("nan"))
    # bash `times`, second line: user and system time of the shell's children (r.in.gdal ×2, g.region, r.cost)
    cpu = float("nan")
    if "CHILD_CPU" in lines and len(lines) > lines.index("CHILD_CPU") + 2:
        children = lines[lines.index("CHILD_CPU") + 2].split()
        cpu = sum(float(p.split("m")[0]) * 60 + float(p.split("m")[1].rstrip("s")) for p in children[:2])
    import rasterio

    with rasterio.open(folder / "rcost.tif") as ds:
        theirs = ds.read(1, masked=True).astype(np.float64).filled(np.nan) * CELL
    ours = np.load(folder / "ours.npy").astype(np.float64)
    both = np.isfinite(ours) & np.isfinite(theirs)
    rel = np.abs(ours[both] - theirs[both]) / np.maximum(theirs[both], 1e-9)
    same_reach = bool(np.array_equal(np.isfinite(ours), np.isfinite(theirs)))
    return {"seconds": seconds, "cpu_seconds_with_imports": cpu, "max_rel_diff": float(rel.max()), "same_reach": same_reach}


def in_child(step: str, folder: Path, width: float) -> dict:
    done = subprocess.run([sys.executable, __file__, "--step", step, "--workdir", str(folder), "--width", str(width)], capture_output=True, text=True)
    if done.returncode != 0:
        return {"error": done.stderr[-2000:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--sources", type=int, default=30)
    parser.add_argument("--width", type=float, default=60000.0, help="CORRIDOR_WIDTH (resistance × m)")
    parser.add_argument("--workdir", default="")
    parser.add_argument("--no-corridors", action="store_true", help="measure only the cost surface and r.cost")
    parser.add_argument("--step", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        folder = Path(args.workdir)
        result = {"cost": lambda: step_cost(folder), "corridors": lambda: step_corridors(folder, args.width)}[args.step]()
        print(json.dumps(result))
        return
    folder = Path(args.workdir or tempfile.mkdtemp(prefix="tsr-costbench-"))
    folder.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    make_inputs(folder, args.size, args.sources)
    print(f"inputs: {args.size} × {args.size} cells, {args.sources} sources ({time.perf_counter() - t:.1f} s), load {os.getloadavg()}")
    ours = in_child("cost", folder, args.width)
    print("accumulated cost (ours):", ours)
    grass = step_grass(folder)
    print("r.cost:", grass)
    if "seconds" in ours and "seconds" in grass:
        print(f"ratio ours / r.cost = {ours['seconds'] / grass['seconds']:.2f} (wall)")
    if not args.no_corridors:
        corridors = in_child("corridors", folder, args.width)
        print("corridors (cost-allocation neighbours):", corridors)
    print(f"load after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
