"""Case (a): the toolkit's core overlay, as tsr:multihazardoverlay runs it, index output only.

    python3 benchmarks/overlay_core.py OUT.tif IN1.tif ... INn.tif [--weights 0.3,0.2,...] [--workers N]

Mirrors MultiHazardOverlay.processAlgorithm with OUTPUT_DOMINANT, OUTPUT_COUNT and OUTPUT_HTML
skipped: OverlaySpec.build (weighted sum), check_against for every source, the overlay kernel
with only the index output, the index sink compressed like the first input (is_compressed),
per-block statistics merged with on_result, run_blocks.
Prints one JSON line with the in-process timings.
"""

from __future__ import annotations

import argparse
import json
import time

T_START = time.perf_counter()

from _package import use_package  # noqa: E402

use_package()

from territorial_resilience.algorithms import overlay  # noqa: E402
from territorial_resilience.algorithms.common.parsing import parse_numbers  # noqa: E402
from territorial_resilience.algorithms.engine.raster_io import Grid, RasterSink, RasterSource, is_compressed, run_blocks  # noqa: E402

KERNEL_CALL = "overlay_kernel(..., with_dominant=False, with_count=False, with_statistics=False)"


def index_only_kernel(spec):
    return overlay.overlay_kernel(spec, with_dominant=False, with_count=False, with_statistics=False), KERNEL_CALL


def index_sink(path: str, reference: str) -> RasterSink:
    """The index sink as the Processing algorithm makes it: compressed like the reference input."""
    return RasterSink(path, "float32", compress=is_compressed(reference))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("output")
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--weights", default="")
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    t_imported = time.perf_counter()

    spec = overlay.OverlaySpec.build(len(args.inputs), overlay.OverlayMethod.WEIGHTED_SUM, parse_numbers(args.weights))
    grid = Grid.of(args.inputs[0])
    sources = [RasterSource(p) for p in args.inputs]
    for source in sources:
        source.check_against(grid)
    kernel, api = index_only_kernel(spec)
    stats = overlay.OverlayStatistics(spec.n, spec.threshold)
    t0 = time.perf_counter()
    run_blocks(grid, sources, kernel, [index_sink(args.output, args.inputs[0])], on_result=stats.add, workers=args.workers)
    t1 = time.perf_counter()
    print(
        json.dumps(
            {
                "import_s": t_imported - T_START,
                "run_blocks_s": t1 - t0,
                "total_s": t1 - T_START,
                "index_cells": stats.index_count,
                "kernel": api,
            }
        )
    )


if __name__ == "__main__":
    main()
