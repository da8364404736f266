#!/usr/bin/env python3
"""Deterministic generator of a synthetic sample county (Territorial Space Resilience toolkit).

The county ("Songhe County 松河县", a fictitious hilly county in central China, ~30.5 deg N) is
fully synthetic.  Every value is drawn from ``numpy.random.default_rng(seed)`` in a fixed order,
so the same seed always gives identical rasters and vector data (no clock, no network).

Usage::

    /usr/bin/python3 sample_data/generate_sample_county.py --out DIR [--seed 2020] [--cell 30]

or from Python (the file is self-contained; import it with importlib or from this folder)::

    from generate_sample_county import generate
    paths = generate("/tmp/county", seed=2020, cell=30.0)   # name -> path of every file written

CRS: CGCS2000 / 3-degree Gauss-Kruger CM 114E (EPSG:4547, false easting 500 000 m, no zone
prefix).  Nominal extent x 480 000-500 000, y 3 380 000-3 400 000; the grid has
``ceil(20 000 / cell)`` columns and rows anchored at the upper-left corner (480 000, 3 400 000),
so at 30 m it is 667 x 667 cells and actually ends at x = 500 010, y = 3 379 990.
Raster nodata is -9999 (outside the irregular county boundary) in every raster.

Hazard models (the constants below are also written to ``metadata.json``)
-------------------------------------------------------------------------
* Flood depth (m): ``depth = max(0, DESIGN_STAGE - HAND)`` with ``DESIGN_STAGE = 6.0`` m, where
  HAND (height above nearest drainage) = DEM - DEM of the nearest river cell (Euclidean nearest
  cell from ``scipy.ndimage.distance_transform_edt(return_indices=True)``; for cells of a carved
  side valley the elevation where that valley joins the river if lower), clipped at 0, on the
  cells hydraulically connected to a river cell (8-connected through cells with HAND <= stage;
  the rare hollows more than 5 m below their reference cell stay dry); 0 elsewhere.
* Flood return period (years): a Gumbel stage-frequency curve above the river cell,
  ``stage(T) = MU + SIGMA * y_T`` with ``y_T = -ln(-ln(1 - 1/T))``, calibrated so that
  ``stage(5) = 3.0`` m (the floodplain edge floods every 5 years) and ``stage(100) = 6.0`` m
  (= the design flood).  Each cell gets the smallest T in (2, 5, 10, 20, 50, 100, 200, 500, 1000)
  whose (connected) inundation reaches the cell; cells not reached by the 1000-year flood get
  ``RP_NEVER = 10000`` (not nodata, so 1/T is an annual exceedance probability everywhere).
  Hence flood_depth > 0  <=>  return period <= 100.
* Seismic PGA (g): rock PGA from the distance d (km) to the complete fault trace (which runs
  beyond the county)::

      PGA_rock(d) = 0.30 * (R0 / (R0 + d)) ** N,   R0 = 5 km,  N = ln 6 / ln 5 = 1.1133

  i.e. 0.30 g on the fault, 0.15 g at 4.3 km, 0.05 g at 20 km; then multiplied by a site factor
  ``F = 1 + 0.25 * soft`` where ``soft`` (0-1) is a smoothed mask of soft alluvium (valley floor:
  HAND < 10 m and slope < 5 deg).  Maximum 0.375 g.
* Chemical accident (probability of lethal effect): probit in distance d (m) from the plant,
  ``Y = 5 + ln(D50 / d) / SIGMA_LN`` and ``P = Phi(Y - 5)`` with D50 = sqrt(300 * 2000) = 774.6 m
  and SIGMA_LN = ln(2000/300) / (2 * 2.3263) = 0.4078, so P = 0.99 at 300 m, 0.5 at 775 m and 0.01
  at 2 km.
* Landslide susceptibility (0-1): ``1 / (1 + exp(-(-4.84 + 0.22 * slope_deg + lithology + fault
  zone + noise)))``: 0.5 at 22 deg on neutral rock, ~0.66 at 25 deg, ~0.003 on the floodplain.
* Heat (summer land surface temperature, deg C): ``34.0 - 0.0065 * elevation + 6.5 * built-up
  fraction (Gaussian, sigma 250 m) + land-cover offset + 1.2 * south-facing index + noise``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
import warnings

import numpy as np
from scipy import ndimage, special
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import dijkstra
from scipy.spatial import cKDTree

import rasterio
from rasterio import features
from rasterio.transform import from_origin
from shapely.geometry import (GeometryCollection, LineString, MultiLineString, MultiPoint,
                              MultiPolygon, Point, Polygon, box, shape)
from shapely.geometry.polygon import orient
from shapely.ops import polygonize, unary_union, voronoi_diagram
from shapely.strtree import STRtree

from osgeo import ogr, osr

__all__ = ["generate", "EPSG", "NODATA", "DESIGN_STAGE", "RETURN_PERIODS", "RP_NEVER",
           "stage_for_return_period", "pga_rock", "chemical_lethality", "LAYERS", "RASTERS",
           "SHELTER_STANDARD_M2", "COUNTY_CODE"]

# --------------------------------------------------------------------------------------------
# constants
# --------------------------------------------------------------------------------------------
EPSG = 4547
NODATA = -9999.0
XMIN, YMIN, XMAX, YMAX = 480000.0, 3380000.0, 500000.0, 3400000.0
CX, CY = 490000.0, 3390000.0

COUNTY_CODE = "429901"
COUNTY_NAME = "Songhe County 松河县"
RIVER_NAME = "Songhe 松河"

DESIGN_STAGE = 6.0                   # m above the river cell: 100-year design flood
RETURN_PERIODS = (2, 5, 10, 20, 50, 100, 200, 500, 1000)
RP_NEVER = 10000.0                   # cap for cells never reached by the 1000-year flood


def _gumbel_y(T):
    return -np.log(-np.log(1.0 - 1.0 / np.asarray(T, dtype=float)))


GUMBEL_SIGMA = (6.0 - 3.0) / float(_gumbel_y(100) - _gumbel_y(5))
GUMBEL_MU = 3.0 - GUMBEL_SIGMA * float(_gumbel_y(5))


def stage_for_return_period(T):
    """Flood stage (m above the river cell) of the T-year flood (Gumbel)."""
    return GUMBEL_MU + GUMBEL_SIGMA * _gumbel_y(T)


PGA_AT_FAULT = 0.30
PGA_R0_KM = 5.0
PGA_N = math.log(6.0) / math.log(5.0)
PGA_SOFT_SOIL_GAIN = 0.25

CHEM_D50 = math.sqrt(300.0 * 2000.0)
CHEM_SIGMA_LN = math.log(2000.0 / 300.0) / (2.0 * 2.3263478740408408)


def pga_rock(d_km):
    """Peak ground acceleration on rock (g) at distance d_km (km) from the fault trace.

    ``PGA = 0.30 * (R0 / (R0 + d)) ** N`` with R0 = 5 km (near-source saturation) and
    N = ln 6 / ln 5 = 1.1133, so PGA(0) = 0.30 g, PGA(5 km) = 0.139 g, PGA(20 km) = 0.05 g.
    The seismic_pga raster multiplies this by the site factor ``1 + 0.25 * soft`` (soft alluvium
    0-1), i.e. at most 0.375 g.
    """
    return PGA_AT_FAULT * (PGA_R0_KM / (PGA_R0_KM + np.asarray(d_km, dtype=float))) ** PGA_N


def chemical_lethality(d_m):
    """Probability of lethal effect at distance d_m (m) from the plant (probit in ln distance).

    ``Y = 5 + ln(D50 / d) / SIGMA_LN``, ``P = Phi(Y - 5)``; D50 = 774.6 m, SIGMA_LN = 0.4078,
    giving P = 0.99 at 300 m, 0.5 at 775 m and 0.01 at 2000 m.
    """
    d = np.maximum(np.asarray(d_m, dtype=float), 1.0)
    return special.ndtr(np.log(CHEM_D50 / d) / CHEM_SIGMA_LN)


SHELTER_STANDARD_M2 = {"emergency": 1.0, "fixed": 2.0, "central": 2.0}
CANDIDATE_EFFECTIVE_RATIO = 0.7

LANDCOVER_CLASSES = {1: "cropland 耕地", 2: "forest 林地", 3: "grassland/shrub 草地",
                     4: "water 水域", 5: "built-up 城乡建设用地", 6: "wetland 湿地"}
LC_CROP, LC_FOREST, LC_GRASS, LC_WATER, LC_BUILT, LC_WET = 1, 2, 3, 4, 5, 6

ROAD_SPEED = {"arterial": 60, "collector": 40, "local": 30}
_ROAD_RANK = {"arterial": 0, "collector": 1, "local": 2}

# file stem -> (dtype, band description, unit)
RASTERS = {
    "dem": ("float32", "elevation", "m"),
    "slope": ("float32", "slope", "degree"),
    "hand": ("float32", "height above nearest drainage (HAND)", "m"),
    "landcover": ("int16", "land cover class", "class"),
    "flood_depth": ("float32", "design-flood depth (100-year, stage 6 m above river)", "m"),
    "flood_return_period": ("float32", "return period of the first flood reaching the cell",
                            "years"),
    "landslide_susceptibility": ("float32", "landslide susceptibility", "probability 0-1"),
    "seismic_pga": ("float32", "peak ground acceleration", "g"),
    "chemical_accident": ("float32", "probability of lethal effect (chemical accident)",
                          "probability 0-1"),
    "heat_lst": ("float32", "summer land surface temperature", "degC"),
    "population": ("float32", "resident population", "persons per cell"),
}

LAYERS = ("county", "townships", "residential_blocks", "roads", "shelters", "hospitals",
          "candidate_sites", "chemical_plant", "river", "fault", "ecological_red_line",
          "basic_farmland", "settlements")

# Township seats: key, pinyin, Chinese, code, seat population, footprint a, b (m), spacing (m)
_TOWNS = [
    ("chengguan", "Chengguan", "城关镇", COUNTY_CODE + "100", 80000, 2000, 1050, 195),
    ("heping", "Heping", "和平镇", COUNTY_CODE + "101", 15000, 850, 500, 170),
    ("dongping", "Dongping", "东坪镇", COUNTY_CODE + "102", 12000, 800, 480, 170),
    ("baishi", "Baishi", "白石镇", COUNTY_CODE + "103", 8000, 650, 380, 160),
    ("nanshan", "Nanshan", "南山乡", COUNTY_CODE + "200", 6000, 560, 340, 150),
    ("longquan", "Longquan", "龙泉乡", COUNTY_CODE + "201", 5000, 520, 330, 150),
    ("songlin", "Songlin", "松林乡", COUNTY_CODE + "202", 3500, 450, 300, 140),
]
TOTAL_POPULATION = 200000
N_VILLAGES = 40

_SURNAMES = [("Li", "李"), ("Wang", "王"), ("Zhang", "张"), ("Liu", "刘"), ("Chen", "陈"),
             ("Yang", "杨"), ("Huang", "黄"), ("Zhao", "赵"), ("Wu", "吴"), ("Zhou", "周"),
             ("Xu", "徐"), ("Sun", "孙"), ("Hu", "胡"), ("Zhu", "朱"), ("Gao", "高"),
             ("Lin", "林"), ("He", "何"), ("Guo", "郭"), ("Ma", "马"), ("Luo", "罗"),
             ("Liang", "梁"), ("Song", "宋"), ("Zheng", "郑"), ("Xie", "谢"), ("Tang", "唐"),
             ("Feng", "冯"), ("Deng", "邓"), ("Cao", "曹"), ("Peng", "彭"), ("Zeng", "曾"),
             ("Tian", "田"), ("Yuan", "袁"), ("Cai", "蔡"), ("Jiang", "蒋"), ("Yu", "余"),
             ("Du", "杜"), ("Ye", "叶"), ("Cheng", "程"), ("Wei", "魏"), ("Xiong", "熊"),
             ("Qin", "秦"), ("Shi", "石"), ("Fang", "方"), ("Ren", "任"), ("Dai", "戴")]
_VILLAGE_SUFFIX = [("jiawan", "家湾村"), ("jiachong", "家冲村"), ("jiafan", "家畈村"),
                   ("jiaping", "家坪村"), ("jialing", "家岭村"), ("jiatai", "家台村"),
                   ("jiagang", "家岗村"), ("jiaao", "家坳村")]


# --------------------------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------------------------
class Grid:
    """Regular grid anchored at the upper-left corner (x0, y1)."""

    def __init__(self, x0, y0, x1, y1, cell):
        self.cell = float(cell)
        self.nx = int(math.ceil((x1 - x0) / self.cell - 1e-9))
        self.ny = int(math.ceil((y1 - y0) / self.cell - 1e-9))
        self.x0 = float(x0)
        self.y1 = float(y1)
        self.x1 = self.x0 + self.nx * self.cell
        self.y0 = self.y1 - self.ny * self.cell
        self.shape = (self.ny, self.nx)
        self.transform = from_origin(self.x0, self.y1, self.cell, self.cell)
        self.xs = self.x0 + (np.arange(self.nx) + 0.5) * self.cell
        self.ys = self.y1 - (np.arange(self.ny) + 0.5) * self.cell
        self.X, self.Y = np.meshgrid(self.xs, self.ys)

    def rc(self, x, y):
        col = np.floor((np.asarray(x) - self.x0) / self.cell).astype(int)
        row = np.floor((self.y1 - np.asarray(y)) / self.cell).astype(int)
        return row, col

    def inside(self, row, col):
        return (row >= 0) & (row < self.ny) & (col >= 0) & (col < self.nx)

    def sample(self, arr, x, y):
        row, col = self.rc(x, y)
        row = np.clip(row, 0, self.ny - 1)
        col = np.clip(col, 0, self.nx - 1)
        return arr[row, col]

    def cells(self, m):
        """Metres -> cells."""
        return m / self.cell


def _smoothstep(t):
    t = np.clip(t, 0.0, 1.0)
    return t * t * (3.0 - 2.0 * t)


def _densify(xy, step):
    xy = np.asarray(xy, dtype=float)
    seg = np.hypot(np.diff(xy[:, 0]), np.diff(xy[:, 1]))
    s = np.concatenate([[0.0], np.cumsum(seg)])
    n = max(2, int(math.ceil(s[-1] / step)) + 1)
    t = np.linspace(0.0, s[-1], n)
    return np.column_stack([np.interp(t, s, xy[:, 0]), np.interp(t, s, xy[:, 1])]), t


def _catmull_rom(pts, n_per_seg=24):
    P = np.asarray(pts, dtype=float)
    P = np.vstack([2 * P[0] - P[1], P, 2 * P[-1] - P[-2]])
    out = []
    t = np.linspace(0.0, 1.0, n_per_seg, endpoint=False)[:, None]
    for i in range(1, len(P) - 2):
        p0, p1, p2, p3 = P[i - 1], P[i], P[i + 1], P[i + 2]
        out.append(0.5 * ((2 * p1) + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t ** 2
                          + (-p0 + 3 * p1 - 3 * p2 + p3) * t ** 3))
    out.append(P[-2][None, :])
    return np.vstack(out)


def _chaikin(xy, iterations=2):
    """Corner cutting that keeps both end points exactly."""
    xy = np.asarray(xy, dtype=float)
    for _ in range(iterations):
        if len(xy) < 3:
            return xy
        a, b = xy[:-1], xy[1:]
        q = 0.75 * a + 0.25 * b
        r = 0.25 * a + 0.75 * b
        mid = np.empty((2 * len(a), 2))
        mid[0::2] = q
        mid[1::2] = r
        xy = np.vstack([xy[:1], mid[1:-1], xy[-1:]])
    return xy


def _fractal(rng, shape, beta):
    """Spectral synthesis: Gaussian field with power spectrum ~ k^-beta, zero mean, unit std."""
    ny, nx = shape
    white = rng.standard_normal(shape)
    spec = np.fft.rfft2(white)
    ky = np.fft.fftfreq(ny)[:, None]
    kx = np.fft.rfftfreq(nx)[None, :]
    k = np.hypot(kx, ky)
    k[0, 0] = 1.0
    amp = k ** (-beta / 2.0)
    amp[0, 0] = 0.0
    field = np.fft.irfft2(spec * amp, s=shape)
    return (field - field.mean()) / field.std()


def _smooth_noise(rng, shape, sigma_cells):
    f = ndimage.gaussian_filter(rng.standard_normal(shape), sigma_cells, mode="reflect")
    return (f - f.mean()) / f.std()


def _polyline_distance(grid, lines, step=None):
    """Exact distance (m) from every cell centre to a set of polylines.

    Returns (distance, line index, along-line distance s of the nearest point).  The nearest
    densified vertex is found with distance_transform_edt(return_indices) and refined against the
    neighbouring segments.
    """
    step = step or grid.cell / 2.0
    pts, lid, sal = [], [], []
    for i, xy in enumerate(lines):
        d, s = _densify(xy, step)
        pts.append(d)
        lid.append(np.full(len(d), i))
        sal.append(s)
    pts = np.vstack(pts)
    lid = np.concatenate(lid)
    sal = np.concatenate(sal)
    row, col = grid.rc(pts[:, 0], pts[:, 1])
    ok = grid.inside(row, col)
    idx_grid = np.full(grid.shape, -1, dtype=np.int64)
    idx_grid[row[ok], col[ok]] = np.nonzero(ok)[0]
    if not (idx_grid >= 0).any():
        raise ValueError("polyline outside the grid")
    _, (ir, ic) = ndimage.distance_transform_edt(idx_grid < 0, return_indices=True)
    k0 = idx_grid[ir, ic]
    X, Y = grid.X, grid.Y
    best = np.full(grid.shape, np.inf)
    best_s = np.zeros(grid.shape)
    best_l = lid[k0]
    nseg = len(pts) - 1
    w = int(math.ceil(1.5 * grid.cell / step)) + 1
    for o in range(-w, w + 1):
        j = np.clip(k0 + o, 0, nseg - 1)
        same = lid[j] == lid[j + 1]
        ax, ay = pts[j, 0], pts[j, 1]
        dx, dy = pts[j + 1, 0] - ax, pts[j + 1, 1] - ay
        L2 = np.maximum(dx * dx + dy * dy, 1e-12)
        t = np.clip(((X - ax) * dx + (Y - ay) * dy) / L2, 0.0, 1.0)
        d = np.where(same, np.hypot(X - (ax + t * dx), Y - (ay + t * dy)), np.inf)
        better = d < best
        best = np.where(better, d, best)
        best_s = np.where(better, sal[j] + t * np.sqrt(L2), best_s)
        best_l = np.where(better, lid[j], best_l)
    return best, best_l, best_s


def _rot(cx, cy, theta, lx, ly):
    c, s = math.cos(theta), math.sin(theta)
    lx = np.asarray(lx, dtype=float)
    ly = np.asarray(ly, dtype=float)
    return cx + lx * c - ly * s, cy + lx * s + ly * c


def _unrot(cx, cy, theta, x, y):
    c, s = math.cos(theta), math.sin(theta)
    dx, dy = x - cx, y - cy
    return dx * c + dy * s, -dx * s + dy * c


def _polys(geom):
    """All polygons of any geometry."""
    if geom is None or geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    if isinstance(geom, (MultiPolygon, GeometryCollection)):
        out = []
        for g in geom.geoms:
            out.extend(_polys(g))
        return out
    return []


def _lines(geom):
    if geom is None or geom.is_empty:
        return []
    if isinstance(geom, LineString):
        return [geom]
    if isinstance(geom, (MultiLineString, GeometryCollection)):
        out = []
        for g in geom.geoms:
            out.extend(_lines(g))
        return out
    return []


def _clean(geom):
    """Valid (multi)polygon made of the polygonal parts of geom."""
    if not geom.is_valid:
        geom = geom.buffer(0)
    parts = [p for p in _polys(geom) if p.area > 1.0]
    if not parts:
        return Polygon()
    g = unary_union(parts)
    if not g.is_valid:
        g = g.buffer(0)
    return g


def _shapes_to_polygons(mask, grid):
    geoms = [shape(g) for g, v in features.shapes(mask.astype(np.uint8), mask=mask,
                                                   transform=grid.transform) if v == 1]
    return [g.buffer(0) for g in geoms]


def _rasterize(geoms_values, grid, fill=0, dtype="int32"):
    geoms_values = [(g, v) for g, v in geoms_values if not g.is_empty]
    if not geoms_values:
        return np.full(grid.shape, fill, dtype=dtype)
    return features.rasterize(geoms_values, out_shape=grid.shape, transform=grid.transform,
                              fill=fill, dtype=dtype)


# --------------------------------------------------------------------------------------------
# county, valley, rivers, terrain
# --------------------------------------------------------------------------------------------
def _county_polygon(rng):
    th = np.linspace(0.0, 2.0 * np.pi, 480, endpoint=False)
    n, a, b = 3.2, 8700.0, 8600.0
    r = 1.0 / ((np.abs(np.cos(th)) / a) ** n + (np.abs(np.sin(th)) / b) ** n) ** (1.0 / n)
    pert = np.ones_like(th)
    for k, amp in [(2, 0.035), (3, 0.03), (4, 0.02), (5, 0.015), (7, 0.01), (9, 0.008),
                   (13, 0.005), (17, 0.004), (23, 0.003), (31, 0.002)]:
        pert += amp * np.sin(k * th + rng.uniform(0.0, 2.0 * np.pi))
    r = r * pert
    x = np.clip(CX + r * np.cos(th), XMIN + 150.0, XMAX - 150.0)
    y = np.clip(CY + r * np.sin(th), YMIN + 150.0, YMAX - 150.0)
    poly = Polygon(np.column_stack([x, y])).buffer(0)
    return orient(poly, 1.0)


class Valley:
    """Main valley: smooth axis y_v(x) and a meandering thalweg y_r(x)."""

    def __init__(self, rng):
        self.y0 = 3386800.0 + rng.uniform(-250.0, 250.0)
        self.a1, self.l1, self.p1 = 600.0, rng.uniform(8500.0, 11000.0), rng.uniform(0, 2 * np.pi)
        self.a2, self.l2, self.p2 = 250.0, rng.uniform(4200.0, 6000.0), rng.uniform(0, 2 * np.pi)
        self.m1, self.ml1, self.mp1 = 140.0, rng.uniform(2000.0, 2600.0), rng.uniform(0, 2 * np.pi)
        self.m2, self.ml2, self.mp2 = 70.0, rng.uniform(1100.0, 1500.0), rng.uniform(0, 2 * np.pi)
        self.wl, self.wp = rng.uniform(5000.0, 7000.0), rng.uniform(0, 2 * np.pi)

    def axis(self, x):
        u = np.asarray(x, dtype=float) - XMIN
        return (self.y0 + self.a1 * np.sin(2 * np.pi * u / self.l1 + self.p1)
                + self.a2 * np.sin(2 * np.pi * u / self.l2 + self.p2))

    def axis_slope(self, x):
        u = float(x) - XMIN
        return (self.a1 * 2 * np.pi / self.l1 * np.cos(2 * np.pi * u / self.l1 + self.p1)
                + self.a2 * 2 * np.pi / self.l2 * np.cos(2 * np.pi * u / self.l2 + self.p2))

    def thalweg(self, x):
        u = np.asarray(x, dtype=float) - XMIN
        return (self.axis(x) + self.m1 * np.sin(2 * np.pi * u / self.ml1 + self.mp1)
                + self.m2 * np.sin(2 * np.pi * u / self.ml2 + self.mp2))

    def floodplain_halfwidth(self, x):
        u = np.asarray(x, dtype=float) - XMIN
        return 260.0 + 50.0 * np.sin(2 * np.pi * u / self.wl + self.wp)

    @staticmethod
    def z_thalweg(x):
        return 55.0 - 15.0 * (np.asarray(x, dtype=float) - XMIN) / (XMAX - XMIN)


def _inside_or_pull(pt, county, margin, toward=(CX, CY)):
    """Move pt towards `toward` in 100 m steps until it is `margin` inside the county."""
    inner = county.buffer(-margin)
    x, y = pt
    for _ in range(200):
        if inner.contains(Point(x, y)):
            return x, y
        dx, dy = toward[0] - x, toward[1] - y
        d = math.hypot(dx, dy)
        if d < 100:
            break
        x, y = x + 100 * dx / d, y + 100 * dy / d
    return x, y


def _jitter(rng, p, q, f, amp):
    """Point at fraction f from p to q, moved sideways by up to amp metres."""
    mx, my = p[0] + f * (q[0] - p[0]), p[1] + f * (q[1] - p[1])
    dx, dy = q[0] - p[0], q[1] - p[1]
    d = math.hypot(dx, dy) or 1.0
    o = rng.uniform(-amp, amp)
    return (mx - dy / d * o, my + dx / d * o)


def _layout(rng, county, valley):
    """Seat positions, tributary paths, fault trace."""
    seats = {}
    # valley towns: on the valley terrace 550 m north of the axis, main arterial passes through
    for key, x in (("heping", 484300.0), ("chengguan", 490800.0), ("dongping", 496500.0)):
        x = x + rng.uniform(-150, 150)
        seats[key] = (x, float(valley.axis(x)) + 550.0)
    # hill towns (on tributaries)
    hill = {"baishi": (489300.0, 3393900.0), "songlin": (484900.0, 3395300.0),
            "longquan": (495600.0, 3394600.0)}
    for key, (x, y) in hill.items():
        x, y = x + rng.uniform(-200, 200), y + rng.uniform(-200, 200)
        seats[key] = _inside_or_pull((x, y), county, 900.0)
    x = 491800.0 + rng.uniform(-200, 200)
    seats["nanshan"] = _inside_or_pull((x, float(valley.axis(x)) - 2700.0), county, 700.0,
                                       toward=(x, float(valley.axis(x))))
    # tributaries: (key, name, source, seat, mouth x)
    tribs = []
    spec = [("baishi", "Baishi He 白石河", (488700.0, 3399800.0), 489200.0),
            ("songlin", "Songlin He 松林河", (482300.0, 3399800.0), 485400.0),
            ("longquan", "Longquan He 龙泉河", (498300.0, 3399800.0), 495100.0),
            ("nanshan", "Nanshan He 南山河", (492700.0, 3380150.0), 493500.0)]
    for key, name, src, mouth_x in spec:
        sx, sy = seats[key]
        stream_at_seat = (sx - 200.0, sy)          # the seat sits on the east bank
        src = (src[0] + rng.uniform(-400, 400), src[1])
        mouth_x = mouth_x + rng.uniform(-150, 150)
        mouth = (mouth_x, float(valley.thalweg(mouth_x)))
        # waypoints from source to mouth, laterally jittered
        wp = [src] + [_jitter(rng, src, stream_at_seat, f, 260.0) for f in (0.25, 0.5, 0.75)]
        wp += [stream_at_seat]
        wp += [_jitter(rng, stream_at_seat, mouth, f, 220.0) for f in (0.3, 0.55, 0.8)]
        # last approach perpendicular-ish to the main river
        approach = (mouth[0], mouth[1] + (250.0 if mouth[1] < sy else -250.0))
        wp += [approach, mouth]
        path = _catmull_rom(wp, 30)
        path[:, 0] = np.clip(path[:, 0], XMIN + 1.0, XMAX - 1.0)
        path[:, 1] = np.clip(path[:, 1], YMIN + 1.0, YMAX - 1.0)
        path[-1] = mouth
        # distance along the path of the seat point
        d_seat = np.hypot(path[:, 0] - stream_at_seat[0], path[:, 1] - stream_at_seat[1])
        seg = np.concatenate([[0], np.cumsum(np.hypot(*np.diff(path, axis=0).T))])
        tribs.append({"key": key, "name": name, "xy": path,
                      "s_seat": float(seg[np.argmin(d_seat)])})
    # active fault: SW -> NE across the county, slightly bent, extends beyond the grid
    p0 = (XMIN - 3000.0, 3380500.0 + rng.uniform(-800, 800))
    p1 = (XMAX + 3000.0, 3399500.0 + rng.uniform(-800, 800))
    mids = []
    for f in (0.2, 0.4, 0.6, 0.8):
        mx, my = p0[0] + f * (p1[0] - p0[0]), p0[1] + f * (p1[1] - p0[1])
        mids.append((mx + rng.uniform(-150, 150), my + rng.uniform(-400, 400)))
    fault = _catmull_rom([p0] + mids + [p1], 20)
    return seats, tribs, fault


def _heading_path(rng, start, heading, length, n=4, wiggle=0.3):
    pts = [np.asarray(start, dtype=float)]
    step = length / n
    h = heading
    for _ in range(n):
        h += rng.uniform(-wiggle, wiggle)
        pts.append(pts[-1] + step * np.array([math.cos(h), math.sin(h)]))
    return _catmull_rom(np.array(pts), 8)


def _gullies(rng, grid, tribs, thal_xy, seats):
    """Two levels of side valleys branching upstream-wards off the drainage network."""
    x_lo, x_hi = grid.x0 + 60.0, grid.x1 - 60.0
    y_lo, y_hi = grid.y0 + 60.0, grid.y1 - 60.0
    existing = [LineString(thal_xy)] + [LineString(t["xy"]) for t in tribs]
    ebounds = [e.bounds for e in existing]
    seat_pts = [Point(p) for p in seats.values()]
    out = []

    def spawn(parent_xy, upstream_sign, spacing, length_rng, level, parent_ref=None):
        par = LineString(parent_xy)
        par_ref = parent_ref if parent_ref is not None else par
        L = par.length
        s = rng.uniform(0.3, 1.0) * spacing
        side = 1.0 if rng.uniform() < 0.5 else -1.0
        children = []
        while s < L - 200.0:
            p = par.interpolate(s)
            q = par.interpolate(min(L, s + 20.0))
            tx, ty = q.x - p.x, q.y - p.y
            tn = math.hypot(tx, ty) or 1.0
            up = math.atan2(upstream_sign * ty / tn, upstream_sign * tx / tn)
            heading = up + side * rng.uniform(0.8, 1.25)
            length = rng.uniform(*length_rng)
            ok_site = (grid.x0 + 300 < p.x < grid.x1 - 300
                       and grid.y0 + 300 < p.y < grid.y1 - 300
                       and min(sp.distance(p) for sp in seat_pts) > (1500.0 if level == 1
                                                                     else 900.0))
            if ok_site:
                for frac in (1.0, 0.7, 0.45):
                    xy = _heading_path(rng, (p.x, p.y), heading, length * frac)
                    if (xy[:, 0].min() < x_lo or xy[:, 0].max() > x_hi or xy[:, 1].min() < y_lo
                            or xy[:, 1].max() > y_hi):
                        continue
                    line = LineString(xy)
                    tail = LineString(xy[4:])
                    half = LineString(xy[len(xy) // 2:])
                    tb = tail.bounds
                    near = [e for e, eb in zip(existing, ebounds) if e is not par_ref
                            and eb[0] < tb[2] + 280.0 and eb[2] > tb[0] - 280.0
                            and eb[1] < tb[3] + 280.0 and eb[3] > tb[1] - 280.0]
                    if any(tail.distance(e) < 280.0 for e in near):
                        continue
                    if half.distance(par) < 330.0:
                        continue
                    if any(sp.distance(line) < 500.0 for sp in seat_pts):
                        continue
                    existing.append(line)
                    ebounds.append(line.bounds)
                    g = {"xy": xy, "level": level, "line": line}
                    out.append(g)
                    children.append(g)
                    break
            side = -side
            s += spacing * rng.uniform(0.8, 1.25)
        return children

    level1 = []
    # main river: gullies start at the foot of the valley sides, flow direction is west->east
    level1 += spawn(thal_xy, -1.0, 900.0, (1800.0, 3600.0), 1, existing[0])
    for k, t in enumerate(tribs):
        level1 += spawn(t["xy"], -1.0, 800.0, (1500.0, 3800.0), 1, existing[k + 1])
    for g in list(level1):
        for child in spawn(g["xy"], 1.0, 550.0, (600.0, 1400.0), 2, g["line"]):
            child["parent"] = g
    return out                       # xy[0] is the junction of every gully


def _carve_gully(grid, Z, g, outlet, protect):
    """Carve a V-shaped side valley whose bed rises from the junction to the head (in place).

    ``outlet`` records, for every lowered cell, the elevation where the gully system reaches the
    river or tributary (the level-1 junction), the drainage reference for HAND.  Cells in
    ``protect`` (river and tributary floors) and cells beyond the junction are left alone, and
    the valley narrows towards the junction, so the parent stream keeps its profile.
    """
    xy, _ = _densify(g["xy"], 45.0)
    line_len = float(np.sum(np.hypot(*np.diff(xy, axis=0).T)))
    hw = 150.0 + 0.15 * line_len
    pad = hw + 2 * grid.cell
    c0 = max(int((xy[:, 0].min() - pad - grid.x0) // grid.cell), 0)
    c1 = min(int((xy[:, 0].max() + pad - grid.x0) // grid.cell) + 1, grid.nx)
    r0 = max(int((grid.y1 - xy[:, 1].max() - pad) // grid.cell), 0)
    r1 = min(int((grid.y1 - xy[:, 1].min() + pad) // grid.cell) + 1, grid.ny)
    if c1 <= c0 or r1 <= r0:
        return Z
    X = grid.X[r0:r1, c0:c1].ravel()
    Y = grid.Y[r0:r1, c0:c1].ravel()
    fine, s_fine = _densify(xy, 5.0)
    dist, k = cKDTree(fine).query(np.column_stack([X, Y]))
    s_near = s_fine[k]
    seg_s = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(xy, axis=0).T))])
    # bed profile along the gully
    zl = grid.sample(Z, xy[:, 0], xy[:, 1])
    z_j = zl[0] + 0.5
    g["root_z"] = g["parent"]["root_z"] if "parent" in g else float(zl[0])
    z_h = zl[-1] - 15.0
    bed = z_j + (z_h - z_j) * (seg_s / line_len) ** 1.1
    bed = np.minimum(bed, zl - 5.0)
    bed = np.maximum.accumulate(np.maximum(bed, z_j))
    bed_c = np.interp(s_near, seg_s, bed)
    sub = Z[r0:r1, c0:c1].ravel()
    hw_s = hw * (0.35 + 0.65 * np.clip(s_near / (0.3 * line_len), 0.0, 1.0))
    tt = np.clip((dist - 15.0) / hw_s, 0.0, 1.0)
    w = 0.6 * _smoothstep(tt) + 0.4 * (1.0 - (1.0 - tt) ** 2)
    carve = np.where(dist < 15.0, bed_c + 0.5 * dist / 15.0,
                     bed_c + 0.5 + (sub - bed_c - 0.5) * w)
    keep = protect[r0:r1, c0:c1].ravel() | (s_near <= 0.0)
    carve = np.where(keep, sub, carve)
    lowered = (carve < sub - 0.01).reshape(r1 - r0, c1 - c0)
    Z[r0:r1, c0:c1] = np.minimum(sub, carve).reshape(r1 - r0, c1 - c0)     # in place
    out_sub = outlet[r0:r1, c0:c1]
    out_sub[lowered] = np.minimum(out_sub[lowered], g["root_z"])
    return Z


def _terrain(rng, grid, county_mask, valley, tribs, seats):
    X, Y = grid.X, grid.Y
    xp = (X - XMIN) / (XMAX - XMIN)
    yv = valley.axis(X)
    wfp = valley.floodplain_halfwidth(X)
    zt = valley.z_thalweg(X)
    # distances to the valley axis and to the thalweg
    xs = np.arange(XMIN - 500.0, XMAX + 500.0, 10.0)
    axis_xy = np.column_stack([xs, valley.axis(xs)])
    thal_xy = np.column_stack([xs, valley.thalweg(xs)])
    d_axis, _, _ = _polyline_distance(grid, [axis_xy])
    d_thal, _, _ = _polyline_distance(grid, [thal_xy])
    # hills: fractal surface, amplitude rising to the north-west
    F = _fractal(rng, grid.shape, 3.7)
    F2 = _fractal(rng, grid.shape, 3.0)
    Fn = 1.0 / (1.0 + np.exp(-4.0 * (0.18 * F + 0.12 * F2)))     # soft 0-1, no flat plateaus
    north = np.clip((Y - yv - wfp) / (YMAX - 3387000.0), 0.0, 1.0)
    A = 300.0 + 520.0 * north ** 0.85 * (0.45 + 0.55 * (1.0 - xp))
    H = A * (0.30 + 0.70 * Fn)
    m = county_mask
    lo, hi = H[m].min(), H[m].max()
    H = 150.0 + (H - lo) / (hi - lo) * 750.0
    # floodplain
    micro = _smooth_noise(rng, grid.shape, grid.cells(90.0))
    zfp = (zt + 2.8 * _smoothstep(d_thal / 35.0) + 1.8 * np.clip((d_thal - 35.0) / 350.0, 0, 1)
           + 0.25 * micro * _smoothstep((d_thal - 35.0) / 60.0))
    # valley sides (asymmetric: long northern side, short southern side)
    e = d_axis - wfp
    L = np.where(Y > yv, 1900.0, 1100.0)
    te = np.clip(e / L, 0.0, 1.0)
    w = 0.5 * _smoothstep(te) + 0.5 * (1.0 - (1.0 - te) ** 2)
    Z1 = zfp + (H - zfp) * w
    # tributaries: concave bed profile, flat floor widening near the seats, V-shaped sides
    trib_lines = []
    # lowest ground within ~1.2 km: a tributary bed stays below it, so that no hollow next to a
    # stream is lower than the stream (keeps HAND meaningful)
    z_low = ndimage.minimum_filter(Z1, size=2 * int(round(1200.0 / grid.cell)) + 1,
                                   mode="nearest")
    for t in tribs:
        pts, s = _densify(t["xy"], grid.cell / 3.0)
        zp = grid.sample(Z1, pts[:, 0], pts[:, 1])
        zlow = grid.sample(z_low, pts[:, 0], pts[:, 1])
        Ltot = s[-1]
        z_mouth = float(valley.z_thalweg(pts[-1, 0]))
        z_src = zp[0] - 20.0
        prof = z_mouth + (z_src - z_mouth) * ((Ltot - s) / Ltot) ** 1.7
        incision = np.clip(0.5 * (zp - z_mouth), 0.0, 8.0)
        bed = np.minimum(np.minimum(prof, zp - incision), zlow - 3.0)
        bed = np.minimum.accumulate(bed)
        bed = np.maximum(bed, z_mouth)
        near_seat = np.exp(-((s - t["s_seat"]) / 900.0) ** 2)
        t["bed"] = bed
        t["s"] = s
        t["floor"] = 50.0 + 190.0 * near_seat          # the valley floor widens at the seat ...
        t["rise"] = 3.5 + 6.5 * near_seat              # ... into a terrace above the design flood
        trib_lines.append(pts)
    d_trib, l_trib, s_trib = _polyline_distance(grid, [t["xy"] for t in tribs])
    bed_c = np.zeros(grid.shape)
    floor_c = np.zeros(grid.shape)
    rise_c = np.zeros(grid.shape)
    for i, t in enumerate(tribs):
        sel = l_trib == i
        bed_c[sel] = np.interp(s_trib[sel], t["s"], t["bed"])
        floor_c[sel] = np.interp(s_trib[sel], t["s"], t["floor"])
        rise_c[sel] = np.interp(s_trib[sel], t["s"], t["rise"])
    ch = 12.0
    z_in = (bed_c + 1.5 * _smoothstep(d_trib / ch)
            + rise_c * np.clip((d_trib - ch) / np.maximum(floor_c - ch, 1.0), 0.0, 1.0) ** 1.5)
    edge = bed_c + 1.5 + rise_c
    tt = np.clip((d_trib - floor_c) / 1000.0, 0.0, 1.0)
    w_t = 0.3 * _smoothstep(tt) + 0.7 * (1.0 - (1.0 - tt) ** 2)
    z_out = edge + (Z1 - edge) * w_t
    carve = np.where(d_trib < floor_c, z_in, z_out)
    Z = np.minimum(Z1, carve)
    # dendritic side valleys (gullies) branching off the main river and the tributaries
    gullies = _gullies(rng, grid, tribs, thal_xy, seats)
    outlet = np.full(grid.shape, np.inf)
    protect = (d_trib < floor_c + 30.0) | (d_axis < wfp + 30.0)
    for gl in gullies:
        Z = _carve_gully(grid, Z, gl, outlet, protect)
    # stretch the hills (above 150 m) so that the highest summit in the county is 900 m again
    top = Z[county_mask].max()
    if top > 150.0:
        k_st = 750.0 / (top - 150.0)
        Z = np.where(Z > 150.0, 150.0 + (Z - 150.0) * k_st, Z)
        outlet = np.where(np.isfinite(outlet) & (outlet > 150.0),
                          150.0 + (outlet - 150.0) * k_st, outlet)
    # river cells for HAND: thalweg + tributary centre lines
    river = np.zeros(grid.shape, dtype=bool)
    for xy in [thal_xy] + trib_lines:
        pts, _ = _densify(xy, grid.cell / 4.0)
        r, c = grid.rc(pts[:, 0], pts[:, 1])
        ok = grid.inside(r, c)
        river[r[ok], c[ok]] = True
    channel = (d_thal < 35.0) | (d_trib < ch)
    return {"dem": Z, "d_axis": d_axis, "d_thal": d_thal, "d_trib": d_trib, "river": river,
            "channel": channel, "thal_xy": thal_xy, "wfp": wfp, "bed_c": bed_c,
            "gullies": gullies, "outlet": outlet}


# --------------------------------------------------------------------------------------------
# towns, streets, blocks
# --------------------------------------------------------------------------------------------
class Town:
    pass


def _offsets(rng, extent, sp_pos, sp_neg):
    pos, x = [0.0], 0.0
    while x < extent:
        x += sp_pos * rng.uniform(0.8, 1.25)
        pos.append(x)
    neg, x = [], 0.0
    while x > -extent:
        x -= sp_neg * rng.uniform(0.8, 1.25)
        neg.append(x)
    return sorted(neg) + pos


def _build_towns(rng, county, valley, seats, tribs, main_corr, trib_corr):
    towns = []
    inner = county.buffer(-80.0)
    trib_by_key = {t["key"]: t for t in tribs}
    for key, py, cn, code, pop, a, b, sp in _TOWNS:
        t = Town()
        t.key, t.py, t.cn, t.code, t.pop, t.a, t.b, t.spacing = key, py, cn, code, pop, a, b, sp
        t.name = f"{py} {cn}"
        t.c = seats[key]
        t.valley = key in ("chengguan", "heping", "dongping")
        if t.valley:
            t.theta = math.atan(valley.axis_slope(t.c[0]))
        else:
            tr = trib_by_key[key]["xy"]
            k = int(np.argmin(np.hypot(tr[:, 0] - t.c[0] + 200.0, tr[:, 1] - t.c[1])))
            k0, k1 = max(k - 8, 0), min(k + 8, len(tr) - 1)
            t.theta = math.atan2(tr[k1, 1] - tr[k0, 1], tr[k1, 0] - tr[k0, 0])
        # footprint: noisy ellipse; Chengguan spans the river (old town north, Nanhu new
        # district south)
        t.ell_off = -250.0 if key == "chengguan" else 0.0
        th = np.linspace(0, 2 * np.pi, 96, endpoint=False)
        rr = np.ones_like(th)
        for kk, amp in ((3, 0.05), (4, 0.04), (5, 0.03), (7, 0.02)):
            rr += amp * np.sin(kk * th + rng.uniform(0, 2 * np.pi))
        lx = a * rr * np.cos(th)
        ly = t.ell_off + b * rr * np.sin(th)
        fx, fy = _rot(t.c[0], t.c[1], t.theta, lx, ly)
        fp = Polygon(np.column_stack([fx, fy])).buffer(0).intersection(inner)
        t.footprint = _clean(fp)
        t.buildable = _clean(t.footprint.difference(main_corr).difference(trib_corr))
        towns.append(t)
    return towns


def _ensure_vertex(line, pt):
    """If pt lies on line (within 1 mm) make it an exact vertex of line."""
    coords = [tuple(c) for c in line.coords]
    if tuple(pt) in coords or line.distance(Point(pt)) > 1e-3:
        return line
    s_ = line.project(Point(pt))
    cum = 0.0
    for i in range(len(coords) - 1):
        seg = math.dist(coords[i], coords[i + 1])
        if cum + seg >= s_:
            return LineString(coords[:i + 1] + [tuple(pt)] + coords[i + 1:])
        cum += seg
    return line


def _town_streets_and_blocks(rng, t):
    """Street grid (list of dicts) and block polygons of a town."""
    ext_x = t.a * 1.2
    ext_y_pos = (t.b + max(t.ell_off, 0)) * 1.2
    ext_y_neg = (t.b - min(t.ell_off, 0)) * 1.2
    sp = t.spacing
    xs = _offsets(rng, ext_x, sp, sp)
    if t.key == "chengguan":
        ys_pos = _offsets(rng, ext_y_pos, 0.9 * sp, 0.9 * sp)
        ys_pos = [y for y in ys_pos if y >= 0]
        ys_neg = _offsets(rng, ext_y_neg, 1.35 * sp, 1.35 * sp)    # larger new-district blocks
        ys = sorted([y for y in ys_neg if y < 0] + ys_pos)
    else:
        ys = _offsets(rng, max(ext_y_pos, ext_y_neg), sp, sp)
    t.xs, t.ys = xs, ys
    streets = []
    cx, cy = t.c

    def world(lx, ly):
        x, y = _rot(cx, cy, t.theta, lx, ly)
        return list(zip(np.atleast_1d(x).tolist(), np.atleast_1d(y).tolist()))

    ys_north = [y for y in ys if y > 0]
    oneway = {}
    if t.key == "chengguan" and len(ys_north) >= 2:
        oneway = {ys_north[0]: ("Renmin Road (one-way eastbound) 人民路", 1.0),
                  ys_north[1]: ("Zhongshan Road (one-way westbound) 中山路", -1.0)}
    bridge_x = set()
    if t.key == "chengguan":
        pos_x = [x for x in xs if x > 0]
        bridge_x = {0.0, pos_x[min(4, len(pos_x) - 1)]}
    for y in ys:
        if y == 0.0 and t.valley:
            continue                       # the arterial is the main street
        if y == 0.0:
            pts = world([-ext_x, 0.0, ext_x], [0.0, 0.0, 0.0])
            pts[1] = (cx, cy)
        else:
            pts = world([-ext_x, ext_x], [y, y])
        name, ow, direction = "town street", 0, 1.0
        if y in oneway:
            name, direction = oneway[y]
            ow = 1
        line = LineString(pts)
        dvec = (math.cos(t.theta) * direction, math.sin(t.theta) * direction)
        if y == 0.0:                      # main street through the seat: bridges included
            name = "Main Street 正街"
        area = t.footprint if y == 0.0 else t.buildable
        for part in _lines(line.intersection(area)):
            if part.length >= 40.0:
                streets.append({"geom": _ensure_vertex(part, t.c), "class": "local",
                                "oneway": ow, "dir": dvec,
                                "name": f"{name} ({t.py})" if not ow else name})
    for x in xs:
        if x == 0.0:
            pts = world([0.0, 0.0, 0.0], [-ext_y_neg, 0.0, ext_y_pos])
            pts[1] = (cx, cy)
        else:
            pts = world([x, x], [-ext_y_neg, ext_y_pos])
        line = LineString(pts)
        if x in bridge_x:
            nm = ("Jiefang Road 解放路" if x == 0.0 else "Nanhu Avenue 南湖大道")
            for part in _lines(line.intersection(t.footprint)):
                if part.length >= 40.0:
                    streets.append({"geom": _ensure_vertex(part, t.c), "class": "collector",
                                    "oneway": 0, "dir": None, "name": nm})
        else:
            area = t.footprint if x == 0.0 else t.buildable
            for part in _lines(line.intersection(area)):
                if part.length >= 40.0:
                    streets.append({"geom": _ensure_vertex(part, t.c), "class": "local",
                                    "oneway": 0, "dir": None,
                                    "name": f"town street ({t.py})"})
    # blocks between streets, set back 7 m from the street centre lines
    g = 7.0
    blocks = []
    for i in range(len(xs) - 1):
        for j in range(len(ys) - 1):
            lx = [xs[i] + g, xs[i + 1] - g, xs[i + 1] - g, xs[i] + g]
            ly = [ys[j] + g, ys[j] + g, ys[j + 1] - g, ys[j + 1] - g]
            rect = Polygon(world(lx, ly))
            for part in _polys(rect.intersection(t.buildable)):
                if part.area >= max(6000.0, 0.4 * rect.area):
                    lcx, lcy = _unrot(cx, cy, t.theta, part.centroid.x, part.centroid.y)
                    blocks.append({"geom": orient(part, 1.0), "settlement": t.name,
                                   "kind": "town", "town": t.key, "ly": float(lcy),
                                   "lx": float(lcx), "south": False})
    return streets, blocks


def _pick_villages(rng, grid, county, towns, townships, tlabel, slope, dem, hand, d_river_any,
                   channel, n):
    """Village sites: weighted sampling (Gumbel top-k) per township, quota ~ township area."""
    inner = county.buffer(-450.0)
    m = features.geometry_mask([inner], grid.shape, grid.transform, invert=True)
    near_town = _rasterize([(t.footprint.buffer(900.0), 1) for t in towns], grid, dtype="uint8")
    ok = m & (slope < 15.0) & (dem < 700.0) & ~channel & (hand > 3.5) & (near_town == 0) \
        & (d_river_any > 70.0)
    score = (np.exp(-slope / 5.0) * np.exp(-(dem - 50.0) / 260.0)
             * (1.0 + 2.0 * np.exp(-d_river_any / 600.0)))
    areas = np.array([townships[t.key].area for t in towns])
    quota = np.maximum(3, np.round(n * areas / areas.sum())).astype(int)
    while quota.sum() > n:
        quota[int(np.argmax(quota))] -= 1
    while quota.sum() < n:
        quota[int(np.argmin(quota))] += 1
    rows, cols = np.nonzero(ok)
    g = rng.gumbel(size=rows.size)
    key = np.log(score[rows, cols]) + g
    order = np.argsort(-key, kind="stable")
    lab = tlabel[rows, cols]
    chosen = []
    for k_t in range(len(towns)):
        got = 0
        for k in order[lab[order] == k_t + 1]:
            x, y = grid.xs[cols[k]], grid.ys[rows[k]]
            if all((x - a) ** 2 + (y - b) ** 2 > 1050.0 ** 2 for a, b in chosen):
                chosen.append((float(x), float(y)))
                got += 1
                if got == quota[k_t]:
                    break
    return chosen


def _townships(rng, county, towns):
    """Townships: Voronoi cells of the seats with smoothly displaced edges, clipped to the county.

    The displacement is a smooth, injective field applied to every vertex of the shared Voronoi
    edges, so the cells still partition the plane exactly.
    """
    cg = towns[0]
    order = [t.key for t in towns]
    gens = []
    for t in towns:
        if t.key == "chengguan":
            gens.append(t.c)
        else:
            dx, dy = t.c[0] - cg.c[0], t.c[1] - cg.c[1]
            d = math.hypot(dx, dy)
            gens.append((t.c[0] + 800.0 * dx / d, t.c[1] + 800.0 * dy / d))
    env = box(XMIN - 6000, YMIN - 6000, XMAX + 6000, YMAX + 6000)
    vor = voronoi_diagram(MultiPoint(gens), envelope=env)
    edges = _lines(unary_union([c.exterior for c in vor.geoms]))
    wave = [(rng.uniform(2500, 6000), rng.uniform(0, 2 * np.pi), rng.uniform(0, 2 * np.pi),
             rng.uniform(0, np.pi)) for _ in range(4)]

    def displace(xy):
        x, y = xy[:, 0], xy[:, 1]
        dx = np.zeros_like(x)
        dy = np.zeros_like(y)
        for k, (lam, p1, p2, ang) in enumerate(wave):
            amp = 110.0 if k < 2 else 60.0        # Lipschitz < 1: injective
            u = x * math.cos(ang) + y * math.sin(ang)
            v = -x * math.sin(ang) + y * math.cos(ang)
            dx += amp * np.sin(2 * np.pi * v / lam + p1)
            dy += amp * np.sin(2 * np.pi * u / lam + p2)
        return np.column_stack([x + dx, y + dy])
    disp = []
    for e in edges:
        d, _ = _densify(np.asarray(e.coords), 80.0)
        disp.append(LineString(displace(d)))
    faces = list(polygonize(unary_union(disp)))
    town_polys = {}
    for k, t in enumerate(towns):
        gp = Point(gens[k])
        fc = [fa for fa in faces if fa.contains(gp)]
        if len(fc) != 1:
            raise RuntimeError("township partition failed")
        town_polys[t.key] = fc[0]
    # faces not owned by a generator (none expected) go to the neighbour with the longest border
    owned = set(id(p) for p in town_polys.values())
    for fa in faces:
        if id(fa) in owned or not fa.intersects(county):
            continue
        best = max(order, key=lambda k: fa.boundary.intersection(town_polys[k].boundary).length)
        town_polys[best] = unary_union([town_polys[best], fa])
    townships = {}
    for t in towns:
        g = _clean(town_polys[t.key].intersection(county))
        if not g.contains(Point(t.c)):
            raise RuntimeError(f"seat of {t.key} outside its township")
        townships[t.key] = g
    return townships



# --------------------------------------------------------------------------------------------
# road network
# --------------------------------------------------------------------------------------------
def _coarse_graph(grid, cost, passable, f):
    ny, nx = grid.ny // f, grid.nx // f
    c = cost[:ny * f, :nx * f].reshape(ny, f, nx, f).mean(axis=(1, 3))
    p = passable[:ny * f, :nx * f].reshape(ny, f, nx, f).all(axis=(1, 3))
    idx = np.arange(ny * nx).reshape(ny, nx)
    rows, cols, w = [], [], []
    cs = grid.cell * f
    for dr, dc in ((0, 1), (1, 0), (1, 1), (1, -1)):
        r0, r1 = slice(0, ny - dr), slice(dr, ny)
        if dc >= 0:
            c0, c1 = slice(0, nx - dc), slice(dc, nx)
        else:
            c0, c1 = slice(-dc, nx), slice(0, nx + dc)
        a, b = idx[r0, c0], idx[r1, c1]
        ok = p[r0, c0] & p[r1, c1]
        dist = cs * math.hypot(dr, dc)
        rows.append(a[ok])
        cols.append(b[ok])
        w.append(dist * 0.5 * (c[r0, c0][ok] + c[r1, c1][ok]))
    rows, cols, w = map(np.concatenate, (rows, cols, w))
    G = coo_matrix((w, (rows, cols)), shape=(ny * nx, ny * nx)).tocsr()
    xs = grid.x0 + (np.arange(nx) + 0.5) * cs
    ys = grid.y1 - (np.arange(ny) + 0.5) * cs
    return G, (ny, nx), xs, ys, cs


def _path_from_pred(pred, target):
    path = [target]
    while pred[path[-1]] >= 0:
        path.append(pred[path[-1]])
    return path[::-1]


def _route(G, shp, xs, ys, cs, a, b):
    ny, nx = shp

    def node(p):
        r = int(np.clip((YMAX - p[1]) // cs, 0, ny - 1))
        c = int(np.clip((p[0] - XMIN) // cs, 0, nx - 1))
        return r * nx + c
    s, t = node(a), node(b)
    dist, pred = dijkstra(G, directed=False, indices=s, return_predecessors=True)
    if not np.isfinite(dist[t]):
        return LineString([a, b])
    path = _path_from_pred(pred, t)
    pts = [(xs[k % nx], ys[k // nx]) for k in path]
    pts = [a] + pts[1:-1] + [b]
    if len(pts) < 2:
        pts = [a, b]
    line = LineString(pts).simplify(cs * 0.4, preserve_topology=False)
    xy = np.asarray(line.coords)
    xy[0], xy[-1] = a, b
    return LineString(_chaikin(xy, 3))


def _node_network(raw_lines):
    """Node a list of {'geom','class','oneway','dir','name'} lines into a planar network."""
    geoms = [r["geom"] for r in raw_lines]
    noded = _lines(unary_union(geoms))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tree = STRtree(geoms, items=list(range(len(geoms))))
    segs = []
    for seg in noded:
        if seg.length < 1e-6:
            continue
        mid = seg.interpolate(0.5, normalized=True)
        cand = tree.query_items(mid.buffer(0.01))
        on = [k for k in sorted(cand) if geoms[k].distance(mid) < 1e-5]
        best = min(on, key=lambda k: _ROAD_RANK[raw_lines[k]["class"]]) if on else None
        if best is None:
            continue
        src = raw_lines[best]
        coords = list(seg.coords)
        if src.get("dir") is not None:
            d = src["dir"]
            if (coords[-1][0] - coords[0][0]) * d[0] + (coords[-1][1] - coords[0][1]) * d[1] < 0:
                coords = coords[::-1]
        else:
            g = geoms[best]
            if g.project(Point(coords[0])) > g.project(Point(coords[-1])):
                coords = coords[::-1]
        segs.append({"coords": coords, "class": src["class"], "oneway": src["oneway"],
                     "name": src["name"]})
    # snap end nodes closer than 1 cm
    ends = np.array([c for s in segs for c in (s["coords"][0], s["coords"][-1])])
    tree2 = cKDTree(ends)
    parent = np.arange(len(ends))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    for i, j in sorted(tree2.query_pairs(0.01)):
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    for k, s in enumerate(segs):
        a, b = find(2 * k), find(2 * k + 1)
        s["coords"][0] = tuple(ends[a])
        s["coords"][-1] = tuple(ends[b])
    segs = [s for s in segs if LineString(s["coords"]).length > 0.05
            and s["coords"][0] != s["coords"][-1]]
    # remove short dangles (stubs left by clipping and noding), repeat until stable
    while True:
        deg = {}
        for s in segs:
            for p in (s["coords"][0], s["coords"][-1]):
                deg[p] = deg.get(p, 0) + 1
        keep = [s for s in segs if not (LineString(s["coords"]).length < 3.0 and
                                        (deg[s["coords"][0]] == 1 or deg[s["coords"][-1]] == 1))]
        if len(keep) == len(segs):
            break
        segs = keep
    # keep the largest connected component (by length)
    nodes = {}
    for s in segs:
        for p in (s["coords"][0], s["coords"][-1]):
            nodes.setdefault(p, len(nodes))
    par = list(range(len(nodes)))

    def f2(i):
        while par[i] != i:
            par[i] = par[par[i]]
            i = par[i]
        return i
    for s in segs:
        a, b = f2(nodes[s["coords"][0]]), f2(nodes[s["coords"][-1]])
        if a != b:
            par[max(a, b)] = min(a, b)
    comp_len = {}
    for s in segs:
        r = f2(nodes[s["coords"][0]])
        comp_len[r] = comp_len.get(r, 0.0) + LineString(s["coords"]).length
    main = max(sorted(comp_len), key=lambda r: comp_len[r])
    segs = [s for s in segs if f2(nodes[s["coords"][0]]) == main]
    # a collector stub ending in a dead end (e.g. a bridge street at the town edge) is a local
    # street: collectors always join other roads at both ends
    deg = {}
    for s in segs:
        for p in (s["coords"][0], s["coords"][-1]):
            deg[p] = deg.get(p, 0) + 1
    for s in segs:
        if s["class"] == "collector" and (deg[s["coords"][0]] < 2 or deg[s["coords"][-1]] < 2):
            s["class"] = "local"
    return segs


# --------------------------------------------------------------------------------------------
# output
# --------------------------------------------------------------------------------------------
def _write_raster(path, arr, grid, dtype, desc, unit, tags):
    profile = dict(driver="GTiff", height=grid.ny, width=grid.nx, count=1, dtype=dtype,
                   crs=rasterio.crs.CRS.from_epsg(EPSG), transform=grid.transform,
                   nodata=NODATA, tiled=True, blockxsize=256, blockysize=256,
                   compress="deflate", predictor=3 if dtype == "float32" else 2)
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(arr.astype(dtype), 1)
        dst.set_band_description(1, desc)
        dst.units = (unit,)
        dst.update_tags(1, UNITS=unit, DESCRIPTION=desc)
        dst.update_tags(**tags)


_OGR_TYPES = {int: ogr.OFTInteger, float: ogr.OFTReal, str: ogr.OFTString}


def _ogr_geom(g, gtype):
    if gtype == ogr.wkbMultiPolygon:
        parts = [orient(p, 1.0) for p in _polys(g)]
        g = MultiPolygon(parts)
    return ogr.CreateGeometryFromWkb(bytes(g.wkb))


def _write_layer(ds, srs, name, gtype, fields, rows):
    """rows: list of (geometry, {field: value}); fields: list of (name, python type)."""
    if not rows:
        raise RuntimeError(f"layer {name} would be empty")
    lyr = ds.CreateLayer(name, srs, gtype, options=["FID=fid", "GEOMETRY_NAME=geom",
                                                    "SPATIAL_INDEX=YES"])
    if lyr is None:
        raise RuntimeError(f"cannot create layer {name}")
    for fname, ftype in fields:
        lyr.CreateField(ogr.FieldDefn(fname, _OGR_TYPES[ftype]))
    defn = lyr.GetLayerDefn()
    ds.StartTransaction()
    for geom, attrs in rows:
        if geom.is_empty or not geom.is_valid:
            raise RuntimeError(f"invalid/empty geometry in layer {name}")
        feat = ogr.Feature(defn)
        for fname, ftype in fields:
            v = attrs[fname]
            feat.SetField(fname, ftype(v))
        feat.SetGeometry(_ogr_geom(geom, gtype))
        if lyr.CreateFeature(feat) != 0:
            raise RuntimeError(f"cannot write feature to {name}")
    ds.CommitTransaction()


# --------------------------------------------------------------------------------------------
# main generator
# --------------------------------------------------------------------------------------------
def generate(out_dir, seed=2020, cell=30.0):
    """Generate the sample county into out_dir; return {name: path} of every file written."""
    os.makedirs(out_dir, exist_ok=True)
    rng = np.random.default_rng(seed)
    grid = Grid(XMIN, YMIN, XMAX, YMAX, cell)
    county = _county_polygon(rng)
    cmask = features.geometry_mask([county], grid.shape, grid.transform, invert=True)
    valley = Valley(rng)
    seats, tribs, fault_xy = _layout(rng, county, valley)

    # ---------------- terrain and hydrology
    ter = _terrain(rng, grid, cmask, valley, tribs, seats)
    dem = ter["dem"]
    gy, gx = np.gradient(dem, grid.cell)            # gy: d/d(row) = -d/dy
    slope = np.degrees(np.arctan(np.hypot(gx, gy)))
    dzdy_north = -gy
    # HAND: height above the nearest river cell; cells of a carved side valley are referred to
    # the point where that valley system joins the river if that is lower
    _, (ir, ic) = ndimage.distance_transform_edt(~ter["river"], return_indices=True)
    z_ref = np.minimum(dem[ir, ic], ter["outlet"])
    hand_raw = dem - z_ref
    hand = np.maximum(hand_raw, 0.0)
    d_river_any = np.minimum(ter["d_thal"], ter["d_trib"])
    channel = ter["channel"]
    stages = stage_for_return_period(np.array(RETURN_PERIODS, dtype=float))
    stages[RETURN_PERIODS.index(100)] = DESIGN_STAGE
    eight = np.ones((3, 3), dtype=bool)

    def inundated(level):
        """Cells with HAND <= level that are 8-connected to a river cell through such cells.

        Hollows more than 5 m below their reference river cell (HAND clipped to 0) drain
        elsewhere and are not counted as connected.
        """
        wet = (hand <= level) & (hand_raw > -5.0)
        lab, _ = ndimage.label(wet, structure=eight)
        ids = np.unique(lab[ter["river"] & wet])
        return np.isin(lab, ids[ids > 0])
    flooded = inundated(DESIGN_STAGE)
    flood = np.where(flooded, np.maximum(0.0, DESIGN_STAGE - hand), 0.0)
    rp = np.full(grid.shape, RP_NEVER)
    for T, h in zip(RETURN_PERIODS[::-1], stages[::-1]):
        rp = np.where(inundated(h), float(T), rp)

    thal_line = LineString(ter["thal_xy"])
    main_corr = thal_line.buffer(55.0)
    trib_lines = [LineString(t["xy"]) for t in tribs]
    trib_corr = unary_union([l.buffer(18.0) for l in trib_lines])

    # ---------------- towns
    towns = _build_towns(rng, county, valley, seats, tribs, main_corr, trib_corr)
    town_by_key = {t.key: t for t in towns}
    street_lines, blocks = [], []
    for t in towns:
        s, b = _town_streets_and_blocks(rng, t)
        street_lines += s
        blocks += b
    for b in blocks:                    # Chengguan south of the river = Nanhu new district
        if b["town"] == "chengguan":
            c_ = b["geom"].centroid
            b["south"] = bool(c_.y < float(valley.thalweg(c_.x)))

    # ---------------- townships
    townships = _townships(rng, county, towns)
    tlabel = _rasterize([(townships[t.key], k + 1) for k, t in enumerate(towns)], grid,
                        dtype="int16")
    tlabel[~cmask] = 0

    # ---------------- villages
    vill_xy = _pick_villages(rng, grid, county, towns, townships, tlabel, slope, dem, hand,
                             d_river_any, channel, N_VILLAGES)
    rural_total = TOTAL_POPULATION - sum(t.pop for t in towns)
    village_total = 0.88 * rural_total
    vp = rng.lognormal(mean=0.0, sigma=0.55, size=len(vill_xy))
    vp = vp / vp.sum() * village_total
    used = set()
    villages = []
    for (x, y), p in zip(vill_xy, vp):
        while True:
            sn = _SURNAMES[int(rng.integers(len(_SURNAMES)))]
            sf = _VILLAGE_SUFFIX[int(rng.integers(len(_VILLAGE_SUFFIX)))]
            if (sn, sf) not in used:
                used.add((sn, sf))
                break
        r = 110.0 + 2.6 * math.sqrt(p)
        th = np.linspace(0, 2 * np.pi, 28, endpoint=False)
        rr = r * (1.0 + 0.15 * np.sin(2 * th + rng.uniform(0, 6.3))
                  + 0.08 * np.sin(3 * th + rng.uniform(0, 6.3)))
        poly = Polygon(np.column_stack([x + rr * np.cos(th), y + rr * np.sin(th)])).buffer(0)
        poly = _clean(poly.intersection(county.buffer(-50.0)).difference(main_corr)
                      .difference(trib_corr))
        parts = _polys(poly)
        poly = max(parts, key=lambda q: q.area)
        if not poly.contains(Point(x, y)):
            x, y = poly.representative_point().x, poly.representative_point().y
        name = f"{sn[0]}{sf[0]} {sn[1]}{sf[1]}"
        villages.append({"xy": (x, y), "pop": float(p), "name": name, "poly": orient(poly, 1.0),
                         "r": r})
        blocks.append({"geom": orient(poly, 1.0), "settlement": name, "kind": "village",
                       "town": None, "ly": 0.0, "lx": 0.0, "south": False})

    # ---------------- chemical plant (eastern, downstream edge of the county seat)
    cg = town_by_key["chengguan"]
    # searched east of the town (downstream): dry (no design flood within ~100 m), gentle,
    # outside every settlement, as close to the town edge as possible
    occupied = unary_union([t.footprint.buffer(80.0) for t in towns]
                           + [v["poly"].buffer(80.0) for v in villages])
    inner300 = county.buffer(-300.0)
    best = None
    for relax in (3, 1):
        for lx in np.arange(cg.a + 150.0, cg.a + 1500.0, 50.0):
            for ly in np.arange(-700.0, 901.0, 50.0):
                x, y = _rot(cg.c[0], cg.c[1], cg.theta, lx, ly)
                x, y = float(x), float(y)
                r_, c_ = grid.rc(x, y)
                win = (slice(max(r_ - relax, 0), r_ + relax + 1),
                       slice(max(c_ - relax, 0), c_ + relax + 1))
                if (flood[win] > 0).any() or channel[win].any() or slope[r_, c_] > 10.0:
                    continue
                pt = Point(x, y)
                if not inner300.contains(pt) or occupied.contains(pt):
                    continue
                score = (lx - cg.a) + 0.3 * abs(ly - 250.0)
                if best is None or score < best[0]:
                    best = (score, lx, ly)
        if best is not None:
            break
    if best is None:
        raise RuntimeError("no site for the chemical plant")
    _, plx, ply = best
    px, py_ = _rot(cg.c[0], cg.c[1], cg.theta, plx, ply)
    plant_xy = (float(px), float(py_))
    plant_site = Polygon([_rot(cg.c[0], cg.c[1], cg.theta, plx + dx, ply + dy)
                          for dx, dy in ((-140, -90), (140, -90), (140, 90), (-140, 90))])

    # ---------------- land cover
    built_geoms = [t.footprint for t in towns] + [v["poly"] for v in villages] + [plant_site]
    built = _rasterize([(g, 1) for g in built_geoms], grid, dtype="uint8").astype(bool) & ~channel
    # riparian wetland stretch between the county seat and Dongping
    x_w0 = cg.c[0] + cg.a * math.cos(cg.theta) + 700.0
    x_w1 = town_by_key["dongping"].c[0] - town_by_key["dongping"].a - 500.0
    if x_w1 - x_w0 < 1200.0:
        x_w1 = x_w0 + 1200.0
    wet_zone = (ter["d_axis"] < ter["wfp"]) & (grid.X > x_w0) & (grid.X < x_w1) & ~built
    n1 = _smooth_noise(rng, grid.shape, grid.cells(150.0))
    n2 = _smooth_noise(rng, grid.shape, grid.cells(250.0))
    lc = np.full(grid.shape, LC_FOREST, dtype=np.int16)
    lc[n2 < -0.8] = LC_GRASS
    slope_s = ndimage.gaussian_filter(slope, 1.5)       # land use follows the landform
    crop = (((slope_s < 6.0) & (dem < 320.0) & (n1 > -1.3))
            | ((slope_s < 15.0) & (dem < 400.0) & (n1 > 0.4)))
    lc[crop] = LC_CROP
    lc[wet_zone] = LC_WET
    lc[built] = LC_BUILT
    lc[channel] = LC_WATER

    # ---------------- population
    pop = np.zeros(grid.shape)
    town_blk = _rasterize([(b["geom"], 1) for b in blocks if b["kind"] == "town"], grid,
                          dtype="uint8").astype(bool)
    for t in towns:
        fm = features.geometry_mask([t.footprint], grid.shape, grid.transform, invert=True) \
            & cmask & ~channel & town_blk
        lx, ly = _unrot(t.c[0], t.c[1], t.theta, grid.X[fm], grid.Y[fm])
        r = np.sqrt((lx / t.a) ** 2 + (ly / t.b) ** 2)
        wgt = np.exp(-2.0 * r)
        if t.key == "chengguan":
            south = grid.Y[fm] < valley.thalweg(grid.X[fm])
            wgt = np.where(south, 0.8 * wgt, wgt)
        pop[fm] += wgt / wgt.sum() * t.pop
    vid = _rasterize([(v["poly"], i + 1) for i, v in enumerate(villages)], grid)
    for i, v in enumerate(villages):
        vm = (vid == i + 1) & cmask
        if not vm.any():
            r_, c_ = grid.rc(v["xy"][0], v["xy"][1])
            vm[r_, c_] = True
        d2 = (grid.X[vm] - v["xy"][0]) ** 2 + (grid.Y[vm] - v["xy"][1]) ** 2
        wgt = np.exp(-d2 / (2 * (0.5 * v["r"]) ** 2))
        pop[vm] += wgt / wgt.sum() * v["pop"]
    diffuse_total = rural_total - village_total
    dm = cmask & ~built & ~channel & (slope < 25.0)
    suit = np.where(dm, np.exp(-slope / 8.0) * np.exp(-dem / 300.0) * np.exp(0.8 * n1), 0.0)
    pop += suit / suit.sum() * diffuse_total
    pop[~cmask] = 0.0
    pop *= TOTAL_POPULATION / pop.sum()
    for i, v in enumerate(villages):
        v["pop_int"] = int(round(pop[(vid == i + 1) & cmask].sum()))

    # ---------------- roads
    # cost surface for routing county roads (coarse grid)
    f = max(1, int(round(90.0 / grid.cell)))
    inner150 = features.geometry_mask([county.buffer(-150.0)], grid.shape, grid.transform,
                                      invert=True)
    cost = 1.0 + (slope / 7.0) ** 2 + 40.0 * channel + 3.0 * (lc == LC_BUILT)
    G, shp, cxs, cys, cs = _coarse_graph(grid, cost, inner150, f)
    raw = []
    # arterial (provincial road) along the valley terrace through the three valley towns
    vt = sorted([t for t in towns if t.valley], key=lambda t: t.c[0])
    spans = []
    for t in vt:
        s0 = _rot(t.c[0], t.c[1], t.theta, -0.95 * t.a, 0.0)
        s1 = _rot(t.c[0], t.c[1], t.theta, 0.95 * t.a, 0.0)
        spans.append([(float(s0[0]), float(s0[1])), t.c, (float(s1[0]), float(s1[1]))])
    pts = []
    x_start = XMIN + 5.0
    prev = (x_start, float(valley.axis(x_start)) + 550.0)
    for sp_ in spans + [None]:
        x_end = sp_[0][0] if sp_ is not None else XMAX - 5.0
        xs_ = np.arange(prev[0], x_end, 400.0)[1:]
        inter = [prev] + [(float(x), float(valley.axis(x)) + 550.0)
                          for x in xs_ if x < x_end - 150.0]
        if sp_ is not None:
            inter.append(sp_[0])
        else:
            inter.append((x_end, float(valley.axis(x_end)) + 550.0))
        sm = _chaikin(np.array(inter), 2)
        pts.extend([tuple(p) for p in (sm if not pts else sm[1:])])
        if sp_ is not None:
            pts.extend([sp_[1], sp_[2]])
            prev = sp_[2]
    art = LineString(pts)
    for part in _lines(art.intersection(county)):
        raw.append({"geom": part, "class": "arterial", "oneway": 0, "dir": None,
                    "name": "S208 Provincial Road 省道S208"})
    raw += street_lines
    # county roads (collectors) between township seats
    pairs = [("baishi", "chengguan"), ("songlin", "heping"), ("longquan", "dongping"),
             ("nanshan", "chengguan"), ("songlin", "baishi"), ("baishi", "longquan")]
    for k, (a, b) in enumerate(pairs):
        line = _route(G, shp, cxs, cys, cs, town_by_key[a].c, town_by_key[b].c)
        raw.append({"geom": line, "class": "collector", "oneway": 0, "dir": None,
                    "name": f"County Road X{101 + k} 县道X{101 + k}"})
    # clip everything to the county before attaching village roads
    clipped = []
    for r in raw:
        g = r["geom"]
        if not county.contains(g):
            for part in _lines(g.intersection(county)):
                if part.length > 1.0:
                    clipped.append(dict(r, geom=part))
        else:
            clipped.append(r)
    # node once and keep the connected network (drops street fragments cut off by rivers)
    raw = [{"geom": LineString(sg["coords"]), "class": sg["class"], "oneway": sg["oneway"],
            "dir": None, "name": sg["name"]} for sg in _node_network(clipped)]
    # village roads: least-cost path to the nearest existing road; the junction is inserted as
    # an exact vertex into the road it joins
    base = [r["geom"] for r in raw]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        base_tree = STRtree(base, items=list(range(len(base))))
    ny_, nx_ = shp
    src_nodes = set()
    for r in raw:
        d, _ = _densify(np.asarray(r["geom"].coords), cs / 3.0)
        rr = np.clip(((YMAX - d[:, 1]) // cs).astype(int), 0, ny_ - 1)
        cc = np.clip(((d[:, 0] - XMIN) // cs).astype(int), 0, nx_ - 1)
        src_nodes.update((rr * nx_ + cc).tolist())
    src_nodes = sorted(src_nodes)
    _, pred, _srcs = dijkstra(G, directed=False, indices=src_nodes, return_predecessors=True,
                              min_only=True)

    def attach(pt):
        """Nearest road to pt; insert the projection as a vertex; return its coordinates."""
        p = Point(pt)
        cand = base_tree.query_items(p.buffer(400.0))
        if not cand:
            cand = range(len(raw))
        k = min(sorted(cand), key=lambda i: raw[i]["geom"].distance(p))
        line = raw[k]["geom"]
        coords = [tuple(c) for c in line.coords]
        s_ = line.project(p)
        cum = 0.0
        for i in range(len(coords) - 1):
            seg_len = math.dist(coords[i], coords[i + 1])
            if cum + seg_len >= s_ or i == len(coords) - 2:
                break
            cum += seg_len
        if s_ - cum < 1.0:
            return coords[i]
        if cum + seg_len - s_ < 1.0:
            return coords[i + 1]
        q = line.interpolate(s_)
        q = (q.x, q.y)
        coords.insert(i + 1, q)
        raw[k] = dict(raw[k], geom=LineString(coords))
        return q

    for v in villages:
        vx, vy = v["xy"]
        d_net = min(raw[i]["geom"].distance(Point(vx, vy))
                    for i in (base_tree.query_items(Point(vx, vy).buffer(250.0)) or [0]))
        if d_net < 250.0:
            cpts = [(vx, vy)]
        else:
            r_ = int(np.clip((YMAX - vy) // cs, 0, ny_ - 1))
            c_ = int(np.clip((vx - XMIN) // cs, 0, nx_ - 1))
            chain = [r_ * nx_ + c_]
            while pred[chain[-1]] >= 0:
                chain.append(pred[chain[-1]])
            cpts = [(vx, vy)] + [(float(cxs[k % nx_]), float(cys[k // nx_])) for k in chain[1:]]
            if len(cpts) > 2:
                cpts = [tuple(p) for p in
                        _chaikin(np.asarray(LineString(cpts).simplify(cs * 0.4).coords), 2)]
        end = attach(cpts[-1])
        if math.dist(cpts[-1], end) < 1.0 and len(cpts) > 1:
            cpts[-1] = end
        else:
            cpts.append(end)
        line = LineString(cpts)
        if not county.contains(line):
            continue
        raw.append({"geom": line, "class": "local", "oneway": 0, "dir": None,
                    "name": f"village road 村道 ({v['name']})"})
    clipped = raw
    segs = _node_network(clipped)
    roads = []
    for i, s in enumerate(segs, start=1):
        roads.append((LineString(s["coords"]), {"road_id": i, "class": s["class"],
                                                "speed_kmh": ROAD_SPEED[s["class"]],
                                                "oneway": int(s["oneway"]), "name": s["name"]}))
    # self-check: every collector end is shared with another road
    endpoint_count = {}
    for g, _ in roads:
        for p in (g.coords[0], g.coords[-1]):
            endpoint_count[p] = endpoint_count.get(p, 0) + 1
    for g, a in roads:
        if a["class"] == "collector":
            for p in (g.coords[0], g.coords[-1]):
                if endpoint_count[p] < 2:
                    raise RuntimeError(f"collector road {a['road_id']} {a['name']} has a "
                                       f"dangling end at {p}")

    def township_of(pt):
        p = Point(pt)
        for t in towns:
            if townships[t.key].contains(p):
                return t
        return min(towns, key=lambda t: townships[t.key].distance(p))

    # ---------------- residential blocks
    blk_id = _rasterize([(b["geom"], k + 1) for k, b in enumerate(blocks)], grid)
    blk_pop = np.bincount(blk_id[cmask].ravel(), weights=pop[cmask].ravel(),
                          minlength=len(blocks) + 1)
    for k, b in enumerate(blocks):
        b["id"] = k + 1
        b["pop"] = int(round(blk_pop[k + 1]))
        b["rp"] = b["geom"].representative_point()
        b["township"] = township_of((b["rp"].x, b["rp"].y))
        b["dry"] = bool(grid.sample(flood, b["rp"].x, b["rp"].y) == 0.0)

    # ---------------- shelters, hospitals, candidates
    def sample(arr, x, y):
        return float(grid.sample(arr, x, y))

    def spread_pick(cands, k, start_xy):
        """Farthest-point selection of k blocks from cands starting nearest to start_xy.

        Existing facilities were sited out of the design-flood zone where the town allows it.
        """
        if not cands:
            return []
        dry = [b for b in cands if b["dry"]]
        if len(dry) >= k:
            cands = dry
        cands = sorted(cands, key=lambda b: b["id"])
        first = min(cands, key=lambda b: math.dist((b["rp"].x, b["rp"].y), start_xy))
        chosen = [first]
        while len(chosen) < min(k, len(cands)):
            nxt = max((b for b in cands if b not in chosen),
                      key=lambda b: min(b["rp"].distance(c["rp"]) for c in chosen))
            chosen.append(nxt)
        return chosen

    used_blocks = set()
    shelters = []

    def add_shelter(b, name, typ, area):
        area = float(2 * int(round(area / 2.0)))
        cap = int(area / SHELTER_STANDARD_M2[typ])
        shelters.append((b["rp"], {"shelter_id": len(shelters) + 1, "name": name, "type": typ,
                                   "effective_area_m2": area, "capacity_persons": cap,
                                   "township_code": b["township"].code}))
        used_blocks.add(b["id"])

    tb = {t.key: [b for b in blocks if b["town"] == t.key] for t in towns}
    # county seat old town (north of the river); the Nanhu new district (south) has none
    old = [b for b in tb["chengguan"] if not b["south"]]
    riverside = min(old, key=lambda b: b["geom"].distance(thal_line))
    add_shelter(riverside, "Binjiang Park 滨江公园", "fixed", rng.uniform(26000, 32000))
    rest = [b for b in old if b["id"] != riverside["id"]]
    picks = spread_pick(rest, 8, cg.c)
    fixed_names = ["Renmin Square 人民广场", "County No.1 Middle School 县第一中学"]
    emer_names = ["Chengguan No.1 Primary School 城关第一小学", "Wenhua Park 文化公园",
                  "Chengguan No.2 Primary School 城关第二小学", "Xinhua Street Garden 新华街游园",
                  "County Stadium Plaza 县体育场广场", "Binhe Greenway Plaza 滨河绿道广场"]
    for i, b in enumerate(picks):
        if i < 2:
            add_shelter(b, fixed_names[i], "fixed", rng.uniform(14000, 26000))
        elif i - 2 < len(emer_names):
            add_shelter(b, emer_names[i - 2], "emergency", rng.uniform(2400, 8000))
    plan = {"heping": (1, 2), "dongping": (1, 1), "baishi": (0, 1), "nanshan": (0, 1),
            "longquan": (0, 1), "songlin": (0, 1)}
    for key, (nf, ne) in plan.items():
        t = town_by_key[key]
        picks = spread_pick(tb[key], nf + ne, t.c)
        for i, b in enumerate(picks):
            if i < nf:
                add_shelter(b, f"{t.py} Middle School {t.cn[:-1]}中学", "fixed",
                            rng.uniform(10500, 15000))
            else:
                nm = (f"{t.py} Primary School {t.cn[:-1]}小学" if i == nf
                      else f"{t.py} Town Square {t.cn[:-1]}广场")
                add_shelter(b, nm, "emergency", rng.uniform(2100, 5000))
    vblocks = [b for b in blocks if b["kind"] == "village"]
    for b in sorted(vblocks, key=lambda b: -b["pop"])[:2]:
        add_shelter(b, f"{b['settlement']} square 村广场", "emergency", rng.uniform(2000, 2800))

    hospitals = []
    cblocks = sorted([b for b in old if b["id"] not in used_blocks],
                     key=lambda b: (not b["dry"], b["rp"].distance(Point(cg.c))))
    hosp_spec = [(cblocks[0], "County People's Hospital 县人民医院", "II-A 二级甲等",
                  int(rng.integers(480, 560))),
                 (cblocks[min(6, len(cblocks) - 1)], "County TCM Hospital 县中医医院",
                  "II-B 二级乙等", int(rng.integers(150, 210)))]
    beds_hc = {"heping": (70, 90), "dongping": (55, 75), "baishi": (40, 55), "nanshan": (25, 40),
               "longquan": (25, 40), "songlin": (15, 25)}
    for key, (lo, hi) in beds_hc.items():
        t = town_by_key[key]
        cand = sorted([b for b in tb[key] if b["id"] not in used_blocks],
                      key=lambda b: (not b["dry"], b["rp"].distance(Point(t.c))))
        lvl = "I-A 一级甲等" if key in ("heping", "dongping") else "I 一级"
        nm = (f"{t.py} Central Health Centre {t.cn}中心卫生院" if key in ("heping", "dongping")
              else f"{t.py} Health Centre {t.cn}卫生院")
        hosp_spec.append((cand[0], nm, lvl, int(rng.integers(lo, hi))))
    for k, (b, nm, lvl, beds) in enumerate(hosp_spec, start=1):
        used_blocks.add(b["id"])
        hospitals.append((b["rp"], {"hospital_id": k, "name": nm, "level": lvl, "beds": beds,
                                    "township_code": b["township"].code}))

    cands = []
    kinds = {"vacant lot": ("空地", 3000, 40000), "school": ("学校", 6000, 24000),
             "park": ("公园", 5000, 60000), "square": ("广场", 2000, 15000),
             "sports ground": ("运动场", 10000, 30000)}
    kind_list = list(kinds)

    def add_cand(pt, name_py, name_cn, kind, township):
        lo, hi = kinds[kind][1], kinds[kind][2]
        area = float(10 * int(round(rng.uniform(lo, hi) / 10.0)))
        eff = CANDIDATE_EFFECTIVE_RATIO * area
        cands.append((pt, {"site_id": len(cands) + 1, "name": f"{name_py} {name_cn}",
                           "kind": kind, "area_m2": area,
                           "capacity_persons": int(eff // SHELTER_STANDARD_M2["fixed"]),
                           "township_code": township.code}))

    town_cand = {"chengguan": 14, "heping": 4, "dongping": 4, "baishi": 2, "nanshan": 2,
                 "longquan": 2, "songlin": 2}
    for key, n in town_cand.items():
        t = town_by_key[key]
        pool = [b for b in tb[key] if b["id"] not in used_blocks]
        if key == "chengguan":          # most candidates in the under-served Nanhu new district
            south = [b for b in pool if b["south"]]
            north = [b for b in pool if not b["south"]]
            sel = list(rng.choice(len(south), size=min(8, len(south)), replace=False))
            chosen = [south[i] for i in sorted(sel)]
            sel = list(rng.choice(len(north), size=min(n - len(chosen), len(north)),
                                  replace=False))
            chosen += [north[i] for i in sorted(sel)]
        else:
            sel = list(rng.choice(len(pool), size=min(n, len(pool)), replace=False))
            chosen = [pool[i] for i in sorted(sel)]
        for j, b in enumerate(chosen):
            used_blocks.add(b["id"])
            kind = kind_list[int(rng.integers(len(kind_list)))]
            district, district_cn = ("Nanhu", "南湖") if b["south"] else (t.py, t.cn[:-1])
            add_cand(b["rp"], f"{district} {kind} {j + 1}",
                     f"{district_cn}{kinds[kind][0]}{j + 1}号", kind, b["township"])
    vsel = rng.choice(len(villages), size=10, replace=False)
    for j in sorted(vsel):
        v = villages[j]
        poly = v["poly"]
        ang = rng.uniform(0, 2 * np.pi)
        p = Point(v["xy"][0] + 0.5 * v["r"] * math.cos(ang),
                  v["xy"][1] + 0.5 * v["r"] * math.sin(ang))
        if not poly.contains(p):
            p = poly.representative_point()
        kind = ("school", "square", "vacant lot")[int(rng.integers(3))]
        v_py, v_cn = v["name"].split(" ")
        add_cand(p, f"{v_py} {kind}", f"{v_cn}{kinds[kind][0]}", kind, township_of((p.x, p.y)))
    # riverside vacant lots in the 5-year floodway (flood-prone on purpose)
    fp_ok = (cmask & (flood > 0.5) & (rp <= 5.0) & ~channel & (ter["d_thal"] > 80.0)
             & (ter["d_trib"] > 40.0)
             & features.geometry_mask([county.buffer(-300.0)], grid.shape, grid.transform,
                                      invert=True))
    rows, cols = np.nonzero(fp_ok)
    chosen_fp = []
    if rows.size:
        order_fp = rng.permutation(rows.size)
        for k in order_fp:
            x, y = float(grid.xs[cols[k]]), float(grid.ys[rows[k]])
            if any(math.hypot(x - a, y - b) < 900.0 for a, b in chosen_fp):
                continue
            if any(b["geom"].contains(Point(x, y)) for b in blocks):
                continue
            chosen_fp.append((x, y))
            if len(chosen_fp) == 6:
                break
    for j, (x, y) in enumerate(chosen_fp, start=1):
        add_cand(Point(x, y), f"Riverside vacant lot {j}", f"河滩空地{j}号", "vacant lot",
                 township_of((x, y)))

    # ---------------- hazards
    d_fault, _, _ = _polyline_distance(grid, [fault_xy])
    soft = ((hand < 10.0) & (slope < 5.0)).astype(float)
    soft = np.clip(ndimage.gaussian_filter(soft, grid.cells(60.0)), 0.0, 1.0)
    pga = pga_rock(d_fault / 1000.0) * (1.0 + PGA_SOFT_SOIL_GAIN * soft)

    litho_n = _smooth_noise(rng, grid.shape, grid.cells(1500.0))
    litho = np.where(litho_n < -0.4, 0.0, np.where(litho_n < 0.5, 0.8, 0.3))
    alluvium = (hand < 12.0) & (slope < 5.0)
    litho = np.where(alluvium, -1.5, litho)
    noise_ls = _smooth_noise(rng, grid.shape, grid.cells(200.0))
    logit = -4.84 + 0.22 * slope + litho + 0.7 * np.exp(-d_fault / 1000.0) + 0.35 * noise_ls
    landslide = 1.0 / (1.0 + np.exp(-logit))

    d_plant = np.hypot(grid.X - plant_xy[0], grid.Y - plant_xy[1])
    chem = chemical_lethality(d_plant)

    built_frac = ndimage.gaussian_filter(built.astype(float), grid.cells(250.0))
    lc_delta = np.select([lc == LC_FOREST, lc == LC_WATER, lc == LC_WET, lc == LC_GRASS,
                          lc == LC_BUILT], [-2.0, -4.0, -2.5, 0.5, 1.0], 0.0)
    grad = np.hypot(gx, gy)
    southness = np.sin(np.arctan(grad)) * np.where(grad > 0,
                                                   dzdy_north / np.maximum(grad, 1e-9), 0.0)
    lst = (34.0 - 0.0065 * dem + 6.5 * built_frac + lc_delta + 1.2 * southness
           + 0.4 * _smooth_noise(rng, grid.shape, grid.cells(120.0)))

    # ---------------- ecological red line
    # ecological importance of forest: steepness or altitude (1 = 22 deg or 500 m); the threshold
    # is lowered when needed so that about 30 % of the county qualifies before smoothing
    importance = np.maximum(slope_s / 22.0, (dem - 150.0) / 350.0)
    forest_ok = (lc == LC_FOREST) & cmask
    target = int(0.30 * cmask.sum())
    vals = np.sort(importance[forest_ok])[::-1]
    thr = 1.0 if vals.size <= target else min(1.0, float(vals[target]))
    forest_steep = forest_ok & (importance >= thr)
    away = features.geometry_mask([t.footprint.buffer(300.0) for t in towns]
                                  + [v["poly"].buffer(150.0) for v in villages], grid.shape,
                                  grid.transform, invert=False)
    up = ndimage.gaussian_filter(forest_steep.astype(float), 3.0) > 0.45
    up = (ndimage.binary_opening(up, iterations=2) & away & cmask & (lc != LC_CROP)
          & (lc != LC_BUILT))
    holes, nh = ndimage.label(ndimage.binary_fill_holes(up) & ~up)
    hole_size = np.bincount(holes.ravel())
    small = np.zeros(nh + 1, dtype=bool)
    small[1:] = hole_size[1:] * grid.cell ** 2 < 0.1e6
    up = up | small[holes]                          # fill small holes only
    lab, nlab = ndimage.label(up)
    sizes = np.bincount(lab.ravel())
    big = np.zeros(nlab + 1, dtype=bool)
    big[1:] = sizes[1:] * grid.cell ** 2 >= 0.5e6
    up = big[lab]
    red_rows = []
    up_polys = []
    for g in _shapes_to_polygons(up, grid):
        g = _clean(g.simplify(grid.cell * 0.7, preserve_topology=True).intersection(county))
        for p in _polys(g):
            if p.area >= 0.3e6:
                up_polys.append(p)
    up_polys.sort(key=lambda p: (-p.area))
    wet_mask = (wet_zone | ((lc == LC_WATER) & (grid.X > x_w0) & (grid.X < x_w1))) & cmask
    wet_polys = []
    for g in _shapes_to_polygons(wet_mask, grid):
        g = _clean(g.simplify(grid.cell * 0.5, preserve_topology=True).intersection(county))
        wet_polys += [p for p in _polys(g) if p.area > 2e4]
    directions = [("Dongshan", "东山"), ("Beishan", "北山"), ("Xishan", "西山"), ("Nanshan", "南山")]
    for i, p in enumerate(up_polys, start=1):
        rp_ = p.representative_point()
        mask_p = features.geometry_mask([p], grid.shape, grid.transform, invert=True)
        zmean = float(dem[mask_p].mean()) if mask_p.any() else sample(dem, rp_.x, rp_.y)
        water = zmean >= 450.0
        cat = "water conservation 水源涵养" if water else "soil and water conservation 水土保持"
        ang = math.degrees(math.atan2(rp_.y - CY, rp_.x - CX)) % 360.0
        d_py, d_cn = directions[int(((ang + 45.0) % 360.0) // 90.0)]
        kind_py, kind_cn = (("water-conservation forest", "水源涵养林") if water
                            else ("soil-conservation forest", "水土保持林"))
        red_rows.append((p, {"redline_id": i, "name": f"{d_py} {kind_py} {i} {d_cn}{kind_cn}{i}号",
                             "category": cat, "area_ha": round(p.area / 1e4, 2)}))
    for j, p in enumerate(wet_polys, start=1):
        suffix = f" {j}" if j > 1 else ""
        red_rows.append((p, {"redline_id": len(red_rows) + 1,
                             "name": f"{RIVER_NAME} riparian wetland 松河河流湿地{suffix}",
                             "category": "biodiversity maintenance (riparian wetland) "
                                         "生物多样性维护（河湖湿地）",
                             "area_ha": round(p.area / 1e4, 2)}))
    red_union = unary_union([g for g, _ in red_rows])
    red_mask = _rasterize([(red_union, 1)], grid, dtype="uint8").astype(bool)

    # ---------------- permanent basic farmland
    floodway = rp <= 5.0
    farm = (cmask & (lc == LC_CROP) & (slope_s < 6.0) & (dem < 320.0) & ~floodway & ~red_mask
            & ~built)
    farm = ndimage.binary_opening(farm, iterations=1)
    lab, nlab = ndimage.label(farm)
    sizes = np.bincount(lab.ravel())
    keep = np.zeros(nlab + 1, dtype=bool)
    keep[1:] = sizes[1:] >= 12
    farm = keep[lab]
    floodway_polys = _shapes_to_polygons(floodway & cmask, grid)
    excl = unary_union([red_union] + [t.footprint for t in towns] + [v["poly"] for v in villages]
                       + [plant_site, main_corr] + floodway_polys)
    farm_rows = []
    tile = 450.0
    for g in _shapes_to_polygons(farm, grid):
        g = _clean(g.simplify(grid.cell * 0.5, preserve_topology=True).intersection(county)
                   .difference(excl))
        if g.is_empty:
            continue
        minx, miny, maxx, maxy = g.bounds
        i0, i1 = int((minx - XMIN) // tile), int((maxx - XMIN) // tile)
        j0, j1 = int((miny - YMIN) // tile), int((maxy - YMIN) // tile)
        for i in range(i0, i1 + 1):
            for j in range(j0, j1 + 1):
                cellbox = box(XMIN + i * tile, YMIN + j * tile, XMIN + (i + 1) * tile,
                              YMIN + (j + 1) * tile)
                for p in _polys(_clean(g.intersection(cellbox))):
                    if p.area >= 3000.0:
                        farm_rows.append(p)
    # a plot is kept when its mean slope (cell centres inside the plot) is below 6 degrees
    if farm_rows:
        pid = _rasterize([(p, k + 1) for k, p in enumerate(farm_rows)], grid)
        sl_sum = np.bincount(pid.ravel(), weights=slope.ravel(), minlength=len(farm_rows) + 1)
        sl_n = np.bincount(pid.ravel(), minlength=len(farm_rows) + 1)
        farm_rows = [p for k, p in enumerate(farm_rows)
                     if sl_n[k + 1] > 0 and sl_sum[k + 1] / sl_n[k + 1] < 6.0]
    farm_rows.sort(key=lambda p: (round(p.centroid.y, 1), round(p.centroid.x, 1)))
    farm_rows = [(p, {"plot_id": k, "area_ha": round(p.area / 1e4, 2),
                      "township_code": township_of((p.representative_point().x,
                                                    p.representative_point().y)).code})
                 for k, p in enumerate(farm_rows, start=1)]

    # ---------------- township indicators (SETS)
    road_geoms = [(g, a) for g, a in roads]
    trows = []
    seat_share = {}
    for k, t in enumerate(towns):
        geom = townships[t.key]
        sel = tlabel == k + 1
        area_km2 = geom.area / 1e6
        tpop = float(pop[sel].sum())
        ipop = int(round(tpop))
        seat_share[t.key] = min(1.0, t.pop / max(tpop, 1.0))
        forest = 100.0 * float((lc[sel] == LC_FOREST).mean())
        built_share = float((lc[sel] == LC_BUILT).mean())
        rl = sum(g.intersection(geom).length for g, _ in road_geoms
                 if geom.intersects(g)) / 1000.0
        red_share = 100.0 * red_union.intersection(geom).area / geom.area
        impervious = 100.0 * (0.8 * built_share + (rl * 1000.0 * 8.0) / geom.area)
        beds = sum(a["beds"] for _, a in hospitals if a["township_code"] == t.code)
        sh_area = sum(a["effective_area_m2"] for _, a in shelters if a["township_code"] == t.code)
        zmean = float(dem[sel].mean())
        ss = seat_share[t.key]
        d_seat_km = math.dist(t.c, cg.c) / 1000.0          # remoteness from the county seat
        gdp = (36000.0 + 55000.0 * ss ** 1.5 * (1.0 if t.key == "chengguan" else 0.7)
               - 900.0 * d_seat_km + rng.normal(0.0, 2000.0))
        doctors = (0.42 * beds + 0.6 * tpop / 1000.0) / tpop * 1000.0
        elderly = (12.0 + 9.0 * np.clip((zmean - 100.0) / 500.0, 0.0, 1.0) + 3.0 * (1.0 - ss)
                   + rng.normal(0.0, 0.6))
        drainage = 3 if t.key == "chengguan" else (2 if t.valley else 1)
        trows.append((geom, {
            "code": t.code, "name": t.name, "parent_code": COUNTY_CODE, "seat": t.name,
            "area_km2": round(area_km2, 3), "population": ipop,
            "pop_density": round(tpop / area_km2, 1),
            "gdp_per_capita": float(100 * int(round(gdp / 100.0))),
            "doctors_per_1000": round(doctors, 2),
            "elderly_share": round(float(elderly), 1),
            "forest_cover": round(forest, 1),
            "ecol_red_line_share": round(red_share, 1),
            "impervious_share": round(impervious, 1),
            "road_density": round(rl / area_km2, 3),
            "shelter_area_per_capita": round(sh_area / tpop, 3),
            "drainage_capacity_years": drainage,
            "hospital_beds_per_1000": round(beds / tpop * 1000.0, 2),
        }))

    # ---------------- write rasters
    paths = {}
    tags = {"SOURCE": "synthetic data - sample_data/generate_sample_county.py",
            "SEED": str(seed), "COUNTY": COUNTY_NAME, "SYNTHETIC": "YES"}
    arrays = {"dem": dem, "slope": slope, "hand": hand, "landcover": lc, "flood_depth": flood,
              "flood_return_period": rp, "landslide_susceptibility": landslide,
              "seismic_pga": pga, "chemical_accident": chem, "heat_lst": lst,
              "population": pop}
    extra = {
        "flood_depth": {"DESIGN_STAGE_M": str(DESIGN_STAGE), "RETURN_PERIOD_YEARS": "100",
                        "METHOD": "depth = max(0, 6.0 - HAND) on cells 8-connected to a river "
                                  "cell through cells with HAND <= 6 m; 0 elsewhere"},
        "flood_return_period": {"RETURN_PERIODS": ",".join(map(str, RETURN_PERIODS)),
                                "NEVER_FLOODED_VALUE": str(RP_NEVER),
                                "STAGE_FREQUENCY": (f"stage(T) = {GUMBEL_MU:.4f} + "
                                                    f"{GUMBEL_SIGMA:.4f} * (-ln(-ln(1 - 1/T)))"
                                                    " m above the river cell")},
        "seismic_pga": {"ATTENUATION": ("PGA = 0.30 * (5 / (5 + d_km)) ** 1.1133 "
                                        "* (1 + 0.25 * soft_soil)")},
        "chemical_accident": {"PROBIT": f"P = Phi(ln({CHEM_D50:.1f} / d_m) / {CHEM_SIGMA_LN:.4f})",
                              "PLANT_X": f"{plant_xy[0]:.2f}", "PLANT_Y": f"{plant_xy[1]:.2f}"},
        "landcover": {f"CLASS_{k}": v for k, v in LANDCOVER_CLASSES.items()},
        "population": {"TOTAL": str(TOTAL_POPULATION)},
        "heat_lst": {"MODEL": ("34.0 - 0.0065*z + 6.5*built_frac + landcover offset "
                               "+ 1.2*southness")},
    }
    for name, (dtype, desc, unit) in RASTERS.items():
        arr = np.where(cmask, arrays[name], NODATA)
        path = os.path.join(out_dir, f"{name}.tif")
        _write_raster(path, arr, grid, dtype, desc, unit, dict(tags, **extra.get(name, {})))
        paths[name] = path

    # ---------------- write GeoPackage
    gpkg = os.path.join(out_dir, "sample_county.gpkg")
    if os.path.exists(gpkg):
        os.remove(gpkg)
    drv = ogr.GetDriverByName("GPKG")
    ds = drv.CreateDataSource(gpkg)
    if ds is None:
        raise RuntimeError(f"cannot create {gpkg}")
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    P, L, MP = ogr.wkbPoint, ogr.wkbLineString, ogr.wkbMultiPolygon

    _write_layer(ds, srs, "county", MP, [("code", str), ("name", str), ("area_km2", float),
                                         ("population", int)],
                 [(county, {"code": COUNTY_CODE, "name": COUNTY_NAME,
                            "area_km2": round(county.area / 1e6, 3),
                            "population": int(round(pop[cmask].sum()))})])
    tfields = [("code", str), ("name", str), ("parent_code", str), ("seat", str),
               ("area_km2", float), ("population", int), ("pop_density", float),
               ("gdp_per_capita", float), ("doctors_per_1000", float), ("elderly_share", float),
               ("forest_cover", float), ("ecol_red_line_share", float),
               ("impervious_share", float), ("road_density", float),
               ("shelter_area_per_capita", float), ("drainage_capacity_years", int),
               ("hospital_beds_per_1000", float)]
    _write_layer(ds, srs, "townships", MP, tfields, trows)
    _write_layer(ds, srs, "residential_blocks", MP,
                 [("block_id", int), ("population", int), ("township_code", str),
                  ("settlement", str), ("kind", str), ("area_m2", float)],
                 [(b["geom"], {"block_id": b["id"], "population": b["pop"],
                               "township_code": b["township"].code, "settlement": b["settlement"],
                               "kind": b["kind"], "area_m2": round(b["geom"].area, 1)})
                  for b in blocks])
    _write_layer(ds, srs, "roads", L, [("road_id", int), ("class", str), ("speed_kmh", int),
                                       ("oneway", int), ("name", str), ("length_m", float)],
                 [(g, dict(a, length_m=round(g.length, 2))) for g, a in roads])
    _write_layer(ds, srs, "shelters", P, [("shelter_id", int), ("name", str), ("type", str),
                                          ("effective_area_m2", float),
                                          ("capacity_persons", int), ("township_code", str)],
                 shelters)
    _write_layer(ds, srs, "hospitals", P, [("hospital_id", int), ("name", str), ("level", str),
                                           ("beds", int), ("township_code", str)], hospitals)
    _write_layer(ds, srs, "candidate_sites", P,
                 [("site_id", int), ("name", str), ("kind", str), ("area_m2", float),
                  ("capacity_persons", int), ("township_code", str)], cands)
    _write_layer(ds, srs, "chemical_plant", P,
                 [("plant_id", int), ("name", str), ("type", str), ("substance", str),
                  ("major_hazard_level", str)],
                 [(Point(plant_xy), {
                     "plant_id": 1, "name": "Songhe Chlor-Alkali Chemical Co. 松河氯碱化工有限公司",
                     "type": "hazardous chemicals production and storage 危险化学品生产储存",
                     "substance": "liquid chlorine 液氯",
                     "major_hazard_level": "II 二级重大危险源"})])
    river_rows = []
    def downstream(part, source_line):
        """part oriented like source_line (digitised in the flow direction)."""
        if source_line.project(Point(part.coords[0])) > source_line.project(Point(part.coords[-1])):
            return LineString(list(part.coords)[::-1])
        return part

    main_parts = sorted((downstream(g, thal_line) for g in _lines(thal_line.intersection(county))),
                        key=lambda g: g.coords[0][0])
    for g in main_parts:
        river_rows.append((g, {"river_id": len(river_rows) + 1, "name": RIVER_NAME,
                               "rank": "main", "flows_into": ""}))
    for t, tl in zip(tribs, trib_lines):
        for g in _lines(tl.intersection(county)):
            g = downstream(g, tl)
            if g.length > 30.0:
                river_rows.append((g, {"river_id": len(river_rows) + 1, "name": t["name"],
                                       "rank": "tributary", "flows_into": RIVER_NAME}))
    for g, a in river_rows:
        a["length_km"] = round(g.length / 1000.0, 3)
    _write_layer(ds, srs, "river", L, [("river_id", int), ("name", str), ("rank", str),
                                       ("flows_into", str), ("length_km", float)], river_rows)
    fault_line = LineString(fault_xy)
    fault_rows = [(g, {"fault_id": k, "name": "Songhe-Baishi fault 松河—白石断裂",
                       "activity": "Holocene active 全新世活动断裂",
                       "mechanism": "dextral strike-slip with thrust component 右旋走滑兼逆冲",
                       "slip_rate_mm_yr": 1.2, "length_km": round(g.length / 1000.0, 3)})
                  for k, g in enumerate(_lines(fault_line.intersection(county)), start=1)]
    _write_layer(ds, srs, "fault", L, [("fault_id", int), ("name", str), ("activity", str),
                                       ("mechanism", str), ("slip_rate_mm_yr", float),
                                       ("length_km", float)], fault_rows)
    _write_layer(ds, srs, "ecological_red_line", MP,
                 [("redline_id", int), ("name", str), ("category", str), ("area_ha", float)],
                 red_rows)
    _write_layer(ds, srs, "basic_farmland", MP,
                 [("plot_id", int), ("area_ha", float), ("township_code", str)], farm_rows)
    settle = []
    for t in towns:
        kind = "county seat" if t.key == "chengguan" else "township seat"
        settle.append((Point(t.c), {"settlement_id": len(settle) + 1, "name": t.name,
                                    "kind": kind, "township_code": t.code,
                                    "population": int(t.pop)}))
    for v in villages:
        settle.append((Point(v["xy"]), {"settlement_id": len(settle) + 1, "name": v["name"],
                                        "kind": "village",
                                        "township_code": township_of(v["xy"]).code,
                                        "population": v["pop_int"]}))
    _write_layer(ds, srs, "settlements", P, [("settlement_id", int), ("name", str), ("kind", str),
                                             ("township_code", str), ("population", int)], settle)
    ds = None
    paths["sample_county"] = gpkg

    # ---------------- metadata
    meta = {
        "synthetic": True,
        "generator": "sample_data/generate_sample_county.py",
        "seed": seed, "cell_m": grid.cell, "epsg": EPSG, "nodata": NODATA,
        "grid": {"width": grid.nx, "height": grid.ny, "xmin": grid.x0, "ymax": grid.y1,
                 "xmax": grid.x1, "ymin": grid.y0},
        "county": {"code": COUNTY_CODE, "name": COUNTY_NAME,
                   "area_km2": round(county.area / 1e6, 3), "population": TOTAL_POPULATION},
        "flood": {"design_stage_m": DESIGN_STAGE, "design_return_period_years": 100,
                  "return_periods": list(RETURN_PERIODS), "never_flooded_value": RP_NEVER,
                  "gumbel_mu_m": GUMBEL_MU, "gumbel_sigma_m": GUMBEL_SIGMA,
                  "stages_m": {str(T): round(float(h), 4)
                               for T, h in zip(RETURN_PERIODS, stages)}},
        "seismic": {"pga_at_fault_g": PGA_AT_FAULT, "r0_km": PGA_R0_KM, "n": PGA_N,
                    "soft_soil_gain": PGA_SOFT_SOIL_GAIN},
        "chemical": {"plant_xy": plant_xy, "d50_m": CHEM_D50, "sigma_ln": CHEM_SIGMA_LN},
        "shelter_standard_m2_per_person": SHELTER_STANDARD_M2,
        "candidate_effective_ratio": CANDIDATE_EFFECTIVE_RATIO,
        "landcover_classes": {str(k): v for k, v in LANDCOVER_CLASSES.items()},
        "townships": [{"code": a["code"], "name": a["name"], "population": a["population"]}
                      for _, a in trows],
        "files": {k: os.path.basename(v) for k, v in paths.items()},
        "layers": list(LAYERS),
    }
    mpath = os.path.join(out_dir, "metadata.json")
    with open(mpath, "w", encoding="utf-8") as fh:
        json.dump(meta, fh, ensure_ascii=False, indent=2)
    paths["metadata"] = mpath
    return paths


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--seed", type=int, default=2020)
    ap.add_argument("--cell", type=float, default=30.0, help="cell size in metres")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    paths = generate(args.out, seed=args.seed, cell=args.cell)
    for k, v in paths.items():
        print(f"{k:26s} {v}")
    print(f"done in {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
