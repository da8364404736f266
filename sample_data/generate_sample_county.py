#!/usr/bin/env python3
"""Deterministic generator of a synthetic sample county (Territorial Space Resilience toolkit).

The county ("Songhe County 松河县", a fictitious hilly county in central China, ~30.5 deg N) is
fully synthetic.  Every value is drawn from ``numpy.random.default_rng(seed)`` in a fixed order,
so the same seed always gives identical rasters and vector data (no clock, no network).

Usage::

    /usr/bin/python3 sample_data/generate_sample_county.py --out DIR [--seed 2020] [--cell 30]

or from Python (import it from this folder, or load the file with importlib)::

    from generate_sample_county import generate
    paths = generate("/tmp/county", seed=2020, cell=30.0)   # name -> path of every file written

This file only runs the stages; they live in the package ``county/`` beside it, one module per
part of the county (terrain, flood, towns, roads, facilities, hazards, …), and each documents its
model. The outputs are described in README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

# main_job and the tests load this file by path, so its folder need not be on sys.path
_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)

from county.blocks import block_rows, describe_blocks, village_blocks  # noqa: E402
from county.candidates import CANDIDATE_EFFECTIVE_RATIO, site_candidates  # noqa: E402
from county.catalogue import (
    LAYER_SCHEMAS,
    LAYERS,
    RASTERS,
    metadata,  # noqa: E402
    raster_tags,
)
from county.facilities import SHELTER_STANDARD_M2, site_hospitals, site_shelters  # noqa: E402
from county.fault import distance_to_fault, fault_rows, trace_fault  # noqa: E402
from county.flood import (
    DESIGN_STAGE,
    RETURN_PERIODS,
    RP_NEVER,
    model_flood,  # noqa: E402
    stage_for_return_period,
)
from county.grid import EPSG, NODATA, Grid  # noqa: E402
from county.hazards import (
    chemical_accident,
    chemical_lethality,  # noqa: E402
    landslide_susceptibility,
    pga_rock,
    seismic_pga,
    surface_temperature,
)
from county.indicators import township_rows  # noqa: E402
from county.landcover import classify  # noqa: E402
from county.layout import county_outline, county_rows, place_seats, trace_tributaries  # noqa: E402
from county.names import COUNTY_CODE  # noqa: E402
from county.plant import plant_rows, site_plant  # noqa: E402
from county.population import VILLAGE_SHARE, distribute, rural_population  # noqa: E402
from county.protection import basic_farmland, red_line  # noqa: E402
from county.rivers import river_lines, river_rows  # noqa: E402
from county.roads import build_roads  # noqa: E402
from county.streets import plan_towns  # noqa: E402
from county.terrain import build_terrain  # noqa: E402
from county.towns import build_towns  # noqa: E402
from county.townships import partition  # noqa: E402
from county.valley import Valley  # noqa: E402
from county.villages import N_VILLAGES, build_villages, pick_sites, settlement_rows  # noqa: E402
from county.writers import write_geopackage, write_geotiff  # noqa: E402

__all__ = [
    "generate",
    "EPSG",
    "NODATA",
    "DESIGN_STAGE",
    "RETURN_PERIODS",
    "RP_NEVER",
    "stage_for_return_period",
    "pga_rock",
    "chemical_lethality",
    "LAYERS",
    "RASTERS",
    "SHELTER_STANDARD_M2",
    "CANDIDATE_EFFECTIVE_RATIO",
    "COUNTY_CODE",
]


def generate(out_dir, seed=2020, cell=30.0):
    """Generate the sample county into out_dir; return {name: path} of every file written.

    cell is the raster cell size in metres. All stages draw from one random generator, so
    their order below is part of what a seed means: reordering them changes the county.
    """
    os.makedirs(out_dir, exist_ok=True)
    rng = np.random.default_rng(seed)
    grid = Grid(cell)
    boundary = county_outline(rng)
    inside = grid.mask([boundary])
    valley = Valley(rng)
    seats = place_seats(rng, boundary, valley)
    tribs = trace_tributaries(rng, valley, seats)
    fault = trace_fault(rng)

    terrain = build_terrain(rng, grid, inside, valley, tribs, seats)
    flood = model_flood(terrain)
    rivers = river_lines(terrain.thal_xy, tribs)

    towns = build_towns(rng, boundary, valley, seats, tribs, rivers)
    streets, town_blocks = plan_towns(rng, towns, valley)
    townships = partition(rng, boundary, towns)
    labels = townships.labels(grid, inside)
    sites = pick_sites(rng, grid, boundary, towns, townships, labels, terrain, N_VILLAGES)
    villages = build_villages(rng, sites, VILLAGE_SHARE * rural_population(towns), boundary, rivers)
    blocks = town_blocks + village_blocks(villages)
    plant = site_plant(grid, boundary, towns, villages, flood.depth, terrain)
    landcover = classify(rng, grid, terrain, towns, villages, plant)
    pop, residents = distribute(grid, inside, terrain, landcover, valley, towns, town_blocks, villages)
    roads = build_roads(grid, boundary, valley, terrain, landcover, towns, streets, villages)
    describe_blocks(grid, inside, blocks, pop, townships, flood.depth)

    taken = set()
    shelters = site_shelters(rng, blocks, towns, rivers, taken)
    hospitals = site_hospitals(rng, blocks, towns, taken)
    candidates = site_candidates(rng, grid, inside, boundary, terrain, flood, towns, blocks, villages, townships, taken)

    d_fault = distance_to_fault(grid, fault)
    pga = seismic_pga(grid, terrain, d_fault)
    landslide = landslide_susceptibility(rng, grid, terrain, d_fault)
    heat = surface_temperature(rng, grid, terrain, landcover)
    red_rows, red_union = red_line(grid, inside, boundary, terrain, landcover, towns, villages)
    excluded = [t.footprint for t in towns] + [v.poly for v in villages] + [plant.site, rivers.main_corridor]
    farmland = basic_farmland(grid, inside, boundary, terrain, landcover, flood, red_union, excluded, townships)
    township_features = township_rows(rng, towns, townships, labels, pop, landcover, terrain, roads, red_union, hospitals, shelters)

    rasters = {
        "dem": terrain.dem,
        "slope": terrain.slope,
        "hand": terrain.hand,
        "landcover": landcover.classes,
        "flood_depth": flood.depth,
        "flood_return_period": flood.return_period,
        "landslide_susceptibility": landslide,
        "seismic_pga": pga,
        "chemical_accident": chemical_accident(grid, plant),
        "heat_lst": heat,
        "population": pop,
    }
    layers = {
        "county": county_rows(boundary, int(round(pop[inside].sum()))),
        "townships": township_features,
        "residential_blocks": block_rows(blocks),
        "roads": roads,
        "shelters": shelters,
        "hospitals": hospitals,
        "candidate_sites": candidates,
        "chemical_plant": plant_rows(plant),
        "river": river_rows(rivers, tribs, boundary),
        "fault": fault_rows(fault, boundary),
        "ecological_red_line": red_rows,
        "basic_farmland": farmland,
        "settlements": settlement_rows(towns, villages, residents, townships),
    }

    return _write(out_dir, seed, grid, inside, boundary, plant, township_features, rasters, layers)


def _write(out_dir, seed, grid, inside, boundary, plant, township_features, rasters, layers):
    """Write the rasters (nodata outside the county), the GeoPackage and metadata.json."""
    paths = {}
    for name, (dtype, desc, unit) in RASTERS.items():
        paths[name] = os.path.join(out_dir, f"{name}.tif")
        write_geotiff(paths[name], np.where(inside, rasters[name], NODATA), grid, dtype, desc, unit, raster_tags(name, seed, plant))
    paths["sample_county"] = os.path.join(out_dir, "sample_county.gpkg")
    write_geopackage(paths["sample_county"], LAYER_SCHEMAS, layers)
    meta = metadata(seed, grid, boundary, plant, township_features, {k: os.path.basename(v) for k, v in paths.items()})
    paths["metadata"] = os.path.join(out_dir, "metadata.json")
    with open(paths["metadata"], "w", encoding="utf-8") as fh:
        json.dump(meta, fh, ensure_ascii=False, indent=2)
    return paths


def main(argv=None):
    """Command line: generate into --out and list the files written."""
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
