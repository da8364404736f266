"""tsr:setsindex through processing.run and qgis_process: a worked example by hand, entropy and
CRITIC weights against independent computations, nulls, constant fields, parent units, bad
input, and the sample county's townships."""

from __future__ import annotations

import html
import importlib.util
import math
import sys
from pathlib import Path

import numpy as np
import pytest
from qgis.core import (
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis_runner import QgisProcess

sys.path.insert(0, str(Path(__file__).resolve().parent))
from algorithm_checks import Recorder  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def sets(provider):
    """processing.run of tsr:setsindex (the provider must list it)."""
    import processing

    def _run(parameters, feedback=None):
        return processing.run("tsr:setsindex", parameters, feedback=feedback)

    return _run


def memory_layer(columns: dict[str, tuple[str, list]], name="units") -> QgsVectorLayer:
    """A polygon layer in EPSG:4547 with one 1 km square per unit, side by side."""
    spec = "&".join(f"field={n}:{kind}" for n, (kind, _) in columns.items())
    layer = QgsVectorLayer(f"MultiPolygon?crs=EPSG:4547&{spec}", name, "memory")
    count = len(next(iter(columns.values()))[1])
    features = []
    for i in range(count):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([values[i] for _, values in columns.values()])
        x = 480000 + 1000 * i
        feature.setGeometry(QgsGeometry.fromWkt(f"MULTIPOLYGON((({x} 3390000,{x + 1000} 3390000,{x + 1000} 3391000,{x} 3391000,{x} 3390000)))"))
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    return layer


# The worked example of tests/core/test_sets_index.py, as a township layer:
#   S = 0.5, 0.25, 0.75 (gdp; elderly reversed); E = 0.5, 0, 1 (forest); T = 0, 1, 0.5 (roads)
#   R = 1/3, 1.25/3, 0.75; grades 2, 3, 4; weakest T, E, T; ranks 3, 2, 1
def example_layer(**changes):
    columns = {
        "name": ("string", ["A", "B", "C"]),
        "gdp": ("double", [100.0, 200.0, 300.0]),
        "elderly": ("double", [10.0, 30.0, 20.0]),
        "forest": ("double", [40.0, 20.0, 60.0]),
        "roads": ("integer", [1, 3, 2]),
        "county": ("string", ["X", "X", "Y"]),
        "pop": ("integer", [100, 300, 50]),
    }
    columns.update(changes)
    return memory_layer(columns)


def params(layer, tmp_path, **extra):
    p = {
        "INPUT": layer,
        "SOCIAL_FIELDS": ["gdp", "elderly"],
        "ECOLOGICAL_FIELDS": ["forest"],
        "TECHNOLOGICAL_FIELDS": ["roads"],
        "NEGATIVE_FIELDS": ["elderly"],
        "WEIGHTING": 0,
        "OUTPUT": str(tmp_path / "units.gpkg"),
        "OUTPUT_HTML": str(tmp_path / "sets.html"),
    }
    p.update(extra)
    return p


def process_params(path: str, tmp_path, **extra) -> dict:
    """The worked example's parameters for qgis_process: the layer as a file, a list of one field as text."""
    p = {
        "INPUT": path,
        "SOCIAL_FIELDS": ["gdp", "elderly"],
        "ECOLOGICAL_FIELDS": "forest",
        "TECHNOLOGICAL_FIELDS": "roads",
        "NEGATIVE_FIELDS": "elderly",
        "WEIGHTING": 0,
        "OUTPUT": str(tmp_path / "u.gpkg"),
        "OUTPUT_HTML": str(tmp_path / "r.html"),
    }
    p.update(extra)
    return p


def saved_as_gpkg(layer: QgsVectorLayer, path) -> str:
    """`layer` written to the GeoPackage `path`."""
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    written = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsCoordinateTransformContext(), options)
    assert written[0] == QgsVectorFileWriter.WriterError.NoError
    return str(path)


def report_text(path) -> str:
    return html.unescape(Path(path).read_text(encoding="utf-8"))


def by_name(path, key="name"):
    layer = QgsVectorLayer(str(path), "out", "ogr")
    assert layer.isValid()
    return {f[key]: f for f in layer.getFeatures()}


def test_worked_example_by_hand(sets, tmp_path):
    result = sets(params(example_layer(), tmp_path))
    assert type(result["MEAN_RESILIENCE"]) is float
    assert result["MEAN_RESILIENCE"] == pytest.approx((1 / 3 + 1.25 / 3 + 0.75) / 3)
    assert result["WEIGHTS_USED"] == "0.5,0.5,1,1"
    assert "OUTPUT_PARENT" not in result
    units = by_name(result["OUTPUT"])
    expected = {
        "A": (0.5, 0.5, 0.0, 1 / 3, 2, "Relatively low", "较低", "T", 3),
        "B": (0.25, 0.0, 1.0, 1.25 / 3, 3, "Medium", "中", "E", 2),
        "C": (0.75, 1.0, 0.5, 0.75, 4, "Relatively high", "较高", "T", 1),
    }
    for name, (s, e, t, r, grade, en, zh, weakest, rank) in expected.items():
        f = units[name]
        assert (f["S_index"], f["E_index"], f["T_index"], f["resilience"]) == pytest.approx((s, e, t, r), abs=1e-12)
        assert (f["grade"], f["label_en"], f["label_zh"], f["weakest"], f["rank"], f["level"]) == (grade, en, zh, weakest, rank, "township")
        assert f["label"] == en  # the interface is in English here
        assert f["gdp"] is not None and f["county"] in ("X", "Y")  # the input attributes are kept
    text = report_text(tmp_path / "sets.html")
    for fragment in ("Equal weights", "Unit profiles", "elderly", "<svg", "R = 0.333·S + 0.333·E + 0.333·T"):
        assert fragment in text


def test_geometric_mean_with_dimension_weights(sets, tmp_path):
    result = sets(params(example_layer(), tmp_path, AGGREGATION=1, DIMENSION_WEIGHTS="2,1,1"))

    def lift(d):
        return 0.01 + 0.99 * d

    units = by_name(result["OUTPUT"])
    assert units["A"]["resilience"] == pytest.approx(lift(0.5) ** 0.75 * lift(0.0) ** 0.25, abs=1e-12)
    assert units["C"]["resilience"] == pytest.approx(lift(0.75) ** 0.5 * lift(1.0) ** 0.25 * lift(0.5) ** 0.25, abs=1e-12)
    assert [units[n]["grade"] for n in "ABC"] == [1, 1, 4]


# Four units × three social indicators (higher is better); E and T have one field each.
RAW = np.array([[2.0, 10.0, 0.5], [4.0, 30.0, 0.2], [6.0, 20.0, 0.8], [10.0, 40.0, 0.4]])


def hand_entropy_weights(x):
    r = (x - x.min(axis=0)) / (x.max(axis=0) - x.min(axis=0))
    p = r / r.sum(axis=0)
    plogp = np.zeros_like(p)
    plogp[p > 0] = p[p > 0] * np.log(p[p > 0])
    e = -plogp.sum(axis=0) / np.log(len(x))
    return (1 - e) / (1 - e).sum()


def hand_critic_weights(x):
    r = (x - x.min(axis=0)) / (x.max(axis=0) - x.min(axis=0))
    sigma = r.std(axis=0, ddof=1)
    centred = r - r.mean(axis=0)
    cov = centred.T @ centred
    rho = cov / np.sqrt(np.outer(np.diag(cov), np.diag(cov)))
    c = sigma * (1 - rho).sum(axis=1)
    return c / c.sum()


def four_units():
    return memory_layer(
        {
            "name": ("string", ["a", "b", "c", "d"]),
            "x1": ("double", RAW[:, 0].tolist()),
            "x2": ("double", RAW[:, 1].tolist()),
            "x3": ("double", RAW[:, 2].tolist()),
            "eco": ("double", [1.0, 2.0, 3.0, 4.0]),
            "tech": ("double", [4.0, 1.0, 3.0, 2.0]),
        }
    )


@pytest.mark.parametrize("weighting, hand, label", [(1, hand_entropy_weights, "Entropy weight method"), (2, hand_critic_weights, "CRITIC")])
def test_objective_weights_against_independent_computations(sets, tmp_path, weighting, hand, label):
    result = sets(
        {
            "INPUT": four_units(),
            "SOCIAL_FIELDS": ["x1", "x2", "x3"],
            "ECOLOGICAL_FIELDS": ["eco"],
            "TECHNOLOGICAL_FIELDS": ["tech"],
            "WEIGHTING": weighting,
            "OUTPUT": str(tmp_path / "u.gpkg"),
            "OUTPUT_HTML": str(tmp_path / "w.html"),
        }
    )
    w = hand(RAW)
    used = [float(v) for v in result["WEIGHTS_USED"].split(",")]
    assert used[:3] == pytest.approx(w, abs=1e-6) and used[3:] == [1.0, 1.0]
    r = (RAW - RAW.min(axis=0)) / (RAW.max(axis=0) - RAW.min(axis=0))
    units = by_name(result["OUTPUT"])
    assert [units[n]["S_index"] for n in "abcd"] == pytest.approx(r @ w, abs=1e-9)
    assert f"Indicator weights ({label})" in report_text(tmp_path / "w.html")


def test_given_weights_and_their_count(sets, tmp_path):
    result = sets(params(example_layer(), tmp_path, WEIGHTING=3, WEIGHTS="3,1,5,2"))
    assert result["WEIGHTS_USED"] == "0.75,0.25,1,1"
    assert by_name(result["OUTPUT"])["C"]["S_index"] == pytest.approx(0.75 + 0.25 * 0.5)
    with pytest.raises(QgsProcessingException, match=r"3 weights were given for 4 indicator fields \(2 social, 1 ecological, 1 technological\)"):
        sets(params(example_layer(), tmp_path, WEIGHTING=3, WEIGHTS="3,1,5"))


def test_nulls_are_imputed_and_reported(sets, tmp_path):
    feedback = Recorder()
    result = sets(params(example_layer(forest=("double", [40.0, None, 60.0])), tmp_path), feedback)
    units = by_name(result["OUTPUT"])
    # forest 40, (50), 60 → E = 0, 0.5, 1
    assert [units[n]["E_index"] for n in "ABC"] == pytest.approx([0.0, 0.5, 1.0])
    assert any("'forest': 1 null value(s)" in w and "B" in w for w in feedback.warnings)
    assert "'forest': 1 null value(s) replaced by the mean of the other units, 50" in report_text(tmp_path / "sets.html")


def test_constant_field_gets_weight_zero(sets, tmp_path):
    feedback = Recorder()
    layer = example_layer(beds=("double", [5.0, 5.0, 5.0]))
    result = sets(params(layer, tmp_path, TECHNOLOGICAL_FIELDS=["roads", "beds"], WEIGHTING=1), feedback)
    assert result["WEIGHTS_USED"].endswith(",1,0")
    assert any("'beds' has the same value (5) in every unit" in w for w in feedback.warnings)
    assert [by_name(result["OUTPUT"])[n]["T_index"] for n in "ABC"] == pytest.approx([0.0, 1.0, 0.5])
    with pytest.raises(QgsProcessingException, match=r"Every technological indicator \('beds'\) has the same value"):
        sets(params(layer, tmp_path, TECHNOLOGICAL_FIELDS=["beds"]))


def test_parent_units_are_dissolved_and_population_weighted(sets, tmp_path):
    result = sets(params(example_layer(), tmp_path, PARENT_FIELD="county", POPULATION_FIELD="pop", OUTPUT_PARENT=str(tmp_path / "parents.gpkg")))
    parents = by_name(result["OUTPUT_PARENT"], "parent")
    x, y = parents["X"], parents["Y"]
    assert (x["units"], x["population"], y["units"], y["population"]) == (2, 400.0, 1, 50.0)
    assert (x["S_index"], x["E_index"], x["T_index"]) == pytest.approx(((100 * 0.5 + 300 * 0.25) / 400, 50 / 400, 300 / 400))
    assert x["resilience"] == pytest.approx((100 / 3 + 300 * 1.25 / 3) / 400)
    assert (x["grade"], x["rank"], x["weakest"], x["level"]) == (2, 2, "E", "county")
    assert (y["grade"], y["rank"], y["level"]) == (4, 1, "county")
    assert x.geometry().area() == pytest.approx(2e6) and x.geometry().isGeosValid()
    assert "Parent units (County, by 'county', population-weighted means)" in report_text(tmp_path / "sets.html")
    city = sets(params(example_layer(), tmp_path, LEVEL=3, PARENT_FIELD="county", OUTPUT_PARENT=str(tmp_path / "p2.gpkg")))
    assert {f["level"] for f in by_name(city["OUTPUT_PARENT"], "parent").values()} == {"city"}


def test_input_fields_named_like_results_are_replaced(sets, tmp_path):
    feedback = Recorder()
    result = sets(params(example_layer(rank=("integer", [9, 9, 9])), tmp_path), feedback)
    layer = QgsVectorLayer(result["OUTPUT"], "o", "ogr")
    assert [f.name() for f in layer.fields()].count("rank") == 1
    assert sorted(f["rank"] for f in layer.getFeatures()) == [1, 2, 3]
    assert any("'rank' is replaced" in w for w in feedback.warnings)


@pytest.mark.parametrize(
    "layer_changes, extra, fragment",
    [
        ({}, {"ECOLOGICAL_FIELDS": ["forest", "canopy"]}, r"no field\(s\) 'canopy'"),
        ({"forest": ("string", ["40", "20", "60"])}, {}, "'forest' is of type string, not a number"),
        ({}, {"TECHNOLOGICAL_FIELDS": ["roads", "gdp"]}, "'gdp' are listed both as social and as technological"),
        ({}, {"WEIGHTING": 3}, "needs WEIGHTS"),
        ({}, {"DIMENSION_WEIGHTS": "1,1"}, "2 dimension weights were given"),
        ({}, {"LEVEL": 0, "PARENT_FIELD": "county"}, "National units have no level above them"),
        ({"pop": ("string", ["1", "2", "3"])}, {"PARENT_FIELD": "county", "POPULATION_FIELD": "pop"}, "'pop' is of type string"),
        (
            {"pop": ("integer", [100, None, 50])},
            {"PARENT_FIELD": "county", "POPULATION_FIELD": "pop"},
            r"population is missing \(null\) for 1 unit\(s\): B",
        ),
    ],
)
def test_bad_input(sets, tmp_path, layer_changes, extra, fragment):
    with pytest.raises(QgsProcessingException, match=fragment):
        sets(params(example_layer(**layer_changes), tmp_path, **extra))
    assert not (tmp_path / "units.gpkg").exists() and not (tmp_path / "sets.html").exists()


def test_field_names_in_another_case(sets, tmp_path):
    result = sets(params(example_layer(), tmp_path, SOCIAL_FIELDS=["GDP", "Elderly"], NEGATIVE_FIELDS=["ELDERLY"]))
    assert result["WEIGHTS_USED"] == "0.5,0.5,1,1"
    assert by_name(result["OUTPUT"])["C"]["S_index"] == pytest.approx(0.75)


def test_empty_layer(sets, tmp_path):
    empty = memory_layer({"gdp": ("double", []), "elderly": ("double", []), "forest": ("double", []), "roads": ("integer", [])})
    with pytest.raises(QgsProcessingException, match="no features"):
        sets(params(empty, tmp_path))


# --- the sample county and qgis_process --------------------------------------------------------

SOCIAL = ["pop_density", "gdp_per_capita", "doctors_per_1000", "elderly_share"]
ECOLOGICAL = ["forest_cover", "ecol_red_line_share", "impervious_share"]
TECHNOLOGICAL = ["road_density", "shelter_area_per_capita", "drainage_capacity_years", "hospital_beds_per_1000"]
NEGATIVE = ["elderly_share", "impervious_share"]


@pytest.fixture(scope="module")
def townships(tmp_path_factory):
    spec = importlib.util.spec_from_file_location("generate_sample_county", ROOT / "sample_data" / "generate_sample_county.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    paths = module.generate(str(tmp_path_factory.mktemp("county")), seed=2020, cell=30.0)
    return f"{paths['sample_county']}|layername=townships"


def test_sample_townships_to_the_county(sets, townships, tmp_path):
    result = sets(
        {
            "INPUT": townships,
            "SOCIAL_FIELDS": SOCIAL,
            "ECOLOGICAL_FIELDS": ECOLOGICAL,
            "TECHNOLOGICAL_FIELDS": TECHNOLOGICAL,
            "NEGATIVE_FIELDS": NEGATIVE,
            "WEIGHTING": 2,
            "AGGREGATION": 1,
            "LEVEL": 4,
            "PARENT_FIELD": "parent_code",
            "POPULATION_FIELD": "population",
            "OUTPUT": str(tmp_path / "t.gpkg"),
            "OUTPUT_PARENT": str(tmp_path / "c.gpkg"),
            "OUTPUT_HTML": str(tmp_path / "t.html"),
        }
    )
    units = list(QgsVectorLayer(result["OUTPUT"], "t", "ogr").getFeatures())
    assert len(units) == 7
    assert sorted(f["rank"] for f in units) == list(range(1, 8))
    weights = [float(v) for v in result["WEIGHTS_USED"].split(",")]
    assert len(weights) == 11 and sum(weights) == pytest.approx(3.0, abs=1e-5)
    county = list(QgsVectorLayer(result["OUTPUT_PARENT"], "c", "ogr").getFeatures())
    assert len(county) == 1 and county[0]["level"] == "county" and county[0]["units"] == 7
    population = [f["population"] for f in units]
    assert county[0]["population"] == pytest.approx(sum(population))
    assert county[0]["resilience"] == pytest.approx(sum(p * f["resilience"] for p, f in zip(population, units)) / sum(population))
    assert county[0].geometry().area() == pytest.approx(sum(f.geometry().area() for f in units), rel=1e-6)


def test_through_qgis_process(tmp_path):
    path = saved_as_gpkg(example_layer(), tmp_path / "townships.gpkg")
    qp = QgisProcess(str(tmp_path / "profile"))
    parameters = process_params(path, tmp_path, PARENT_FIELD="county", POPULATION_FIELD="pop", OUTPUT_PARENT=str(tmp_path / "p.gpkg"))
    results = qp.run("tsr:setsindex", parameters)["results"]
    assert isinstance(results["MEAN_RESILIENCE"], float)
    assert results["MEAN_RESILIENCE"] == pytest.approx(0.5)
    assert results["WEIGHTS_USED"] == "0.5,0.5,1,1"
    units = by_name(results["OUTPUT"])
    assert [units[n]["rank"] for n in "ABC"] == [3, 2, 1]
    assert {f["parent"]: f["rank"] for f in QgsVectorLayer(results["OUTPUT_PARENT"], "p", "ogr").getFeatures()} == {"X": 2, "Y": 1}
    assert "Unit profiles" in report_text(tmp_path / "r.html")
    assert "SOCIAL_FIELDS" in qp.help("tsr:setsindex")


# --- units without geometry: scored, counted and reported, never dropped ---------------------------


def without_geometry(layer: QgsVectorLayer, index: int) -> QgsVectorLayer:
    """`layer` with the geometry of its feature number `index` (0-based) removed."""
    feature = list(layer.getFeatures())[index]
    assert layer.dataProvider().changeGeometryValues({feature.id(): QgsGeometry()})
    return layer


def test_units_without_geometry_are_scored_counted_and_reported(sets, tmp_path):
    feedback = Recorder()
    layer = without_geometry(example_layer(), 1)  # B
    result = sets(params(layer, tmp_path, PARENT_FIELD="county", POPULATION_FIELD="pop", OUTPUT_PARENT=str(tmp_path / "p.gpkg")), feedback)
    # the worked example's scores, B included (R = 1.25/3), and B kept without geometry
    units = by_name(result["OUTPUT"])
    assert len(units) == 3 and units["B"].geometry().isEmpty() and not units["A"].geometry().isEmpty()
    assert units["B"]["resilience"] == pytest.approx(1.25 / 3) and units["B"]["rank"] == 2
    assert result["MEAN_RESILIENCE"] == pytest.approx((1 / 3 + 1.25 / 3 + 0.75) / 3)
    assert "1 of the 3 units have no geometry (NULL or empty): B; they are scored, ranked and written without a geometry" in feedback.warnings
    assert "The outline of the parent unit X leaves out 1 of its 2 units, which have no geometry; its scores include them" in feedback.warnings
    # the parent X: population-weighted over A (100) and B (300), its outline A's square alone
    parents = by_name(result["OUTPUT_PARENT"], "parent")
    assert parents["X"]["units"] == 2 and parents["X"]["resilience"] == pytest.approx((100 / 3 + 300 * 1.25 / 3) / 400)
    assert parents["X"].geometry().area() == pytest.approx(1_000_000.0)
    assert "1 of the 3 units have no geometry" in report_text(tmp_path / "sets.html")


def test_units_without_geometry_through_qgis_process(tmp_path):
    path = saved_as_gpkg(without_geometry(example_layer(), 0), tmp_path / "townships.gpkg")  # A
    answer = QgisProcess(str(tmp_path / "profile")).run("tsr:setsindex", process_params(path, tmp_path))
    units = by_name(answer["results"]["OUTPUT"])
    assert len(units) == 3 and units["A"].geometry().isEmpty() and units["A"]["resilience"] == pytest.approx(1 / 3)
    assert "1 of the 3 units have no geometry (NULL or empty): A" in report_text(tmp_path / "r.html")


@pytest.mark.parametrize(
    "layer_changes, fragment",
    [
        (
            {
                "name": ("string", ["A"]),
                "gdp": ("double", [1.0]),
                "elderly": ("double", [1.0]),
                "forest": ("double", [1.0]),
                "roads": ("integer", [1]),
                "county": ("string", ["X"]),
                "pop": ("integer", [1]),
            },
            "Only one unit was given",
        ),
        ({"forest": ("double", [None, None, None])}, "The field 'forest' is empty \\(null\\) in every unit"),
        ({"roads": ("integer", [2, 2, 2])}, "Every technological indicator \\('roads'\\) has the same value"),
    ],
)
def test_units_that_cannot_be_compared_are_explained(sets, tmp_path, layer_changes, fragment):
    with pytest.raises(QgsProcessingException, match=fragment):
        sets(params(example_layer(**layer_changes), tmp_path))
    assert not (tmp_path / "units.gpkg").exists()


def test_nan_is_a_null_and_is_imputed(sets, tmp_path):
    feedback = Recorder()
    result = sets(params(example_layer(forest=("double", [40.0, math.nan, 60.0])), tmp_path), feedback)
    # B's forest becomes the mean of A and C, 50: E = 0.5, 0.5, 1 instead of 0.5, 0, 1
    assert by_name(result["OUTPUT"])["B"]["E_index"] == pytest.approx(0.5)
    assert any("'forest': 1 null value(s) replaced by the mean of the other units, 50 (units: B)" in w for w in feedback.warnings)
