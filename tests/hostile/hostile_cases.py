"""The hostile cases, as a table: algorithm, what changes from a valid run, expected outcome.

`Refused(groups)`: exit code ≠ 0 and, for each group, one of its key words in the message.
`Handled(...)`: exit code 0, the outputs written, the log key words and the check hold.
Both: either outcome is acceptable (the issue allows "refused, or handled and reported").
Every case also asserts: no traceback or internal exception name, inputs unchanged (SHA-256),
no file left at an output path after a refusal, no hidden `.part` file (hostile_runner.judge).

The expected behaviour is the CORRECT one of issue 10, whether or not the code does it yet.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import rasterio
from hostile_data import COLS, ROWS
from hostile_runner import Case, Handled, Refused, Run
from osgeo import ogr

# --- key words of the expected messages (each group: any one of its words) -------------------
SAME = (("output",), ("input",))  # an output that is an input is refused, naming both
READ = ("read", "load", "open", "corrupt", "damaged", "valid", "truncat", "incomplete", "block")
NODATA = ("nodata", "no valid", "no data")
OVERLAP = ("overlap", "outside", "disjoint", "share no", "no valid cell", "not cover", "does not cover", "off the raster", "no value")
EMPTY = ("no feature", "empty", "has no")
GEOGRAPHIC = (("geographic", "degree"),)
MERCATOR = (("web mercator", "3857"),)
WRITE = (("write", "writable", "read-only", "read only", "permission", "create", "denied"),)
FOLDER = (("folder", "directory", "exist", "not found", "missing", "create"),)
NAN = ("nan", "not a number", "finite", "missing", "number", "positive")  # NaN named, or what is allowed said
NUMERIC = ("numeric", "number", "text")
RANGE = ("at least", "at most", "between", "≥", ">=", "≤", "<=", "range", "minimum", "maximum", "greater than", "positive", "from")
GEOMETRY = ("geometry", "geometries")

# --- outputs of every algorithm (all given explicitly, so that leftovers can be seen) ---------
OUTPUTS = {
    "normalizehazard": {"OUTPUT": "degree.tif"},
    "multihazardoverlay": {"OUTPUT": "index.tif", "OUTPUT_DOMINANT": "dominant.tif", "OUTPUT_COUNT": "count.tif", "OUTPUT_HTML": "overlay.html"},
    "riskzoning": {
        "OUTPUT": "grades.tif",
        "OUTPUT_ZONES": "zones.gpkg",
        "OUTPUT_LINES": "lines.gpkg",
        "OUTPUT_TABLE": "table.gpkg",
        "OUTPUT_HTML": "zoning.html",
    },
    "ahpweights": {"OUTPUT_TABLE": "weights.gpkg", "OUTPUT_HTML": "ahp.html"},
    "suitability": {
        "OUTPUT_MEAN": "mean.tif",
        "OUTPUT_STD": "std.tif",
        "OUTPUT_PROBABILITY": "probability.tif",
        "OUTPUT_CLASS": "class.tif",
        "OUTPUT_HTML": "suitability.html",
    },
    "landallocation": {"OUTPUT": "allocation.gpkg", "OUTPUT_PARETO": "pareto.gpkg", "OUTPUT_HTML": "allocation.html"},
    "setsindex": {"OUTPUT": "sets.gpkg", "OUTPUT_HTML": "sets.html"},
    "servicecoverage": {
        "OUTPUT_DEMAND": "demand.gpkg",
        "OUTPUT_FACILITIES": "facilities.gpkg",
        "OUTPUT_AREAS": "areas.gpkg",
        "OUTPUT_HTML": "coverage.html",
    },
    "facilitylocation": {"OUTPUT_SITES": "sites.gpkg", "OUTPUT_ALLOCATION": "allocation.gpkg", "OUTPUT_HTML": "location.html"},
    "evacuationroutes": {"OUTPUT": "routes.gpkg", "OUTPUT_UNREACHED": "unreached.gpkg", "OUTPUT_HTML": "evacuation.html"},
}

# --- a valid run of every algorithm on the hand-made data --------------------------------------
BASE = {
    "normalizehazard": {"INPUT": "@raw", "METHOD": 0},
    "multihazardoverlay": {"HAZARDS": ["@h1", "@h2"], "WEIGHTS": "0.6,0.4"},
    "riskzoning": {"INPUT": "@risk", "CLASSES": 3, "METHOD": 0, "MIN_AREA": 0},
    "ahpweights": {"MATRIX": "1,3,5;1/3,1,3;1/5,1/3,1", "CRITERIA": "slope,flood,roads"},
    "suitability": {
        "CRITERIA": ["@h1", "@h2", "@raw"],
        "DIRECTIONS": "+,-,-",
        "WEIGHTS": "0.5,0.3,0.2",
        "WEIGHT_UNCERTAINTY": 10,
        "ITERATIONS": 50,
        "SEED": 1,
        "THRESHOLD": 0.5,
    },
    "landallocation": {
        "UNITS": "@net:units",
        "CURRENT_USE_FIELD": "current",
        "LOCKED_FIELD": "locked",
        "SUITABILITY": "urban, s_urban; farmland, s_farm",
        "RISK_FIELD": "risk",
        "POPULATION_FIELD": "pop",
        "DEVELOPMENT_USES": "urban",
        "DEMAND": "urban, 14.4, 50%; farmland, 14.4, 50%",
        "OBJECTIVES": [0, 1],
        "POPULATION_SIZE": 12,
        "GENERATIONS": 5,
        "SEED": 1,
        "SCENARIOS": 2,
    },
    "setsindex": {
        "INPUT": "@net:units",
        "SOCIAL_FIELDS": ["gdp", "elderly"],
        "ECOLOGICAL_FIELDS": ["forest"],
        "TECHNOLOGICAL_FIELDS": ["roads"],
        "NEGATIVE_FIELDS": ["elderly"],
        "WEIGHTING": 0,
    },
    "servicecoverage": {
        "DEMAND": "@net:residents",
        "POPULATION_FIELD": "pop",
        "FACILITIES": "@net:shelters",
        "FACILITY_ID_FIELD": "code",
        "CAPACITY_FIELD": "cap",
        "NETWORK": "@net:roads",
        "THRESHOLDS": "400,600",
        "MAX_SNAP": 500,
    },
    "facilitylocation": {
        "DEMAND": "@net:fl_demand",
        "POPULATION_FIELD": "pop",
        "DEMAND_ID_FIELD": "name",
        "CANDIDATES": "@net:candidates",
        "CANDIDATE_ID_FIELD": "code",
        "NETWORK": "@net:street",
        "MAX_SNAP": 500,
        "MODEL": 1,
        "P": 2,
        "SERVICE_DISTANCE": 600,
        "TIME_LIMIT": 20,
    },
    "evacuationroutes": {
        "DEMAND": "@net:evac_residents",
        "POPULATION_FIELD": "pop",
        "DEMAND_ID_FIELD": "name",
        "SHELTERS": "@net:evac_shelters",
        "SHELTER_ID_FIELD": "code",
        "NETWORK": "@net:roads",
        "HAZARD_ZONES": "@net:zone",
        "MAX_SNAP": 100,
    },
}


def case(
    alg: str,
    name: str,
    refused: Refused | None = None,
    handled: Handled | None = None,
    folder: str = "out",
    timeout: float = 90.0,
    note: str = "",
    **changes,
) -> Case:
    """A case: the valid run of `alg` with `changes` (None removes a parameter)."""
    params = dict(BASE[alg])
    params.update(changes)
    return Case(alg, name, params, refused, handled, folder, timeout, note)


def refused(*groups, forbid=()) -> Refused:
    return Refused(tuple(tuple(g) if isinstance(g, (list, tuple)) else (g,) for g in groups), tuple(forbid))


# --- checks of handled runs --------------------------------------------------------------------


def result_near(name: str, expected: float, tolerance: float = 1e-6):
    def check(run: Run) -> list[str]:
        got = run.results.get(name)
        if not isinstance(got, (int, float)) or not math.isclose(got, expected, rel_tol=tolerance, abs_tol=tolerance):
            return [f"{name} = {got!r}, expected {expected:.6g} (hand computation)"]
        return []

    check.__doc__ = f"{name} ≈ {expected:.6g}"
    return check


def raster_cells(path: Path) -> np.ma.MaskedArray:
    with rasterio.open(path) as ds:
        data = ds.read(1, masked=True)
    return np.ma.masked_invalid(data)


def raster_valid(name: str, low: float, high: float, count: int | None = None):
    """The output raster has finite values in [low, high] (and exactly `count` valid cells)."""

    def check(run: Run) -> list[str]:
        data = raster_cells(run.output_path(name))
        problems = []
        if data.count() == 0:
            return [f"{name} has no valid cell"]
        if data.min() < low - 1e-9 or data.max() > high + 1e-9:
            problems.append(f"{name} ranges {float(data.min()):g} … {float(data.max()):g}, outside {low:g} … {high:g}")
        if count is not None and data.count() != count:
            problems.append(f"{name} has {data.count()} valid cells, expected {count}")
        return problems

    return check


def html_without_nan(name: str = "OUTPUT_HTML"):
    def check(run: Run) -> list[str]:
        text = run.output_path(name).read_text(encoding="utf-8")
        found = re.findall(r">\s*-?(?:nan|inf)\s*<|\bnan\b", text, re.IGNORECASE)
        return [f"{name} shows non-finite numbers: {found[:3]}"] if found else []

    return check


def layer_rows(run: Run, name: str) -> list[dict]:
    ds = ogr.Open(str(run.output_path(name)))
    layer = ds.GetLayer(0)
    return [feature.items() for feature in layer]


def front_found(run: Run) -> list[str]:
    return [] if isinstance(run.results.get("FRONT_SIZE"), (int, float)) and run.results["FRONT_SIZE"] >= 1 else ["empty Pareto front"]


def resilience_in_0_1(run: Run) -> list[str]:
    value = run.results.get("MEAN_RESILIENCE")
    return [] if isinstance(value, (int, float)) and 0 <= value <= 1 else [f"MEAN_RESILIENCE = {value!r}, not in 0–1"]


def all_of(*checks):
    def check(run: Run) -> list[str]:
        return [p for c in checks for p in c(run)]

    return check


def ahp_inconsistent(run: Run) -> list[str]:
    problems = []
    if run.results.get("CONSISTENT") is not False:
        problems.append(f"CONSISTENT = {run.results.get('CONSISTENT')!r} for a matrix with CR ≫ 0.1")
    cr = run.results.get("CR")
    if not isinstance(cr, (int, float)) or not cr > 0.1:
        problems.append(f"CR = {cr!r}, expected > 0.1")
    weights = [float(w) for w in str(run.results.get("WEIGHTS", "")).split(",") if w]
    if len(weights) != 3 or not math.isclose(sum(weights), 1.0, abs_tol=1e-5):
        problems.append(f"WEIGHTS = {run.results.get('WEIGHTS')!r}, not 3 weights summing to 1")
    return problems


def ahp_two_criteria(run: Run) -> list[str]:
    """Two criteria are always consistent: CR = 0, weights 0.75 / 0.25 for a12 = 3."""
    problems = result_near("CR", 0.0)(run)
    if run.results.get("CONSISTENT") is not True:
        problems.append(f"CONSISTENT = {run.results.get('CONSISTENT')!r}")
    weights = [float(w) for w in str(run.results.get("WEIGHTS", "")).split(",") if w]
    if not np.allclose(weights, [0.75, 0.25], atol=1e-5):
        problems.append(f"WEIGHTS = {run.results.get('WEIGHTS')!r}, expected 0.75,0.25")
    return problems


def grades_are(values: set[int]):
    def check(run: Run) -> list[str]:
        found = set(int(v) for v in np.unique(raster_cells(run.output_path("OUTPUT")).compressed()))
        return [] if found <= values else [f"grades {sorted(found)}, expected within {sorted(values)}"]

    return check


def selected_sites(expected: list[str]):
    def check(run: Run) -> list[str]:
        got = sorted(row["site_id"] for row in layer_rows(run, "OUTPUT_SITES"))
        return [] if got == expected else [f"selected sites {got}, expected {expected}"]

    return check


# ---------------------------------------------------------------------------------------------
# the table
# ---------------------------------------------------------------------------------------------

CASES: list[Case] = []


def add(*cases: Case) -> None:
    CASES.extend(cases)


def output_folder_cases(alg: str, **changes) -> None:
    """Read-only and missing output folders: a plain refusal (or, for a missing folder, creating it)."""
    add(
        case(alg, "read_only_output_folder", refused(*WRITE), folder="ro", note="§4 read-only output folder", **changes),
        case(
            alg,
            "missing_output_folder",
            refused(*FOLDER),
            Handled(what="creates the folder and writes every output"),
            folder="missing",
            note="§4 missing output folder",
            **changes,
        ),
    )


GPKG_OUTPUT = "§2 .gpkg output = the input GeoPackage"
TEXT_NUMBERS = "the text holds numbers: read as numbers"


def projection_cases(alg: str, parameter: str, layer: str, note: str = "") -> tuple[Case, Case]:
    """Areas and distances need metres: the copies of `layer` in EPSG:4326 (`<layer>_4326`) and
    Web Mercator (`<layer>_3857`) given as `parameter` are refused, naming the CRS."""
    return (
        case(alg, "geographic_crs", refused(*GEOGRAPHIC), note=note, **{parameter: f"{layer}_4326"}),
        case(alg, "web_mercator", refused(*MERCATOR), **{parameter: f"{layer}_3857"}),
    )


def input_as_output_cases(alg: str, output: str, note: str = "") -> tuple[Case, Case]:
    """The input GeoPackage as the `output` GeoPackage, or as the HTML report: refused."""
    return (
        case(alg, "output_gpkg_is_input_gpkg", refused(*SAME), note=note, **{output: "@net"}),
        case(alg, "html_output_is_input", refused(*SAME), OUTPUT_HTML="@net"),
    )


def county_output_case(alg: str, **inputs) -> Case:
    """The sample county's GeoPackage (13 layers) as the OUTPUT of a run that reads it: refused."""
    return case(alg, "county_gpkg_as_output", refused(*SAME), OUTPUT="@county", note="§2 the sample county's 13 layers replaced by one", **inputs)


def text_field_cases(alg: str, kind: str, text_field: str, name_field: str, check, note: str = "", name_changes=None, **changes) -> tuple[Case, Case]:
    """A numeric `<KIND>_FIELD` given as text: a text field holding numbers is read as numbers (or
    refused), a field of names is refused; either message names the field and says `kind`."""
    parameter = f"{kind.upper()}_FIELD"
    return (
        case(
            alg,
            f"text_{kind}_field",
            refused((text_field, kind), NUMERIC),
            Handled(check=check, what=TEXT_NUMBERS),
            note=note,
            **{parameter: text_field},
            **changes,
        ),
        case(
            alg,
            f"name_as_{kind}_field",
            refused((name_field, kind), NUMERIC),
            note=note,
            **{parameter: name_field},
            **(name_changes or {}),
            **changes,
        ),
    )


def road_speed_case(alg: str, network: str, **changes) -> Case:
    """Roads whose speed field holds values ≤ 0: refused, or handled and reported."""
    return case(
        alg,
        "road_speeds_le_0",
        refused(("speed",)),
        Handled(log=[("speed",)]),
        NETWORK=network,
        SPEED_FIELD="speed",
        COST=1,
        note="§3 a road speed ≤ 0 is refused or reported",
        **changes,
    )


def resilience_finite(run: Run) -> list[str]:
    return [] if math.isfinite(run.results.get("MEAN_RESILIENCE", float("nan"))) else ["MEAN_RESILIENCE not finite"]


# --- tsr:normalizehazard -----------------------------------------------------------------------
A = "normalizehazard"
add(
    case(
        A,
        "baseline",
        handled=Handled(check=all_of(result_near("LOWER_USED", 0.0), result_near("UPPER_USED", 6.0), raster_valid("OUTPUT", 0, 1, ROWS * COLS))),
    ),
    case(A, "corrupt_raster", refused(("corrupt",), READ), INPUT="@corrupt", note="§4 corrupt raster"),
    case(A, "truncated_geotiff", refused(("trunc",), READ), INPUT="@trunc", note="§4 GDAL block read errors"),
    case(A, "all_nodata", refused(NODATA), INPUT="@nodata"),
    case(
        A,
        "nan_cells_without_nodata",
        handled=Handled(check=all_of(raster_valid("OUTPUT", 0, 1, ROWS * COLS - 18), result_near("LOWER_USED", 0.0), result_near("UPPER_USED", 1.0))),
        INPUT="@nan_cells",
        note="NaN cells are nodata, never a NaN bound",
    ),
    case(
        A,
        "constant_raster_minmax",
        refused(("constant", "same value", "single value", "no range", "equal")),
        Handled(log=[("constant", "same value", "single value", "no range", "equal")], check=raster_valid("OUTPUT", 0, 1)),
        INPUT="@constant",
        note="min = max: no division by zero",
    ),
    case(A, "output_is_input", refused(*SAME), OUTPUT="@raw", note="§2 output = input raster"),
    case(A, "band_0", refused(("band",), ("1", "at least", "first")), BAND=0, note="§3 BAND=0 is refused"),
    case(A, "band_2_of_1", refused(("band",), ("1", "only", "has")), BAND=2),
    case(
        A,
        "return_period_le_0",
        refused(("return period",), ("0", "positive")),
        Handled(log=[("return period",), ("0", "positive", "negative")], check=raster_valid("OUTPUT", 0, 1)),
        INPUT="@rp_bad",
        METHOD=6,
        note="§3 return periods ≤ 0 are reported",
    ),
    case(A, "table_with_nan", refused(("table",), NAN), METHOD=5, TABLE=["0", "3", "0.2", "3", "nan", "0.8"], note="NaN in a table"),
    case(A, "table_value_out_of_0_1", refused(("table", "value"), ("0",), ("1",)), METHOD=5, TABLE=["0", "3", "5", "3", "", "0.8"]),
    case(A, "fuzzy_lower_equals_upper", refused(("lower",), ("upper",)), METHOD=2, LOWER=2, UPPER=2, note="absurd numbers"),
    case(A, "percentiles_out_of_range", refused(("percentile",), ("0",), ("100",)), METHOD=1, LOWER=-5, UPPER=150, note="say the allowed range"),
)
output_folder_cases(A)

# --- tsr:multihazardoverlay --------------------------------------------------------------------
A = "multihazardoverlay"
add(
    case(A, "baseline", handled=Handled(check=all_of(raster_valid("OUTPUT", 0, 1, ROWS * COLS - 1), html_without_nan()))),
    case(A, "corrupt_raster", refused(("corrupt",), READ), HAZARDS=["@h1", "@corrupt"]),
    case(A, "truncated_geotiff", refused(("trunc",), READ), HAZARDS=["@h1", "@trunc"]),
    case(A, "all_nodata_hazard", refused(NODATA), HAZARDS=["@h1", "@nodata"]),
    case(A, "non_overlapping_hazards", refused(OVERLAP), HAZARDS=["@h1", "@far"]),
    case(A, "reference_grid_elsewhere", refused(OVERLAP), REFERENCE="@far"),
    case(
        A,
        "mismatched_grids_resampled",
        handled=Handled(check=raster_valid("OUTPUT", 0, 1), what="the coarser grid is resampled onto the first"),
        HAZARDS=["@h1", "@coarse"],
    ),
    case(
        A,
        "hazard_covers_tiny_part",
        refused(("tiny",), ("cover", "part", "%", "extent")),
        Handled(log=[("tiny",), ("cover", "part", "%", "extent")], what="warns that the hazard covers a tiny part of the grid"),
        HAZARDS=["@h1", "@tiny"],
        NODATA_POLICY=1,
        note="§3 a hazard covering a tiny part of the reference grid is warned about",
    ),
    case(
        A,
        "geographic_report_areas",
        refused(*GEOGRAPHIC),
        Handled(check=html_without_nan(), what="the report shows no NaN hectares"),
        HAZARDS=["@h1_4326"],
        WEIGHTS="",
    ),
    case(
        A, "nan_cells_without_nodata", handled=Handled(check=all_of(raster_valid("OUTPUT", 0, 1), html_without_nan())), HAZARDS=["@nan_cells", "@h2"]
    ),
    case(A, "output_is_input", refused(*SAME), OUTPUT="@h1"),
    case(A, "dominant_output_is_input", refused(*SAME), OUTPUT_DOMINANT="@h2"),
    case(A, "html_output_is_input", refused(*SAME), OUTPUT_HTML="@h2", note="§2 HTML output = an input file"),
    case(A, "weights_with_nan", refused(("weight",), NAN), WEIGHTS="0.5,nan"),
    case(A, "interactions_with_nan", refused(("interaction",), NAN), INTERACTIONS="0,nan;0,0"),
    case(A, "weights_count_mismatch", refused(("weight",), ("3",), ("2",)), WEIGHTS="0.2,0.3,0.5"),
    case(A, "negative_weight", refused(("weight",), ("negative", "positive", "≥ 0", ">= 0", "zero")), WEIGHTS="0.5,-0.5"),
    case(A, "threshold_out_of_0_1", refused(("threshold",), ("0",), ("1",)), THRESHOLD=5),
    case(A, "unnormalised_hazard", refused(("0",), ("1",)), HAZARDS=["@h1", "@raw"]),
)
output_folder_cases(A)

# --- tsr:riskzoning ------------------------------------------------------------------------------
A = "riskzoning"
add(
    case(A, "baseline", handled=Handled(check=all_of(grades_are({1, 2, 3}), html_without_nan()))),
    case(A, "corrupt_raster", refused(("corrupt",), READ), INPUT="@corrupt"),
    case(A, "truncated_geotiff", refused(("trunc",), READ), INPUT="@trunc"),
    case(A, "all_nodata", refused(NODATA), INPUT="@nodata"),
    case(A, "nan_cells_without_nodata", handled=Handled(check=all_of(grades_are({1, 2, 3}), html_without_nan())), INPUT="@nan_cells"),
    case(
        A,
        "constant_raster",
        refused(("constant", "same value", "single value", "distinct", "equal", "only 1")),
        Handled(log=[("constant", "same value", "single value", "distinct", "equal", "only 1")], check=html_without_nan()),
        INPUT="@constant",
        note="one value: no NaN goodness of fit",
    ),
    *projection_cases(A, "INPUT", "@risk", note="areas in degrees"),
    case(A, "output_is_input", refused(*SAME), OUTPUT="@risk", note="§2 the risk index overwritten by grades"),
    case(A, "html_output_is_input", refused(*SAME), OUTPUT_HTML="@risk"),
    case(
        A,
        "zones_gpkg_is_units_gpkg",
        refused(*SAME),
        UNITS="@net:units",
        UNIT_FIELD="name",
        OUTPUT_ZONES="@net",
        note="§2 a .gpkg output equal to the input GeoPackage holding many layers",
    ),
    case(
        A,
        "county_gpkg_as_output",
        refused(*SAME),
        INPUT="@county/landslide_susceptibility.tif",
        UNITS="@county:townships",
        UNIT_FIELD="name",
        OUTPUT_TABLE="@county",
        note="§2 the sample county's 13 layers replaced by one",
    ),
    case(A, "empty_units", refused(EMPTY), UNITS="@net:units_empty", UNIT_FIELD="name"),
    case(
        A,
        "units_with_null_geometry",
        refused(GEOMETRY),
        Handled(log=[GEOMETRY], what="the unit without geometry is reported"),
        UNITS="@net:units_nullgeom",
        UNIT_FIELD="name",
        note="§3 units without geometry do not silently vanish",
    ),
    case(
        A,
        "breaks_vs_classes_mismatch",
        refused(("break",), ("classes", "grades")),
        METHOD=4,
        CLASSES=5,
        BREAKS="0.3,0.6",
        note="§3 BREAKS whose count disagrees with CLASSES",
    ),
    case(A, "breaks_with_nan", refused(("break",), NAN), METHOD=4, CLASSES=3, BREAKS="0.3,nan"),
    case(A, "classes_1", refused(("classes", "grades"), ("2",), ("9",)), CLASSES=1, note="say the allowed range"),
    case(A, "classes_50", refused(("classes", "grades"), ("2",), ("9",)), CLASSES=50),
    case(A, "negative_min_area", refused(("min_area", "area"), ("0", "negative", "positive")), MIN_AREA=-5),
    case(
        A,
        "min_area_larger_than_study_area",
        refused(("min_area", "area")),
        Handled(log=[("min_area", "area", "patch")]),
        MIN_AREA=1e6,
        note="§4 MIN_AREA larger than the study area",
    ),
    case(A, "control_grade_0", refused(("control_grade", "grade"), ("1",)), CONTROL_GRADE=0),
)
output_folder_cases(A)

SAATY = np.array([[1, 3, 5], [1 / 3, 1, 3], [1 / 5, 1 / 3, 1]])
SAATY_LAMBDA = float(np.max(np.linalg.eigvals(SAATY).real))
SAATY_CR = (SAATY_LAMBDA - 3) / 2 / 0.58  # CI / RI(3)

# --- tsr:ahpweights --------------------------------------------------------------------------------
A = "ahpweights"
add(
    case(
        A,
        "baseline",
        handled=Handled(
            check=all_of(result_near("CR", SAATY_CR, 1e-6), result_near("LAMBDA_MAX", SAATY_LAMBDA, 1e-6)),
            what="CR and λmax of an independent eigenvalue computation",
        ),
    ),
    case(
        A,
        "inconsistent_matrix",
        handled=Handled(
            log=[("revise", "inconsisten", "judgement", "CR")], check=ahp_inconsistent, what="CONSISTENT false, CR > 0.1 and the judgements to revise"
        ),
        MATRIX="1,9,1/9;1/9,1,9;9,1/9,1",
    ),
    case(A, "two_criteria", handled=Handled(check=ahp_two_criteria, what="CR = 0, no division by RI = 0"), MATRIX="1,3;1/3,1", CRITERIA="a,b"),
    case(
        A, "one_criterion", refused(("criteri", "matrix"), ("2", "two", "at least")), Handled(check=result_near("CR", 0.0)), MATRIX="1", CRITERIA="a"
    ),
    case(
        A,
        "sixteen_criteria",
        refused(("15", "criteria")),
        Handled(check=result_near("CR", 0.0)),
        MATRIX=",".join(["1"] * 120),
        CRITERIA=None,
        note="beyond the tabulated random index",
    ),
    case(A, "matrix_with_nan", refused(NAN), MATRIX="1,nan,5;1/3,1,3;1/5,1/3,1", note="NaN in a matrix"),
    case(A, "matrix_with_inf", refused(NAN + ("infinite", "inf")), MATRIX="1,inf,5;1/3,1,3;1/5,1/3,1"),
    case(A, "zero_judgement", refused(("0", "positive", "zero")), MATRIX="1,0,5;1/3,1,3;1/5,1/3,1"),
    case(A, "negative_judgement", refused(("positive", "negative", "0")), MATRIX="1,-3,5;1/3,1,3;1/5,1/3,1"),
    case(A, "not_reciprocal", refused(("reciprocal",)), MATRIX="1,3,5;3,1,3;1/5,1/3,1"),
    case(A, "not_square", refused(("square", "values", "matrix")), MATRIX="1,3,5,1/3,1", CRITERIA=None),
    case(A, "names_count_mismatch", refused(("criteri", "names"), ("2",), ("3", "9")), CRITERIA="a,b"),
    case(A, "text_judgement", refused(NUMERIC + ("not a number",)), MATRIX="1,three,5;1/3,1,3;1/5,1/3,1"),
    case(A, "max_cr_negative", refused(("MAX_CR", "consistency ratio"), RANGE), MAX_CR=-1),
)
output_folder_cases(A)

# --- tsr:suitability --------------------------------------------------------------------------------
A = "suitability"
add(
    case(A, "baseline", handled=Handled(check=all_of(raster_valid("OUTPUT_MEAN", 0, 1, ROWS * COLS - 1), html_without_nan()))),
    case(A, "corrupt_raster", refused(("corrupt",), READ), CRITERIA=["@h1", "@corrupt", "@raw"]),
    case(A, "truncated_geotiff", refused(("trunc",), READ), CRITERIA=["@h1", "@trunc", "@raw"]),
    case(A, "all_nodata_criterion", refused(NODATA), CRITERIA=["@h1", "@nodata", "@raw"]),
    case(A, "non_overlapping_criteria", refused(OVERLAP), CRITERIA=["@h1", "@far", "@raw"]),
    case(A, "mismatched_grids_resampled", handled=Handled(check=raster_valid("OUTPUT_MEAN", 0, 1)), CRITERIA=["@h1", "@coarse", "@raw"]),
    case(A, "geographic_crs", refused(*GEOGRAPHIC), CRITERIA=["@h1_4326"], DIRECTIONS="+", WEIGHTS="", note="areas (ha) in degrees"),
    case(A, "web_mercator", refused(*MERCATOR), CRITERIA=["@h1_3857"], DIRECTIONS="+", WEIGHTS=""),
    case(A, "output_is_input", refused(*SAME), OUTPUT_MEAN="@h1"),
    case(A, "html_output_is_input", refused(*SAME), OUTPUT_HTML="@h2"),
    case(
        A,
        "table_gpkg_is_exclusions_gpkg",
        refused(*SAME),
        EXCLUSION_ZONES=["@net:exclusion"],
        OUTPUT_WEIGHTS="@net",
        note="§2 a table output in the GeoPackage holding the exclusion zones",
    ),
    case(A, "iterations_absurd", refused(("iterations", "draws")), ITERATIONS=1_000_000_000, timeout=60, note="§4 absurd cost refused"),
    case(A, "iterations_0", refused(("iterations", "draws"), RANGE + ("1",)), ITERATIONS=0),
    case(A, "weights_with_nan", refused(("weight",), NAN), WEIGHTS="0.5,nan,0.2"),
    case(A, "negative_weight_uncertainty", refused(("uncertainty",), RANGE + ("0", "negative")), WEIGHT_UNCERTAINTY=-10),
    case(A, "top_percent_150", refused(("top", "percent", "%"), ("100",)), THRESHOLD=None, TOP_PERCENT=150),
    case(A, "exclusions_with_null_geometry", refused(GEOMETRY), Handled(log=[GEOMETRY]), EXCLUSION_ZONES=["@net:exclusion_nullgeom"]),
    case(
        A,
        "empty_exclusion_layer",
        refused(EMPTY),
        Handled(check=raster_valid("OUTPUT_MEAN", 0, 1, ROWS * COLS - 1)),
        EXCLUSION_ZONES=["@net:exclusion_empty"],
    ),
    case(
        A,
        "exclusion_past_study_area",
        handled=Handled(
            check=raster_valid("OUTPUT_CLASS", 1, 5, ROWS * COLS - 1), what="exclusions only remove valid cells: the nodata corner stays nodata"
        ),
        CRITERIA=["@h1", "@h2"],
        DIRECTIONS="+,-",
        WEIGHTS="0.5,0.5",
        EXCLUSION_ZONES=["@net:exclusion"],
        note="§3 exclusions may only remove valid cells",
    ),
)
output_folder_cases(A)

# --- tsr:landallocation ---------------------------------------------------------------------------
A = "landallocation"
GRID = dict(
    UNITS=None,
    CURRENT_USE_FIELD=None,
    LOCKED_FIELD=None,
    RISK_FIELD=None,
    POPULATION_FIELD=None,
    OBJECTIVES=[0],
    CELL_SIZE=90,
    SUITABILITY="urban, @{h1}; farmland, @{h2}",
    DEMAND="urban, 3, 50%; farmland, 5, 50%",
)
add(
    case(A, "baseline", handled=Handled(check=front_found)),
    case(A, "empty_units", refused(EMPTY), UNITS="@net:units_empty"),
    case(A, "units_with_null_geometry", refused(GEOMETRY), Handled(log=[GEOMETRY]), UNITS="@net:units_nullgeom"),
    *projection_cases(A, "UNITS", "@net:units", note="areas (ha) in degrees"),
    *input_as_output_cases(A, "OUTPUT", note=GPKG_OUTPUT),
    case(
        A,
        "absurd_population_and_generations",
        refused(("population", "generations", "POPULATION_SIZE", "GENERATIONS")),
        POPULATION_SIZE=10000,
        GENERATIONS=100000,
        timeout=60,
        note="§4 POPULATION_SIZE 10 000 × GENERATIONS 100 000",
    ),
    case(A, "population_size_0", refused(("population",), RANGE + ("4",)), POPULATION_SIZE=0),
    case(
        A,
        "text_population_field",
        refused(("population",), NUMERIC),
        Handled(check=front_found, what=TEXT_NUMBERS),
        POPULATION_FIELD="pop_txt",
        note="text field given as a numeric field",
    ),
    case(
        A, "name_as_population_field", refused(("population", "name"), NUMERIC), POPULATION_FIELD="name", note="text field given as a numeric field"
    ),
    case(A, "demand_with_nan", refused(("demand",), NAN), DEMAND="urban, nan, 1; farmland, 14.4, 50%", note="NaN in a table"),
    case(
        A,
        "demand_beyond_total_area",
        refused(("demand", "area", "ha")),
        Handled(log=[("demand", "area", "ha")]),
        DEMAND="urban, 500, 1; farmland, 14.4, 50%",
    ),
    case(A, "negative_cell_size", refused(("cell",), RANGE + ("0",)), **{**GRID, "CELL_SIZE": -30}),
    case(
        A,
        "class_given_to_two_uses",
        refused(("class",), ("1",)),
        CURRENT_USE_RASTER="@landuse",
        CURRENT_USE_CLASSES="urban, 1; farmland, 1, 2",
        **{**GRID, "OBJECTIVES": [0, 3]},
        note="§3 a current-use class given to two uses is refused",
    ),
    case(A, "corrupt_suitability_raster", refused(("corrupt",), READ), **{**GRID, "SUITABILITY": "urban, @{corrupt}; farmland, @{h2}"}),
    case(
        A,
        "corrupt_current_use_raster",
        refused(("corrupt",), READ),
        CURRENT_USE_RASTER="@corrupt",
        CURRENT_USE_CLASSES="urban, 1; farmland, 2",
        **{**GRID, "OBJECTIVES": [0, 3]},
    ),
)
output_folder_cases(A)

# --- tsr:setsindex ------------------------------------------------------------------------------------
A = "setsindex"
add(
    case(A, "baseline", handled=Handled(check=resilience_in_0_1)),
    case(A, "empty_layer", refused(EMPTY), INPUT="@net:units_empty"),
    case(A, "units_with_null_geometry", refused(GEOMETRY), Handled(log=[GEOMETRY]), INPUT="@net:units_nullgeom"),
    case(
        A,
        "text_indicator_field",
        refused(("gdp_txt",), NUMERIC),
        Handled(check=resilience_in_0_1, what=TEXT_NUMBERS),
        SOCIAL_FIELDS=["gdp_txt", "elderly"],
        note="text field given as a numeric field",
    ),
    case(A, "name_as_indicator_field", refused(("name",), NUMERIC), SOCIAL_FIELDS=["name", "elderly"], note="text field given as a numeric field"),
    case(
        A,
        "name_as_population_field",
        refused(("name", "population"), NUMERIC),
        PARENT_FIELD="county",
        POPULATION_FIELD="name",
        OUTPUT_PARENT="@out:parents.gpkg",
    ),
    case(
        A,
        "nan_indicator_value",
        refused(("gdp",), NAN),
        Handled(log=[("gdp",)], check=resilience_finite),
        INPUT="@units_nan.geojson",
        note="NaN in a table",
    ),
    case(
        A,
        "all_null_indicator",
        refused(("no_value",), ("null", "no value", "empty", "missing")),
        Handled(log=[("no_value",)]),
        SOCIAL_FIELDS=["gdp", "elderly", "no_value"],
    ),
    case(
        A,
        "single_unit_entropy",
        refused(("unit",), ("one", "1", "two", "2", "at least")),
        Handled(check=resilience_finite),
        INPUT="@net:units_one",
        WEIGHTING=1,
    ),
    case(A, "weights_with_nan", refused(("weight",), NAN), WEIGHTING=3, WEIGHTS="0.5,nan,1,1"),
    case(A, "negative_dimension_weight", refused(("weight",), ("negative", "positive", "0")), DIMENSION_WEIGHTS="-1,1,1"),
    *input_as_output_cases(A, "OUTPUT", note=GPKG_OUTPUT),
    county_output_case(
        A,
        INPUT="@county:townships",
        SOCIAL_FIELDS=["pop_density", "gdp_per_capita", "elderly_share"],
        ECOLOGICAL_FIELDS=["forest_cover"],
        TECHNOLOGICAL_FIELDS=["road_density"],
        NEGATIVE_FIELDS=["elderly_share"],
    ),
)
output_folder_cases(A)

# --- tsr:servicecoverage ------------------------------------------------------------------------------
A = "servicecoverage"
add(
    case(A, "baseline", handled=Handled(check=result_near("COVERED_PERCENT", 100.0 * 100 / 180))),
    case(A, "empty_demand", refused(EMPTY), DEMAND="@net:residents_empty"),
    case(A, "empty_facilities", refused(EMPTY), FACILITIES="@net:shelters_empty"),
    case(A, "empty_network", refused(("road", "network"), EMPTY), NETWORK="@net:roads_empty"),
    case(
        A,
        "demand_with_null_geometry",
        refused(GEOMETRY),
        Handled(log=[GEOMETRY], check=result_near("COVERED_PERCENT", 100.0 * 100 / 220), what="reported, and its 40 people stay in the denominator"),
        DEMAND="@net:residents_nullgeom",
        note="§3 NULL geometry never silently dropped",
    ),
    case(A, "facility_with_null_geometry", refused(GEOMETRY), Handled(log=[GEOMETRY]), FACILITIES="@net:shelters_nullgeom"),
    case(
        A,
        "nan_population",
        refused(("population", "pop"), NAN),
        Handled(log=[("population", "pop")], check=lambda run: number_ok(run)),
        DEMAND="@residents_nan.geojson",
    ),
    *projection_cases(A, "DEMAND", "@net:residents"),
    *text_field_cases(A, "population", "pop_txt", "name", result_near("COVERED_PERCENT", 100.0 * 100 / 180), note="§4 a text population field"),
    *text_field_cases(A, "capacity", "cap_txt", "code", result_near("COVERED_PERCENT", 100.0 * 100 / 180)),
    case(A, "negative_threshold", refused(("threshold",), RANGE), THRESHOLDS="-100,500"),
    case(A, "nan_threshold", refused(("threshold",), NAN + RANGE), THRESHOLDS="nan"),
    case(A, "speed_0", refused(("speed",), RANGE), SPEED=0, COST=1, THRESHOLDS="5,10"),
    road_speed_case(A, "@net:roads_badspeed", THRESHOLDS="5,10"),
    case(A, "negative_max_snap", refused(("snap",), RANGE), MAX_SNAP=-10),
    case(A, "area_per_person_0", refused(("per person", "area_per_person"), RANGE), CAPACITY_FIELD=None, AREA_FIELD="cap", AREA_PER_PERSON=0),
    *input_as_output_cases(A, "OUTPUT_DEMAND"),
)
output_folder_cases(A)

# --- tsr:facilitylocation -------------------------------------------------------------------------------
A = "facilitylocation"
add(
    case(A, "baseline", handled=Handled(check=all_of(result_near("OBJECTIVE", 210.0), result_near("COVERED_PERCENT", 100.0 * 210 / 260)))),
    case(A, "empty_demand", refused(EMPTY), DEMAND="@net:fl_demand_empty"),
    case(A, "empty_candidates", refused(EMPTY), CANDIDATES="@net:candidates_empty"),
    case(
        A,
        "demand_with_null_geometry",
        refused(GEOMETRY),
        Handled(log=[GEOMETRY], check=result_near("COVERED_PERCENT", 100.0 * 210 / 300), what="reported, and its 40 people stay in the denominator"),
        DEMAND="@net:fl_demand_nullgeom",
        note="§3 NULL geometry never silently dropped",
    ),
    *projection_cases(A, "DEMAND", "@net:fl_demand"),
    *text_field_cases(A, "population", "pop_txt", "name", result_near("COVERED_PERCENT", 100.0 * 210 / 260), name_changes={"DEMAND_ID_FIELD": None}),
    case(
        A,
        "cost_table_with_nan",
        refused(("cost",), NAN),
        Handled(log=[("cost",)], check=lambda run: number_ok(run)),
        NETWORK=None,
        COST_TABLE="@od_nan.geojson",
        COST_ORIGIN_FIELD="origin",
        COST_DESTINATION_FIELD="site",
        COST_FIELD="cost",
        MODEL=2,
        SERVICE_DISTANCE=0,
        note="§4 NaN in a cost table",
    ),
    case(
        A,
        "cost_table_baseline",
        handled=Handled(
            check=all_of(result_near("OBJECTIVE", 113100.0), selected_sites(["C1", "C3"])),
            what="p-median from the table: C1 and C3, 113 100 person·m",
        ),
        NETWORK=None,
        COST_TABLE="@od.geojson",
        COST_ORIGIN_FIELD="origin",
        COST_DESTINATION_FIELD="site",
        COST_FIELD="cost",
        MODEL=2,
        SERVICE_DISTANCE=0,
    ),
    case(A, "p_negative", refused(("P",), RANGE + ("0",)), P=-1),
    case(A, "p_more_than_candidates", refused(("P",), ("candidate", "sites", "3")), Handled(log=[("P", "candidate", "sites")]), P=10),
    case(A, "negative_service_distance", refused(("service", "distance"), RANGE), SERVICE_DISTANCE=-100),
    case(A, "negative_time_limit", refused(("time",), RANGE), TIME_LIMIT=-5),
    case(A, "mip_gap_over_100", refused(("gap",), RANGE + ("100", "50")), MIP_GAP=150),
    case(
        A,
        "lscp_uncoverable_named",
        refused(("D5",), forbid=("D1", "D2", "D3", "D4")),
        DEMAND="@net:fl_demand_far",
        MODEL=0,
        note="§3 LSCP names only the demand no candidate reaches",
    ),
    road_speed_case(A, "@net:street_badspeed", SERVICE_DISTANCE=10),
    *input_as_output_cases(A, "OUTPUT_SITES"),
)
output_folder_cases(A)

# --- tsr:evacuationroutes --------------------------------------------------------------------------------
A = "evacuationroutes"
add(
    case(A, "baseline", handled=Handled(check=result_near("EVACUATED_PERCENT", 100.0 * 100 / 105))),
    case(A, "empty_demand", refused(EMPTY), DEMAND="@net:residents_empty"),
    case(A, "empty_shelters", refused(EMPTY), SHELTERS="@net:shelters_empty"),
    case(A, "empty_network", refused(("road", "network"), EMPTY), NETWORK="@net:roads_empty"),
    case(
        A,
        "resident_with_null_geometry",
        refused(GEOMETRY),
        Handled(
            log=[GEOMETRY], check=result_near("EVACUATED_PERCENT", 100.0 * 100 / 145), what="reported, and R5's 40 people stay in the denominator"
        ),
        DEMAND="@net:evac_residents_nullgeom",
        note="§3 NULL geometry never silently dropped",
    ),
    case(A, "shelter_with_null_geometry", refused(GEOMETRY), Handled(log=[GEOMETRY]), SHELTERS="@net:evac_shelters_nullgeom"),
    *projection_cases(A, "DEMAND", "@net:evac_residents"),
    case(
        A,
        "hazard_raster_in_degrees",
        handled=Handled(check=lambda run: number_ok(run), what="samples the raster in its own units; bounded work"),
        HAZARD_ZONES=None,
        HAZARD_MODE=1,
        HAZARD_RASTER="@hz_net_4326",
        timeout=60,
        note="§4 HAZARD_RASTER in EPSG:4326 over metric roads",
    ),
    case(A, "hazard_raster_corrupt", refused(("corrupt",), READ), HAZARD_ZONES=None, HAZARD_MODE=1, HAZARD_RASTER="@corrupt"),
    case(A, "hazard_raster_truncated", refused(("trunc",), READ), HAZARD_ZONES=None, HAZARD_MODE=1, HAZARD_RASTER="@trunc"),
    case(A, "hazard_raster_all_nodata", refused(NODATA), Handled(log=[NODATA]), HAZARD_ZONES=None, HAZARD_MODE=1, HAZARD_RASTER="@nodata"),
    case(A, "hazard_raster_elsewhere", refused(OVERLAP), Handled(log=[OVERLAP]), HAZARD_ZONES=None, HAZARD_MODE=1, HAZARD_RASTER="@far"),
    road_speed_case(A, "@net:roads_badspeed"),
    case(A, "speed_0", refused(("speed",), RANGE), SPEED=0, COST=1),
    case(A, "penalty_0", refused(("penalty",), RANGE + ("1",)), HAZARD_MODE=1, PENALTY=0),
    *text_field_cases(
        A, "population", "pop_txt", "name", result_near("EVACUATED_PERCENT", 100.0 * 100 / 105), name_changes={"DEMAND_ID_FIELD": None}
    ),
    *text_field_cases(A, "capacity", "cap_txt", "code", result_near("EVACUATED_PERCENT", 100.0 * 100 / 105), ASSIGNMENT=1),
    case(A, "negative_max_snap", refused(("snap",), RANGE), MAX_SNAP=-10),
    *input_as_output_cases(A, "OUTPUT", note=GPKG_OUTPUT),
    county_output_case(
        A,
        DEMAND="@county:residential_blocks",
        POPULATION_FIELD="population",
        DEMAND_ID_FIELD="block_id",
        SHELTERS="@county:shelters",
        SHELTER_ID_FIELD="shelter_id",
        NETWORK="@county:roads",
        HAZARD_ZONES="@county:ecological_red_line",
        MAX_SNAP=500,
    ),
)
output_folder_cases(A)


def number_ok(run: Run) -> list[str]:
    """At least one number output, and all finite (the generic check also looks at them)."""
    from hostile_runner import NUMBER_OUTPUTS

    numbers = [k for k in run.results if k in NUMBER_OUTPUTS]
    return [] if numbers else ["no number output in the results"]


ALGORITHMS = list(OUTPUTS)
assert {c.alg for c in CASES} == set(ALGORITHMS)
BY_ID = {c.id: c for c in CASES}
assert len(BY_ID) == len(CASES), "case ids must be unique"
