"""Hazard rasters besides the flood: seismic PGA, landslide susceptibility, chemical accident
and summer heat."""

import math

import numpy as np
from scipy import ndimage, special

from .fields import smooth_noise
from .landcover import BUILT_UP, FOREST, GRASSLAND, WATER, WETLAND

# PGA_rock(d) = PGA_AT_FAULT · (R0 / (R0 + d))^N: near-source saturation within R0, and N set so
# that PGA falls to 1/6 (0.05 g) at 20 km = 4 R0
PGA_AT_FAULT = 0.30  # g
PGA_R0_KM = 5.0
PGA_N = math.log(6.0) / math.log(5.0)  # 1.1133
PGA_SOFT_SOIL_GAIN = 0.25  # site amplification on soft valley alluvium

# lethality probit P = Φ(ln(D50/d) / SIGMA_LN) through P(300 m) = 0.99 and P(2 km) = 0.01
CHEM_D50 = math.sqrt(300.0 * 2000.0)  # 774.6 m
CHEM_SIGMA_LN = math.log(2000.0 / 300.0) / (2.0 * 2.3263478740408408)  # 0.4078; Φ⁻¹(0.99)


def pga_rock(d_km):
    """Peak ground acceleration on rock (g) at d_km (km) from the fault trace.

    PGA = 0.30 · (5 / (5 + d))^1.1133: 0.30 g on the fault, 0.139 g at 5 km, 0.05 g at 20 km.
    """
    return PGA_AT_FAULT * (PGA_R0_KM / (PGA_R0_KM + np.asarray(d_km, dtype=float))) ** PGA_N


def seismic_pga(grid, terrain, d_fault):
    """PGA (g) = pga_rock(d) × (1 + 0.25 · soft), soft (0–1) the soft-alluvium share: valley
    floor (HAND < 10 m and slope < 5°) smoothed with σ 60 m. At most 0.375 g."""
    soft = ((terrain.hand < 10.0) & (terrain.slope < 5.0)).astype(float)
    soft = np.clip(ndimage.gaussian_filter(soft, grid.cells(60.0)), 0.0, 1.0)
    return pga_rock(d_fault / 1000.0) * (1.0 + PGA_SOFT_SOIL_GAIN * soft)


def landslide_susceptibility(rng, grid, terrain, d_fault):
    """Probability 0–1: logistic of −4.84 + 0.22·slope° + lithology + 0.7·exp(−d_fault/1 km)
    + 0.35·noise (σ 200 m).

    Lithology from smooth noise (σ 1.5 km): granite 0, sandstone-mudstone +0.8, limestone
    +0.3; valley alluvium (HAND < 12 m and slope < 5°) −1.5. Gives 0.5 at 22° on neutral rock,
    ≈ 0.66 at 25° and ≈ 0.003 on the floodplain.
    """
    slope = terrain.slope
    litho_n = smooth_noise(rng, grid.shape, grid.cells(1500.0))
    litho = np.where(litho_n < -0.4, 0.0, np.where(litho_n < 0.5, 0.8, 0.3))
    alluvium = (terrain.hand < 12.0) & (slope < 5.0)
    litho = np.where(alluvium, -1.5, litho)
    noise = smooth_noise(rng, grid.shape, grid.cells(200.0))
    logit = -4.84 + 0.22 * slope + litho + 0.7 * np.exp(-d_fault / 1000.0) + 0.35 * noise
    return 1.0 / (1.0 + np.exp(-logit))


def chemical_lethality(d_m):
    """Probability of lethal effect at d_m (m) from the plant (probit in ln distance).

    Y = 5 + ln(D50 / d) / SIGMA_LN, P = Φ(Y − 5); D50 = 774.6 m, SIGMA_LN = 0.4078:
    P = 0.99 at 300 m, 0.5 at 775 m and 0.01 at 2 km (d below 1 m counts as 1 m).
    """
    d = np.maximum(np.asarray(d_m, dtype=float), 1.0)
    return special.ndtr(np.log(CHEM_D50 / d) / CHEM_SIGMA_LN)


def chemical_accident(grid, plant):
    """Lethality probability (0–1) of a chlorine release at the plant, on every cell."""
    return chemical_lethality(np.hypot(grid.X - plant.xy[0], grid.Y - plant.xy[1]))


def surface_temperature(rng, grid, terrain, landcover):
    """Summer land surface temperature (°C).

    34.0 − 0.0065·z + 6.5·built-up fraction (Gaussian, σ 250 m) + land-cover offset (forest
    −2, water −4, wetland −2.5, grassland +0.5, built-up +1) + 1.2·south-facing index
    + 0.4·noise (σ 120 m).
    """
    lc = landcover.classes
    built_frac = ndimage.gaussian_filter(landcover.built.astype(float), grid.cells(250.0))
    lc_delta = np.select([lc == FOREST, lc == WATER, lc == WETLAND, lc == GRASSLAND, lc == BUILT_UP], [-2.0, -4.0, -2.5, 0.5, 1.0], 0.0)
    return (
        34.0
        - 0.0065 * terrain.dem
        + 6.5 * built_frac
        + lc_delta
        + 1.2 * terrain.south_facing
        + 0.4 * smooth_noise(rng, grid.shape, grid.cells(120.0))
    )
