"""tsr:suitability as one job: the Processing algorithm and the batch command (tsr_batch.py) run
the same steps from here.

`evaluate` is the run itself: the criteria's ranges, the weight draws, the run-time estimate,
the exclusion zones burnt onto the grid, the TOP_PERCENT thresholds and the scoring pass that
writes the rasters and sums the statistics, every pass through run_blocks on an engine (see
engine/raster_io.py), then the sensitivity. The draws come from Generator(SEED) before any
block is read, so no result depends on the blocks or the workers. The Processing algorithm
reads its layers and writes its tables, styles and report with QGIS; the batch job's `run`
reads the exclusion zones and writes the tables with GDAL's Python bindings (vector_files), and
writes no HTML report (its builder needs QGIS).
"""

from __future__ import annotations

import math
import os
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from typing import Callable, Mapping, Sequence

import numpy as np
from rasterio.enums import Resampling
from shapely.geometry.base import BaseGeometry

from ..common.job_parameters import JobParameters
from ..common.messages import InputError, Message, fmt, say, tr
from ..common.parsing import parse_directions, parse_numbers
from ..common.progress import CancelCheck, Progress, scaled
from ..common.vector_files import read_polygons, write_layer
from ..engine.batch import BatchJob
from ..engine.raster_io import FLOAT_NODATA, Grid, RasterSink, RasterSource, is_compressed, run_blocks
from ..raster.masks import burn_polygons
from . import suitability as core
from .suitability import (
    Sensitivity,
    SuitabilityClass,
    SuitabilityMethod,
    SuitabilitySpec,
    SuitabilityStatistics,
    SweepEffect,
)

ALGORITHM = "suitability"
#: Suitable if the score reaches it, when neither THRESHOLD nor TOP_PERCENT is given.
DEFAULT_THRESHOLD = 0.6
#: The options of METHOD, in its order (the Processing algorithm shows them translated).
METHOD_OPTIONS = (tr("Weighted linear combination"), tr("Ordered weighted averaging (OWA)"), tr("Weakest link / minimum (短板法)"))
#: The parameters of tsr:suitability, in the algorithm's order.
PARAMETERS = (
    "CRITERIA",
    "DIRECTIONS",
    "WEIGHTS",
    "METHOD",
    "ORNESS",
    "ORDER_WEIGHTS",
    "CONSTRAINTS",
    "EXCLUSION_ZONES",
    "WEIGHT_UNCERTAINTY",
    "CRITERION_UNCERTAINTY",
    "ITERATIONS",
    "SEED",
    "THRESHOLD",
    "TOP_PERCENT",
    "REFERENCE",
    "OUTPUT_MEAN",
    "OUTPUT_STD",
    "OUTPUT_PROBABILITY",
    "OUTPUT_CLASS",
    "OUTPUT_HTML",
    "OUTPUT_WEIGHTS",
    "OUTPUT_SENSITIVITY",
)
RASTER_OUTPUTS = ("OUTPUT_MEAN", "OUTPUT_STD", "OUTPUT_PROBABILITY", "OUTPUT_CLASS")
#: Progress of `evaluate` (the Processing algorithm's per cent of 0–95): the ranges, the
#: thresholds, the scoring.
RANGES_END, TOP_START, TOP_END, SCORING_END = 8 / 95, 10 / 95, 45 / 95, 1.0

WEIGHT_FIELDS = (("draw", "int"), ("criterion", "string"), ("weight", "double"))
SENSITIVITY_FIELDS = (
    ("criterion", "string"),
    ("change", "double"),
    ("suitable_ha", "double"),
    ("mean_score", "double"),
    ("kept_pct", "double"),
    ("delta", "double"),
    ("delta_unit", "string"),
)

#: A reader of the exclusion zones: (grid) → (polygons in the grid's CRS, {layer name: features without geometry}).
ExclusionReader = Callable[[Grid], tuple[Sequence[BaseGeometry], Mapping[str, int]]]


@dataclass(frozen=True)
class SuitabilityRequest:
    """The parameters of tsr:suitability (names and defaults of the Processing algorithm).

    criteria, constraints: raster files; names: the criteria's names (their layer names; the
    files' base names when empty). directions, weights, order_weights: the texts typed (parsed
    as the algorithm parses them). weight_uncertainty in %, criterion_uncertainty in 0–1 units.
    threshold / top_percent: None when not given (neither: THRESHOLD = 0.6). reference: the
    output grid (None = the first criterion's). exclusion_zones: vector files (batch only; the
    Processing algorithm reads its layers itself). Outputs: None = not written.
    """

    criteria: tuple[str, ...]
    directions: str = ""
    weights: str = ""
    method: SuitabilityMethod = SuitabilityMethod.WLC
    orness: float | None = None
    order_weights: str = ""
    constraints: tuple[str, ...] = ()
    exclusion_zones: tuple[str, ...] = ()
    weight_uncertainty: float = 10.0
    criterion_uncertainty: float = 0.0
    iterations: int = 1000
    seed: int = 1
    threshold: float | None = None
    top_percent: float | None = None
    reference: str | None = None
    output_mean: str | None = None
    output_std: str | None = None
    output_probability: str | None = None
    output_class: str | None = None
    output_html: str | None = None
    output_weights: str | None = None
    output_sensitivity: str | None = None
    names: tuple[str, ...] = ()

    @property
    def criterion_names(self) -> tuple[str, ...]:
        return self.names or tuple(os.path.splitext(os.path.basename(p))[0] for p in self.criteria)

    @property
    def raster_outputs(self) -> dict[str, str | None]:
        return {
            "OUTPUT_MEAN": self.output_mean,
            "OUTPUT_STD": self.output_std,
            "OUTPUT_PROBABILITY": self.output_probability,
            "OUTPUT_CLASS": self.output_class,
        }


@dataclass(frozen=True, eq=False)
class SuitabilityResult:
    """What a suitability run computed: the spec and draw matrix `w`, the criteria's ranges and
    directions, the statistics of the scoring pass, the sensitivity and its sweep rows (delta in
    `unit`), the areas (ha), the raster outputs written, and the notes said on the way."""

    request: SuitabilityRequest
    spec: SuitabilitySpec
    w: np.ndarray
    grid: Grid
    directions: tuple[bool, ...]
    ranges: tuple[tuple[float, float], ...]
    statistics: SuitabilityStatistics
    sensitivity: Sensitivity
    effects: tuple[SweepEffect, ...]
    unit: str
    excluded: bool
    rasters: Mapping[str, str]
    warnings: tuple[Message, ...] = ()
    #: batch only: the tables written ({OUTPUT_NAME: path})
    written: Mapping[str, str] = field(default_factory=dict)

    @property
    def cell_ha(self) -> float:
        return self.grid.cell_area / 10_000.0

    @property
    def robust_ha(self) -> float:
        return float(self.statistics.class_cells[SuitabilityClass.ROBUST] * self.cell_ha)

    @property
    def uncertain_ha(self) -> float:
        return float(self.statistics.class_cells[SuitabilityClass.UNCERTAIN] * self.cell_ha)


def build_spec(request: SuitabilityRequest) -> tuple[SuitabilitySpec, list[bool]]:
    """The checked spec and the directions of a request (InputError as the algorithm gives)."""
    n = len(request.criteria)
    if n == 0:
        raise InputError(tr("Give at least one criterion raster"))
    directions = parse_directions(request.directions, n)
    threshold, top_percent = request.threshold, request.top_percent
    if threshold is None and top_percent is None:
        threshold = DEFAULT_THRESHOLD
    spec = SuitabilitySpec.build(
        n,
        SuitabilityMethod(request.method),
        parse_numbers(request.weights, "WEIGHTS"),
        parse_numbers(request.order_weights, "ORDER_WEIGHTS"),
        request.orness,
        request.weight_uncertainty / 100.0,
        request.criterion_uncertainty,
        request.iterations,
        request.seed,
        threshold,
        top_percent,
        names=request.criterion_names,
    )
    return spec, directions


def evaluate(
    request: SuitabilityRequest,
    *,
    engine=None,
    progress: Progress = None,
    cancelled: CancelCheck = None,
    log: Callable[[Message], None] | None = None,
    warn: Callable[[Message], None] | None = None,
    exclusion_zones: ExclusionReader | None = None,
    workdir: str | None = None,
    translate: Callable[[str], str] = str,
) -> SuitabilityResult:
    """Run the suitability evaluation and write the raster outputs the request names.

    `exclusion_zones(grid)` gives the exclusion polygons (read by the caller; None: none);
    they are burnt onto the grid in `workdir` (default: a temporary folder; beside the first
    raster output when an engine runs the blocks, so that its workers see the file) and the file
    removed afterwards. `log` receives the info lines and `warn` the notes (Messages);
    `translate` the outputs' band descriptions. Raises InputError as the Processing algorithm does.
    """
    warnings: list[Message] = []

    def note(message: Message) -> None:
        warnings.append(message)
        say(warn or log, message)

    spec, directions = build_spec(request)
    for message in spec.notes:
        note(message)
    grid = Grid.of(request.reference or request.criteria[0])
    sources = [RasterSource(p) for p in request.criteria]
    # Nearest neighbour keeps a 0/1 constraint a 0/1 constraint on another grid.
    masks = [RasterSource(p, resampling=Resampling.nearest) for p in request.constraints]
    for source in sources + masks:
        source.check_against(grid)

    say(log, Message(tr("Reading the range of each criterion")))
    ranges, common = core.criterion_ranges(grid, sources, spec.names, progress=scaled(progress, 0.0, RANGES_END), cancelled=cancelled, engine=engine)
    for i, (low, high) in enumerate(ranges):
        if (low, high) != (0.0, 1.0):
            say(
                log,
                Message(tr("Criterion {n} ranges from {low:.6g} to {high:.6g}: min-max normalised to 0–1"), {"n": i + 1, "low": low, "high": high}),
            )
    w = core.draws(spec)
    slow = core.check_run_time(core.estimate_seconds(spec, w, common), common, spec.draw_count)
    if slow is not None:
        note(slow)

    outputs = {key: path for key, path in request.raster_outputs.items() if path}
    folder = None
    exclusion = None
    try:
        if exclusion_zones is not None:
            geometries, empty = exclusion_zones(grid)
            for name, count in empty.items():
                note(
                    Message(
                        tr("{count} feature(s) of the exclusion zones '{layer}' have no geometry: they exclude nothing"),
                        {"count": count, "layer": name},
                    )
                )
            beside = next(iter(outputs.values()), None) if engine is not None else None
            base = os.path.dirname(os.path.abspath(beside)) if beside else workdir
            if base:
                os.makedirs(base, exist_ok=True)
            folder = tempfile.mkdtemp(prefix=".tsr_suitability_", dir=base)
            exclusion = os.path.join(folder, "exclusion.tif")
            burn_polygons(geometries, grid, exclusion, cancelled=cancelled)
            masks.append(RasterSource(exclusion))

        prepare = core.block_preparer(spec.n, ranges, directions, len(request.constraints), bool(exclusion))
        thresholds = None
        if spec.top_percent is not None:
            say(log, Message(tr("Pass 1: the score distribution of every draw")))

            def map_blocks(kernel, on_result, start, stop):
                run_blocks(
                    grid,
                    sources + masks,
                    _Prepared(prepare, kernel),
                    on_result=on_result,
                    progress=scaled(progress, TOP_START + (TOP_END - TOP_START) * start, TOP_START + (TOP_END - TOP_START) * stop),
                    cancelled=cancelled,
                    engine=engine,
                )

            thresholds = core.top_percent_thresholds(spec, w, map_blocks)

        compress = is_compressed(request.criteria[0])
        described = {
            "OUTPUT_MEAN": ("float32", FLOAT_NODATA, translate("mean suitability score")),
            "OUTPUT_STD": ("float32", FLOAT_NODATA, translate("standard deviation of the score")),
            "OUTPUT_PROBABILITY": ("float32", FLOAT_NODATA, translate("probability of being suitable")),
            "OUTPUT_CLASS": ("uint8", 0, translate("robustness class")),
        }
        wanted = [i for i, key in enumerate(RASTER_OUTPUTS) if key in outputs]
        sinks = [RasterSink(outputs[RASTER_OUTPUTS[i]], *described[RASTER_OUTPUTS[i]], compress=compress) for i in wanted]
        statistics = SuitabilityStatistics.for_spec(spec)
        say(log, Message(tr("Scoring {draws} draws per cell"), {"draws": spec.draw_count}))
        run_blocks(
            grid,
            sources + masks,
            _Prepared(prepare, core.suitability_kernel(spec, w, thresholds), tuple(wanted)),
            sinks,
            on_result=statistics.add,
            before_commit=statistics.require_study_cells,
            progress=scaled(progress, TOP_END if thresholds is not None else TOP_START, SCORING_END),
            cancelled=cancelled,
            engine=engine,
        )
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)

    ha = grid.cell_area / 10_000.0
    if request.constraints or exclusion:
        say(
            log,
            Message(
                tr(
                    "Excluded by the constraints and exclusion zones: {ha} ha ({cells} cells with data in every criterion; exclusions outside them "
                    "are ignored)"
                ),
                {"ha": fmt(float(statistics.excluded_cells * ha)), "cells": int(statistics.excluded_cells)},
            ),
        )
    sens = core.sensitivity(spec, w, statistics)
    effects, unit = core.sweep_effects(spec, sens, ha)
    result = SuitabilityResult(
        request,
        spec,
        w,
        grid,
        tuple(directions),
        tuple(ranges),
        statistics,
        sens,
        tuple(effects),
        unit,
        bool(exclusion),
        outputs,
        tuple(warnings),
    )
    say(
        log,
        Message(
            tr("Robustly suitable: {robust} ha; uncertain: {uncertain} ha"), {"robust": fmt(result.robust_ha), "uncertain": fmt(result.uncertain_ha)}
        ),
    )
    return result


@dataclass(frozen=True)
class _Prepared:
    """A kernel on the prepared blocks (core.block_preparer), keeping only the outputs `wanted`
    (all when None). A plain object of plain data, so that an engine can pickle it."""

    prepare: Callable
    kernel: Callable
    wanted: tuple[int, ...] | None = None

    def __call__(self, blocks):
        results, part = self.kernel(self.prepare(blocks))
        if self.wanted is None:
            return results, part
        return [results[i] for i in self.wanted], part


def weight_rows(result: SuitabilityResult) -> list[list]:
    """OUTPUT_WEIGHTS: the weight vector of every draw (columns 0 … draw_count − 1 of `w`), one
    row per draw and criterion: [draw (1-based), criterion, weight]."""
    spec, w = result.spec, result.w
    return [[k + 1, name, float(w[i, k])] for k in range(spec.draw_count) for i, name in enumerate(spec.names)]


def finite_or_none(value: float) -> float | None:
    """A float for an attribute; NULL instead of NaN."""
    return float(value) if math.isfinite(value) else None


def sensitivity_rows(result: SuitabilityResult) -> list[list]:
    """OUTPUT_SENSITIVITY: the one-at-a-time sweep of the report (baseline first)."""
    return [[e.name, e.change, e.suitable_ha, e.mean_score, finite_or_none(e.kept_pct), finite_or_none(e.delta), result.unit] for e in result.effects]


# --- the batch job ---------------------------------------------------------------------------------


def parse(values: Mapping[str, Sequence[str]]) -> SuitabilityRequest:
    """The request from `qgis_process run`-style text (see common/job_parameters.py): CRITERIA,
    CONSTRAINTS and EXCLUSION_ZONES repeated for several layers. OUTPUT_HTML is refused: the
    report's builder needs QGIS."""
    p = JobParameters(ALGORITHM, values, PARAMETERS, required=())
    criteria = tuple(p.paths("CRITERIA"))
    if not criteria:
        raise InputError(tr("{algorithm} needs the parameter {names}"), algorithm=ALGORITHM, names="CRITERIA")
    if p.path("OUTPUT_HTML"):
        raise InputError(tr("The suitability report (OUTPUT_HTML) is written by QGIS only: leave OUTPUT_HTML out of the batch command"))
    return SuitabilityRequest(
        criteria=criteria,
        directions=p.text("DIRECTIONS"),
        weights=p.text("WEIGHTS"),
        method=SuitabilityMethod(p.enum("METHOD", 0, METHOD_OPTIONS)),
        orness=p.number("ORNESS", None, 0.0, 1.0),
        order_weights=p.text("ORDER_WEIGHTS"),
        constraints=tuple(p.paths("CONSTRAINTS")),
        exclusion_zones=tuple(p.paths("EXCLUSION_ZONES")),
        weight_uncertainty=p.number("WEIGHT_UNCERTAINTY", 10.0, 0.0, 100.0),
        criterion_uncertainty=p.number("CRITERION_UNCERTAINTY", 0.0, 0.0, 1.0),
        iterations=p.integer("ITERATIONS", 1000, 1, 10000),
        seed=p.integer("SEED", 1, 0),
        threshold=p.number("THRESHOLD", None, 0.0, 1.0),
        top_percent=p.number("TOP_PERCENT", None, 0.0, 100.0),
        reference=p.path("REFERENCE"),
        output_mean=p.path("OUTPUT_MEAN"),
        output_std=p.path("OUTPUT_STD"),
        output_probability=p.path("OUTPUT_PROBABILITY"),
        output_class=p.path("OUTPUT_CLASS"),
        output_html=None,
        output_weights=p.path("OUTPUT_WEIGHTS"),
        output_sensitivity=p.path("OUTPUT_SENSITIVITY"),
    )


def read_exclusion_zones(paths: Sequence[str]) -> ExclusionReader:
    """The exclusion zones of vector files, read with GDAL (vector_files.read_polygons)."""

    def read(grid: Grid):
        geometries, empty = [], {}
        crs_wkt = grid.crs.to_wkt() if grid.crs is not None else None
        for path in paths:
            features = read_polygons(path, crs_wkt)
            missing = sum(1 for g in features.geometries if g is None)
            geometries.extend(g for g in features.geometries if g is not None)
            if missing:
                empty[features.layer] = missing
        return geometries, empty

    return read


def run(
    request: SuitabilityRequest, *, engine=None, progress: Progress = None, cancelled: CancelCheck = None, log=None, warn=None
) -> SuitabilityResult:
    """The batch run: evaluate (the exclusion zones read with GDAL), then the weight and
    sensitivity tables written with GDAL (vector_files) where asked for."""
    reader = read_exclusion_zones(request.exclusion_zones) if request.exclusion_zones else None
    result = evaluate(request, engine=engine, progress=progress, cancelled=cancelled, log=log, warn=warn, exclusion_zones=reader)
    written = {}
    if request.output_weights:
        written["OUTPUT_WEIGHTS"] = write_layer(request.output_weights, WEIGHT_FIELDS, "none", None, [(None, r) for r in weight_rows(result)])
    if request.output_sensitivity:
        written["OUTPUT_SENSITIVITY"] = write_layer(
            request.output_sensitivity, SENSITIVITY_FIELDS, "none", None, [(None, r) for r in sensitivity_rows(result)]
        )
    return replace(result, written=written)


def outputs(result: SuitabilityResult) -> dict:
    """The results as `qgis_process --json` prints them (plain Python values)."""
    out = dict(result.rasters)
    out["ROBUST_AREA_HA"] = result.robust_ha
    out["UNCERTAIN_AREA_HA"] = result.uncertain_ha
    out.update(result.written)
    return out


BATCH_JOB = BatchJob(ALGORITHM, parse=parse, run=run, outputs=outputs)
