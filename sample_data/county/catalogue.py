"""What the generator writes: the rasters, the GeoPackage layers and metadata.json."""

from . import flood, hazards
from .candidates import CANDIDATE_EFFECTIVE_RATIO
from .facilities import SHELTER_STANDARD_M2
from .grid import EPSG, NODATA
from .landcover import LANDCOVER_CLASSES
from .names import COUNTY_CODE, COUNTY_NAME
from .population import TOTAL_POPULATION

GENERATOR = "sample_data/generate_sample_county.py"

# file stem -> (dtype, band description, unit)
RASTERS = {
    "dem": ("float32", "elevation", "m"),
    "slope": ("float32", "slope", "degree"),
    "hand": ("float32", "height above nearest drainage (HAND)", "m"),
    "landcover": ("int16", "land cover class", "class"),
    "flood_depth": ("float32", "design-flood depth (100-year, stage 6 m above river)", "m"),
    "flood_return_period": ("float32", "return period of the first flood reaching the cell", "years"),
    "landslide_susceptibility": ("float32", "landslide susceptibility", "probability 0-1"),
    "seismic_pga": ("float32", "peak ground acceleration", "g"),
    "chemical_accident": ("float32", "probability of lethal effect (chemical accident)", "probability 0-1"),
    "heat_lst": ("float32", "summer land surface temperature", "degC"),
    "population": ("float32", "resident population", "persons per cell"),
}

# layer -> (geometry type, [(field, python type)]), in the order they are written
LAYER_SCHEMAS = {
    "county": ("MultiPolygon", [("code", str), ("name", str), ("area_km2", float), ("population", int)]),
    "townships": (
        "MultiPolygon",
        [
            ("code", str),
            ("name", str),
            ("parent_code", str),
            ("seat", str),
            ("area_km2", float),
            ("population", int),
            ("pop_density", float),
            ("gdp_per_capita", float),
            ("doctors_per_1000", float),
            ("elderly_share", float),
            ("forest_cover", float),
            ("ecol_red_line_share", float),
            ("impervious_share", float),
            ("road_density", float),
            ("shelter_area_per_capita", float),
            ("drainage_capacity_years", int),
            ("hospital_beds_per_1000", float),
        ],
    ),
    "residential_blocks": (
        "MultiPolygon",
        [("block_id", int), ("population", int), ("township_code", str), ("settlement", str), ("kind", str), ("area_m2", float)],
    ),
    "roads": ("LineString", [("road_id", int), ("class", str), ("speed_kmh", int), ("oneway", int), ("name", str), ("length_m", float)]),
    "shelters": (
        "Point",
        [("shelter_id", int), ("name", str), ("type", str), ("effective_area_m2", float), ("capacity_persons", int), ("township_code", str)],
    ),
    "hospitals": ("Point", [("hospital_id", int), ("name", str), ("level", str), ("beds", int), ("township_code", str)]),
    "candidate_sites": (
        "Point",
        [("site_id", int), ("name", str), ("kind", str), ("area_m2", float), ("capacity_persons", int), ("township_code", str)],
    ),
    "chemical_plant": ("Point", [("plant_id", int), ("name", str), ("type", str), ("substance", str), ("major_hazard_level", str)]),
    "river": ("LineString", [("river_id", int), ("name", str), ("rank", str), ("flows_into", str), ("length_km", float)]),
    "fault": (
        "LineString",
        [("fault_id", int), ("name", str), ("activity", str), ("mechanism", str), ("slip_rate_mm_yr", float), ("length_km", float)],
    ),
    "ecological_red_line": ("MultiPolygon", [("redline_id", int), ("name", str), ("category", str), ("area_ha", float)]),
    "basic_farmland": ("MultiPolygon", [("plot_id", int), ("area_ha", float), ("township_code", str)]),
    "settlements": ("Point", [("settlement_id", int), ("name", str), ("kind", str), ("township_code", str), ("population", int)]),
}
LAYERS = tuple(LAYER_SCHEMAS)


def raster_tags(name, seed, plant):
    """Dataset tags of raster `name`: provenance, plus the model of the hazard rasters."""
    tags = {"SOURCE": f"synthetic data - {GENERATOR}", "SEED": str(seed), "COUNTY": COUNTY_NAME, "SYNTHETIC": "YES"}
    model = {
        "flood_depth": {
            "DESIGN_STAGE_M": str(flood.DESIGN_STAGE),
            "RETURN_PERIOD_YEARS": "100",
            "METHOD": "depth = max(0, 6.0 - HAND) on cells 8-connected to a river cell through cells with HAND <= 6 m; 0 elsewhere",
        },
        "flood_return_period": {
            "RETURN_PERIODS": ",".join(map(str, flood.RETURN_PERIODS)),
            "NEVER_FLOODED_VALUE": str(flood.RP_NEVER),
            "STAGE_FREQUENCY": (f"stage(T) = {flood.GUMBEL_MU:.4f} + {flood.GUMBEL_SIGMA:.4f} * (-ln(-ln(1 - 1/T))) m above the river cell"),
        },
        "seismic_pga": {"ATTENUATION": ("PGA = 0.30 * (5 / (5 + d_km)) ** 1.1133 * (1 + 0.25 * soft_soil)")},
        "chemical_accident": {
            "PROBIT": f"P = Phi(ln({hazards.CHEM_D50:.1f} / d_m) / {hazards.CHEM_SIGMA_LN:.4f})",
            "PLANT_X": f"{plant.xy[0]:.2f}",
            "PLANT_Y": f"{plant.xy[1]:.2f}",
        },
        "landcover": {f"CLASS_{k}": v for k, v in LANDCOVER_CLASSES.items()},
        "population": {"TOTAL": str(TOTAL_POPULATION)},
        "heat_lst": {"MODEL": ("34.0 - 0.0065*z + 6.5*built_frac + landcover offset + 1.2*southness")},
    }
    return dict(tags, **model.get(name, {}))


def metadata(seed, grid, boundary, plant, township_rows, files):
    """Content of metadata.json: seed, grid, model constants and township summary."""
    return {
        "synthetic": True,
        "generator": GENERATOR,
        "seed": seed,
        "cell_m": grid.cell,
        "epsg": EPSG,
        "nodata": NODATA,
        "grid": {"width": grid.nx, "height": grid.ny, "xmin": grid.x0, "ymax": grid.y1, "xmax": grid.x1, "ymin": grid.y0},
        "county": {"code": COUNTY_CODE, "name": COUNTY_NAME, "area_km2": round(boundary.area / 1e6, 3), "population": TOTAL_POPULATION},
        "flood": {
            "design_stage_m": flood.DESIGN_STAGE,
            "design_return_period_years": 100,
            "return_periods": list(flood.RETURN_PERIODS),
            "never_flooded_value": flood.RP_NEVER,
            "gumbel_mu_m": flood.GUMBEL_MU,
            "gumbel_sigma_m": flood.GUMBEL_SIGMA,
            "stages_m": {str(T): round(float(h), 4) for T, h in zip(flood.RETURN_PERIODS, flood.stages())},
        },
        "seismic": {
            "pga_at_fault_g": hazards.PGA_AT_FAULT,
            "r0_km": hazards.PGA_R0_KM,
            "n": hazards.PGA_N,
            "soft_soil_gain": hazards.PGA_SOFT_SOIL_GAIN,
        },
        "chemical": {"plant_xy": plant.xy, "d50_m": hazards.CHEM_D50, "sigma_ln": hazards.CHEM_SIGMA_LN},
        "shelter_standard_m2_per_person": SHELTER_STANDARD_M2,
        "candidate_effective_ratio": CANDIDATE_EFFECTIVE_RATIO,
        "landcover_classes": {str(k): v for k, v in LANDCOVER_CLASSES.items()},
        "townships": [{"code": a["code"], "name": a["name"], "population": a["population"]} for _, a in township_rows],
        "files": files,
        "layers": list(LAYERS),
    }
