"""Land cover classes from landform, settlements, rivers and smooth noise."""

import math
from dataclasses import dataclass

import numpy as np

from .fields import smooth_noise
from .towns import COUNTY_SEAT, find_town

LANDCOVER_CLASSES = {1: "cropland 耕地", 2: "forest 林地", 3: "grassland/shrub 草地", 4: "water 水域", 5: "built-up 城乡建设用地", 6: "wetland 湿地"}
CROPLAND, FOREST, GRASSLAND, WATER, BUILT_UP, WETLAND = 1, 2, 3, 4, 5, 6


@dataclass
class LandCover:
    classes: np.ndarray  # int16, LANDCOVER_CLASSES
    built: np.ndarray  # bool: towns, villages and the plant site, off the channels
    wetland: np.ndarray  # bool: riparian wetland zone of the floodplain
    wetland_stretch: np.ndarray  # bool: the x range of the wetland stretch
    farming_noise: np.ndarray  # smooth noise (σ 150 m) that also shapes rural settlement


def _wetland_stretch(grid, towns):
    """x range between 700 m beyond the county seat's east end and 500 m before Dongping's
    west end, at least 1.2 km long."""
    cg = find_town(towns, COUNTY_SEAT)
    dp = find_town(towns, "dongping")
    x_w0 = cg.c[0] + cg.a * math.cos(cg.theta) + 700.0
    x_w1 = dp.c[0] - dp.a - 500.0
    if x_w1 - x_w0 < 1200.0:
        x_w1 = x_w0 + 1200.0
    return (grid.X > x_w0) & (grid.X < x_w1)


def classify(rng, grid, terrain, towns, villages, plant):
    """Land cover by rules, later rules overriding earlier ones:

    forest; grassland where a smooth noise (σ 250 m) < −0.8; cropland on gentle low land
    (smoothed slope < 6° and z < 320 m, or < 15° and < 400 m where another noise (σ 150 m)
    is high); wetland on the floodplain of the stretch downstream of the county seat;
    built-up; water on the channels.
    """
    channel = terrain.channel
    built_geoms = [t.footprint for t in towns] + [v.poly for v in villages] + [plant.site]
    built = grid.rasterize([(g, 1) for g in built_geoms], dtype="uint8").astype(bool) & ~channel
    stretch = _wetland_stretch(grid, towns)
    wetland = (terrain.d_axis < terrain.floodplain_halfwidth) & stretch & ~built
    n1 = smooth_noise(rng, grid.shape, grid.cells(150.0))
    n2 = smooth_noise(rng, grid.shape, grid.cells(250.0))
    lc = np.full(grid.shape, FOREST, dtype=np.int16)
    lc[n2 < -0.8] = GRASSLAND
    slope_s, dem = terrain.slope_smooth, terrain.dem
    crop = ((slope_s < 6.0) & (dem < 320.0) & (n1 > -1.3)) | ((slope_s < 15.0) & (dem < 400.0) & (n1 > 0.4))
    lc[crop] = CROPLAND
    lc[wetland] = WETLAND
    lc[built] = BUILT_UP
    lc[channel] = WATER
    return LandCover(lc, built, wetland, stretch, n1)
