"""Where does the core overlay spend its time? A serial breakdown read → kernel → write.

    /usr/bin/python3 benchmarks/profile_overlay.py OUT_DIR IN1.tif ... INn.tif [--weights 0.3,...] [--top 15]

Runs the same work as benchmarks/overlay_core.py (index output only) strip by strip in the
main thread and times each phase separately:
  read    GDAL read of the strip of every input (rasterio, float32)
  nodata  BlockReader's nodata → NaN replacement (BlockReader.read minus the raw read)
  kernel  the overlay kernel on the in-memory blocks (cProfile: top functions below)
  write   RasterSink.write of the index strip (NaN → nodata, DEFLATE compression) + commit
on the strips run_blocks itself uses (whole rows of the inputs' and output's tiles), then runs
run_blocks end to end with 1 and 2 workers, for the parallel speed-up.
Inputs should be page-cache warm (benchmarks/run.py reads them first; or `cat IN*.tif > /dev/null`).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import time

from _package import use_package

use_package()

import numpy as np  # noqa: E402
import rasterio  # noqa: E402
from overlay_core import index_only_kernel, index_sink, parse_numbers  # noqa: E402

from territorial_resilience.algorithms import overlay, raster_io  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out_dir")
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--weights", default="")
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)

    spec = overlay.OverlaySpec.build(len(args.inputs), overlay.OverlayMethod.WEIGHTED_SUM, parse_numbers(args.weights))
    grid = raster_io.Grid.of(args.inputs[0])
    sources = [raster_io.RasterSource(p) for p in args.inputs]
    kernel, api = index_only_kernel(spec)
    stats = overlay.OverlayStatistics(spec.n, spec.threshold)
    cells = grid.width * grid.height

    reader = raster_io.BlockReader(grid, sources)
    raw = [rasterio.open(p) for p in args.inputs]
    sink = index_sink(os.path.join(args.out_dir, "profile_index.tif"), args.inputs[0])
    with rasterio.Env(GDAL_CACHEMAX=raster_io.GDAL_CACHE_MB):
        sink.open(grid)
    windows = grid.strips(align=raster_io.tile_rows(grid, sources, [sink]))
    print(
        f"{grid.width} × {grid.height} = {cells / 1e6:.1f} M cells, {len(windows)} strips of "
        f"{windows[0].height} rows; kernel: {api}; output compressed: {getattr(sink, 'compress', True)}"
    )
    timers = dict(read=0.0, nodata=0.0, kernel=0.0, write=0.0, commit=0.0)
    cpu = dict.fromkeys(timers, 0.0)  # process CPU time (all threads, GDAL's included)
    profiler = cProfile.Profile()
    with rasterio.Env(GDAL_CACHEMAX=raster_io.GDAL_CACHE_MB):
        clock = lambda: (time.perf_counter(), time.process_time())  # noqa: E731
        for window in windows:
            t0, c0 = clock()
            for ds in raw:
                ds.read(1, window=window, out_dtype="float32")
            t1, c1 = clock()
            blocks = reader.read_all(window)
            t2, c2 = clock()
            profiler.enable()
            outputs, extra = kernel(blocks)
            profiler.disable()
            t3, c3 = clock()
            sink.write(outputs[0], window)
            t4, c4 = clock()
            stats.add(extra)
            timers["read"] += t1 - t0
            cpu["read"] += c1 - c0
            timers["nodata"] += max(0.0, (t2 - t1) - (t1 - t0))
            cpu["nodata"] += max(0.0, (c2 - c1) - (c1 - c0))
            timers["kernel"] += t3 - t2
            cpu["kernel"] += c3 - c2
            timers["write"] += t4 - t3
            cpu["write"] += c4 - c3
        t5, c5 = clock()
        sink.commit()
        t6, c6 = clock()
        timers["commit"] = t6 - t5
        cpu["commit"] = c6 - c5
    reader.close()
    for ds in raw:
        ds.close()

    serial = sum(timers.values())
    print("\nSerial breakdown (one Python thread; CPU = process CPU time, GDAL threads included):")
    for name, seconds in timers.items():
        print(
            f"  {name:<7} {seconds:7.2f} s  {100 * seconds / serial:5.1f} %  {cells / 1e6 / max(seconds, 1e-9):8.1f} Mcells/s"
            f"   CPU {cpu[name]:6.2f} s"
        )
    print(f"  {'total':<7} {serial:7.2f} s                            CPU {sum(cpu.values()):6.2f} s")

    stream = io.StringIO()
    pstats.Stats(profiler, stream=stream).sort_stats("tottime").print_stats(args.top)
    print("\nKernel, top functions by own time (cProfile):")
    print("\n".join(line for line in stream.getvalue().splitlines() if line.strip())[:6000])

    # The kernel alone on one strip held in memory, repeated: pure numpy cost per cell.
    blocks = raster_io.BlockReader(grid, sources).read_all(windows[len(windows) // 2])
    reps = 5
    t0 = time.perf_counter()
    for _ in range(reps):
        kernel([b.copy() for b in blocks])
    per_strip = (time.perf_counter() - t0) / reps
    strip_cells = blocks[0].size
    print(
        f"\nKernel on one in-memory strip ({strip_cells / 1e6:.2f} M cells, copies included): {per_strip * 1e3:.1f} ms "
        f"= {strip_cells / 1e6 / per_strip:.1f} Mcells/s"
    )
    stack = np.stack(blocks)
    t0 = time.perf_counter()
    for _ in range(reps):
        index = stack[0] * np.float32(spec.weights[0])
        for i in range(1, spec.n):
            index += stack[i] * np.float32(spec.weights[i])
    floor = (time.perf_counter() - t0) / reps
    print(f"Bare numpy weighted sum on the same strip: {floor * 1e3:.1f} ms = {strip_cells / 1e6 / floor:.1f} Mcells/s")

    for workers in (1, 2):
        out = os.path.join(args.out_dir, f"profile_run_blocks_{workers}.tif")
        kernel_w, _ = index_only_kernel(spec)
        s = overlay.OverlayStatistics(spec.n, spec.threshold)
        t0, c0 = time.perf_counter(), time.process_time()
        raster_io.run_blocks(grid, sources, kernel_w, [index_sink(out, args.inputs[0])], on_result=s.add, workers=workers)
        seconds, cpu_s = time.perf_counter() - t0, time.process_time() - c0
        print(
            f"run_blocks end to end, workers={workers} ({windows[0].height}-row strips): {seconds:6.2f} s = "
            f"{cells / 1e6 / seconds:6.1f} Mcells/s, CPU {cpu_s:6.2f} s"
        )
        os.remove(out)
    os.remove(os.path.join(args.out_dir, "profile_index.tif"))


if __name__ == "__main__":
    main()
