"""River flood: design-flood depth and the return period of the first flood reaching a cell.

Flood stages are heights above the reference river cell of HAND, so a cell is reached by a
flood of stage h when HAND ≤ h and it is hydraulically connected to the river.
"""

from dataclasses import dataclass

import numpy as np
from scipy import ndimage

DESIGN_STAGE = 6.0  # m above the river cell: the 100-year design flood
RETURN_PERIODS = (2, 5, 10, 20, 50, 100, 200, 500, 1000)  # years
RP_NEVER = 10000.0  # years, for cells the 1000-year flood does not reach;
# not nodata, so that 1/T is a probability everywhere
DRAINS_ELSEWHERE = -5.0  # m: hollows deeper than this below their river cell


def _gumbel_y(T):
    """Gumbel reduced variate y_T = −ln(−ln(1 − 1/T)) of the return period T (years)."""
    return -np.log(-np.log(1.0 - 1.0 / np.asarray(T, dtype=float)))


# stage(T) = MU + SIGMA·y_T (m) through stage(5) = 3.0 m (the floodplain edge floods every five
# years) and stage(100) = DESIGN_STAGE
GUMBEL_SIGMA = (6.0 - 3.0) / float(_gumbel_y(100) - _gumbel_y(5))
GUMBEL_MU = 3.0 - GUMBEL_SIGMA * float(_gumbel_y(5))


def stage_for_return_period(T):
    """Flood stage (m above the river cell) of the T-year flood: MU + SIGMA·y_T (Gumbel)."""
    return GUMBEL_MU + GUMBEL_SIGMA * _gumbel_y(T)


def stages():
    """Stages (m) of RETURN_PERIODS; the 100-year one is exactly DESIGN_STAGE, not the Gumbel
    value rounded in floating point, so that depth > 0 ⇔ return period ≤ 100."""
    h = stage_for_return_period(np.array(RETURN_PERIODS, dtype=float))
    h[RETURN_PERIODS.index(100)] = DESIGN_STAGE
    return h


def inundated(terrain, level):
    """Cells with HAND ≤ level (m) that are 8-connected to a river cell through such cells.

    Hollows more than 5 m below their reference river cell (HAND clipped to 0) drain elsewhere
    and are not counted as connected.
    """
    wet = (terrain.hand <= level) & (terrain.hand_raw > DRAINS_ELSEWHERE)
    lab, _ = ndimage.label(wet, structure=np.ones((3, 3), dtype=bool))
    ids = np.unique(lab[terrain.river & wet])
    return np.isin(lab, ids[ids > 0])


@dataclass
class Flood:
    depth: np.ndarray  # m: max(0, DESIGN_STAGE − HAND) where the design flood reaches
    return_period: np.ndarray  # years: smallest T of RETURN_PERIODS reaching the cell


def model_flood(terrain):
    """Design-flood depth and first-flood return period on every cell."""
    depth = np.where(inundated(terrain, DESIGN_STAGE), np.maximum(0.0, DESIGN_STAGE - terrain.hand), 0.0)
    rp = np.full(terrain.dem.shape, RP_NEVER)
    for T, h in zip(RETURN_PERIODS[::-1], stages()[::-1]):
        rp = np.where(inundated(terrain, h), float(T), rp)
    return Flood(depth, rp)
