"""tsr:normalizehazard as one job: the Processing algorithm and the batch command (tsr_batch.py)
run the same steps from here.

`run` resolves the control points (from the data when they are not given: the range pass, or the
percentile summary, on the engine), builds the normalisation, writes the 0–1 degree raster block
by block on the engine and counts the cells it dropped (return periods ≤ 0, cells no table row
matches). The Processing algorithm reads its parameters and styles the output with QGIS; the
batch job reads them as `qgis_process run` writes them (`parse`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

import numpy as np

from ..common.job_parameters import JobParameters
from ..common.messages import InputError, Message, say, tr
from ..common.parsing import VALUE_SEPARATORS
from ..common.progress import CancelCheck, Progress, scaled
from ..engine.batch import BatchJob
from ..engine.raster_io import Grid, RasterSink, RasterSource, is_compressed, run_blocks
from . import classify
from .normalize import (
    Direction,
    Method,
    Normalization,
    check_percentile_values,
    dropped_cells,
    parse_table,
    percentile_levels,
    stretch_points,
)

ALGORITHM = "normalizehazard"
#: The parameters of tsr:normalizehazard, in the algorithm's order.
PARAMETERS = ("INPUT", "BAND", "METHOD", "DIRECTION", "LOWER", "UPPER", "TABLE", "OUTPUT")
#: The options of METHOD and DIRECTION, in their order (the Processing algorithm shows them translated).
METHOD_OPTIONS = (
    tr("Min-max"),
    tr("Percentile min-max"),
    tr("Fuzzy linear"),
    tr("Fuzzy sigmoid"),
    tr("Fuzzy gaussian"),
    tr("Reclassification table"),
    tr("Return period → annual exceedance probability"),
)
DIRECTION_OPTIONS = (tr("Higher value = more hazard"), tr("Higher value = less hazard"))


@dataclass(frozen=True)
class NormalizeRequest:
    """The parameters of tsr:normalizehazard (names and defaults of the Processing algorithm).

    input: the hazard or indicator raster (a file GDAL reads); band: its band (1-based);
    output: the degree raster. lower / upper: the control points in the raster's unit (None = from
    the data), or the percentiles 0–100 for Method.PERCENTILE (None = 2 and 98). table: the
    reclassification table as the flat min, max, value list of a Processing matrix (an empty
    bound is unbounded), for Method.TABLE.
    """

    input: str
    output: str
    band: int = 1
    method: Method = Method.MINMAX
    direction: Direction = Direction.HIGHER_IS_MORE
    lower: float | None = None
    upper: float | None = None
    table: tuple[object, ...] = ()


@dataclass(frozen=True)
class NormalizeResult:
    """What a run computed: the resolved normalisation, the cells with a degree (valid) and the
    cells with a value but no degree (dropped), and the notes said as warnings."""

    request: NormalizeRequest
    normalization: Normalization
    valid_cells: int
    dropped_cells: int
    warnings: tuple[Message, ...] = ()

    @property
    def lower_used(self) -> float | None:
        """LOWER_USED: the lower control point in the raster's unit (None for the table and return periods)."""
        return float(self.normalization.lower) if self.normalization.uses_direction else None

    @property
    def upper_used(self) -> float | None:
        return float(self.normalization.upper) if self.normalization.uses_direction else None


def control_points(
    method: Method,
    lower: float | None,
    upper: float | None,
    grid: Grid,
    source: RasterSource,
    *,
    engine=None,
    progress: Progress = None,
    cancelled: CancelCheck = None,
    log: Callable[[Message], None] | None = None,
) -> tuple[float, float]:
    """Control points in raster units: given ones are kept, missing ones come from the data (one
    range pass, or the percentile summary's two passes, on `engine`)."""
    if method == Method.PERCENTILE:
        p_low, p_high = percentile_levels(lower, upper)
        _, _, summary = classify.summarise_raster(grid, source, progress, cancelled, engine=engine)
        low, high = (float(v) for v in classify.quantiles(summary, [p_low / 100.0, p_high / 100.0]))
        say(log, Message(tr("Percentiles {pl:g} % and {ph:g} %: {low:.6g} and {high:.6g}"), {"pl": p_low, "ph": p_high, "low": low, "high": high}))
        check_percentile_values(p_low, p_high, low, high)
        return low, high
    if lower is not None and upper is not None:
        return lower, upper
    vmin, vmax = classify.raster_range(grid, source, progress, cancelled, engine=engine)
    say(log, Message(tr("Data range: {low:.6g} to {high:.6g}"), {"low": vmin, "high": vmax}))
    return stretch_points(lower, upper, vmin, vmax)


def normalize_kernel(normalization: Normalization):
    """The block kernel: the degree of each cell, and (cells with a degree, cells dropped)."""

    def kernel(blocks):
        degree = normalization(blocks[0])
        return (degree,), (int(np.count_nonzero(~np.isnan(degree))), dropped_cells(blocks[0], degree))

    return kernel


def run(
    request: NormalizeRequest,
    *,
    engine=None,
    progress: Progress = None,
    cancelled: CancelCheck = None,
    log: Callable[[Message], None] | None = None,
    warn: Callable[[Message], None] | None = None,
    translate: Callable[[str], str] = str,
) -> NormalizeResult:
    """Normalise request.input into request.output.

    `log` receives the info lines (the data range or percentiles, the formula), `warn` the notes
    on dropped cells (both Messages; warn falls back to log); `translate` turns the output band's
    description into the user's language. Raises InputError as the Processing algorithm does
    (nothing is written then), Cancelled when `cancelled()` returns True.
    """
    source = RasterSource(request.input, int(request.band))
    grid = Grid.of(request.input)
    source.check_against(grid)
    method = Method(request.method)
    direction = Direction(request.direction)
    # the data passes take the first half (percentiles) or the first 30 % of the progress
    passes_end = 0.5 if method == Method.PERCENTILE else 0.3
    if method == Method.TABLE:
        normalization = Normalization(method, table=tuple(parse_table(list(request.table))))
    elif method == Method.RETURN_PERIOD:
        normalization = Normalization(method)
    else:
        lower, upper = control_points(
            method,
            request.lower,
            request.upper,
            grid,
            source,
            engine=engine,
            progress=scaled(progress, 0.0, passes_end),
            cancelled=cancelled,
            log=log,
        )
        normalization = Normalization(method, lower, upper, direction)
    if not normalization.uses_direction and direction == Direction.HIGHER_IS_LESS:
        say(log, Message(tr("The direction does not apply to this method; it was ignored.")))
    say(log, Message(tr("Formula: {formula}"), {"formula": normalization.formula()}))
    counts: list[tuple[int, int]] = []

    def check_valid() -> None:
        if sum(c[0] for c in counts) > 0:
            return
        if sum(c[1] for c in counts) == 0:
            raise InputError(tr("The raster has no valid cell (every cell is nodata)"))
        if method == Method.RETURN_PERIOD:
            raise InputError(tr("No cell holds a return period above 0 years: the result would have no valid cell"))
        raise InputError(tr("No row of the reclassification table matches a value of the raster: the result would have no valid cell"))

    run_blocks(
        grid,
        [source],
        normalize_kernel(normalization),
        [RasterSink(request.output, "float32", description=translate(tr("hazard degree 0–1")), compress=is_compressed(request.input))],
        on_result=counts.append,
        before_commit=check_valid,
        progress=scaled(progress, passes_end, 1.0),
        cancelled=cancelled,
        engine=engine,
    )
    valid = sum(c[0] for c in counts)
    dropped = sum(c[1] for c in counts)
    warnings = []
    if dropped:
        share = 100.0 * dropped / (dropped + valid)
        if method == Method.RETURN_PERIOD:
            template = tr(
                "{n} cells ({share:.3g} % of the valid cells) hold a return period of 0 years or less, which has no exceedance probability: "
                "they are nodata in the result"
            )
        else:
            template = tr("{n} cells ({share:.3g} % of the valid cells) match no row of the reclassification table: they are nodata in the result")
        warnings.append(Message(template, {"n": dropped, "share": share}))
    for message in warnings:
        say(warn or log, message)
    return NormalizeResult(request, normalization, int(valid), int(dropped), tuple(warnings))


# --- the batch job ---------------------------------------------------------------------------------


def parse(values: Mapping[str, Sequence[str]]) -> NormalizeRequest:
    """The request from `qgis_process run`-style text (see common/job_parameters.py). TABLE is the
    flat min, max, value list of a Processing matrix, comma-separated (an empty bound is unbounded:
    TABLE=,20,0.2,20,200,0.6,200,,1)."""
    p = JobParameters(ALGORITHM, values, PARAMETERS, required=("INPUT", "OUTPUT"))
    table = p.text("TABLE")
    return NormalizeRequest(
        input=p.path("INPUT"),
        output=p.path("OUTPUT"),
        band=p.integer("BAND", 1),
        method=Method(p.enum("METHOD", int(Method.MINMAX), METHOD_OPTIONS)),
        direction=Direction(p.enum("DIRECTION", int(Direction.HIGHER_IS_MORE), DIRECTION_OPTIONS)),
        lower=p.number("LOWER", None),
        upper=p.number("UPPER", None),
        table=tuple(v.strip() for v in VALUE_SEPARATORS.split(table)) if table.strip() else (),
    )


def outputs(result: NormalizeResult) -> dict:
    """The results as `qgis_process --json` prints them (plain Python values): OUTPUT, and the
    control points used for the methods that have them."""
    out: dict = {"OUTPUT": result.request.output}
    if result.normalization.uses_direction:
        out["LOWER_USED"] = result.lower_used
        out["UPPER_USED"] = result.upper_used
    return out


BATCH_JOB = BatchJob(ALGORITHM, parse=parse, run=run, outputs=outputs)
