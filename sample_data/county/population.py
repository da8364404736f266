"""Resident population raster (persons per cell)."""

import numpy as np

from .geometry import to_local
from .towns import COUNTY_SEAT

TOTAL_POPULATION = 200000
VILLAGE_SHARE = 0.88  # of the rural (non-seat) population; the rest lives scattered


def rural_population(towns):
    """Residents outside the township seats."""
    return TOTAL_POPULATION - sum(t.pop for t in towns)


def _towns(grid, inside, channel, towns, town_blocks, valley, pop):
    """Add each seat's residents over its block cells with weight exp(−2·r), r the elliptic
    radius in the footprint's semi-axes; 0.8 × south of the river in Chengguan (the new
    district is less dense)."""
    in_blocks = grid.rasterize([(b.geom, 1) for b in town_blocks], dtype="uint8").astype(bool)
    for t in towns:
        fm = grid.mask([t.footprint]) & inside & ~channel & in_blocks
        lx, ly = to_local(t.c[0], t.c[1], t.theta, grid.X[fm], grid.Y[fm])
        r = np.sqrt((lx / t.a) ** 2 + (ly / t.b) ** 2)
        wgt = np.exp(-2.0 * r)
        if t.key == COUNTY_SEAT:
            south = grid.Y[fm] < valley.thalweg(grid.X[fm])
            wgt = np.where(south, 0.8 * wgt, wgt)
        pop[fm] += wgt / wgt.sum() * t.pop


def _villages(grid, inside, villages, village_ids, pop):
    """Add each village's residents over its cells as a Gaussian blob (σ = r/2) about its
    centre; a village smaller than a cell gets the cell of its centre."""
    for i, v in enumerate(villages):
        vm = (village_ids == i + 1) & inside
        if not vm.any():
            r_, c_ = grid.rc(v.xy[0], v.xy[1])
            vm[r_, c_] = True
        d2 = (grid.X[vm] - v.xy[0]) ** 2 + (grid.Y[vm] - v.xy[1]) ** 2
        wgt = np.exp(-d2 / (2 * (0.5 * v.r) ** 2))
        pop[vm] += wgt / wgt.sum() * v.pop


def distribute(grid, inside, terrain, landcover, valley, towns, town_blocks, villages):
    """(population raster, residents of each village counted on it).

    Seats and villages as above; the remaining rural residents spread over unbuilt land
    with slope < 25° by exp(−slope/8°)·exp(−z/300 m)·exp(0.8·farming noise); finally scaled
    to TOTAL_POPULATION exactly.
    """
    pop = np.zeros(grid.shape)
    _towns(grid, inside, terrain.channel, towns, town_blocks, valley, pop)
    village_ids = grid.rasterize([(v.poly, i + 1) for i, v in enumerate(villages)])
    _villages(grid, inside, villages, village_ids, pop)
    rural_total = rural_population(towns)
    diffuse_total = rural_total - VILLAGE_SHARE * rural_total
    slope, dem = terrain.slope, terrain.dem
    dm = inside & ~landcover.built & ~terrain.channel & (slope < 25.0)
    suit = np.where(dm, np.exp(-slope / 8.0) * np.exp(-dem / 300.0) * np.exp(0.8 * landcover.farming_noise), 0.0)
    pop += suit / suit.sum() * diffuse_total
    pop[~inside] = 0.0
    pop *= TOTAL_POPULATION / pop.sum()
    residents = [int(round(pop[(village_ids == i + 1) & inside].sum())) for i in range(len(villages))]
    return pop, residents
