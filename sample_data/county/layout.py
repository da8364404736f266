"""The county outline, the township seats and the courses of the four tributaries."""

import math
from dataclasses import dataclass

import numpy as np
from shapely.geometry import Point, Polygon
from shapely.geometry.polygon import orient

from .geometry import catmull_rom
from .grid import CX, CY, XMAX, XMIN, YMAX, YMIN
from .names import COUNTY_CODE, COUNTY_NAME


@dataclass
class Tributary:
    """A tributary digitised from its source to its mouth on the main river."""

    key: str  # key of the township seat it passes
    name: str
    xy: np.ndarray  # n × 2 vertices (m)
    s_seat: float  # distance (m) along the course where it passes the seat


def county_outline(rng):
    """Irregular county polygon (≈ 270 km², counter-clockwise) about the centre of the extent.

    A superellipse r(θ) = (|cos θ / a|^n + |sin θ / b|^n)^(-1/n), n = 3.2, a = 8.7 km,
    b = 8.6 km, times 1 + Σ A_k sin(kθ + φ_k) for ten harmonics k = 2 … 31 with random phases;
    kept 150 m inside the extent.
    """
    th = np.linspace(0.0, 2.0 * np.pi, 480, endpoint=False)
    n, a, b = 3.2, 8700.0, 8600.0
    r = 1.0 / ((np.abs(np.cos(th)) / a) ** n + (np.abs(np.sin(th)) / b) ** n) ** (1.0 / n)
    pert = np.ones_like(th)
    for k, amp in [(2, 0.035), (3, 0.03), (4, 0.02), (5, 0.015), (7, 0.01), (9, 0.008), (13, 0.005), (17, 0.004), (23, 0.003), (31, 0.002)]:
        pert += amp * np.sin(k * th + rng.uniform(0.0, 2.0 * np.pi))
    r = r * pert
    x = np.clip(CX + r * np.cos(th), XMIN + 150.0, XMAX - 150.0)
    y = np.clip(CY + r * np.sin(th), YMIN + 150.0, YMAX - 150.0)
    poly = Polygon(np.column_stack([x, y])).buffer(0)
    return orient(poly, 1.0)


def county_rows(boundary, population):
    """The single feature of the `county` layer."""
    return [(boundary, {"code": COUNTY_CODE, "name": COUNTY_NAME, "area_km2": round(boundary.area / 1e6, 3), "population": population})]


def _pull_inside(pt, boundary, margin, toward=(CX, CY)):
    """pt moved towards `toward` in 100 m steps until it is `margin` metres inside the county."""
    inner = boundary.buffer(-margin)
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


def place_seats(rng, boundary, valley):
    """{town key: (x, y)} of the seven township seats.

    The three valley towns sit on the terrace (the main road runs there, above the floodplain);
    the three hill towns lie on tributaries in the north; Nanshan lies 2.7 km south of the axis.
    """
    seats = {}
    for key, x in (("heping", 484300.0), ("chengguan", 490800.0), ("dongping", 496500.0)):
        seats[key] = valley.terrace(x + rng.uniform(-150, 150))
    hill = {"baishi": (489300.0, 3393900.0), "songlin": (484900.0, 3395300.0), "longquan": (495600.0, 3394600.0)}
    for key, (x, y) in hill.items():
        x, y = x + rng.uniform(-200, 200), y + rng.uniform(-200, 200)
        seats[key] = _pull_inside((x, y), boundary, 900.0)
    x = 491800.0 + rng.uniform(-200, 200)
    seats["nanshan"] = _pull_inside((x, float(valley.axis(x)) - 2700.0), boundary, 700.0, toward=(x, float(valley.axis(x))))
    return seats


def _jitter(rng, p, q, f, amp):
    """Point at fraction f from p to q, moved sideways by up to amp metres."""
    mx, my = p[0] + f * (q[0] - p[0]), p[1] + f * (q[1] - p[1])
    dx, dy = q[0] - p[0], q[1] - p[1]
    d = math.hypot(dx, dy) or 1.0
    o = rng.uniform(-amp, amp)
    return (mx - dy / d * o, my + dx / d * o)


def trace_tributaries(rng, valley, seats):
    """Four tributaries: source at the edge of the extent → past a seat → mouth on the thalweg.

    Catmull-Rom spline through laterally jittered waypoints; the stream passes 200 m west of
    its seat (the town stands on the east bank) and approaches the main river across the
    floodplain from 250 m away.
    """
    tribs = []
    spec = [
        ("baishi", "Baishi He 白石河", (488700.0, 3399800.0), 489200.0),
        ("songlin", "Songlin He 松林河", (482300.0, 3399800.0), 485400.0),
        ("longquan", "Longquan He 龙泉河", (498300.0, 3399800.0), 495100.0),
        ("nanshan", "Nanshan He 南山河", (492700.0, 3380150.0), 493500.0),
    ]
    for key, name, src, mouth_x in spec:
        sx, sy = seats[key]
        stream_at_seat = (sx - 200.0, sy)
        src = (src[0] + rng.uniform(-400, 400), src[1])
        mouth_x = mouth_x + rng.uniform(-150, 150)
        mouth = (mouth_x, float(valley.thalweg(mouth_x)))
        wp = [src] + [_jitter(rng, src, stream_at_seat, f, 260.0) for f in (0.25, 0.5, 0.75)]
        wp += [stream_at_seat]
        wp += [_jitter(rng, stream_at_seat, mouth, f, 220.0) for f in (0.3, 0.55, 0.8)]
        approach = (mouth[0], mouth[1] + (250.0 if mouth[1] < sy else -250.0))
        wp += [approach, mouth]
        path = catmull_rom(wp, 30)
        path[:, 0] = np.clip(path[:, 0], XMIN + 1.0, XMAX - 1.0)
        path[:, 1] = np.clip(path[:, 1], YMIN + 1.0, YMAX - 1.0)
        path[-1] = mouth
        d_seat = np.hypot(path[:, 0] - stream_at_seat[0], path[:, 1] - stream_at_seat[1])
        seg = np.concatenate([[0], np.cumsum(np.hypot(*np.diff(path, axis=0).T))])
        tribs.append(Tributary(key, name, path, float(seg[np.argmin(d_seat)])))
    return tribs
