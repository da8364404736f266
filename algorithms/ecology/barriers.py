"""Barrier detection by restoration improvement (Linkage Mapper's Barrier Mapper; McRae et al. 2012).

For a linked pair of sources a, b with cost-weighted distance surfaces CWD_a, CWD_b (minimum
cumulative resistance from each source, resistance × map units) and least-cost distance
LCD_ab = min over cells (CWD_a + CWD_b), restoring a circular window of radius R centred on a cell
to resistance 1 would allow a path that reaches the window from a at the window's cheapest cell for
a, crosses it (diameter 2R at resistance 1: cost 2R) and leaves it towards b at its cheapest cell
for b:

    LCD'_ab = min(LCD_ab, min_window CWD_a + min_window CWD_b + 2R)

and the improvement score per unit of restored distance is

    IS_R = (LCD_ab − LCD'_ab) / (2R)        (≥ 0; resistance units per map unit)

(the "improvement score" of McRae et al. 2012, Linkage Mapper's default barrier output). The window is
the disk of the cells whose centre lies within R of the centre cell (ArcGIS's NbrCircle in map
units); its minimum is taken row by row: for each row offset dy the half-width
w(dy) = ⌊√(R² − (dy·h)²)/w_c⌋ and a 1-D running minimum (scipy.ndimage.minimum_filter1d), so the
cost is O(cells × rows of the disk), not × its area. The map is the maximum over the linked pairs,
and over the radii with the radius that gives it.

Reference: McRae B H, Hall S A, Beier P, Theobald D M (2012) Where to restore ecological
connectivity? Detecting barriers and quantifying restoration benefits. PLoS ONE 7(12): e52604.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

import numpy as np
from scipy.ndimage import minimum_filter1d

from ..common.messages import InputError, tr
from ..common.progress import CancelCheck, Progress, check
from .cost_distance import CostGraph


def disk_minimum(values: np.ndarray, radius: float, cell: tuple[float, float]) -> np.ndarray:
    """Minimum of `values` (NaN or inf = none) over the disk of cells whose centre lies within
    `radius` (map units) of each cell's centre; inf where the disk holds no value."""
    a = np.where(np.isfinite(values), values, np.inf)
    width, height = cell
    rows = int(math.floor(radius / height + 1e-9))
    out = np.full(a.shape, np.inf)
    by_width: dict[int, np.ndarray] = {}
    n = a.shape[0]
    for dy in range(-rows, rows + 1):
        reach = radius * radius - (dy * height) ** 2
        if reach < 0:
            continue
        w = int(math.floor(math.sqrt(reach) / width + 1e-9))
        if w not in by_width:
            by_width[w] = minimum_filter1d(a, size=2 * w + 1, axis=1, mode="constant", cval=np.inf) if w > 0 else a
        line = by_width[w]
        # out[r] = min(out[r], line[r + dy])
        if dy >= 0:
            if dy < n:
                np.minimum(out[: n - dy], line[dy:], out=out[: n - dy])
        else:
            if -dy < n:
                np.minimum(out[-dy:], line[: n + dy], out=out[-dy:])
    return out


@dataclass
class PairScore:
    a: int
    b: int
    lcd: float
    best: float  # largest improvement score of the pair over the radii
    status: str


@dataclass
class BarrierResult:
    score: np.ndarray  # max improvement score (NaN where undefined)
    radius: np.ndarray  # radius of the maximum (NaN where the score is 0 or undefined)
    pairs: list[PairScore]
    by_radius: dict[float, float]  # largest score per radius


def barrier_scores(
    resistance: np.ndarray,
    cell_size: float | tuple[float, float],
    labels: np.ndarray,
    pairs: Sequence[tuple[int, int]],
    radii: Sequence[float],
    progress: Progress = None,
    cancelled: CancelCheck = None,
) -> BarrierResult:
    """Improvement scores of restoring windows of each radius, for the linked `pairs` of source
    labels (labels > 0 in `labels`), on a resistance raster (≥ 1, NaN = impassable)."""
    radii = sorted({float(r) for r in radii})
    if not radii:
        raise InputError(tr("RADII holds no radius; give one or more search radii in map units, e.g. 100, 200, 400"))
    for r in radii:
        if not (r > 0 and math.isfinite(r)):
            raise InputError(tr("Every radius must be a positive number of map units, got {value:g}"), value=r)
    if not pairs:
        raise InputError(tr("No linked pair of sources: PATHS holds no path between two of the sources"))
    cell = (float(cell_size), float(cell_size)) if np.isscalar(cell_size) else (float(cell_size[0]), float(cell_size[1]))
    graph = CostGraph(resistance, cell, cancelled=cancelled)
    sources = graph.cells_by_label(labels)
    needed = sorted({k for p in pairs for k in p})
    cwd: dict[int, np.ndarray] = {}
    steps = len(needed) + len(needed) * len(radii) + 1
    done = 0
    for k in needed:
        check(cancelled)
        if k in sources and sources[k].size:
            cwd[k] = graph.run_cells(sources[k], allocation=False, cancelled=cancelled).cost
        done += 1
        if progress:
            progress(done / steps)
    shape = labels.shape
    best = np.full(shape, -np.inf)
    best_radius = np.full(shape, np.nan)
    defined = np.zeros(shape, dtype=bool)
    by_radius = {r: 0.0 for r in radii}
    status: dict[tuple[int, int], str] = {}
    lcds: dict[tuple[int, int], float] = {}
    pair_best: dict[tuple[int, int], float] = {}
    for a, b in pairs:
        if a not in cwd or b not in cwd:
            status[(a, b)], lcds[(a, b)] = tr("a source lies on impassable cells only"), math.nan
            continue
        lcd = float(np.min(cwd[a] + cwd[b]))
        lcds[(a, b)] = lcd
        status[(a, b)] = tr("ok") if math.isfinite(lcd) else tr("the sources cannot reach each other")
        pair_best[(a, b)] = 0.0
    for r in radii:  # one radius at a time: the disk minima of the sources of this radius only in memory
        mins: dict[int, np.ndarray] = {}
        for a, b in pairs:
            check(cancelled)
            lcd = lcds[(a, b)]
            if not math.isfinite(lcd):
                continue
            for k in (a, b):
                if k not in mins:
                    mins[k] = disk_minimum(cwd[k], r, cell)
                    done += 1
                    if progress:
                        progress(min(1.0, done / steps))
            through = mins[a] + mins[b] + 2.0 * r
            ok = np.isfinite(through)
            score = np.where(ok, np.maximum(lcd - through, 0.0) / (2.0 * r), -np.inf)
            defined |= ok
            better = score > best
            best = np.where(better, score, best)
            best_radius = np.where(better, r, best_radius)
            top = float(score[ok].max()) if ok.any() else 0.0
            by_radius[r] = max(by_radius[r], top)
            pair_best[(a, b)] = max(pair_best[(a, b)], top)
        del mins
    results = [PairScore(a, b, lcds[(a, b)], pair_best.get((a, b), math.nan), status[(a, b)]) for a, b in pairs]
    score = np.where(defined, np.maximum(best, 0.0), np.nan)
    radius = np.where(defined & (score > 0), best_radius, np.nan)
    if progress:
        progress(1.0)
    return BarrierResult(score, radius, results, by_radius)
