"""The seven township seats: their table and their built-up footprints."""

import math
from dataclasses import dataclass

import numpy as np
from shapely.geometry import Polygon

from .geometry import clean, to_world
from .names import COUNTY_CODE

# key, pinyin, Chinese, township code, seat population, footprint semi-axes a (along the
# valley) and b (across) in m, street spacing in m
TOWNS = [
    ("chengguan", "Chengguan", "城关镇", COUNTY_CODE + "100", 80000, 2000, 1050, 195),
    ("heping", "Heping", "和平镇", COUNTY_CODE + "101", 15000, 850, 500, 170),
    ("dongping", "Dongping", "东坪镇", COUNTY_CODE + "102", 12000, 800, 480, 170),
    ("baishi", "Baishi", "白石镇", COUNTY_CODE + "103", 8000, 650, 380, 160),
    ("nanshan", "Nanshan", "南山乡", COUNTY_CODE + "200", 6000, 560, 340, 150),
    ("longquan", "Longquan", "龙泉乡", COUNTY_CODE + "201", 5000, 520, 330, 150),
    ("songlin", "Songlin", "松林乡", COUNTY_CODE + "202", 3500, 450, 300, 140),
]
VALLEY_TOWNS = ("chengguan", "heping", "dongping")
COUNTY_SEAT = "chengguan"


@dataclass(eq=False)
class Town:
    key: str
    py: str  # pinyin name
    cn: str  # Chinese name
    code: str
    pop: int  # residents of the seat
    a: float  # m, footprint semi-axis along the town axis
    b: float  # m, footprint semi-axis across it
    spacing: float  # m between streets
    c: tuple  # (x, y) of the seat
    valley: bool  # on the main valley terrace (else on a tributary)
    theta: float  # rad, direction of the town axis (the valley or the stream)
    ell_off: float  # m, shift of the footprint across the axis (south when < 0)
    footprint: object  # polygon of the built-up area
    buildable: object  # footprint minus the river corridors

    @property
    def name(self):
        """ "<pinyin> <Chinese>", e.g. "Heping 和平镇"."""
        return f"{self.py} {self.cn}"


def find_town(towns, key):
    """The town of `towns` with that key."""
    return next(t for t in towns if t.key == key)


def _axis_direction(key, c, valley, tribs):
    """Direction (rad) of the town axis: the valley axis, or the stream past a hill town (its
    course ±8 vertices about the point nearest to 200 m west of the seat)."""
    if key in VALLEY_TOWNS:
        return math.atan(valley.axis_slope(c[0]))
    tr = next(t.xy for t in tribs if t.key == key)
    k = int(np.argmin(np.hypot(tr[:, 0] - c[0] + 200.0, tr[:, 1] - c[1])))
    k0, k1 = max(k - 8, 0), min(k + 8, len(tr) - 1)
    return math.atan2(tr[k1, 1] - tr[k0, 1], tr[k1, 0] - tr[k0, 0])


def _footprint(rng, c, theta, a, b, ell_off):
    """Noisy ellipse: radius × (1 + Σ A_k sin(kθ + φ_k)), k = 3, 4, 5, 7, A = 5 … 2 %."""
    th = np.linspace(0, 2 * np.pi, 96, endpoint=False)
    rr = np.ones_like(th)
    for kk, amp in ((3, 0.05), (4, 0.04), (5, 0.03), (7, 0.02)):
        rr += amp * np.sin(kk * th + rng.uniform(0, 2 * np.pi))
    fx, fy = to_world(c[0], c[1], theta, a * rr * np.cos(th), ell_off + b * rr * np.sin(th))
    return Polygon(np.column_stack([fx, fy])).buffer(0)


def build_towns(rng, boundary, valley, seats, tribs, rivers):
    """The towns of TOWNS at their seats, footprints kept 80 m inside the county.

    Chengguan's footprint is shifted 250 m south so that it spans the river: the old town on
    the northern terrace, the Nanhu new district on the southern floodplain.
    """
    towns = []
    inner = boundary.buffer(-80.0)
    for key, py, cn, code, pop, a, b, spacing in TOWNS:
        c = seats[key]
        theta = _axis_direction(key, c, valley, tribs)
        ell_off = -250.0 if key == COUNTY_SEAT else 0.0
        footprint = clean(_footprint(rng, c, theta, a, b, ell_off).intersection(inner))
        buildable = clean(footprint.difference(rivers.main_corridor).difference(rivers.tributary_corridor))
        towns.append(Town(key, py, cn, code, pop, a, b, spacing, c, key in VALLEY_TOWNS, theta, ell_off, footprint, buildable))
    return towns
