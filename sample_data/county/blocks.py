"""Residential blocks: town blocks between streets and one block per village."""

from dataclasses import dataclass

import numpy as np


@dataclass(eq=False)
class Block:
    geom: object  # polygon, counter-clockwise
    settlement: str  # name of the town or village
    kind: str  # "town" or "village"
    town: str | None  # key of the town; None for a village
    south: bool = False  # in the Nanhu new district (Chengguan south of the river)
    # set by describe_blocks
    block_id: int = 0
    pop: int = 0  # residents: population raster summed over the block's cells
    point: object = None  # representative point, where facilities in the block stand
    township: object = None  # Town whose township contains `point`
    dry: bool = False  # `point` is outside the design flood


def village_blocks(villages):
    """One block per village: its outline."""
    return [Block(v.poly, v.name, "village", None) for v in villages]


def describe_blocks(grid, inside, blocks, pop, townships, depth):
    """Number the blocks (1 …) and set their population, point, township and dryness.

    Population = sum of `pop` (persons per cell) over the county cells whose centres fall in
    the block, rounded; `depth` is the design-flood depth raster (m).
    """
    ids = grid.rasterize([(b.geom, k + 1) for k, b in enumerate(blocks)])
    block_pop = np.bincount(ids[inside].ravel(), weights=pop[inside].ravel(), minlength=len(blocks) + 1)
    for k, b in enumerate(blocks):
        b.block_id = k + 1
        b.pop = int(round(block_pop[k + 1]))
        b.point = b.geom.representative_point()
        b.township = townships.containing((b.point.x, b.point.y))
        b.dry = bool(grid.sample(depth, b.point.x, b.point.y) == 0.0)


def block_rows(blocks):
    """Features of the `residential_blocks` layer."""
    return [
        (
            b.geom,
            {
                "block_id": b.block_id,
                "population": b.pop,
                "township_code": b.township.code,
                "settlement": b.settlement,
                "kind": b.kind,
                "area_m2": round(b.geom.area, 1),
            },
        )
        for b in blocks
    ]
