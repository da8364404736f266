"""Case 2: natural breaks of a raster on disk, as tsr:riskzoning computes them.

    python3 benchmarks/breaks_core.py RASTER.tif [--k 5]

value_range over iterate_blocks (pass 1), ValueSummary.add over iterate_blocks (pass 2),
fisher_jenks(summary, k). Prints one JSON line: timings of each step and the breaks.
"""

from __future__ import annotations

import argparse
import json
import time

T_START = time.perf_counter()

from _package import use_package  # noqa: E402

use_package()

from territorial_resilience.algorithms import classify  # noqa: E402
from territorial_resilience.algorithms.engine.raster_io import Grid, RasterSource, iterate_blocks  # noqa: E402


def notes_text(breaks) -> str:
    """The planner-readable remarks of a classification."""
    return " ".join(str(n) for n in breaks.notes)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("raster")
    parser.add_argument("--k", type=int, default=5)
    args = parser.parse_args()
    t_imported = time.perf_counter()

    grid = Grid.of(args.raster)
    source = RasterSource(args.raster)
    t0 = time.perf_counter()
    vmin, vmax = classify.value_range(b[0] for b in iterate_blocks(grid, [source]))
    t1 = time.perf_counter()
    summary = classify.ValueSummary(vmin, vmax)
    for (block,) in iterate_blocks(grid, [source]):
        summary.add(block)
    t2 = time.perf_counter()
    breaks = classify.fisher_jenks(summary, args.k)
    t3 = time.perf_counter()
    print(
        json.dumps(
            {
                "import_s": t_imported - T_START,
                "range_s": t1 - t0,
                "summary_s": t2 - t1,
                "jenks_s": t3 - t2,
                "compute_s": t3 - t0,
                "cells": summary.count,
                "points": int(summary.points().x.size),
                "exact": bool(getattr(breaks, "exact", True)),
                "breaks": list(breaks.values),
                "note": notes_text(breaks),
            }
        )
    )


if __name__ == "__main__":
    main()
