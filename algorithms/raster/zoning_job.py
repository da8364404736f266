"""tsr:riskzoning as one job: the Processing algorithm and the batch command (tsr_batch.py) run
the same steps from here.

`grade_surface` is the run itself (the statistics pass, the breaks, the grade raster, the
minimum patch area, the areas per grade, the controlled zone and the goodness of fit) on an
engine (see engine/raster_io.run_blocks); `unit_table` measures the administrative units.
The Processing algorithm reads its layers and writes its sinks, styles and report with QGIS;
the batch job's `run` reads the units and writes the zones, the control lines and the table
with GDAL's Python bindings (vector_files), and writes no HTML report (its builder needs QGIS).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable, Mapping, Sequence

import numpy as np
from shapely.geometry.base import BaseGeometry

from ..common.job_parameters import JobParameters
from ..common.messages import InputError, Message, say, tr
from ..common.progress import CancelCheck, Cancelled, Progress, scaled
from ..common.vector_files import read_polygons, write_layer
from ..engine.batch import BatchJob
from ..engine.raster_io import Grid, RasterSink, RasterSource, is_compressed, run_blocks, write_array
from . import classify
from .classify import BreakMethod, grade
from .zoning import (
    GRADE_LABELS,
    ZoneRecord,
    check_classes,
    check_manual_breaks,
    check_min_area,
    control_lines,
    controlled_area_ha,
    empty_grades_note,
    grade_cell_counts,
    grade_raster,
    grade_zones,
    min_area_cells,
    sieve_grades,
    study_area_row,
    unit_area_rows,
    zone_records,
)

ALGORITHM = "riskzoning"
#: The options of METHOD, in its order (the Processing algorithm shows them translated).
METHOD_OPTIONS = (
    tr("Natural breaks (Fisher–Jenks)"),
    tr("Quantile"),
    tr("Equal interval"),
    tr("Standard deviation"),
    tr("Manual breaks"),
)
#: The parameters of tsr:riskzoning, in the algorithm's order.
PARAMETERS = (
    "INPUT",
    "CLASSES",
    "METHOD",
    "BREAKS",
    "MIN_AREA",
    "CONTROL_GRADE",
    "UNITS",
    "UNIT_FIELD",
    "OUTPUT",
    "OUTPUT_ZONES",
    "OUTPUT_LINES",
    "OUTPUT_TABLE",
    "OUTPUT_HTML",
)
#: Progress shares of grade_surface: the statistics passes, then the grading.
SUMMARY_END, GRADING_END = 35 / 65, 55 / 65

#: Fields of the output layers (name, kind), as the Processing sinks have them.
ZONE_FIELDS = (("grade", "int"), ("label", "string"), ("label_en", "string"), ("label_zh", "string"), ("area_ha", "double"), ("share_pct", "double"))
LINE_FIELDS = (("line_id", "int"), ("kind", "string"), ("min_grade", "int"), ("length_m", "double"))


def table_fields(k: int) -> tuple[tuple[str, str], ...]:
    """Fields of the area table: unit, grade1_ha … gradek_ha, total_ha, controlled_ha, controlled_pct."""
    return (
        (("unit", "string"),)
        + tuple((f"grade{g}_ha", "double") for g in range(1, k + 1))
        + tuple((name, "double") for name in ("total_ha", "controlled_ha", "controlled_pct"))
    )


@dataclass(frozen=True)
class ZoningRequest:
    """The parameters of tsr:riskzoning (names and defaults of the Processing algorithm).

    input: the risk surface (a raster file in a projected CRS); output: the grade raster.
    method: BreakMethod; breaks: the manual breaks' text (METHOD = manual); min_area: ha;
    control_grade: lowest grade of the controlled zone (None = the top grade). units /
    unit_field: administrative units (a vector file, batch only) and their name field.
    output_zones, output_lines, output_table: vector outputs (None = not written);
    output_html: the report (written by the Processing algorithm only).
    """

    input: str
    output: str
    classes: int = 5
    method: BreakMethod = BreakMethod.NATURAL_BREAKS
    breaks: str = ""
    min_area: float = 1.0
    control_grade: int | None = None
    units: str | None = None
    unit_field: str = ""
    output_zones: str | None = None
    output_lines: str | None = None
    output_table: str | None = None
    output_html: str | None = None


@dataclass(frozen=True, eq=False)
class ZoningResult:
    """What a zoning run computed. grades: the grade raster as written (uint8, 1 = lowest grade,
    0 = nodata; None when it was written strip by strip, see grade_surface's keep_grades);
    cells_per_grade[g] for g = 0 (nodata) … k; warnings: the notes said on the way."""

    request: ZoningRequest
    grid: Grid
    grades: np.ndarray | None
    breaks: classify.Breaks
    summary: classify.ValueSummary
    vmin: float
    vmax: float
    control_grade: int
    min_cells: int
    cells_per_grade: np.ndarray
    records: tuple[ZoneRecord, ...]
    controlled_ha: float
    gvf: float
    warnings: tuple[Message, ...] = ()
    #: the note naming the grades without a cell (zoning.empty_grades_note), said by the caller
    empty_note: Message | None = None
    #: batch only: the vector outputs written ({OUTPUT_NAME: path}) and the table's unit rows
    written: Mapping[str, str] = field(default_factory=dict)
    unit_rows: tuple[list, ...] | None = None

    @property
    def classes(self) -> int:
        return self.breaks.classes

    @property
    def breaks_used(self) -> str:
        """The breaks as BREAKS_USED gives them: exact (shortest round-trip) values, which fed back
        as BREAKS give the very same grades."""
        return classify.breaks_text(self.breaks)


def grade_surface(
    request: ZoningRequest,
    *,
    engine=None,
    progress: Progress = None,
    cancelled: CancelCheck = None,
    log: Callable[[Message], None] | None = None,
    warn: Callable[[Message], None] | None = None,
    translate: Callable[[str], str] = str,
    keep_grades: bool = True,
) -> ZoningResult:
    """Grade the risk surface and write the grade raster (request.output).

    In order: the number of grades and the manual breaks are checked, the valid cells are
    summarised (classify.summarise_raster, on `engine`), the breaks computed (their notes go to
    `warn`), the controlled zone and the minimum patch area checked against them, the surface
    graded block by block (on `engine`), patches below MIN_AREA merged (zoning.sieve_grades),
    and the grade raster written. `log` receives the info lines, `warn` the notes (both Messages); the
    note on empty grades is left in result.empty_note for the caller to say. `translate`: the
    grade raster's band description. `keep_grades` False: the caller needs no whole grade raster
    (no zones, lines or units); without a minimum patch area the strips are then written where
    they are graded (on the engine's workers) and only their counts per grade come back
    (result.grades is None). The file and the numbers are the same either way.
    Raises InputError as the Processing algorithm does, Cancelled when `cancelled()`.
    """
    warnings: list[Message] = []

    def note(message: Message) -> None:
        warnings.append(message)
        say(warn or log, message)

    grid = Grid.of(request.input)
    source = RasterSource(request.input)
    k = int(request.classes)
    check_classes(k)
    manual = None
    if request.method == BreakMethod.MANUAL:
        # the count of manual breaks must match CLASSES: never another number of grades
        manual = classify.manual_breaks(request.breaks)
        check_manual_breaks(len(manual.values), k)
    elif request.breaks.strip():
        say(log, Message(tr("The manual breaks are used only by the manual method; they were ignored.")))
    cells = min_area_cells(request.min_area, grid.cell_area)
    vmin, vmax, summary = classify.summarise_raster(grid, source, scaled(progress, 0.0, SUMMARY_END), cancelled, engine=engine)
    breaks = classify.method_breaks(request.method, summary, k, vmin, vmax, manual)
    for message in breaks.notes:
        note(message)
    if breaks.classes != k:
        raise InputError(tr("Only {got} grades can be formed from this raster instead of {k}; lower the number of grades"), got=breaks.classes, k=k)
    control_grade = k if request.control_grade is None else int(request.control_grade)
    if not 1 <= control_grade <= k:
        raise InputError(tr("The controlled zone starts at grade {g}, but there are only {k} grades"), g=control_grade, k=k)
    check_min_area(cells, summary.count, request.min_area, grid.cell_area)
    description = translate(tr("risk grade (1 = lowest)"))
    if cells <= 1 and not keep_grades:
        # nothing needs the whole raster: the strips are graded and written where they are
        # computed, and only their counts per grade come back
        grades = None
        cells_per_grade = _stream_grades(grid, source, breaks, k, description, request, scaled(progress, SUMMARY_END, 1.0), cancelled, engine)
    else:
        grades = grade_raster(grid, source, breaks, scaled(progress, SUMMARY_END, GRADING_END), cancelled, engine=engine)
        if cells > 1:
            say(log, Message(tr("Merging patches smaller than {ha:g} ha ({cells} cells)"), {"ha": request.min_area, "cells": cells}))
            grades = sieve_grades(grades, cells)
        if cancelled is not None and cancelled():
            raise Cancelled()
        write_array(
            request.output,
            grades,
            grid,
            nodata=0,
            description=description,
            compress=is_compressed(request.input),
            cog=getattr(engine, "cog", False),
            cancelled=cancelled,
        )
        cells_per_grade = grade_cell_counts(grades, k)
    if progress is not None:
        progress(1.0)
    empty = empty_grades_note(cells_per_grade, k, vmin, vmax, sieved=cells > 1)
    return ZoningResult(
        request,
        grid,
        grades,
        breaks,
        summary,
        vmin,
        vmax,
        control_grade,
        cells,
        cells_per_grade,
        tuple(zone_records(cells_per_grade, grid.cell_area, k)),
        controlled_area_ha(cells_per_grade, control_grade, grid.cell_area),
        float(classify.goodness_of_variance_fit(summary, breaks)),
        tuple(warnings),
        empty,
    )


def _stream_grades(grid, source, breaks, k, description, request, progress, cancelled, engine) -> np.ndarray:
    """Grade the strips and write them through a sink (run_blocks on `engine`); return the cells
    per grade, counts[g] for g = 0 (nodata) … k, summed over the strips."""
    counts = np.zeros(k + 1, dtype=np.int64)

    def kernel(blocks):
        g = grade(blocks[0], breaks)
        return [g], np.bincount(g.ravel(), minlength=k + 1)

    def add(part):
        counts[:] += part

    sink = RasterSink(request.output, "uint8", 0, description, is_compressed(request.input))
    run_blocks(grid, [source], kernel, [sink], on_result=add, progress=progress, cancelled=cancelled, engine=engine)
    return counts


def unit_table(
    result: ZoningResult,
    names: Sequence[str],
    geometries: Sequence[BaseGeometry | None],
    problems: Mapping[int, str],
    translate: Callable[[str], str] = str,
) -> tuple[list[list], list[tuple[str, str]], Message | None]:
    """The area table's rows of the units (zoning.unit_area_rows: one row per unit, in order, none
    dropped), the units with zero area and why ((name, reason); `problems` holds the reasons the
    reader found, by unit index; the reason found here is given through `translate`), and the
    note that lists them (None when every unit has cells).
    Raises InputError when no unit has a usable geometry."""
    if all(g is None for g in geometries):
        raise InputError(tr("The administrative unit layer has no usable geometry"))
    rows, empty = unit_area_rows(
        list(names), list(geometries), result.grades, result.grid.transform, result.classes, result.control_grade, result.grid.cell_area
    )
    reasons = dict(problems)
    for i in empty:
        reasons.setdefault(i, translate(tr("it holds no graded cell of the risk surface (outside it, over nodata, or smaller than a cell)")))
    listed = [(names[i], reason) for i, reason in sorted(reasons.items())]
    note = None
    if listed:
        note = Message(
            tr("{n} of {total} units have zero area in the table: {units}"),
            {"n": len(listed), "total": len(names), "units": "; ".join(f"{name}: {reason}" for name, reason in listed)},
        )
    return rows, listed, note


def study_table(result: ZoningResult, label: str) -> list[list]:
    """The area table without units: one row, `label` (the study area) and its areas."""
    return [[label] + study_area_row(list(result.records), result.control_grade)]


def table_row(row: Sequence) -> list:
    """A table row as the sinks store it: the name, then the areas rounded to 4 decimals."""
    return [row[0]] + [round(float(v), 4) for v in row[1:]]


# --- the batch job ---------------------------------------------------------------------------------


def parse(values: Mapping[str, Sequence[str]]) -> ZoningRequest:
    """The request from `qgis_process run`-style text (see common/job_parameters.py). OUTPUT_HTML
    is refused: the report's builder needs QGIS."""
    p = JobParameters(ALGORITHM, values, PARAMETERS, required=("INPUT", "OUTPUT"))
    if p.path("OUTPUT_HTML"):
        raise InputError(tr("The zoning report (OUTPUT_HTML) is written by QGIS only: leave OUTPUT_HTML out of the batch command"))
    if p.path("UNIT_FIELD") and not p.path("UNITS"):
        raise InputError(tr("UNIT_FIELD names a field of UNITS, which is not given"))
    return ZoningRequest(
        input=p.path("INPUT"),
        output=p.path("OUTPUT"),
        classes=p.integer("CLASSES", 5, 2, 9),
        method=BreakMethod(p.enum("METHOD", 0, METHOD_OPTIONS)),
        breaks=p.text("BREAKS"),
        min_area=p.number("MIN_AREA", 1.0, 0.0),
        control_grade=p.integer("CONTROL_GRADE", None, 1, 9),
        units=p.path("UNITS"),
        unit_field=p.text("UNIT_FIELD").strip(),
        output_zones=p.path("OUTPUT_ZONES"),
        output_lines=p.path("OUTPUT_LINES"),
        output_table=p.path("OUTPUT_TABLE"),
        output_html=None,
    )


def _read_units(request: ZoningRequest, grid: Grid, log) -> tuple[list[str], list, dict[int, str]]:
    crs_wkt = grid.crs.to_wkt() if grid.crs is not None else None
    units = read_polygons(request.units, crs_wkt, request.unit_field)
    if not units.ids:
        raise InputError(tr("The administrative unit layer has no features"))
    if not units.has_crs:
        say(
            log,
            Message(
                tr("The administrative unit layer has no coordinate reference system; its coordinates are taken to be in the risk surface's CRS")
            ),
        )
    if units.repaired:
        say(log, Message(tr("{n} unit geometries were invalid and were repaired (makeValid) before measuring"), {"n": units.repaired}))
    names = [str(v) if request.unit_field and v is not None else tr("unit {id}").format(id=fid) for fid, v in zip(units.ids, units.values)]
    return names, list(units.geometries), dict(units.problems)


def run(request: ZoningRequest, *, engine=None, progress: Progress = None, cancelled: CancelCheck = None, log=None, warn=None) -> ZoningResult:
    """The batch run: grade_surface, then the zones, the control lines and the area table (per
    unit when UNITS is given) written with GDAL (vector_files) where asked for. Without zones,
    lines, units and minimum patch area the grade raster is never held whole (see grade_surface)."""
    units = None
    if request.units:
        units = _read_units(request, Grid.of(request.input), log)  # refused before any pass, as in QGIS
    keep = bool(units or request.output_zones or request.output_lines)
    result = grade_surface(request, engine=engine, progress=scaled(progress, 0.0, 0.8), cancelled=cancelled, log=log, warn=warn, keep_grades=keep)
    if result.empty_note is not None:
        say(warn or log, result.empty_note)
    k, grid = result.classes, result.grid
    crs_wkt = grid.crs.to_wkt() if grid.crs is not None else None
    written: dict[str, str] = {}
    labels_en, labels_zh = GRADE_LABELS[k]
    if request.output_zones:
        zones = grade_zones(result.grades, grid.transform)
        rows = [
            (zones[r.grade], [r.grade, labels_en[r.grade - 1], r.label_en, r.label_zh, round(r.area_ha, 4), round(r.share_pct, 4)])
            for r in result.records
            if r.grade in zones
        ]
        written["OUTPUT_ZONES"] = write_layer(request.output_zones, ZONE_FIELDS, "multipolygon", crs_wkt, rows)
    if progress is not None:
        progress(0.85)
    if request.output_lines:
        lines = control_lines(result.grades, result.control_grade, grid.transform)
        rows = [(line, [i, kind, result.control_grade, round(line.length, 3)]) for i, (line, kind) in enumerate(lines, start=1)]
        written["OUTPUT_LINES"] = write_layer(request.output_lines, LINE_FIELDS, "linestring", crs_wkt, rows)
    if progress is not None:
        progress(0.9)
    unit_rows = None
    if units is not None:
        unit_rows, _, note = unit_table(result, *units)
        if note is not None:
            say(warn or log, note)
    if request.output_table:
        table = unit_rows if unit_rows is not None else study_table(result, tr("Study area"))
        written["OUTPUT_TABLE"] = write_layer(request.output_table, table_fields(k), "none", None, [(None, table_row(row)) for row in table])
    say(log, Message(tr("Breaks used: {breaks}"), {"breaks": result.breaks_used}))
    return replace(result, written=written, unit_rows=None if unit_rows is None else tuple(unit_rows))


def outputs(result: ZoningResult) -> dict:
    """The results as `qgis_process --json` prints them (plain Python values)."""
    out = {
        "OUTPUT": result.request.output,
        "BREAKS_USED": result.breaks_used,
        "CONTROLLED_AREA_HA": float(result.controlled_ha),
        "GVF": float(result.gvf),
    }
    out.update(result.written)
    return out


BATCH_JOB = BatchJob(ALGORITHM, parse=parse, run=run, outputs=outputs)
