"""tsr:multihazardoverlay as one job: the Processing algorithm and the batch command (tsr_batch.py)
run the same steps from here.

`run` checks the combination (OverlaySpec.build), aligns every input to the reference grid, writes
the risk index, the dominant hazard and the hotspot count block by block on the engine, gathers
the statistics of the blocks in strip order (OverlayStatistics) and warns about hazards that barely
cover the grid or never meet. The Processing algorithm reads its layers, styles the outputs and
writes the HTML report with QGIS; the batch job writes no report (its builder needs QGIS).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

from ..common.job_parameters import JobParameters
from ..common.messages import InputError, Message, say, tr
from ..common.parsing import parse_numbers
from ..common.progress import CancelCheck, Progress
from ..engine.batch import BatchJob
from ..engine.raster_io import Grid, RasterSink, RasterSource, is_compressed, run_blocks
from .overlay import (
    NodataPolicy,
    OverlayMethod,
    OverlaySpec,
    OverlayStatistics,
    coverage_notes,
    disjoint_pairs,
    overlay_kernel,
    resampling_notes,
)

ALGORITHM = "multihazardoverlay"
#: The parameters of tsr:multihazardoverlay, in the algorithm's order.
PARAMETERS = (
    "HAZARDS",
    "WEIGHTS",
    "METHOD",
    "ORDER_WEIGHTS",
    "INTERACTIONS",
    "THRESHOLD",
    "EXPOSURE",
    "VULNERABILITY",
    "CAPACITY",
    "NODATA_POLICY",
    "REFERENCE",
    "OUTPUT",
    "OUTPUT_DOMINANT",
    "OUTPUT_COUNT",
    "OUTPUT_HTML",
)
#: The options of METHOD and NODATA_POLICY, in their order (the Processing algorithm shows them translated).
METHOD_OPTIONS = (
    tr("Weighted sum"),
    tr("Weighted geometric mean"),
    tr("Maximum (worst case)"),
    tr("Probabilistic union 1 − Π(1 − wᵢhᵢ)"),
    tr("Ordered weighted averaging (OWA)"),
)
POLICY_OPTIONS = (
    tr("Propagate: a cell missing in any input is nodata"),
    tr("Ignore missing hazards and renormalise the weights"),
)
#: The risk factors: (parameter, key in OverlayResult.factors and the report, label in messages).
FACTORS = (
    ("EXPOSURE", "exposure", tr("Exposure")),
    ("VULNERABILITY", "vulnerability", tr("Vulnerability")),
    ("CAPACITY", "capacity", tr("Coping capacity")),
)


def layer_name(path: str) -> str:
    """The name QGIS gives a raster loaded from `path` (its file name up to the first dot), which
    names a hazard in messages when no layer name is given."""
    base = os.path.basename(path.rstrip("/\\"))
    return base.split(".", 1)[0] or base


@dataclass(frozen=True)
class OverlayRequest:
    """The parameters of tsr:multihazardoverlay (names and defaults of the Processing algorithm).

    hazards: the hazard degree rasters (files GDAL reads), in order; names: what messages call
    them (None = their file names, as QGIS names layers). weights, order_weights, interactions:
    the number lists as typed (empty = equal weights, the mean, no cascades). reference: the grid
    of the outputs (None = the first hazard's). exposure, vulnerability, capacity: optional 0–1
    rasters. output_dominant, output_count: optional outputs (None = not written). output_html:
    the report, written by the Processing algorithm only; when set, run gathers its statistics.
    """

    hazards: tuple[str, ...]
    output: str
    names: tuple[str, ...] | None = None
    weights: str = ""
    method: OverlayMethod = OverlayMethod.WEIGHTED_SUM
    order_weights: str = ""
    interactions: str = ""
    threshold: float = 0.5
    exposure: str | None = None
    vulnerability: str | None = None
    capacity: str | None = None
    policy: NodataPolicy = NodataPolicy.PROPAGATE
    reference: str | None = None
    output_dominant: str | None = None
    output_count: str | None = None
    output_html: str | None = None

    @property
    def hazard_names(self) -> tuple[str, ...]:
        return tuple(self.names) if self.names is not None else tuple(layer_name(p) for p in self.hazards)

    @property
    def factor_paths(self) -> dict[str, str]:
        """The risk factors given: {key ("exposure", "vulnerability", "capacity"): path}, in that order."""
        given = {"exposure": self.exposure, "vulnerability": self.vulnerability, "capacity": self.capacity}
        return {key: given[key] for _, key, _ in FACTORS if given[key]}


@dataclass(frozen=True, eq=False)
class OverlayResult:
    """What a run computed: the checked combination, the reference grid, the statistics of the
    blocks (full when request.output_html is set, else the valid-cell counts) and the warnings said."""

    request: OverlayRequest
    spec: OverlaySpec
    grid: Grid
    stats: OverlayStatistics
    warnings: tuple[Message, ...] = ()

    @property
    def factors(self) -> tuple[str, ...]:
        """The keys of the risk factors given, in the order exposure, vulnerability, capacity."""
        return tuple(self.request.factor_paths)


def run(
    request: OverlayRequest,
    *,
    engine=None,
    progress: Progress = None,
    cancelled: CancelCheck = None,
    log: Callable[[Message], None] | None = None,
    warn: Callable[[Message], None] | None = None,
    translate: Callable[[str], str] = str,
) -> OverlayResult:
    """Combine the hazards of `request` into request.output (and the dominant hazard and hotspot
    count when asked for).

    `log` receives the info lines (resampled inputs, the combination's notes, the formula), `warn`
    the coverage notes (both Messages; warn falls back to log); `translate` turns the output bands'
    descriptions into the user's language. Raises InputError as the Processing algorithm does
    (nothing is written then), Cancelled when `cancelled()` returns True.
    """
    hazards = list(request.hazards)
    if not hazards:
        raise InputError(tr("Give at least one hazard raster"))
    names = list(request.hazard_names)
    if len(names) != len(hazards):
        raise ValueError("one name per hazard is needed")
    factors = request.factor_paths
    spec = OverlaySpec.build(
        len(hazards),
        request.method,
        parse_numbers(request.weights, "WEIGHTS"),
        parse_numbers(request.order_weights, "ORDER_WEIGHTS"),
        parse_numbers(request.interactions, "INTERACTIONS"),
        float(request.threshold),
        NodataPolicy(request.policy),
        names,
    )
    reference = request.reference or hazards[0]
    grid = Grid.of(reference)
    if grid.crs is None:
        raise InputError(tr("The reference raster has no coordinate reference system; assign one first"))
    sources = [RasterSource(p) for p in hazards + list(factors.values())]
    for source in sources:
        source.check_against(grid)
    labels = names + [translate(label) for _, key, label in FACTORS if key in factors]
    for note in resampling_notes(grid, [s.path for s in sources], labels):
        say(log, note)
    for note in spec.notes:
        say(log, note)
    if spec.method == OverlayMethod.MAXIMUM and request.weights.strip():
        say(log, Message(tr("The maximum ignores the hazard weights.")))

    compress = is_compressed(reference)
    sinks = [RasterSink(request.output, "float32", description=translate(tr("multi-hazard risk index")), compress=compress)]
    if request.output_dominant:
        sinks.append(RasterSink(request.output_dominant, "uint8", 0, translate(tr("dominant hazard (1-based)")), compress))
    if request.output_count:
        sinks.append(RasterSink(request.output_count, "uint8", 255, translate(tr("hazards at or above the threshold")), compress))
    kernel = overlay_kernel(
        spec,
        "exposure" in factors,
        "vulnerability" in factors,
        "capacity" in factors,
        with_dominant=bool(request.output_dominant),
        with_count=bool(request.output_count),
        with_statistics=bool(request.output_html),
    )
    stats = OverlayStatistics(spec.n, spec.threshold)

    def check_valid() -> None:
        empty = [names[i] for i in range(spec.n) if stats.count[i] == 0]
        if empty:
            raise InputError(tr("These hazards have no valid cell on the reference grid (all nodata): {names}"), names=", ".join(empty))
        if stats.index_count == 0:
            pairs = disjoint_pairs(stats)
            if pairs:
                raise InputError(
                    tr("The inputs share no valid cell: every cell of the result would be nodata. These hazards do not overlap: {pairs}"),
                    pairs="; ".join(f"{names[i]} / {names[j]}" for i, j in pairs),
                )
            raise InputError(tr("The inputs share no valid cell: every cell of the result would be nodata"))

    say(log, Message(tr("Formula: {formula}"), {"formula": spec.formula()}))
    run_blocks(
        grid,
        sources,
        kernel,
        sinks,
        on_result=stats.add,
        before_commit=check_valid,
        progress=progress,
        cancelled=cancelled,
        engine=engine,
    )
    warnings = tuple(coverage_notes(stats, names, spec.policy))
    for note in warnings:
        say(warn or log, note)
    return OverlayResult(request, spec, grid, stats, warnings)


# --- the batch job ---------------------------------------------------------------------------------


def parse(values: Mapping[str, Sequence[str]]) -> OverlayRequest:
    """The request from `qgis_process run`-style text (see common/job_parameters.py): HAZARDS
    repeated once per hazard (HAZARDS=flood.tif HAZARDS=quake.tif), WEIGHTS and ORDER_WEIGHTS as
    comma lists, INTERACTIONS as the n×n values row after row. OUTPUT_DOMINANT and OUTPUT_COUNT are
    written only when given; OUTPUT_HTML is refused: the report's builder needs QGIS."""
    p = JobParameters(ALGORITHM, values, PARAMETERS, required=("OUTPUT",))
    hazards = tuple(p.paths("HAZARDS"))
    if not hazards:  # a multiple-layer parameter: one value per hazard, so not among `required`
        raise InputError(tr("{algorithm} needs the parameter {names}"), algorithm=ALGORITHM, names="HAZARDS")
    if p.path("OUTPUT_HTML"):
        raise InputError(tr("The overlay report (OUTPUT_HTML) is written by QGIS only: leave OUTPUT_HTML out of the batch command"))
    return OverlayRequest(
        hazards=hazards,
        output=p.path("OUTPUT"),
        weights=p.text("WEIGHTS"),
        method=OverlayMethod(p.enum("METHOD", int(OverlayMethod.WEIGHTED_SUM), METHOD_OPTIONS)),
        order_weights=p.text("ORDER_WEIGHTS"),
        interactions=p.text("INTERACTIONS"),
        threshold=p.number("THRESHOLD", 0.5, 0.0, 1.0),
        exposure=p.path("EXPOSURE"),
        vulnerability=p.path("VULNERABILITY"),
        capacity=p.path("CAPACITY"),
        policy=NodataPolicy(p.enum("NODATA_POLICY", int(NodataPolicy.PROPAGATE), POLICY_OPTIONS)),
        reference=p.path("REFERENCE"),
        output_dominant=p.path("OUTPUT_DOMINANT"),
        output_count=p.path("OUTPUT_COUNT"),
    )


def outputs(result: OverlayResult) -> dict:
    """The results as `qgis_process --json` prints them: OUTPUT, and OUTPUT_DOMINANT and
    OUTPUT_COUNT when written."""
    request = result.request
    out = {"OUTPUT": request.output}
    if request.output_dominant:
        out["OUTPUT_DOMINANT"] = request.output_dominant
    if request.output_count:
        out["OUTPUT_COUNT"] = request.output_count
    return out


BATCH_JOB = BatchJob(ALGORITHM, parse=parse, run=run, outputs=outputs)
