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

from .messages import InputError, tr

#: Grade labels (lowest first) in English and Chinese for every supported number of classes; the
#: English ones are also translated for the interface (the Chinese column is fixed data).
GRADE_LABELS: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {
    2: ((tr("Low"), tr("High")), ("低", "高")),
    3: ((tr("Low"), tr("Medium"), tr("High")), ("低", "中", "高")),
    4: ((tr("Low"), tr("Relatively low"), tr("Relatively high"), tr("High")), ("低", "较低", "较高", "高")),
    5: ((tr("Low"), tr("Relatively low"), tr("Medium"), tr("Relatively high"), tr("High")), ("低", "较低", "中", "较高", "高")),
    6: ((tr("Very low"), tr("Low"), tr("Relatively low"), tr("Relatively high"), tr("High"), tr("Very high")), ("极低", "低", "较低", "较高", "高", "极高")),
    7: (
        (tr("Very low"), tr("Low"), tr("Relatively low"), tr("Medium"), tr("Relatively high"), tr("High"), tr("Very high")),
        ("极低", "低", "较低", "中", "较高", "高", "极高"),
    ),
    8: (
        (tr("Extremely low"), tr("Very low"), tr("Low"), tr("Relatively low"), tr("Relatively high"), tr("High"), tr("Very high"), tr("Extremely high")),
        ("特低", "极低", "低", "较低", "较高", "高", "极高", "特高"),
    ),
    9: (
        (tr("Extremely low"), tr("Very low"), tr("Low"), tr("Relatively low"), tr("Medium"), tr("Relatively high"), tr("High"), tr("Very high"), tr("Extremely high")),
        ("特低", "极低", "低", "较低", "中", "较高", "高", "极高", "特高"),
    ),
}

#: Colours for grades, green (low) to red (high), by number of classes (ColorBrewer RdYlGn, reversed).
GRADE_COLOURS: dict[int, tuple[str, ...]] = {
    2: ("#91cf60", "#d73027"),
    3: ("#91cf60", "#fee08b", "#d73027"),
    4: ("#1a9850", "#d9ef8b", "#fdae61", "#d73027"),
    5: ("#1a9850", "#a6d96a", "#ffffbf", "#fdae61", "#d7191c"),
    6: ("#1a9850", "#91cf60", "#d9ef8b", "#fee08b", "#fc8d59", "#d73027"),
    7: ("#1a9850", "#91cf60", "#d9ef8b", "#ffffbf", "#fee08b", "#fc8d59", "#d73027"),
    8: ("#006837", "#1a9850", "#66bd63", "#a6d96a", "#fdae61", "#f46d43", "#d73027", "#a50026"),
    9: ("#006837", "#1a9850", "#66bd63", "#a6d96a", "#ffffbf", "#fdae61", "#f46d43", "#d73027", "#a50026"),
}


def check_classes(k: int) -> None:
    if k not in GRADE_LABELS:
        raise InputError(tr("The number of classes must be between 2 and 9, got {k}"), k=k)


def min_area_cells(min_area_ha: float, cell_area_m2: float) -> int:
    """Cells in the smallest patch kept: ⌈MIN_AREA · 10 000 / cell area⌉ (0 = keep all)."""
    if min_area_ha <= 0:
        return 0
    return int(np.ceil(min_area_ha * 10_000.0 / cell_area_m2 - 1e-9))


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
        ZoneRecord(g, labels_en[g - 1], labels_zh[g - 1], float(cells_per_grade[g] * cell_area_m2 / 10_000.0), 100.0 * float(cells_per_grade[g]) / total)
        for g in range(1, k + 1)
    ]
