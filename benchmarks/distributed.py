"""Benchmark of the Dask engine (issue 15): the multi-hazard overlay on a window of a national grid.

    python3 benchmarks/distributed.py [--size 20000] [--quick] [--national 100000] [--band-rows 256]
        [--steps local,dask1,dask2,band,band_aligned] [--output vrt|tif] [--quiet-wait 120] [--workdir DIR] [--keep]

Builds its own inputs (reused when the work folder already holds them): for each of 5 hazards,
4 distinct 2048 × 2048 Float32 tiles (smooth random hazard degrees 0–1 with ≈ 3 % nodata in
small "lakes", tiled 256 × 256, DEFLATE), and a VRT of `national` × `national` cells (30 m,
EPSG:4547, 100 000² = 10¹⁰ cells by default) of SimpleSources that repeat them (a tile per
position, in a scrambled pattern). Each position gets its own file name (a symbolic link to one
of the 4 tiles), as in a real mosaic of distinct files: GDAL keeps one block cache per opened
file, so four names would let the repeated tiles be decoded once and served from the cache.
The inputs take ≈ 0.3 GB of disk however large the national grid is.

A window of `size` × `size` cells of each national VRT (`gdal_translate -of VRT -srcwin`, a VRT
that reads the national VRT) is processed in full with the overlay kernel as tsr:multihazardoverlay
runs it (weighted sum, w = 0.3, 0.2, 0.2, 0.2, 0.1; the risk index, the dominant hazard, the
hotspot count and the report's statistics merged block by block), writing tiled 256 × 256 DEFLATE
GeoTIFFs to the work folder (removed after each step). Each step runs in a fresh process:

  a. local  the local driver (run_blocks, engine=None) held to one core: workers=1, the process
            pinned to one CPU (os.sched_setaffinity), GDAL_NUM_THREADS=1;
  b. dask1  a LocalCluster of 1 single-thread worker process; the whole step (client, scheduler,
            nanny, worker) pinned to the same single CPU, so that (b) / (a) is the engine's
            overhead on the same CPU budget;
  c. dask2  a LocalCluster of 2 single-thread worker processes, not pinned;
  band, band_aligned  as (b), 1 worker on one CPU, over a band of the national VRTs as wide as
            the national grid (`--band-rows` rows, default 256): at that width the full-width
            strips are 16 rows high, so every 256-row input tile is decoded ≈ 16 times (GDAL's 64 MB
            block cache cannot hold a band of tiles 100 000 cells wide for 5 inputs); band_aligned
            asks for strips of 256 rows (cells_per_block = 256 × width), whatever their memory.
            Their seconds per cell against (b)'s give the cost per cell of the whole national grid
            run as one grid, which the extrapolation also states.

The dask steps time run_blocks(..., engine=DaskEngine(address=<the cluster>)) only; the cluster's
start-up is printed apart. Workers' resident memory is sampled every second (client.run) and their
peak (VmHWM) read at the end. Before each step the harness waits (up to `--quiet-wait` s) until
other processes use less than 0.3 core, and it prints the CPU seconds they used during the step.

Printed: wall and CPU seconds, the speed-up (b) / (c) (target ≥ 1.7×), the overhead (b) / (a)
(target ≤ 1.15), the peak memory per worker (target < 1 GB), the load average before and after
every step, whether (a), (b) and (c) gave the same statistics and the same cells on sample windows,
and the extrapolated time of the whole national grid (5 hazards) on N workers:
t_b × (national cells / window cells) / (N × e), e = ((b) / (c)) / 2 the parallel efficiency
measured with 2 workers (a planning aid: it assumes that the storage keeps up and that the
efficiency holds for N workers), also × the band's cost per cell relative to (a).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from xml.sax.saxutils import escape

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _package import use_package  # noqa: E402

use_package()
# This file's name would hide Dask's `distributed` package (here and in the workers, which inherit sys.path).
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]

TILE = 2048
TILES_PER_HAZARD = 4
HAZARDS = 5
WEIGHTS = (0.3, 0.2, 0.2, 0.2, 0.1)
CELL = 30.0
ORIGIN = (300000.0, 5500000.0)  # west, north (EPSG:4547 false easting 500 km; a national extent)
NODATA = -9999.0
EPSG = 4547
STEPS = ("local", "dask1", "dask2", "band", "band_aligned")
#: Dask workers of each step (0: the local driver); the steps with at most one are held to one CPU.
STEP_WORKERS = {"local": 0, "dask1": 1, "dask2": 2, "band": 1, "band_aligned": 1}
TARGET_SPEEDUP = 1.7
TARGET_OVERHEAD = 1.15
TARGET_WORKER_MB = 1024.0
PLAN_WORKERS = (2, 8, 32)
#: Sample windows (fractions of the window's side) whose cells are hashed to compare the steps' outputs.
SAMPLES = ((0.0, 0.0), (0.5, 0.5), (0.98, 0.1), (0.3, 0.97))
SAMPLE_SIDE = 512


# ---------------------------------------------------------------- inputs


def tile_values(rng: np.random.Generator) -> np.ndarray:
    """Smooth random hazard degrees in 0–1 (two octaves of bilinear noise + 10 % white noise),
    with ≈ 3 % nodata in discs."""
    from scipy import ndimage

    def octave(cells: int) -> np.ndarray:
        coarse = rng.random((TILE // cells + 2, TILE // cells + 2))
        return ndimage.zoom(coarse, cells, order=1)[:TILE, :TILE]

    v = 0.6 * octave(512) + 0.3 * octave(64) + 0.1 * rng.random((TILE, TILE))
    v = (v - v.min()) / (v.max() - v.min())
    rows, cols = np.ogrid[:TILE, :TILE]
    for _ in range(12):
        r, c, radius = rng.integers(0, TILE), rng.integers(0, TILE), rng.integers(40, 130)
        v[(rows - r) ** 2 + (cols - c) ** 2 < radius**2] = NODATA
    return v.astype(np.float32)


def srs_wkt() -> str:
    from rasterio.crs import CRS

    return CRS.from_epsg(EPSG).to_wkt()


def write_tiles(folder: Path) -> list[list[Path]]:
    """The TILES_PER_HAZARD distinct tiles of every hazard (reused when present)."""
    import rasterio
    from rasterio.transform import from_origin

    tiles = []
    for h in range(HAZARDS):
        paths = []
        for k in range(TILES_PER_HAZARD):
            path = folder / "tiles" / f"h{h + 1}_t{k}.tif"
            paths.append(path)
            if path.exists():
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            values = tile_values(np.random.default_rng([h, k]))
            profile = dict(
                driver="GTiff",
                width=TILE,
                height=TILE,
                count=1,
                dtype="float32",
                nodata=NODATA,
                crs=f"EPSG:{EPSG}",
                transform=from_origin(*ORIGIN, CELL, CELL),
                tiled=True,
                blockxsize=256,
                blockysize=256,
                compress="deflate",
            )
            with rasterio.open(str(path) + ".part", "w", **profile) as ds:
                ds.write(values, 1)
            os.replace(str(path) + ".part", path)
        tiles.append(paths)
    return tiles


def national_vrt(folder: Path, hazard: int, tiles: list[Path], national: int) -> Path:
    """A VRT of national × national cells repeating `tiles`, one link (file name) per position."""
    path = folder / f"national_h{hazard + 1}.vrt"
    if path.exists():
        return path
    links = folder / "links" / f"h{hazard + 1}"
    links.mkdir(parents=True, exist_ok=True)
    across = -(-national // TILE)
    sources = []
    for i in range(across):
        for j in range(across):
            k = (i * 7 + j * 3 + (i * j) % 5 + hazard) % len(tiles)
            link = links / f"r{i:03d}_c{j:03d}.tif"
            if not link.is_symlink():
                os.symlink(os.path.relpath(tiles[k], links), link)
            w, h = min(TILE, national - j * TILE), min(TILE, national - i * TILE)
            sources.append(
                "    <SimpleSource>\n"
                f'      <SourceFilename relativeToVRT="1">{escape(os.path.relpath(link, folder))}</SourceFilename>\n'
                "      <SourceBand>1</SourceBand>\n"
                f'      <SourceProperties RasterXSize="{TILE}" RasterYSize="{TILE}" DataType="Float32" BlockXSize="256" BlockYSize="256"/>\n'
                f'      <SrcRect xOff="0" yOff="0" xSize="{w}" ySize="{h}"/>\n'
                f'      <DstRect xOff="{j * TILE}" yOff="{i * TILE}" xSize="{w}" ySize="{h}"/>\n'
                "    </SimpleSource>\n"
            )
    west, north = ORIGIN
    text = (
        f'<VRTDataset rasterXSize="{national}" rasterYSize="{national}">\n'
        f'  <SRS dataAxisToSRSAxisMapping="1,2">{escape(srs_wkt())}</SRS>\n'
        f"  <GeoTransform>{west!r}, {CELL!r}, 0.0, {north!r}, 0.0, {-CELL!r}</GeoTransform>\n"
        '  <VRTRasterBand dataType="Float32" band="1" blockXSize="256" blockYSize="256">\n'
        f"    <NoDataValue>{NODATA!r}</NoDataValue>\n" + "".join(sources) + "  </VRTRasterBand>\n</VRTDataset>\n"
    )
    path.with_suffix(".part").write_text(text)
    os.replace(path.with_suffix(".part"), path)
    return path


def window_vrt(folder: Path, national: Path, width: int, height: int, offset: tuple[int, int]) -> Path:
    """`gdal_translate -of VRT -srcwin` of the national VRT (a VRT that reads it), 256 × 256 blocks."""
    from osgeo import gdal

    gdal.UseExceptions()
    path = folder / f"window{width}x{height}_{national.stem.split('_')[-1]}.vrt"
    ds = gdal.Translate(str(path), str(national), format="VRT", srcWin=[offset[0], offset[1], width, height])
    del ds  # closing writes the file
    # GDAL 3.6's VRT driver ignores BLOCKXSIZE: set the band's blocks to the tiles' (256 × 256), as the
    # national VRT's, so that run_blocks' strips follow the tiles (VRT's default is 128 × 128)
    text = path.read_text()
    if "blockXSize" not in text:
        path.write_text(
            text.replace(
                '<VRTRasterBand dataType="Float32" band="1"', '<VRTRasterBand dataType="Float32" band="1" blockXSize="256" blockYSize="256"', 1
            )
        )
    return path


def make_inputs(folder: Path, size: int, national: int, band_rows: int) -> tuple[list[Path], list[Path]]:
    """The square windows of every hazard and the national-width bands (none when band_rows is 0)."""
    tiles = write_tiles(folder)
    nationals = [national_vrt(folder, h, tiles[h], national) for h in range(HAZARDS)]
    # windows off the tiles' grid, inside the national grid
    offset = (min(30011, national - size), min(40037, national - size))
    windows = [window_vrt(folder, path, size, size, offset) for path in nationals]
    band_offset = (0, min(40037, national - band_rows))
    bands = [window_vrt(folder, path, national, band_rows, band_offset) for path in nationals] if band_rows else []
    return windows, bands


def busy_jiffies() -> tuple[int, int]:
    """(busy, total) CPU time of the whole machine in clock ticks, from /proc/stat."""
    with open("/proc/stat") as stat:
        fields = [int(x) for x in stat.readline().split()[1:9]]
    user, nice, system, idle, iowait, irq, softirq, steal = fields
    busy = user + nice + system + irq + softirq + steal
    return busy, busy + idle + iowait


def busy_cores(seconds: float = 2.0) -> float:
    """Cores the machine's processes use, averaged over `seconds` (this one sleeps meanwhile)."""
    b0, t0 = busy_jiffies()
    time.sleep(seconds)
    b1, t1 = busy_jiffies()
    return (b1 - b0) / max(1, t1 - t0) * (os.cpu_count() or 1)


def wait_quiet(limit: float, level: float = 0.3) -> str:
    """Wait (up to `limit` seconds) until other processes use less than `level` core."""
    start = time.perf_counter()
    while True:
        busy = busy_cores()
        waited = time.perf_counter() - start
        if busy < level or waited >= limit:
            return f"waited {waited:.0f} s, others then used {busy:.2f} core"


# ---------------------------------------------------------------- one step (in a child process)


def vm_kb(field: str) -> int:
    """A line of /proc/self/status in kB (VmRSS, VmHWM)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def worker_memory() -> dict:
    """Run on a worker: its resident memory now, its peak and its CPU seconds."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"rss_mb": vm_kb("VmRSS") / 1024.0, "peak_mb": vm_kb("VmHWM") / 1024.0, "cpu_s": usage.ru_utime + usage.ru_stime}


def cpu_self() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class Sampler(threading.Thread):
    """Polls the workers' resident memory every `every` seconds (the largest seen per worker)."""

    def __init__(self, client, every: float = 1.0):
        super().__init__(daemon=True)
        self.client, self.every = client, every
        self.largest: dict[str, float] = {}
        self.samples = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(self.every):
            try:
                now = self.client.run(worker_memory, wait=True)
            except Exception:  # a worker restarting: the next sample will tell
                continue
            self.samples += 1
            for worker, memory in now.items():
                self.largest[worker] = max(self.largest.get(worker, 0.0), memory["rss_mb"])


def pieces_of(path: str) -> str:
    """The folder of GeoTIFF pieces the Dask engine keeps beside a .vrt output."""
    return os.path.splitext(path)[0] + "_tiles"


def disk_mb(path: str) -> float:
    size = os.path.getsize(path)
    if path.endswith(".vrt") and os.path.isdir(pieces_of(path)):
        size += sum(entry.stat().st_size for entry in os.scandir(pieces_of(path)))
    return size / 1e6


def output_digest(paths: list[str]) -> dict:
    """md5 of the cells of SAMPLES windows of every output, and its layout and size on disk."""
    import rasterio
    from rasterio.windows import Window

    digest = {}
    for path in paths:
        md5 = hashlib.md5()
        with rasterio.open(path) as ds:
            across, down = min(SAMPLE_SIDE, ds.width), min(SAMPLE_SIDE, ds.height)
            for fr, fc in SAMPLES:
                window = Window(int(fc * (ds.width - across)), int(fr * (ds.height - down)), across, down)
                md5.update(ds.read(1, window=window).tobytes())
            layout = f"{ds.driver} {ds.block_shapes[0][1]}x{ds.block_shapes[0][0]} {ds.compression.value if ds.compression else ''}".strip()
        if path.endswith(".vrt"):
            layout += f" of {len(os.listdir(pieces_of(path)))} GeoTIFF pieces"
        digest[os.path.basename(path).rsplit("_", 1)[1]] = {"md5": md5.hexdigest(), "layout": layout, "mb": disk_mb(path)}
    return digest


def run_step(step: str, inputs: list[str], out_dir: Path, output: str) -> dict:
    from territorial_resilience.algorithms.engine.raster_io import STRIP_CELLS, Grid, RasterSink, RasterSource, run_blocks
    from territorial_resilience.algorithms.raster.overlay import OverlayMethod, OverlaySpec, OverlayStatistics, overlay_kernel

    workers = STEP_WORKERS[step]
    pinned = workers <= 1
    if pinned:
        # before any thread or process is started: all of them inherit the mask
        os.sched_setaffinity(0, {max(os.sched_getaffinity(0))})
    spec = OverlaySpec.build(HAZARDS, OverlayMethod.WEIGHTED_SUM, WEIGHTS)
    grid = Grid.of(inputs[0])
    sources = [RasterSource(p) for p in inputs]
    for source in sources:
        source.check_against(grid)
    out_dir.mkdir(parents=True, exist_ok=True)
    ext = ".vrt" if output == "vrt" and workers else ".tif"
    paths = [str(out_dir / f"{step}_{name}{ext}") for name in ("index", "dominant", "count")]
    sinks = [
        RasterSink(paths[0], "float32", compress=True),
        RasterSink(paths[1], "uint8", 0, compress=True),
        RasterSink(paths[2], "uint8", 255, compress=True),
    ]
    kernel = overlay_kernel(spec)
    stats = OverlayStatistics(spec.n, spec.threshold)
    result: dict = {"step": step, "cpus": sorted(os.sched_getaffinity(0)), "load_before": os.getloadavg()}
    # band_aligned: strips as tall as the tiles (256 rows), whatever the memory they take
    cells = 256 * grid.width if step == "band_aligned" else STRIP_CELLS
    if not workers:
        t, cpu = time.perf_counter(), cpu_self()
        run_blocks(grid, sources, kernel, sinks, on_result=stats.add, workers=1, cells_per_block=cells)
        result.update(seconds=time.perf_counter() - t, cpu_s=cpu_self() - cpu)
    else:
        from distributed import Client, LocalCluster

        from territorial_resilience.algorithms.engine.engines import DaskEngine

        t = time.perf_counter()
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
        try:
            client.wait_for_workers(workers)
            result["cluster_start_s"] = time.perf_counter() - t
            before = client.run(worker_memory)
            sampler = Sampler(client)
            sampler.start()
            with DaskEngine(address=cluster.scheduler_address) as engine:
                t, cpu = time.perf_counter(), cpu_self()
                run_blocks(grid, sources, kernel, sinks, on_result=stats.add, engine=engine, cells_per_block=cells)
                result.update(seconds=time.perf_counter() - t, client_cpu_s=cpu_self() - cpu)
            sampler.stop.set()
            sampler.join()
            after = client.run(worker_memory)
            result["workers"] = {
                w.rsplit(":", 1)[-1]: {
                    "peak_mb": after[w]["peak_mb"],
                    "largest_sampled_rss_mb": sampler.largest.get(w, 0.0),
                    "cpu_s": after[w]["cpu_s"] - before.get(w, {"cpu_s": 0.0})["cpu_s"],
                    "restarted": w not in before,
                }
                for w in after
            }
            result["memory_samples"] = sampler.samples
        finally:
            client.close()
            cluster.close()
    result["load_after"] = os.getloadavg()
    result["process_peak_mb"] = vm_kb("VmHWM") / 1024.0
    result["statistics"] = {
        "index_count": int(stats.index_count),
        "index_sum": float(stats.index_sum),
        "index_min": float(stats.index_min),
        "index_max": float(stats.index_max),
        "hazard_cells": [int(c) for c in stats.count],
        "dominant_cells": [int(c) for c in stats.dominant_cells],
        "hotspot_cells": [int(c) for c in stats.hotspot_cells],
    }
    result["cells"] = grid.width * grid.height
    result["outputs"] = output_digest(paths)
    for path in paths:
        os.remove(path)
        shutil.rmtree(pieces_of(path), ignore_errors=True)
    return result


def in_child(step: str, inputs: list[Path], out_dir: Path, output: str) -> dict:
    """Run one step in a fresh process; add the CPU seconds other processes used meanwhile."""
    command = [sys.executable, __file__, "--step", step, "--out", str(out_dir), "--output", output, "--inputs", *map(str, inputs)]
    busy, ours = busy_jiffies()[0], resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        return {"step": step, "error": done.stderr[-3000:]}
    result = json.loads(done.stdout.strip().splitlines()[-1])
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    mine = after.ru_utime + after.ru_stime - ours.ru_utime - ours.ru_stime
    result["others_cpu_s"] = (busy_jiffies()[0] - busy) / os.sysconf("SC_CLK_TCK") - mine
    return result


# ---------------------------------------------------------------- the report


def fmt_load(load) -> str:
    return "/".join(f"{x:.2f}" for x in load)


def step_line(step: str, r: dict) -> str:
    line = f"{step}: {r['seconds']:.1f} s wall ({r['cells'] / r['seconds'] / 1e6:.2f} Mcells/s)"
    if "cpu_s" in r:
        line += f", {r['cpu_s']:.1f} CPU-s"
    if "workers" in r:
        cpu = sum(w["cpu_s"] for w in r["workers"].values())
        peaks = ", ".join(f"{w['peak_mb']:.0f}" for w in r["workers"].values())
        sampled = ", ".join(f"{w['largest_sampled_rss_mb']:.0f}" for w in r["workers"].values())
        line += (
            f", workers {cpu:.1f} CPU-s + client and scheduler {r['client_cpu_s']:.1f} CPU-s; cluster start {r['cluster_start_s']:.1f} s;"
            f" worker peak RSS (VmHWM) {peaks} MB, largest sampled RSS {sampled} MB ({r['memory_samples']} samples)"
        )
        if any(w["restarted"] for w in r["workers"].values()):
            line += "; a worker was restarted during the run"
    return (
        line + f"; process peak {r['process_peak_mb']:.0f} MB; CPUs {r['cpus']}; load {fmt_load(r['load_before'])} → {fmt_load(r['load_after'])};"
        f" other processes {r['others_cpu_s']:.1f} CPU-s ({r['quiet']})"
    )


def report(results: dict, size: int, national: int) -> dict:
    ok = {k: r for k, r in results.items() if "seconds" in r}
    summary: dict = {"window_cells": size * size, "national_cells": national * national, "hazards": HAZARDS}
    for step, r in results.items():
        print(f"{step}: FAILED\n{r['error']}" if "error" in r else step_line(step, r))
    square = {k: r for k, r in ok.items() if not k.startswith("band")}
    if len(square) > 1:
        first = next(iter(square.values()))
        same_stats = all(r["statistics"] == first["statistics"] for r in square.values())
        same_cells = all([o["md5"] for o in r["outputs"].values()] == [o["md5"] for o in first["outputs"].values()] for r in square.values())
        summary.update(same_statistics=same_stats, same_sample_cells=same_cells)
        print(f"same statistics in {', '.join(square)}: {same_stats}; same cells in {len(SAMPLES)} sample windows of every output: {same_cells}")
    for step, r in ok.items():
        print(f"outputs of {step}: " + ", ".join(f"{name} {o['layout']} {o['mb']:.0f} MB" for name, o in r["outputs"].items()))
    t = {k: r["seconds"] for k, r in ok.items()}
    summary["seconds"] = t
    summary["load"] = {k: [r["load_before"], r["load_after"]] for k, r in ok.items()}
    summary["others_cpu_s"] = {k: r["others_cpu_s"] for k, r in ok.items()}
    if "dask1" in t and "dask2" in t:
        speedup = t["dask1"] / t["dask2"]
        summary["speedup_2_workers"] = speedup
        print(f"speed-up, 2 workers vs 1 (b / c): {speedup:.2f}× (target ≥ {TARGET_SPEEDUP}×) {'✓' if speedup >= TARGET_SPEEDUP else '✗'}")
    if "dask1" in t and "local" in t:
        overhead = t["dask1"] / t["local"]
        summary["overhead_1_worker"] = overhead
        mark = "✓" if overhead <= TARGET_OVERHEAD else "✗"
        print(f"engine overhead, 1 worker vs local on one core (b / a): {overhead:.3f} (target ≤ {TARGET_OVERHEAD}) {mark}")
    peaks = [w["peak_mb"] for k in ("dask1", "dask2", "band") if k in ok for w in ok[k]["workers"].values()]
    if peaks:
        summary["worker_peak_mb"] = max(peaks)
        print(f"peak memory per worker: {max(peaks):.0f} MB (target < {TARGET_WORKER_MB:.0f} MB) {'✓' if max(peaks) < TARGET_WORKER_MB else '✗'}")
    if "band" in ok and "dask1" in ok:
        slower = (t["band"] / ok["band"]["cells"]) / (t["dask1"] / ok["dask1"]["cells"])
        summary["band_vs_window_per_cell"] = slower
        print(f"1 worker, seconds per cell at the national width ({national} columns) ÷ in the window: {slower:.2f}")
        if "band_aligned" in ok:
            aligned = (t["band_aligned"] / ok["band_aligned"]["cells"]) / (t["dask1"] / ok["dask1"]["cells"])
            peak = max(w["peak_mb"] for w in ok["band_aligned"]["workers"].values())
            summary["band_aligned_vs_window_per_cell"] = aligned
            print(f"  the same with strips as tall as the tiles (256 rows; worker peak {peak:.0f} MB): {aligned:.2f}")
    if "dask1" in t and "dask2" in t:
        efficiency = t["dask1"] / t["dask2"] / 2
        scale = national * national / (size * size)
        plan = {n: t["dask1"] * scale / (n * efficiency) for n in PLAN_WORKERS}
        summary.update(efficiency=efficiency, national_seconds=plan)
        print(
            f"whole national grid ({national} × {national} = {national * national:.3g} cells, {HAZARDS} hazards), extrapolated "
            f"t_b × {scale:.1f} / (N × {efficiency:.2f}): " + ", ".join(f"N = {n}: {s / 3600:.2f} h" for n, s in plan.items())
        )
        if "band_vs_window_per_cell" in summary:
            wide = {n: s * summary["band_vs_window_per_cell"] for n, s in plan.items()}
            summary["national_seconds_at_national_width"] = wide
            print(
                f"  the same with the per-cell cost measured at the national width (× {summary['band_vs_window_per_cell']:.2f}): "
                + ", ".join(f"N = {n}: {s / 3600:.2f} h" for n, s in wide.items())
            )
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=20000, help="side of the processed window in cells (default 20000)")
    parser.add_argument("--quick", action="store_true", help="a 4000 × 4000 window (a short check)")
    parser.add_argument("--national", type=int, default=100000, help="side of the national VRT in cells (default 100000)")
    parser.add_argument(
        "--band-rows",
        type=int,
        default=None,
        help="rows of the national-width band of the band steps (default 256; 0: no band step)",
    )
    parser.add_argument("--steps", default=",".join(STEPS), help=f"which of {','.join(STEPS)} to run (default all)")
    parser.add_argument(
        "--output",
        choices=("vrt", "tif"),
        default="vrt",
        help="the Dask steps' outputs: vrt = the workers' GeoTIFF pieces and a VRT (default), tif = one GeoTIFF assembled by the client",
    )
    parser.add_argument("--quiet-wait", type=float, default=120, help="seconds to wait before each step for other processes to calm down")
    parser.add_argument("--workdir", default="", help="inputs and outputs (default: a temporary folder, removed at the end)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder's inputs")
    parser.add_argument("--step", default="", help=argparse.SUPPRESS)
    parser.add_argument("--out", default="", help=argparse.SUPPRESS)
    parser.add_argument("--inputs", nargs="*", default=[], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        print(json.dumps(run_step(args.step, args.inputs, Path(args.out), args.output)))
        return
    size = 4000 if args.quick else args.size
    band_rows = 256 if args.band_rows is None else args.band_rows
    if not 0 < size <= args.national or not 0 <= band_rows <= args.national:
        parser.error("--size and --band-rows must lie between 1 and --national")
    steps = [s for s in args.steps.split(",") if s and (band_rows or not s.startswith("band"))]
    if set(steps) - set(STEPS):
        parser.error(f"--steps: choose among {','.join(STEPS)}")
    # inherited by every step and by the Dask workers they start
    os.environ["GDAL_NUM_THREADS"] = "1"
    os.environ["GDAL_MAX_DATASET_POOL_SIZE"] = "450"  # the tiles one strip crosses, for every hazard and thread
    folder = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="tsr-dask-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    out_dir = folder / "out"
    try:
        t = time.perf_counter()
        windows, bands = make_inputs(folder, size, args.national, band_rows if any(s.startswith("band") for s in steps) else 0)
        print(
            f"inputs: {HAZARDS} hazards × {TILES_PER_HAZARD} tiles of {TILE}², national VRTs {args.national} × {args.national}, "
            f"windows {size} × {size}" + (f", bands {args.national} × {band_rows}" if bands else "") + f" ({time.perf_counter() - t:.1f} s); "
            f"load {fmt_load(os.getloadavg())}; {os.cpu_count()} CPUs",
            flush=True,
        )
        results = {}
        for step in steps:
            quiet = wait_quiet(args.quiet_wait)
            results[step] = in_child(step, bands if step.startswith("band") else windows, out_dir, args.output)
            results[step]["quiet"] = quiet
            r = results[step]
            print(f"  {step}: {r.get('seconds', float('nan')):.1f} s ({quiet}), load after {fmt_load(os.getloadavg())}", flush=True)
        summary = report(results, size, args.national)
        print(f"load after: {fmt_load(os.getloadavg())}")
        print(json.dumps(summary))
    finally:
        shutil.rmtree(out_dir, ignore_errors=True)
        if not args.keep and not args.workdir:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
