"""Terrain: the DEM (hills, river valley, tributary valleys, gullies) and what derives from it
(river cells, slope, south-facing index, height above nearest drainage)."""

from dataclasses import dataclass

import numpy as np
from scipy import ndimage

from .fields import fractal, smooth_noise, smoothstep
from .geometry import densify
from .grid import XMAX, XMIN, YMAX, polyline_distance
from .gullies import carve, side_valleys

CHANNEL_HALFWIDTH = 35.0  # m, main river (water in the land cover)
TRIB_CHANNEL_HALFWIDTH = 12.0  # m, tributaries
HILL_BASE, SUMMIT = 150.0, 900.0  # m: the hills span HILL_BASE … SUMMIT in the county


@dataclass
class Terrain:
    dem: np.ndarray  # m
    slope: np.ndarray  # degrees
    slope_smooth: np.ndarray  # degrees, Gaussian σ 1.5 cells: the scale land use follows
    south_facing: np.ndarray  # sin(slope) · cos(aspect from south), −1 … 1
    hand: np.ndarray  # m, height above nearest drainage, ≥ 0
    hand_raw: np.ndarray  # m, the same before clipping (< 0 in hollows)
    river: np.ndarray  # bool, cells of the main river and tributary centre lines
    channel: np.ndarray  # bool, cells of open water
    d_axis: np.ndarray  # m, distance to the valley axis
    d_thal: np.ndarray  # m, distance to the main river
    d_trib: np.ndarray  # m, distance to the nearest tributary
    floodplain_halfwidth: np.ndarray  # m, at every cell's x
    thal_xy: np.ndarray  # the main river, n × 2 (m), digitised west → east

    @property
    def d_river(self):
        """Distance (m) to the nearest river or tributary."""
        return np.minimum(self.d_thal, self.d_trib)


def _hills(rng, grid, inside, yv, wfp):
    """Hill elevation (m), spanning HILL_BASE … SUMMIT inside the county.

    A logistic of two fractal surfaces (∝ k^-3.7 plus k^-3 detail) so there are no flat
    plateaus, times a relief amplitude 300 + 520·north^0.85·(0.45 + 0.55·(1 − x')) that rises
    away from the valley to the north and towards the west (x' = 0 … 1 west → east).
    """
    X, Y = grid.X, grid.Y
    xp = (X - XMIN) / (XMAX - XMIN)
    F = fractal(rng, grid.shape, 3.7)
    F2 = fractal(rng, grid.shape, 3.0)
    Fn = 1.0 / (1.0 + np.exp(-4.0 * (0.18 * F + 0.12 * F2)))
    north = np.clip((Y - yv - wfp) / (YMAX - 3387000.0), 0.0, 1.0)
    A = 300.0 + 520.0 * north**0.85 * (0.45 + 0.55 * (1.0 - xp))
    H = A * (0.30 + 0.70 * Fn)
    lo, hi = H[inside].min(), H[inside].max()
    return HILL_BASE + (H - lo) / (hi - lo) * (SUMMIT - HILL_BASE)


def _floodplain(rng, grid, valley, d_thal):
    """Floodplain elevation (m): thalweg + 2.8 m banks within 35 m + up to 1.8 m rise over the
    next 350 m + 0.25 m micro-relief (smooth noise, σ 90 m) off the channel."""
    micro = smooth_noise(rng, grid.shape, grid.cells(90.0))
    zt = valley.z_thalweg(grid.X)
    return zt + 2.8 * smoothstep(d_thal / 35.0) + 1.8 * np.clip((d_thal - 35.0) / 350.0, 0, 1) + 0.25 * micro * smoothstep((d_thal - 35.0) / 60.0)


def _valley_sides(grid, yv, wfp, d_axis, floodplain, hills):
    """Floodplain blended into the hills beyond the floodplain edge, over 1.9 km on the long
    northern side and 1.1 km on the short southern side (weight: mean of a smoothstep and an
    ease-out parabola of the distance)."""
    L = np.where(grid.Y > yv, 1900.0, 1100.0)
    te = np.clip((d_axis - wfp) / L, 0.0, 1.0)
    w = 0.5 * smoothstep(te) + 0.5 * (1.0 - (1.0 - te) ** 2)
    return floodplain + (hills - floodplain) * w


def _tributary_profiles(grid, valley, tribs, Z1):
    """Bed, floor half width and terrace rise (m) along every tributary, as (points, s, bed,
    floor, rise) with the points densified to a third of a cell.

    Bed: concave z_mouth + (z_src − z_mouth)·((L − s)/L)^1.7 with z_src 20 m below the ground
    at the source, at least min(8 m, half the height above the mouth) below the ground, 3 m
    below the lowest ground within 1.2 km (so that no hollow beside a stream is lower than the
    stream, which keeps HAND meaningful) and never rising downstream. Near the seat
    (Gaussian in s, 900 m) the floor widens from 50 to 240 m and the terrace rise from 3.5 to
    10 m, lifting the town above the design flood.
    """
    z_low = ndimage.minimum_filter(Z1, size=2 * int(round(1200.0 / grid.cell)) + 1, mode="nearest")
    profiles = []
    for t in tribs:
        pts, s = densify(t.xy, grid.cell / 3.0)
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
        near_seat = np.exp(-(((s - t.s_seat) / 900.0) ** 2))
        profiles.append((pts, s, bed, 50.0 + 190.0 * near_seat, 3.5 + 6.5 * near_seat))
    return profiles


def _carve_tributaries(grid, tribs, profiles, Z1):
    """Z1 with the tributary valleys cut in: (DEM, distance to the nearest tributary, floor
    half width at every cell).

    Across a valley: bed + 1.5 m banks within the channel half width, the terrace rise
    reached (power 1.5) at the floor edge, then blended up to the hills over 1 km.
    """
    d_trib, l_trib, s_trib = polyline_distance(grid, [t.xy for t in tribs])
    bed_c = np.zeros(grid.shape)
    floor_c = np.zeros(grid.shape)
    rise_c = np.zeros(grid.shape)
    for i, (_, s, bed, floor, rise) in enumerate(profiles):
        sel = l_trib == i
        bed_c[sel] = np.interp(s_trib[sel], s, bed)
        floor_c[sel] = np.interp(s_trib[sel], s, floor)
        rise_c[sel] = np.interp(s_trib[sel], s, rise)
    ch = TRIB_CHANNEL_HALFWIDTH
    z_in = bed_c + 1.5 * smoothstep(d_trib / ch) + rise_c * np.clip((d_trib - ch) / np.maximum(floor_c - ch, 1.0), 0.0, 1.0) ** 1.5
    edge = bed_c + 1.5 + rise_c
    tt = np.clip((d_trib - floor_c) / 1000.0, 0.0, 1.0)
    w_t = 0.3 * smoothstep(tt) + 0.7 * (1.0 - (1.0 - tt) ** 2)
    z_out = edge + (Z1 - edge) * w_t
    carved = np.where(d_trib < floor_c, z_in, z_out)
    return np.minimum(Z1, carved), d_trib, floor_c


def _stretch_hills(Z, outlet, inside):
    """Z and outlet with the part above HILL_BASE stretched linearly so that the highest summit
    in the county is SUMMIT again (carving has lowered it)."""
    top = Z[inside].max()
    if top > HILL_BASE:
        k_st = (SUMMIT - HILL_BASE) / (top - HILL_BASE)
        Z = np.where(Z > HILL_BASE, HILL_BASE + (Z - HILL_BASE) * k_st, Z)
        outlet = np.where(np.isfinite(outlet) & (outlet > HILL_BASE), HILL_BASE + (outlet - HILL_BASE) * k_st, outlet)
    return Z, outlet


def _river_cells(grid, polylines):
    """Cells crossed by the polylines (sampled every quarter cell)."""
    river = np.zeros(grid.shape, dtype=bool)
    for xy in polylines:
        pts, _ = densify(xy, grid.cell / 4.0)
        r, c = grid.rc(pts[:, 0], pts[:, 1])
        ok = grid.inside(r, c)
        river[r[ok], c[ok]] = True
    return river


def _slope_and_south_facing(dem, cell):
    """Slope (degrees) and south-facing index sin(slope)·(−∂z/∂y / |∇z|) by central
    differences (numpy.gradient)."""
    gy, gx = np.gradient(dem, cell)  # gy = ∂z/∂row = −∂z/∂y
    grad = np.hypot(gx, gy)
    slope = np.degrees(np.arctan(grad))
    south = np.sin(np.arctan(grad)) * np.where(grad > 0, -gy / np.maximum(grad, 1e-9), 0.0)
    return slope, south


def _height_above_drainage(dem, river, outlet):
    """HAND (m, unclipped): DEM minus the DEM of the Euclidean-nearest river cell, or minus the
    outlet level of a carved side valley where that is lower (its water reaches the river
    there, not at the nearest river cell)."""
    _, (ir, ic) = ndimage.distance_transform_edt(~river, return_indices=True)
    return dem - np.minimum(dem[ir, ic], outlet)


def build_terrain(rng, grid, inside, valley, tribs, seats):
    """The county's terrain on grid (`inside`: cells of the county)."""
    xs = np.arange(XMIN - 500.0, XMAX + 500.0, 10.0)
    axis_xy = np.column_stack([xs, valley.axis(xs)])
    thal_xy = np.column_stack([xs, valley.thalweg(xs)])
    d_axis, _, _ = polyline_distance(grid, [axis_xy])
    d_thal, _, _ = polyline_distance(grid, [thal_xy])
    yv = valley.axis(grid.X)
    wfp = valley.floodplain_halfwidth(grid.X)
    hills = _hills(rng, grid, inside, yv, wfp)
    Z1 = _valley_sides(grid, yv, wfp, d_axis, _floodplain(rng, grid, valley, d_thal), hills)
    profiles = _tributary_profiles(grid, valley, tribs, Z1)
    Z, d_trib, floor_c = _carve_tributaries(grid, tribs, profiles, Z1)
    outlet = np.full(grid.shape, np.inf)
    protect = (d_trib < floor_c + 30.0) | (d_axis < wfp + 30.0)
    for gully in side_valleys(rng, grid, tribs, thal_xy, seats):
        carve(grid, Z, gully, outlet, protect)
    dem, outlet = _stretch_hills(Z, outlet, inside)
    # the tributaries are traced along their densified profiles, as they were carved
    river = _river_cells(grid, [thal_xy] + [pts for pts, *_ in profiles])
    slope, south = _slope_and_south_facing(dem, grid.cell)
    hand_raw = _height_above_drainage(dem, river, outlet)
    return Terrain(
        dem=dem,
        slope=slope,
        slope_smooth=ndimage.gaussian_filter(slope, 1.5),
        south_facing=south,
        hand=np.maximum(hand_raw, 0.0),
        hand_raw=hand_raw,
        river=river,
        channel=(d_thal < CHANNEL_HALFWIDTH) | (d_trib < TRIB_CHANNEL_HALFWIDTH),
        d_axis=d_axis,
        d_thal=d_thal,
        d_trib=d_trib,
        floodplain_halfwidth=wfp,
        thal_xy=thal_xy,
    )
