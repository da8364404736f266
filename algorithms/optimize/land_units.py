"""Planning units of tsr:landallocation (land_allocation.py): what each unit brings to the
optimisation — area, current use, locked flag, suitability per use, risk, population and its
neighbours — from the units' fields and from rasters, and the use names written back.

Units are polygons (parcels …) or the square blocks of a grid over a reference raster:
- raster values per unit are zonal means (algorithms/raster/zonal.py) of the cells whose centres
  fall inside; a polygon that holds no cell centre takes the cell under a point on its surface;
- the current use may come from a class raster: the unit's majority class (ties: the smallest
  class value), mapped to a use by CURRENT_USE_CLASSES; a class of no use is "other" (−1);
- areas are in hectares: polygon area (m²) / 10 000, a grid block's area the number of reference
  cells with data in it × the cell area (m²) / 10 000;
- adjacency: the shared boundary length (m) between polygons (adjacency.polygon_adjacency), the
  4-neighbourhood (weight 1) between grid blocks (land_allocation.grid_adjacency), both kept only
  between the units that remain.

Hostile input: a NULL or NaN suitability means the use may not go on the unit; a NULL or NaN risk
is refused with the units named; a use no unit may take, a grid above 4 × MAX_UNITS blocks, more
than MAX_UNITS units or a reference raster without data are refused. Reading the polygons (QGIS
side, processing_provider/common/land_units_input.py) refuses units without geometry and NULL
populations, named, and counts locked zones without geometry in a warning.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Optional, Sequence

import numpy as np
import scipy.sparse as sp
from rasterio.enums import Resampling
from shapely.geometry.base import BaseGeometry

from ..common.messages import InputError, Message, fmt, say, tr
from ..common.parsing import matrix_rows, parse_classes, parse_flag, use_key
from ..common.progress import CancelCheck, Progress
from ..engine.raster_io import Grid, RasterSource
from ..raster.zonal import BlockGrid, polygon_labeller, sample_points, window_of, zonal_statistics
from .adjacency import polygon_adjacency
from .land_allocation import LandAllocationProblem, Objective, grid_adjacency

#: The use name written for units given none of the planned uses.
OTHER = "other"
#: Units beyond which a run is refused (memory), and beyond which the log warns that it is slow.
MAX_UNITS = 200_000
SLOW_UNITS = 20_000

#: Column of OUTPUT_PARETO for each objective (the exposure one depends on POPULATION_FIELD).
PARETO_COLUMNS = {Objective.SUITABILITY: "suitability", Objective.COMPACTNESS: "compactness", Objective.CONVERSIONS: "converted_ha"}

Log = Optional[Callable[[Message], None]]


@dataclass
class Units:
    """The planning units as the optimisation sees them, n units and k uses (SUITABILITY's order):
    names (for messages), area (ha), current use index (−1: other) and its text as read (a field
    value or the majority class's use; "" for none), locked flags, suitability n × k (NaN: the use
    may not go there), risk (0–1, None without one), population (persons, None without one),
    adjacency (n × n, symmetric) and, for a grid, the (row, column) of each unit's block."""

    names: list[str]
    area: np.ndarray
    current: np.ndarray
    current_text: list[str]
    locked: np.ndarray
    suitability: np.ndarray
    risk: np.ndarray | None
    population: np.ndarray | None
    adjacency: sp.csr_matrix
    grid_cells: list[tuple[int, int]] | None = None


@dataclass(frozen=True)
class UnitInputs:
    """Where the values of the planning units come from: the uses (SUITABILITY's order), fields of
    the units ("" when not given) and rasters (file paths): `reference` the raster every other one
    is aligned to (None without rasters) and `reference_name` its layer name for messages,
    `raster_paths` the rasters averaged over the units, the reference first, `suit_rasters` the
    raster of each use given one; `classes` the class value → use index of CURRENT_USE_CLASSES."""

    uses: list[str]
    reference: str | None
    reference_name: str
    raster_paths: list[str]
    suit_fields: dict[int, str]
    suit_rasters: dict[int, str]
    risk_field: str
    risk_path: str | None
    population_field: str
    current_field: str
    current_path: str | None
    classes: dict[float, int] | None
    locked_field: str


@dataclass
class FieldValues:
    """What the units' fields give, one entry per unit (n units, k uses): names, area (ha), the
    current use's text ("" for none), locked flags, suitability n × k (NaN where no field gives
    it), risk and population (None when not read from fields)."""

    names: list[str]
    area: np.ndarray
    current_text: list[str]
    locked: np.ndarray
    suitability: np.ndarray
    risk: np.ndarray | None
    population: np.ndarray | None


def check_risk(raster: bool, field: bool, objectives: Sequence[Objective], development: Sequence[int]) -> None:
    """The risk comes from a raster (RISK) or a field (RISK_FIELD), not both; the risk exposure
    objective needs one of them and at least one development use."""
    if raster and field:
        raise InputError(tr("Give the risk either as a raster (RISK) or as a field (RISK_FIELD), not both"))
    if Objective.RISK_EXPOSURE in objectives and not raster and not field:
        raise InputError(tr("The risk exposure objective needs the risk: give RISK (a 0–1 raster, e.g. the multi-hazard index) or RISK_FIELD"))
    if Objective.RISK_EXPOSURE in objectives and not development:
        raise InputError(tr("The risk exposure objective needs DEVELOPMENT_USES: the uses whose land counts as exposed (e.g. urban)"))


def current_classes(field: bool, raster: bool, classes_text: str, uses: Sequence[str]) -> dict[float, int] | None:
    """The current use comes from a field (CURRENT_USE_FIELD) or a class raster (CURRENT_USE_RASTER),
    not both; with the raster, the class value → use index of CURRENT_USE_CLASSES
    (parsing.parse_classes), else None, and CURRENT_USE_CLASSES must then be empty."""
    if field and raster:
        raise InputError(tr("Give the current use either as a field (CURRENT_USE_FIELD) or as a raster (CURRENT_USE_RASTER), not both"))
    if raster:
        return parse_classes(classes_text, uses)
    if matrix_rows(classes_text):
        raise InputError(tr("CURRENT_USE_CLASSES is given without CURRENT_USE_RASTER"))
    return None


def raster_plan(suit_paths: Sequence[str], risk_path: str | None, current_path: str | None) -> tuple[str | None, list[str]]:
    """The reference raster (the first suitability raster, else the risk, else the current use
    raster; None without rasters) and the rasters averaged over the units: the reference first,
    then the suitability rasters and the risk, each once."""
    reference = next(iter(suit_paths), None) or risk_path or current_path
    paths: list[str] = []
    for path in ([reference] if reference else []) + list(suit_paths) + ([risk_path] if risk_path else []):
        if path not in paths:
            paths.append(path)
    return reference, paths


def truthy(value, unit: str) -> bool:
    """A LOCKED_FIELD value (parsing.parse_flag; None for NULL): numbers ≠ 0 and yes/true/1 words
    lock; NULL, 0, no/false do not; other text is refused with the unit named."""
    flag = parse_flag(value)
    if flag is None:
        raise InputError(tr("LOCKED_FIELD holds '{value}' for unit {unit}; use 1/0, true/false or yes/no"), value=value, unit=unit)
    return flag


def field_text(value) -> str:
    """A current-use field value as text: "" for None (NULL), whole floats without decimals
    (3.0 → "3", so a numeric class matches the use named "3")."""
    if value is None:
        return ""
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def current_uses(texts: Sequence[str], uses: Sequence[str]) -> np.ndarray:
    """Index of the use each text names (parsing.use_key: trimmed, case-insensitive), −1 for blank
    text or a name that is not a use."""
    keys = [use_key(u) for u in uses]
    return np.array([keys.index(use_key(t)) if t.strip() and use_key(t) in keys else -1 for t in texts], dtype=np.int64)


def classes_to_uses(majority: np.ndarray, classes: dict[float, int], uses: Sequence[str]) -> tuple[np.ndarray, list[str]]:
    """Use index (−1: a class of no use, or NaN: no class) and use name ("" for −1) of each unit's
    majority class."""
    current = np.array([classes.get(float(v), -1) if math.isfinite(v) else -1 for v in majority], dtype=np.int64)
    return current, [uses[c] if c >= 0 else "" for c in current]


def raster_sources(inputs: UnitInputs, grid: Grid) -> tuple[list[RasterSource], RasterSource | None]:
    """The rasters averaged over the units (bilinear onto `grid`) and the class raster (nearest
    neighbour), each checked against `grid`."""
    sources = [RasterSource(p) for p in inputs.raster_paths]
    class_source = RasterSource(inputs.current_path, resampling=Resampling.nearest) if inputs.current_path else None
    for s in sources + ([class_source] if class_source else []):
        s.check_against(grid)
    return sources, class_source


def polygon_units(
    values: FieldValues,
    shapes: Sequence[BaseGeometry],
    in_raster: Sequence[BaseGeometry] | None,
    inputs: UnitInputs,
    *,
    log: Log = None,
    progress: Progress = None,
    cancelled: CancelCheck = None,
) -> Units:
    """Polygon units: the field values, completed by the zonal means of the rasters over
    `in_raster` (the same polygons in the reference raster's CRS; None without rasters), and the
    shared boundary lengths of `shapes` (the units' CRS, metres) as adjacency. A polygon holding no
    cell centre takes the cells under its representative point. The class raster, when given,
    replaces the field's current use."""
    suitability = values.suitability.copy()
    risk = values.risk
    current_text = list(values.current_text)
    current = current_uses(current_text, inputs.uses)
    if inputs.reference is not None and in_raster is not None:
        grid = Grid.of(inputs.reference)
        sources, class_source = raster_sources(inputs, grid)
        bounds = np.array([s.bounds for s in in_raster if not s.is_empty], dtype=float).reshape(-1, 4)
        window = window_of(grid, (bounds[:, 0].min(), bounds[:, 1].min(), bounds[:, 2].max(), bounds[:, 3].max())) if len(bounds) else None
        if window is None:
            raise InputError(tr("The planning units do not overlap the raster '{name}'"), name=inputs.reference_name)
        say(log, Message(tr("Zonal means of {count} raster(s) over the units (cells whose centres fall inside)"), {"count": len(sources)}))
        zonal = zonal_statistics(
            grid, polygon_labeller(in_raster, grid), len(in_raster), sources, class_source, window, progress=progress, cancelled=cancelled
        )
        mean, majority = zonal.mean.copy(), zonal.majority.copy() if zonal.majority is not None else None
        small = np.flatnonzero(zonal.cells == 0)
        if small.size:  # no cell centre inside: the cell under a point on the unit's surface
            points = [in_raster[i].representative_point() for i in small]
            everything = sources + ([class_source] if class_source else [])
            sampled = sample_points(grid, everything, [p.x for p in points], [p.y for p in points])
            mean[small] = sampled[:, : len(sources)]
            if class_source:
                majority[small] = sampled[:, len(sources)]
            say(log, Message(tr("{count} units hold no raster cell centre: the cell under a point inside each is used"), {"count": int(small.size)}))
        column = {p: j for j, p in enumerate(inputs.raster_paths)}
        for u, path in inputs.suit_rasters.items():
            suitability[:, u] = mean[:, column[path]]
        if inputs.risk_path:
            risk = mean[:, column[inputs.risk_path]]
        if class_source:
            current, current_text = classes_to_uses(majority, inputs.classes, inputs.uses)
    if progress is not None:
        progress(1.0)
    say(log, Message(tr("Finding neighbouring units (shared boundaries)")))
    adjacency = polygon_adjacency(shapes, cancelled=cancelled)
    isolated = int(np.count_nonzero(np.diff(adjacency.indptr) == 0))
    if isolated:
        say(log, Message(tr("{count} units share no boundary with another unit"), {"count": isolated}))
    return Units(list(values.names), values.area, current, current_text, values.locked, suitability, risk, values.population, adjacency)


def grid_units(
    inputs: UnitInputs,
    cell_size: float,
    unit_name: Callable[[int, int], str],
    *,
    log: Log = None,
    progress: Progress = None,
    cancelled: CancelCheck = None,
) -> tuple[Units, BlockGrid]:
    """Grid units: square blocks of `cell_size` (m) over the reference raster (zonal.BlockGrid),
    those holding at least one reference cell with data; block means of the rasters, majority
    class, area = cells with data × cell area / 10 000 (ha), 4-neighbour adjacency among the kept
    blocks; none locked, no population. `unit_name(row, col)` names a block in messages. Also
    returns the BlockGrid (its `bounds` give each unit's rectangle)."""
    grid = Grid.of(inputs.reference)
    blocks = BlockGrid.over(grid, cell_size)
    if blocks.zones > 4 * MAX_UNITS:
        raise InputError(
            tr("A {size:g} m grid over '{name}' has {n} cells; choose a larger CELL_SIZE"), size=cell_size, name=inputs.reference_name, n=blocks.zones
        )
    sources, class_source = raster_sources(inputs, grid)
    say(
        log,
        Message(
            tr("A grid of {rows} × {cols} cells of {size:g} m over '{name}'; block means of {count} raster(s)"),
            {"rows": blocks.rows, "cols": blocks.cols, "size": cell_size, "name": inputs.reference_name, "count": len(sources)},
        ),
    )
    zonal = zonal_statistics(grid, blocks.labeller(grid), blocks.zones, sources, class_source, progress=progress, cancelled=cancelled)
    keep = np.flatnonzero(zonal.valid[:, 0] > 0)  # cells with data in the reference raster
    if keep.size == 0:
        raise InputError(tr("The raster '{name}' has no cell with data"), name=inputs.reference_name)
    column = {p: j for j, p in enumerate(inputs.raster_paths)}
    suitability = np.full((keep.size, len(inputs.uses)), np.nan)
    for u, path in inputs.suit_rasters.items():
        suitability[:, u] = zonal.mean[keep, column[path]]
    risk = zonal.mean[keep, column[inputs.risk_path]] if inputs.risk_path else None
    if class_source:
        current, current_text = classes_to_uses(zonal.majority[keep], inputs.classes, inputs.uses)
    else:
        current, current_text = np.full(keep.size, -1, dtype=np.int64), [""] * keep.size
    area = zonal.valid[keep, 0] * grid.cell_area / 10_000.0
    adjacency = grid_adjacency(blocks.rows, blocks.cols)[keep][:, keep]
    cells = [divmod(z, blocks.cols) for z in keep.tolist()]
    units = Units(
        [unit_name(row, col) for row, col in cells],
        area,
        current,
        current_text,
        np.zeros(keep.size, dtype=bool),
        suitability,
        risk,
        None,
        sp.csr_matrix(adjacency),
        cells,
    )
    return units, blocks


def check_count(n: int) -> Message | None:
    """Refuse more than MAX_UNITS units; a note (to warn with) above SLOW_UNITS."""
    if n > MAX_UNITS:
        raise InputError(tr("{n} units are too many (at most {max}); use a larger CELL_SIZE or fewer parcels"), n=n, max=MAX_UNITS)
    if n > SLOW_UNITS:
        return Message(tr("{n} units: the optimisation will be slow; a larger CELL_SIZE or fewer generations shortens it"), {"n": n})
    return None


def summary(units: Units) -> Message:
    """The units' count and total area (ha), and the count and area (ha) of the locked ones."""
    return Message(
        tr("{n} units, {area} ha; {locked} locked ({locked_area} ha)"),
        {
            "n": len(units.area),
            "area": fmt(float(units.area.sum())),
            "locked": int(units.locked.sum()),
            "locked_area": fmt(float(units.area[units.locked].sum())),
        },
    )


def check_values(units: Units, uses: Sequence[str]) -> None:
    """Refuse units without a risk value (NULL or NaN; the first five named) and a use that no
    unit has a suitability for."""
    if units.risk is not None:
        missing = np.flatnonzero(~np.isfinite(units.risk))
        if missing.size:
            raise InputError(
                tr("{count} units have no risk value (NULL, or no raster data within them), e.g. {units}"),
                count=int(missing.size),
                units=", ".join(units.names[i] for i in missing[:5]),
            )
    for u, name in enumerate(uses):
        if int(np.count_nonzero(np.isnan(units.suitability[:, u]))) == len(units.area):
            raise InputError(tr("No unit has a suitability value for '{use}' (all NULL or no raster data)"), use=name)


def use_text(x: np.ndarray, units: Units, uses: Sequence[str]) -> list[str]:
    """Use names of an allocation x (use index per unit, −1 other): a planned use's name; an
    "other" unit whose current use is none of the planned ones keeps its current text (e.g.
    water), else OTHER."""
    return [
        uses[v] if v >= 0 else (units.current_text[i] if units.current[i] < 0 and units.current_text[i].strip() else OTHER)
        for i, v in enumerate(x.tolist())
    ]


def current_use_text(units: Units, uses: Sequence[str]) -> list[str]:
    """The current use of each unit as written: the planned use's name, else its text as read,
    else OTHER."""
    return [uses[c] if c >= 0 else (units.current_text[i] or OTHER) for i, c in enumerate(units.current.tolist())]


def allocation_problem(
    units: Units, uses: Sequence[str], demand: np.ndarray, tolerance: np.ndarray, objectives: Sequence[Objective], development: Sequence[int]
) -> LandAllocationProblem:
    """The optimisation problem of these units (LandAllocationProblem.build): demand and tolerance
    in ha per use, the development uses' indices; a risk of 0 everywhere when the units have none
    (the exposure objective then needs none)."""
    return LandAllocationProblem.build(
        area=units.area,
        current=units.current,
        locked=units.locked,
        suitability=units.suitability,
        risk=units.risk if units.risk is not None else np.zeros(len(units.area)),
        adjacency=units.adjacency,
        demand=demand,
        tolerance=tolerance,
        objectives=tuple(objectives),
        development_uses=development,
        population=units.population,
        use_names=uses,
    )


def pareto_column(objective: Objective, with_population: bool) -> str:
    """The OUTPUT_PARETO column of an objective: exposure in persons (exposed_population) with a
    population, else in ha (exposed_area_ha)."""
    if objective == Objective.RISK_EXPOSURE:
        return "exposed_population" if with_population else "exposed_area_ha"
    return PARETO_COLUMNS[objective]
