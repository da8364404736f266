"""The batch command tsr_batch.py, run as a user runs it: Debian's /usr/bin/python3 in a
subprocess (no venv, no QGIS), from the checkout and from a plugin folder named
`territorial_resilience`. Its outputs are compared with `qgis_process run tsr:<id>` on the
sample county: the same cells (nodata in the same places) and the same numbers, on the local
engine and on a Dask LocalCluster of two worker processes."""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import signal
import subprocess
from pathlib import Path

import numpy as np
import pytest
import rasterio
from osgeo import ogr
from qgis_runner import QgisProcess
from rasters import write_raster

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tsr_batch.py"
PYTHON = "/usr/bin/python3"
ALGORITHMS = ("normalizehazard", "multihazardoverlay", "riskzoning", "suitability")


def environment() -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "PYTHONPATH", "LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env["LANG"] = "C.UTF-8"
    env["GDAL_PAM_ENABLED"] = "NO"
    return env


def batch(*args, script=SCRIPT, env=None, timeout=180) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, str(script), *map(str, args)], capture_output=True, text=True, env=env or environment(), timeout=timeout)


def one_line_error(done: subprocess.CompletedProcess) -> str:
    """The single stderr line of a failed run (no traceback, nothing on stdout)."""
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert lines[0].startswith("tsr_batch: ")
    return lines[0]


def plain_results(stdout: str) -> dict:
    """`NAME:<tab>value` lines → {NAME: value}."""
    return dict(line.split(":\t", 1) for line in stdout.splitlines() if ":\t" in line)


def qgis_process_results(stdout: str) -> dict:
    """The Results section of qgis_process's plain output."""
    return plain_results(stdout[stdout.index("Results") :])


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    spec = importlib.util.spec_from_file_location("generate_sample_county", ROOT / "sample_data" / "generate_sample_county.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate(str(tmp_path_factory.mktemp("county")), seed=2020, cell=30.0)


@pytest.fixture(scope="module")
def qgis(tmp_path_factory):
    return QgisProcess(str(tmp_path_factory.mktemp("profile")))


@pytest.fixture
def ramp(tmp_path):
    folder = tmp_path / "inputs"
    folder.mkdir()
    values = np.arange(200, dtype=np.float32).reshape(10, 20)
    values[0, :3] = -9999.0
    return write_raster(folder / "ramp.tif", values)


# --- the command line --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, says",
    [
        ((), "no algorithm given"),
        (("--json",), "no algorithm given"),
        (("INPUT=a.tif",), "no algorithm given"),
        (("normalizehazard", "INPUT"), "PARAM=VALUE expected, not 'INPUT'"),
        (("normalizehazard", "=a.tif"), "PARAM=VALUE expected"),
        (("normalizehazard", "--workers", "0"), "--workers"),
        (("normalizehazard", "--workers", "two"), "--workers"),
        (("normalizehazard", "--engine", "spark"), "--engine"),
        (("normalizehazard", "--bogus"), "unrecognized arguments: --bogus"),
        (("normalizehazard", "--scheduler", "tcp://h:8786", "--engine", "local"), "cannot be combined with --engine local"),
        (("normalizehazard", "--scheduler", "tcp://h:8786", "--workers", "2"), "--workers sets the size of a local cluster"),
    ],
)
def test_usage_errors_exit_2_with_one_line(args, says):
    done = batch(*args)
    assert done.returncode == 2
    line = one_line_error(done)
    assert says in line and "(see tsr_batch.py --help)" in line


def test_help_lists_the_four_algorithms():
    done = batch("--help")
    assert done.returncode == 0
    for name in ALGORITHMS:
        assert f"tsr:{name}" in done.stdout
    assert "--scheduler" in done.stdout and "--engine" in done.stdout


@pytest.mark.parametrize("name", ["native:buffer", "tsr:ahpweights", "normalise"])
def test_an_unknown_algorithm_lists_the_four(name):
    done = batch(name, "INPUT=x.tif")
    assert done.returncode == 1
    line = one_line_error(done)
    assert f"Unknown algorithm {name};" in line
    assert line.endswith("tsr:normalizehazard, tsr:multihazardoverlay, tsr:riskzoning, tsr:suitability")


def test_an_unknown_parameter_is_refused_and_nothing_is_written(ramp, tmp_path):
    output = tmp_path / "out" / "degree.tif"
    done = batch("normalizehazard", f"INPUT={ramp}", "METHOD=0", f"OUTPUT={output}", "FOO=1", "BAR=2")
    assert done.returncode == 1
    line = one_line_error(done)
    assert "normalizehazard has no parameter BAR, FOO; its parameters are INPUT, BAND, METHOD" in line
    assert not output.exists()


def test_input_errors_are_one_line_and_translated(ramp, tmp_path):
    missing = tmp_path / "missing.tif"
    args = ("normalizehazard", f"INPUT={missing}", f"OUTPUT={tmp_path / 'o.tif'}")
    english = one_line_error(batch(*args))
    assert str(missing) in english and "cannot be read" in english
    chinese = one_line_error(batch(*args, env=dict(environment(), LANG="zh_CN.UTF-8")))
    assert str(missing) in chinese and "无法读取栅格" in chinese
    bad = one_line_error(batch("normalizehazard", f"INPUT={ramp}", "METHOD=9", f"OUTPUT={tmp_path / 'o.tif'}"))
    assert "METHOD" in bad


def test_the_prefix_is_optional_and_results_print_as_qgis_process_prints_them(ramp, tmp_path, qgis):
    """tsr:normalizehazard and normalizehazard: same file, same NAME:<tab>value lines as
    qgis_process (6.0 printed as 6, 0.05 as 0.05), progress on stderr only."""
    common = ["METHOD=1", "LOWER=5", "UPPER=97.5"]
    with_prefix = batch("tsr:normalizehazard", f"INPUT={ramp}", *common, f"OUTPUT={tmp_path / 'a.tif'}")
    without = batch("normalizehazard", f"INPUT={ramp}", *common, f"OUTPUT={tmp_path / 'b.tif'}")
    assert with_prefix.returncode == 0 and without.returncode == 0, with_prefix.stderr + without.stderr
    assert "100 %" in with_prefix.stderr and "%" not in with_prefix.stdout
    ours = plain_results(with_prefix.stdout)
    assert ours == dict(plain_results(without.stdout), OUTPUT=str(tmp_path / "a.tif"))
    theirs = qgis_process_results(qgis._call(["run", "tsr:normalizehazard", "--", f"INPUT={ramp}", *common, f"OUTPUT={tmp_path / 'q.tif'}"]).stdout)
    assert set(ours) == set(theirs) == {"OUTPUT", "LOWER_USED", "UPPER_USED"}
    assert {k: v for k, v in ours.items() if k != "OUTPUT"} == {k: v for k, v in theirs.items() if k != "OUTPUT"}
    # the percentiles of the 197 valid cells (3..199), computed here
    valid = np.arange(3, 200, dtype=np.float64)
    assert float(ours["LOWER_USED"]) == pytest.approx(np.percentile(valid, 5)) and float(ours["UPPER_USED"]) == pytest.approx(
        np.percentile(valid, 97.5)
    )
    for name in ("a.tif", "b.tif"):
        assert np.array_equal(read(tmp_path / name)[1], read(tmp_path / "q.tif")[1], equal_nan=True)


def test_json_answer_has_the_shape_of_qgis_process(county, tmp_path, qgis):
    hazards = [county["landslide_susceptibility"], county["seismic_pga"]]
    parameters = {"HAZARDS": hazards, "WEIGHTS": "0.7,0.3", "METHOD": "0", "OUTPUT": str(tmp_path / "b.tif")}
    done = batch(
        "tsr:multihazardoverlay", *[f"HAZARDS={h}" for h in hazards], "WEIGHTS=0.7,0.3", "METHOD=0", f"OUTPUT={tmp_path / 'b.tif'}", "--json"
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # no progress with --json
    ours = json.loads(done.stdout)
    theirs = qgis.run("tsr:multihazardoverlay", dict(parameters, OUTPUT=str(tmp_path / "q.tif")))
    for key in ("algorithm_details", "inputs", "results", "log", "gdal_version", "python_version", "provider_details"):
        assert key in ours and key in theirs
    assert ours["algorithm_details"]["id"] == theirs["algorithm_details"]["id"] == "tsr:multihazardoverlay"
    assert ours["algorithm_details"]["name"] == theirs["algorithm_details"]["name"]
    assert ours["inputs"] == dict(theirs["inputs"], OUTPUT=str(tmp_path / "b.tif"))
    assert ours["inputs"]["HAZARDS"] == hazards  # a repeated parameter: a list, as qgis_process
    assert ours["results"] == dict(theirs["results"], OUTPUT=str(tmp_path / "b.tif"))
    assert ours["log"]["info"] == theirs["log"]["info"]
    assert ours["gdal_version"] == theirs["gdal_version"]
    assert ours["provider_details"]["name"] == theirs["provider_details"]["name"]
    assert ours["provider_details"]["version"] == theirs["provider_details"]["version"]
    assert ours["engine"] == {"name": "local", "workers": None, "scheduler": None, "cog": False}


def test_riskzoning_numbers_in_json_are_plain_numbers(county, tmp_path):
    done = batch("riskzoning", f"INPUT={county['landslide_susceptibility']}", "CLASSES=4", "METHOD=2", f"OUTPUT={tmp_path / 'g.tif'}", "--json")
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)["results"]
    assert type(results["GVF"]) is float and type(results["CONTROLLED_AREA_HA"]) is float
    assert type(results["BREAKS_USED"]) is str
    # equal interval on the data range, computed here
    values, _ = read_masked(county["landslide_susceptibility"])
    low, high = float(values.min()), float(values.max())
    breaks = [float(b) for b in results["BREAKS_USED"].split(",")]
    assert breaks == pytest.approx([low + k * (high - low) / 4 for k in (1, 2, 3)], rel=1e-6)


def test_cog_outputs_hold_the_same_cells(county, tmp_path):
    """--cog on the local engine: the streamed output (normalizehazard) and the one written from
    memory (riskzoning with MIN_AREA) are COGs with overviews, cell for cell the plain GeoTIFFs,
    and no temporary file is left beside them."""
    runs = {
        "normalizehazard": [f"INPUT={county['flood_depth']}", "METHOD=0"],
        "riskzoning": [f"INPUT={county['landslide_susceptibility']}", "CLASSES=4", "METHOD=2", "MIN_AREA=2"],
    }
    for algorithm, parameters in runs.items():
        plain_done = batch(algorithm, *parameters, f"OUTPUT={tmp_path / 'plain' / (algorithm + '.tif')}")
        cog_done = batch(algorithm, *parameters, f"OUTPUT={tmp_path / 'cog' / (algorithm + '.tif')}", "--cog", "--json")
        assert plain_done.returncode == 0 and cog_done.returncode == 0, plain_done.stderr + cog_done.stderr
        assert json.loads(cog_done.stdout)["engine"]["cog"] is True
        with rasterio.open(tmp_path / "cog" / f"{algorithm}.tif") as ds:
            assert ds.tags(ns="IMAGE_STRUCTURE").get("LAYOUT") == "COG"
            assert ds.block_shapes[0] == (256, 256) and ds.overviews(1)
        with rasterio.open(tmp_path / "plain" / f"{algorithm}.tif") as ds:
            assert ds.tags(ns="IMAGE_STRUCTURE").get("LAYOUT") != "COG"
        ours, theirs = read(tmp_path / "cog" / f"{algorithm}.tif"), read(tmp_path / "plain" / f"{algorithm}.tif")
        assert ours[0]["nodata"] == theirs[0]["nodata"] and ours[0]["dtype"] == theirs[0]["dtype"]
        np.testing.assert_array_equal(ours[1], theirs[1])
    assert sorted(os.listdir(tmp_path / "cog")) == ["normalizehazard.tif", "riskzoning.tif"]


def test_no_qgis_is_imported(ramp, tmp_path):
    code = (
        "import runpy, sys\n"
        f"sys.argv = ['tsr_batch.py', 'normalizehazard', 'INPUT={ramp}', 'OUTPUT={tmp_path / 'n.tif'}']\n"
        "try:\n"
        f"    runpy.run_path({str(SCRIPT)!r}, run_name='__main__')\n"
        "except SystemExit as done:\n"
        "    print('exit', done.code)\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'qgis', 'PyQt5', 'PyQt6', 'processing'}))\n"
        "print(sys.modules['territorial_resilience'].__path__)\n"
    )
    done = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, env=environment(), timeout=120)
    lines = done.stdout.strip().splitlines()
    assert lines[-3] == "exit 0" and lines[-2] == "[]", done.stdout + done.stderr
    assert lines[-1] == repr([str(ROOT)])
    assert (tmp_path / "n.tif").exists()


def test_runs_from_a_plugin_folder_named_territorial_resilience(ramp, tmp_path):
    """An installed plugin: the folder is called territorial_resilience (here a symbolic link to
    the checkout, whose own folder has another name) and the package is loaded from it."""
    plugins = tmp_path / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    (plugins / "territorial_resilience").symlink_to(ROOT, target_is_directory=True)
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / "any_name").symlink_to(ROOT, target_is_directory=True)
    answers = []
    for folder in (plugins / "territorial_resilience", other / "any_name", ROOT):
        output = tmp_path / f"{folder.name}.tif"
        done = batch("normalizehazard", f"INPUT={ramp}", "METHOD=0", f"OUTPUT={output}", "--json", script=folder / "tsr_batch.py")
        assert done.returncode == 0, done.stderr
        answers.append({k: v for k, v in json.loads(done.stdout)["results"].items() if k != "OUTPUT"})
        values = read(output)[1]
        expected = (np.arange(200, dtype=np.float64).reshape(10, 20) - 3) / (199 - 3)
        expected[0, :3] = np.nan
        assert np.allclose(values, expected, atol=1e-6, equal_nan=True)
    assert answers[0] == answers[1] == answers[2] == {"LOWER_USED": 3.0, "UPPER_USED": 199.0}


def test_the_dask_engine_without_dask_says_what_to_install(ramp, tmp_path):
    """Debian's Python with dask and distributed made unimportable."""
    code = (
        "import importlib.abc, runpy, sys\n"
        "class NoDask(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('dask', 'distributed'):\n"
        "            raise ModuleNotFoundError(f'No module named {name!r}', name=name)\n"
        "sys.meta_path.insert(0, NoDask())\n"
        f"sys.argv = ['tsr_batch.py', 'normalizehazard', 'INPUT={ramp}', 'OUTPUT={tmp_path / 'n.tif'}', '--engine', 'dask']\n"
        f"runpy.run_path({str(SCRIPT)!r}, run_name='__main__')\n"
    )
    done = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, env=environment(), timeout=120)
    assert done.returncode == 1
    line = one_line_error(done)
    assert "apt install python3-dask python3-distributed" in line and "distributed" in line
    assert not (tmp_path / "n.tif").exists()


def test_ctrl_c_cancels_a_dask_run_and_leaves_nothing(county, tmp_path):
    """Ctrl-C at a terminal: SIGINT to the whole process group (the command and its cluster's
    workers) during the scoring passes; the command stops, says so, writes nothing."""
    out = tmp_path / "out"
    args = [
        PYTHON,
        str(SCRIPT),
        "suitability",
        f"CRITERIA={county['slope']}",
        f"CRITERIA={county['landslide_susceptibility']}",
        "DIRECTIONS=-,-",
        "WEIGHT_UNCERTAINTY=15",
        "ITERATIONS=2000",
        "SEED=1",
        "TOP_PERCENT=10",
        f"OUTPUT_MEAN={out / 'mean.tif'}",
        f"OUTPUT_CLASS={out / 'class.tif'}",
        "--engine",
        "dask",
        "--workers",
        "2",
    ]
    run = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment(), start_new_session=True)
    try:
        seen = []
        for line in run.stderr:
            seen.append(line)
            if line.startswith("Pass 1"):
                os.killpg(run.pid, signal.SIGINT)
                break
        stdout, stderr = run.communicate(timeout=60)
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
    assert any(line.startswith("Pass 1") for line in seen), "".join(seen)
    assert run.returncode == 130, stderr
    assert stdout == ""
    assert "cancelled: no output was written" in stderr and "Traceback" not in stderr
    assert list(out.iterdir()) == [] if out.exists() else True


# --- identical results: qgis_process, local, dask ---------------------------------------------


def read_masked(path):
    with rasterio.open(path) as ds:
        return ds.read(1, masked=True), ds.profile


def read(path):
    """(profile, float64 values with NaN at nodata)."""
    values, profile = read_masked(path)
    return profile, values.astype(np.float64).filled(np.nan)


def cases(county, folder: Path) -> dict:
    gpkg = county["sample_county"]
    return {
        "normalizehazard": {"INPUT": county["flood_depth"], "METHOD": "1", "OUTPUT": folder / "degree.tif"},
        "multihazardoverlay": {
            "HAZARDS": [county["landslide_susceptibility"], county["seismic_pga"], county["chemical_accident"]],
            "WEIGHTS": "0.5,0.3,0.2",
            "METHOD": "0",
            "INTERACTIONS": "0 0 0;0.5 0 0;0 0 0",
            "THRESHOLD": "0.3",
            "OUTPUT": folder / "index.tif",
            "OUTPUT_DOMINANT": folder / "dominant.tif",
            "OUTPUT_COUNT": folder / "count.tif",
        },
        "riskzoning": {
            "INPUT": county["landslide_susceptibility"],
            "CLASSES": "5",
            "METHOD": "0",
            "MIN_AREA": "1",
            "UNITS": f"{gpkg}|layername=townships",
            "UNIT_FIELD": "name",
            "OUTPUT": folder / "grades.tif",
            "OUTPUT_ZONES": folder / "zones.gpkg",
            "OUTPUT_LINES": folder / "lines.gpkg",
            "OUTPUT_TABLE": folder / "table.csv",
        },
        "suitability": {
            "CRITERIA": [county["slope"], county["dem"], county["landslide_susceptibility"]],
            "DIRECTIONS": "-,-,-",
            "WEIGHTS": "0.5,0.2,0.3",
            "EXCLUSION_ZONES": [f"{gpkg}|layername=ecological_red_line"],
            "WEIGHT_UNCERTAINTY": "15",
            "ITERATIONS": "100",
            "SEED": "7",
            "TOP_PERCENT": "10",
            "OUTPUT_MEAN": folder / "mean.tif",
            "OUTPUT_STD": folder / "std.tif",
            "OUTPUT_PROBABILITY": folder / "probability.tif",
            "OUTPUT_CLASS": folder / "class.tif",
        },
    }


def arguments(parameters: dict) -> list[str]:
    listed = []
    for name, value in parameters.items():
        for one in value if isinstance(value, list) else [value]:
            listed.append(f"{name}={one}")
    return listed


def features(path) -> list[tuple]:
    """Every feature of a vector output: its attributes and its geometry (WKB), sorted."""
    ds = ogr.Open(str(path))
    layer = ds.GetLayer(0)
    rows = []
    for feature in layer:
        geometry = feature.GetGeometryRef()
        rows.append((tuple(sorted(feature.items().items())), geometry.ExportToWkb() if geometry is not None else b""))
    return sorted(rows)


def assert_same_outputs(expected: dict, got: dict, label: str) -> None:
    assert set(expected) == set(got), label
    for name, value in expected.items():
        path = str(value)
        if path.endswith(".tif"):
            profile_a, a = read(value)
            profile_b, b = read(got[name])
            assert (profile_a["dtype"], profile_a["nodata"], profile_a["transform"], profile_a["crs"]) == (
                profile_b["dtype"],
                profile_b["nodata"],
                profile_b["transform"],
                profile_b["crs"],
            ), f"{label} {name}"
            assert np.array_equal(np.isnan(a), np.isnan(b)), f"{label} {name}: nodata elsewhere"
            assert np.array_equal(a, b, equal_nan=True), f"{label} {name}: values differ"
        elif path.endswith(".csv"):
            with open(value, newline="", encoding="utf-8") as fa, open(got[name], newline="", encoding="utf-8") as fb:
                assert list(csv.reader(fa)) == list(csv.reader(fb)), f"{label} {name}"
        elif path.endswith(".gpkg"):
            assert features(value) == features(got[name]), f"{label} {name}"
        else:
            assert value == got[name] and type(value) is type(got[name]), f"{label} {name}: {value!r} != {got[name]!r}"


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_same_results_from_qgis_process_local_and_dask(algorithm, county, qgis, tmp_path):
    answers = {}
    for engine in ("qgis", "local", "dask"):
        folder = tmp_path / engine
        folder.mkdir()
        parameters = cases(county, folder)[algorithm]
        if engine == "qgis":
            answer = qgis.run(f"tsr:{algorithm}", {k: [str(x) for x in v] if isinstance(v, list) else str(v) for k, v in parameters.items()})
        else:
            extra = ["--engine", "dask", "--workers", "2"] if engine == "dask" else ["--engine", "local"]
            done = batch(f"tsr:{algorithm}", *arguments(parameters), *extra, "--json")
            assert done.returncode == 0, done.stderr
            answer = json.loads(done.stdout)
            assert answer["engine"]["name"] == engine
        answers[engine] = answer["results"]
        for name, value in parameters.items():
            if name.startswith("OUTPUT"):
                assert answers[engine][name] == str(value), f"{engine} {name}"
    assert_same_outputs(answers["qgis"], answers["local"], f"{algorithm}: qgis_process / local")
    assert_same_outputs(answers["qgis"], answers["dask"], f"{algorithm}: qgis_process / dask")
    # and the outputs hold something
    for name, value in answers["local"].items():
        if str(value).endswith(".tif"):
            assert np.count_nonzero(~np.isnan(read(value)[1])) > 100_000, name
