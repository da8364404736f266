"""Land-use control lines: the ecological protection red line and permanent basic farmland."""

import math

import numpy as np
from scipy import ndimage
from shapely.geometry import box
from shapely.ops import unary_union

from .geometry import clean, polygons
from .grid import CX, CY, XMIN, YMIN, patches
from .landcover import BUILT_UP, CROPLAND, FOREST, WATER
from .names import RIVER_NAME

RED_LINE_SHARE = 0.30  # of the county that qualifies as important forest, before smoothing
FARM_TILE = 450.0  # m, farmland is cut into plots on this grid
_DIRECTIONS = [("Dongshan", "东山"), ("Beishan", "北山"), ("Xishan", "西山"), ("Nanshan", "南山")]


def _vectorise(grid, mask, boundary, tolerance, exclude=None):
    """Clean polygonal geometries of the regions of mask: simplified by `tolerance` m, clipped
    to the county and, if given, with `exclude` removed."""
    for g in grid.polygons(mask):
        g = g.simplify(tolerance, preserve_topology=True).intersection(boundary)
        if exclude is not None:
            g = g.difference(exclude)
        yield clean(g)


def _upland_mask(grid, inside, terrain, landcover, towns, villages):
    """Cells of the forest red line: forest whose importance max(smoothed slope / 22°,
    (z − 150 m) / 350 m) reaches 1, or the threshold that lets RED_LINE_SHARE of the county
    qualify if that is lower; smoothed (Gaussian σ 3 cells > 0.45, opening), kept 300 m from
    towns and 150 m from villages and off cropland and built-up land, holes < 0.1 km² filled,
    patches < 0.5 km² dropped."""
    lc = landcover.classes
    importance = np.maximum(terrain.slope_smooth / 22.0, (terrain.dem - 150.0) / 350.0)
    forest_ok = (lc == FOREST) & inside
    target = int(RED_LINE_SHARE * inside.sum())
    vals = np.sort(importance[forest_ok])[::-1]
    thr = 1.0 if vals.size <= target else min(1.0, float(vals[target]))
    forest_steep = forest_ok & (importance >= thr)
    away = ~grid.mask([t.footprint.buffer(300.0) for t in towns] + [v.poly.buffer(150.0) for v in villages])
    up = ndimage.gaussian_filter(forest_steep.astype(float), 3.0) > 0.45
    up = ndimage.binary_opening(up, iterations=2) & away & inside & (lc != CROPLAND) & (lc != BUILT_UP)
    cell_area = grid.cell**2
    up = up | patches(ndimage.binary_fill_holes(up) & ~up, lambda n: n * cell_area < 0.1e6)
    return patches(up, lambda n: n * cell_area >= 0.5e6)


def red_line(grid, inside, boundary, terrain, landcover, towns, villages):
    """(features of the `ecological_red_line` layer, their union).

    Forest patches ≥ 0.3 km² (water conservation where their mean elevation is ≥ 450 m, else
    soil and water conservation), largest first, named after their direction from the county
    centre; then the riparian wetland stretch (wetland and river water) as biodiversity
    maintenance, parts > 2 ha.
    """
    uplands = [
        p
        for g in _vectorise(grid, _upland_mask(grid, inside, terrain, landcover, towns, villages), boundary, grid.cell * 0.7)
        for p in polygons(g)
        if p.area >= 0.3e6
    ]
    uplands.sort(key=lambda p: -p.area)
    wet = (landcover.wetland | ((landcover.classes == WATER) & landcover.wetland_stretch)) & inside
    wetlands = [p for g in _vectorise(grid, wet, boundary, grid.cell * 0.5) for p in polygons(g) if p.area > 2e4]
    rows = []
    for i, p in enumerate(uplands, start=1):
        rp = p.representative_point()
        mask_p = grid.mask([p])
        zmean = float(terrain.dem[mask_p].mean()) if mask_p.any() else float(grid.sample(terrain.dem, rp.x, rp.y))
        water = zmean >= 450.0
        cat = "water conservation 水源涵养" if water else "soil and water conservation 水土保持"
        ang = math.degrees(math.atan2(rp.y - CY, rp.x - CX)) % 360.0
        d_py, d_cn = _DIRECTIONS[int(((ang + 45.0) % 360.0) // 90.0)]
        kind_py, kind_cn = ("water-conservation forest", "水源涵养林") if water else ("soil-conservation forest", "水土保持林")
        rows.append((p, {"redline_id": i, "name": f"{d_py} {kind_py} {i} {d_cn}{kind_cn}{i}号", "category": cat, "area_ha": round(p.area / 1e4, 2)}))
    for j, p in enumerate(wetlands, start=1):
        suffix = f" {j}" if j > 1 else ""
        rows.append(
            (
                p,
                {
                    "redline_id": len(rows) + 1,
                    "name": f"{RIVER_NAME} riparian wetland 松河河流湿地{suffix}",
                    "category": "biodiversity maintenance (riparian wetland) 生物多样性维护（河湖湿地）",
                    "area_ha": round(p.area / 1e4, 2),
                },
            )
        )
    return rows, unary_union([g for g, _ in rows])


def _tiles(g):
    """Parts of g ≥ 3 000 m² on the FARM_TILE grid anchored at (XMIN, YMIN)."""
    minx, miny, maxx, maxy = g.bounds
    i0, i1 = int((minx - XMIN) // FARM_TILE), int((maxx - XMIN) // FARM_TILE)
    j0, j1 = int((miny - YMIN) // FARM_TILE), int((maxy - YMIN) // FARM_TILE)
    parts = []
    for i in range(i0, i1 + 1):
        for j in range(j0, j1 + 1):
            tile = box(XMIN + i * FARM_TILE, YMIN + j * FARM_TILE, XMIN + (i + 1) * FARM_TILE, YMIN + (j + 1) * FARM_TILE)
            parts += [p for p in polygons(clean(g.intersection(tile))) if p.area >= 3000.0]
    return parts


def basic_farmland(grid, inside, boundary, terrain, landcover, flood, red_union, excluded, townships):
    """Features of the `basic_farmland` layer.

    Cropland with smoothed slope < 6°, below 320 m, outside the 5-year floodway, the red line
    and built-up land (opened once, patches ≥ 12 cells), minus `excluded` (settlements,
    plant, river corridor), cut into plots on the FARM_TILE grid; a plot is kept if the mean
    slope of the cells whose centres it contains is below 6°. Plots are numbered south to north,
    then west to east.
    """
    floodway = flood.return_period <= 5.0
    red_mask = grid.rasterize([(red_union, 1)], dtype="uint8").astype(bool)
    farm = inside & (landcover.classes == CROPLAND) & (terrain.slope_smooth < 6.0) & (terrain.dem < 320.0) & ~floodway & ~red_mask & ~landcover.built
    farm = patches(ndimage.binary_opening(farm, iterations=1), lambda n: n >= 12)
    exclude = unary_union([red_union] + excluded + grid.polygons(floodway & inside))
    plots = []
    for g in _vectorise(grid, farm, boundary, grid.cell * 0.5, exclude):
        if not g.is_empty:
            plots += _tiles(g)
    if plots:
        pid = grid.rasterize([(p, k + 1) for k, p in enumerate(plots)])
        sl_sum = np.bincount(pid.ravel(), weights=terrain.slope.ravel(), minlength=len(plots) + 1)
        sl_n = np.bincount(pid.ravel(), minlength=len(plots) + 1)
        plots = [p for k, p in enumerate(plots) if sl_n[k + 1] > 0 and sl_sum[k + 1] / sl_n[k + 1] < 6.0]
    plots.sort(key=lambda p: (round(p.centroid.y, 1), round(p.centroid.x, 1)))
    return [
        (
            p,
            {
                "plot_id": k,
                "area_ha": round(p.area / 1e4, 2),
                "township_code": townships.containing((p.representative_point().x, p.representative_point().y)).code,
            },
        )
        for k, p in enumerate(plots, start=1)
    ]
