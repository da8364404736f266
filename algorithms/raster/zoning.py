"""Risk zoning: grades, minimum patch size, zone polygons, risk control lines, unit tables.

The grade raster is Byte (1 = lowest grade, 0 = nodata). Patches are 4-connected (cells sharing
an edge), as in GDAL's sieve and polygonize defaults. Sieving and polygonising need the
whole grade raster at once; at one byte per cell that is 64 MB for an 8000 × 8000 grid, while
the float risk surface itself is only ever read block by block.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import numpy as np
import rasterio.features
from affine import Affine
from shapely.geometry import LineString, MultiPolygon, Polygon, shape
from shapely.geometry.base import BaseGeometry

from ..common.messages import InputError, Message, tr
from ..common.progress import CancelCheck, Progress
from ..engine.raster_io import STRIP_CELLS, Grid, RasterSource, run_blocks
from .classify import Breaks, grade

#: Grade labels (lowest first) in English and Chinese for every supported number of classes; the
#: English ones are also translated for the interface (the Chinese column is fixed data).
GRADE_LABELS: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {
    2: ((tr("Low"), tr("High")), ("低", "高")),
    3: ((tr("Low"), tr("Medium"), tr("High")), ("低", "中", "高")),
    4: ((tr("Low"), tr("Relatively low"), tr("Relatively high"), tr("High")), ("低", "较低", "较高", "高")),
    5: ((tr("Low"), tr("Relatively low"), tr("Medium"), tr("Relatively high"), tr("High")), ("低", "较低", "中", "较高", "高")),
    6: (
        (tr("Very low"), tr("Low"), tr("Relatively low"), tr("Relatively high"), tr("High"), tr("Very high")),
        ("极低", "低", "较低", "较高", "高", "极高"),
    ),
    7: (
        (tr("Very low"), tr("Low"), tr("Relatively low"), tr("Medium"), tr("Relatively high"), tr("High"), tr("Very high")),
        ("极低", "低", "较低", "中", "较高", "高", "极高"),
    ),
    8: (
        (
            tr("Extremely low"),
            tr("Very low"),
            tr("Low"),
            tr("Relatively low"),
            tr("Relatively high"),
            tr("High"),
            tr("Very high"),
            tr("Extremely high"),
        ),
        ("特低", "极低", "低", "较低", "较高", "高", "极高", "特高"),
    ),
    9: (
        (
            tr("Extremely low"),
            tr("Very low"),
            tr("Low"),
            tr("Relatively low"),
            tr("Medium"),
            tr("Relatively high"),
            tr("High"),
            tr("Very high"),
            tr("Extremely high"),
        ),
        ("特低", "极低", "低", "较低", "中", "较高", "高", "极高", "特高"),
    ),
}


def check_classes(k: int) -> None:
    if k not in GRADE_LABELS:
        raise InputError(tr("The number of classes must be between 2 and 9, got {k}"), k=k)


def check_manual_breaks(breaks_given: int, k: int) -> None:
    """Manual breaks must define exactly the CLASSES grades asked for (k − 1 inner breaks).

    The count is never adjusted silently: a list of the wrong length is refused with the
    number of breaks that CLASSES needs and the number of grades the list would give.
    """
    if breaks_given != k - 1:
        raise InputError(
            tr(
                "{given} manual breaks were given, which make {grades} grades, but the number of grades is {k}: "
                "give {needed} increasing inner breaks, or set the number of grades to {grades}"
            ),
            given=breaks_given,
            grades=breaks_given + 1,
            k=k,
            needed=k - 1,
        )


def min_area_cells(min_area_ha: float, cell_area_m2: float) -> int:
    """Cells in the smallest patch kept: ⌈MIN_AREA · 10 000 / cell area⌉ (0 = keep all).

    Raises InputError for a negative or non-finite MIN_AREA.
    """
    if not (isinstance(min_area_ha, (int, float, np.floating, np.integer)) and np.isfinite(min_area_ha)) or min_area_ha < 0:
        raise InputError(tr("The minimum patch area must be a finite number of hectares, 0 or more; got {value}"), value=min_area_ha)
    if min_area_ha == 0:
        return 0
    return int(np.ceil(min_area_ha * 10_000.0 / cell_area_m2 - 1e-9))


def check_min_area(min_cells: int, valid_cells: int, min_area_ha: float, cell_area_m2: float) -> None:
    """MIN_AREA must be smaller than the valid area of the risk surface.

    A minimum patch at least as large as every valid cell together could only be met by one
    single patch of one grade, which sieving cannot guarantee (and GDAL's sieve refuses a
    size beyond the raster): it is refused with the valid area, so the planner can choose.
    """
    if min_cells > 1 and min_cells >= valid_cells:
        raise InputError(
            tr(
                "The minimum patch area ({min_area:g} ha) is not smaller than the whole valid area of the risk surface "
                "({valid_ha:g} ha, {cells} cells): no patch could be kept. Choose a minimum patch area below {valid_ha:g} ha, "
                "or 0 to keep every cell"
            ),
            min_area=float(min_area_ha),
            valid_ha=float(valid_cells * cell_area_m2 / 10_000.0),
            cells=int(valid_cells),
        )


def empty_grades(cells_per_grade: np.ndarray, k: int) -> list[int]:
    """Grades (1..k) that hold no cell."""
    return [g for g in range(1, k + 1) if int(cells_per_grade[g]) == 0]


def empty_grades_note(cells_per_grade: np.ndarray, k: int, vmin: float, vmax: float, sieved: bool) -> Message | None:
    """A note naming the empty grades, so that a table or map with fewer grades than asked
    never goes unexplained (breaks outside the data range, or patches merged by MIN_AREA)."""
    empty = empty_grades(cells_per_grade, k)
    if not empty:
        return None
    template = (
        tr(
            "Grades {grades} of {k} hold no cell (the data range from {vmin:.6g} to {vmax:.6g} does not reach them, or their patches were merged by "
            "the minimum patch area)"
        )
        if sieved
        else tr("Grades {grades} of {k} hold no cell: no value of the data range from {vmin:.6g} to {vmax:.6g} falls between their breaks")
    )
    return Message(template, {"grades": ", ".join(str(g) for g in empty), "k": k, "vmin": float(vmin), "vmax": float(vmax)})


def sieve_grades(grades: np.ndarray, min_cells: int) -> np.ndarray:
    """Merge 4-connected patches of fewer than `min_cells` cells into their largest neighbour.

    GDAL's sieve filter (GDALSieveFilter); nodata (0) cells neither move nor absorb patches.
    """
    if min_cells <= 1:
        return grades
    valid = grades > 0
    out = rasterio.features.sieve(grades, size=min_cells, mask=valid, connectivity=4)
    out[~valid] = 0
    return out


def grade_zones(grades: np.ndarray, transform: Affine) -> dict[int, MultiPolygon]:
    """Dissolved zone per grade: the union of its 4-connected polygons (they touch at most at corners)."""
    parts: dict[int, list[Polygon]] = {}
    for geometry, value in rasterio.features.shapes(grades, mask=grades > 0, connectivity=4, transform=transform):
        parts.setdefault(int(value), []).append(shape(geometry))
    return {g: MultiPolygon(polys) for g, polys in sorted(parts.items())}


def control_lines(grades: np.ndarray, control_grade: int, transform: Affine) -> list[tuple[LineString, str]]:
    """Risk control lines: every ring of the controlled zone (grades ≥ control_grade).

    Returns (line, kind) with kind "outer" for an outer boundary and "inner" for the edge of an
    enclave of lower risk inside the zone; collinear vertices of the cell staircase are removed.
    """
    controlled = (grades >= control_grade).astype(np.uint8)
    lines: list[tuple[LineString, str]] = []
    for geometry, _ in rasterio.features.shapes(controlled, mask=controlled == 1, connectivity=4, transform=transform):
        polygon = shape(geometry)
        lines.append((LineString(polygon.exterior.coords).simplify(0), "outer"))
        lines.extend((LineString(ring.coords).simplify(0), "inner") for ring in polygon.interiors)
    return lines


def rasterize_units(units: Iterable[BaseGeometry], shape_: tuple[int, int], transform: Affine) -> np.ndarray:
    """Unit number (1-based, in input order; 0 = outside) of each cell, by cell centre."""
    pairs = [(geom, i + 1) for i, geom in enumerate(units) if geom is not None and not geom.is_empty]
    if not pairs:
        return np.zeros(shape_, dtype=np.int32)
    return rasterio.features.rasterize(pairs, out_shape=shape_, transform=transform, fill=0, dtype="int32")


def unit_grade_cells(grades: np.ndarray, unit_ids: np.ndarray, n_units: int, n_classes: int) -> np.ndarray:
    """Cell counts, shape (n_units, n_classes): row u−1 = unit u, column g−1 = grade g."""
    inside = (unit_ids > 0) & (grades > 0)
    flat = (unit_ids[inside].astype(np.int64) - 1) * n_classes + (grades[inside].astype(np.int64) - 1)
    return np.bincount(flat, minlength=n_units * n_classes).reshape(n_units, n_classes)


@dataclass(frozen=True)
class ZoneRecord:
    grade: int
    label_en: str
    label_zh: str
    area_ha: float
    share_pct: float


def zone_records(cells_per_grade: np.ndarray, cell_area_m2: float, k: int) -> list[ZoneRecord]:
    """Area and share of each grade from its cell count (cells_per_grade[g] for g = 1..k)."""
    labels_en, labels_zh = GRADE_LABELS[k]
    total = max(int(cells_per_grade[1 : k + 1].sum()), 1)
    return [
        ZoneRecord(
            g, labels_en[g - 1], labels_zh[g - 1], float(cells_per_grade[g] * cell_area_m2 / 10_000.0), 100.0 * float(cells_per_grade[g]) / total
        )
        for g in range(1, k + 1)
    ]


def unit_area_rows(
    names: list[str],
    geometries: list[BaseGeometry | None],
    grades: np.ndarray,
    transform: Affine,
    k: int,
    control_grade: int,
    cell_area_m2: float,
) -> tuple[list[list], list[int]]:
    """Area per grade (ha) of every unit, in input order, none left out.

    Row: [name, grade1_ha … gradek_ha, total_ha, controlled_ha, controlled_pct], with
    controlled = grades ≥ control_grade and controlled_pct = 100·controlled/total (0 when the
    unit holds no cell). A unit without a geometry (None or empty) or whose polygon holds no
    cell centre of a graded cell keeps its row with zero areas; the indices of those units are
    returned as well, so that the caller can say why (they are never dropped silently).
    """
    ids = rasterize_units(geometries, grades.shape, transform)
    counts = unit_grade_cells(grades, ids, len(geometries), k)
    ha = cell_area_m2 / 10_000.0
    rows, empty = [], []
    for i, (name, row) in enumerate(zip(names, counts)):
        total = float(row.sum()) * ha
        controlled = float(row[control_grade - 1 :].sum()) * ha
        rows.append([name] + [float(c) * ha for c in row] + [total, controlled, 100.0 * controlled / total if total else 0.0])
        if not row.any():
            empty.append(i)
    return rows, empty


def controlled_area_ha(cells_per_grade: np.ndarray, control_grade: int, cell_area_m2: float) -> float:
    """Area (ha) of the controlled zone, the cells of grade ≥ control_grade: Σ cells · m² / 10 000."""
    return float(cells_per_grade[control_grade:].sum()) * cell_area_m2 / 10_000.0


def study_area_row(records: list[ZoneRecord], control_grade: int) -> list[float]:
    """The table row of the whole study area when no units are given, as unit_area_rows' rows
    without the name: [grade1_ha … gradek_ha, total_ha, controlled_ha, controlled_pct]."""
    total = sum(r.area_ha for r in records)
    controlled = sum(r.area_ha for r in records if r.grade >= control_grade)
    return [r.area_ha for r in records] + [total, controlled, 100.0 * controlled / total if total else 0.0]


def grade_raster(
    grid: Grid,
    source: RasterSource,
    breaks: Breaks,
    progress: Progress = None,
    cancelled: CancelCheck = None,
    cells_per_block: int = STRIP_CELLS,
    *,
    engine=None,
) -> np.ndarray:
    """The whole grade raster (uint8, 1 = lowest grade, 0 = nodata) of `source` on `grid`, graded
    block by block (classify.grade, on `engine`: see raster_io.run_blocks); the float surface is
    never held whole, each graded window comes back with its place on the grid."""
    grades = np.empty((grid.height, grid.width), dtype=np.uint8)

    def kernel(blocks):
        row, column, _ = blocks.origin
        return (), (row, column, grade(blocks[0], breaks))

    def place(extra) -> None:
        row, column, block = extra
        grades[row : row + block.shape[0], column : column + block.shape[1]] = block

    run_blocks(grid, [source], kernel, on_result=place, progress=progress, cancelled=cancelled, cells_per_block=cells_per_block, engine=engine)
    return grades


def grade_cell_counts(grades: np.ndarray, k: int) -> np.ndarray:
    """Cells of each grade: counts[g] for g = 0 (nodata) … k."""
    return np.bincount(grades.ravel(), minlength=k + 1)
