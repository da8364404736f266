"""Side valleys (gullies): a two-level dendritic network carved into the hills."""

import math
from dataclasses import dataclass

import numpy as np
from scipy.spatial import cKDTree
from shapely.geometry import LineString, Point

from .fields import smoothstep
from .geometry import catmull_rom, densify

MIN_SPACING = 280.0  # m between a new gully (beyond its mouth) and any other stream
MIN_PARENT_SPACING = 330.0  # m between the upper half of a gully and its parent stream
SEAT_CLEARANCE = 500.0  # m between a gully and a township seat


@dataclass(eq=False)
class Gully:
    """A side valley digitised from its junction with the parent stream (xy[0]) to its head."""

    xy: np.ndarray
    line: LineString
    parent: "Gully | None" = None  # None: joins the main river or a tributary
    root_z: float | None = None  # elevation (m) where the system joins the river


def _heading_path(rng, start, heading, length):
    """Gently wandering path of four steps from start, each turning by up to ±0.3 rad."""
    pts = [np.asarray(start, dtype=float)]
    step = length / 4
    h = heading
    for _ in range(4):
        h += rng.uniform(-0.3, 0.3)
        pts.append(pts[-1] + step * np.array([math.cos(h), math.sin(h)]))
    return catmull_rom(np.array(pts), 8)


class _Network:
    """The streams placed so far, for the spacing tests of every new gully."""

    def __init__(self, grid, streams, seats):
        self.box = (grid.x0 + 60.0, grid.x1 - 60.0, grid.y0 + 60.0, grid.y1 - 60.0)
        self.lines = list(streams)
        self.bounds = [e.bounds for e in self.lines]
        self.seats = [Point(p) for p in seats.values()]

    def fits(self, xy, parent):
        """Whether a gully along xy keeps inside the grid and clear of the other streams and
        the seats (its first vertices may touch the parent, where it branches off)."""
        x_lo, x_hi, y_lo, y_hi = self.box
        if xy[:, 0].min() < x_lo or xy[:, 0].max() > x_hi or xy[:, 1].min() < y_lo or xy[:, 1].max() > y_hi:
            return False
        tail = LineString(xy[4:])
        tb = tail.bounds
        m = MIN_SPACING
        near = [
            e
            for e, eb in zip(self.lines, self.bounds)
            if e is not parent and eb[0] < tb[2] + m and eb[2] > tb[0] - m and eb[1] < tb[3] + m and eb[3] > tb[1] - m
        ]
        if any(tail.distance(e) < m for e in near):
            return False
        if LineString(xy[len(xy) // 2 :]).distance(parent) < MIN_PARENT_SPACING:
            return False
        line = LineString(xy)
        return not any(sp.distance(line) < SEAT_CLEARANCE for sp in self.seats)

    def add(self, line):
        """Register a new gully."""
        self.lines.append(line)
        self.bounds.append(line.bounds)


def _branch(rng, grid, network, parent, upstream_sign, spacing, length_range, seat_distance):
    """Gullies branching off `parent` every ~spacing metres, alternately left and right.

    Each points upstream at 0.8–1.25 rad from the parent's direction (upstream_sign: +1 when
    the parent is digitised towards its head, −1 when towards its mouth). A branch point
    closer than seat_distance to a seat or 300 m to the grid edge is skipped; a gully that
    does not fit is tried again at 70 % and 45 % of its length.
    """
    L = parent.length
    s = rng.uniform(0.3, 1.0) * spacing
    side = 1.0 if rng.uniform() < 0.5 else -1.0
    children = []
    while s < L - 200.0:
        p = parent.interpolate(s)
        q = parent.interpolate(min(L, s + 20.0))
        tx, ty = q.x - p.x, q.y - p.y
        tn = math.hypot(tx, ty) or 1.0
        up = math.atan2(upstream_sign * ty / tn, upstream_sign * tx / tn)
        heading = up + side * rng.uniform(0.8, 1.25)
        length = rng.uniform(*length_range)
        if (
            grid.x0 + 300 < p.x < grid.x1 - 300
            and grid.y0 + 300 < p.y < grid.y1 - 300
            and min(sp.distance(p) for sp in network.seats) > seat_distance
        ):
            for frac in (1.0, 0.7, 0.45):
                xy = _heading_path(rng, (p.x, p.y), heading, length * frac)
                if network.fits(xy, parent):
                    line = LineString(xy)
                    network.add(line)
                    children.append(Gully(xy, line))
                    break
        side = -side
        s += spacing * rng.uniform(0.8, 1.25)
    return children


def side_valleys(rng, grid, tribs, thal_xy, seats):
    """Level-1 gullies off the main river (every ~900 m, 1.8–3.6 km long) and the tributaries
    (~800 m, 1.5–3.8 km), then level-2 gullies off those (~550 m, 0.6–1.4 km).

    Parents come before their children in the returned list.
    """
    main = LineString(thal_xy)
    trib_lines = [LineString(t.xy) for t in tribs]
    network = _Network(grid, [main] + trib_lines, seats)
    # the main river and the tributaries are digitised downstream, the gullies upstream
    level1 = _branch(rng, grid, network, main, -1.0, 900.0, (1800.0, 3600.0), 1500.0)
    for line in trib_lines:
        level1 += _branch(rng, grid, network, line, -1.0, 800.0, (1500.0, 3800.0), 1500.0)
    level2 = []
    for g in level1:
        for child in _branch(rng, grid, network, g.line, 1.0, 550.0, (600.0, 1400.0), 900.0):
            child.parent = g
            level2.append(child)
    return level1 + level2


def carve(grid, Z, g, outlet, protect):
    """Carve gully g into the DEM Z (m, in place) as a V-shaped valley.

    Bed: z_j + (z_h − z_j)·(s/L)^1.1 from 0.5 m above the junction (z_j) to 15 m below the
    ground at the head (z_h), kept ≥ 5 m below the ground and never descending upstream. The
    ground is blended down to the bed over a half width 150 m + 0.15 L that narrows to 35 % at
    the junction, so the parent's profile is kept; cells in `protect` (river and tributary
    floors) and cells beyond the junction are left alone. Every lowered cell records in
    `outlet` the elevation where the gully system joins the river, its drainage level for HAND.
    """
    xy, _ = densify(g.xy, 45.0)
    line_len = float(np.sum(np.hypot(*np.diff(xy, axis=0).T)))
    hw = 150.0 + 0.15 * line_len
    pad = hw + 2 * grid.cell
    c0 = max(int((xy[:, 0].min() - pad - grid.x0) // grid.cell), 0)
    c1 = min(int((xy[:, 0].max() + pad - grid.x0) // grid.cell) + 1, grid.nx)
    r0 = max(int((grid.y1 - xy[:, 1].max() - pad) // grid.cell), 0)
    r1 = min(int((grid.y1 - xy[:, 1].min() + pad) // grid.cell) + 1, grid.ny)
    X = grid.X[r0:r1, c0:c1].ravel()
    Y = grid.Y[r0:r1, c0:c1].ravel()
    fine, s_fine = densify(xy, 5.0)
    dist, k = cKDTree(fine).query(np.column_stack([X, Y]))
    s_near = s_fine[k]
    seg_s = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(xy, axis=0).T))])
    zl = grid.sample(Z, xy[:, 0], xy[:, 1])
    z_j = zl[0] + 0.5
    g.root_z = g.parent.root_z if g.parent is not None else float(zl[0])
    z_h = zl[-1] - 15.0
    bed = z_j + (z_h - z_j) * (seg_s / line_len) ** 1.1
    bed = np.minimum(bed, zl - 5.0)
    bed = np.maximum.accumulate(np.maximum(bed, z_j))
    bed_c = np.interp(s_near, seg_s, bed)
    sub = Z[r0:r1, c0:c1].ravel()
    hw_s = hw * (0.35 + 0.65 * np.clip(s_near / (0.3 * line_len), 0.0, 1.0))
    tt = np.clip((dist - 15.0) / hw_s, 0.0, 1.0)
    w = 0.6 * smoothstep(tt) + 0.4 * (1.0 - (1.0 - tt) ** 2)
    carved = np.where(dist < 15.0, bed_c + 0.5 * dist / 15.0, bed_c + 0.5 + (sub - bed_c - 0.5) * w)
    keep = protect[r0:r1, c0:c1].ravel() | (s_near <= 0.0)
    carved = np.where(keep, sub, carved)
    lowered = (carved < sub - 0.01).reshape(r1 - r0, c1 - c0)
    Z[r0:r1, c0:c1] = np.minimum(sub, carved).reshape(r1 - r0, c1 - c0)
    out_sub = outlet[r0:r1, c0:c1]
    out_sub[lowered] = np.minimum(out_sub[lowered], g.root_z)
