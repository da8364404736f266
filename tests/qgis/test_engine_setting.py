"""The provider's "Dask scheduler" setting (Processing ▸ Options ▸ Providers): registered when the
provider loads and removed when it unloads; empty → the local block driver; an address → the
raster algorithms run their blocks on that scheduler, with the same result; a malformed or
unreachable address → the run stops with a message naming it and leaves no output."""

from __future__ import annotations

import socket

import numpy as np
import pytest
from processing.core.ProcessingConfig import ProcessingConfig
from qgis.core import QgsProcessingException, QgsSettings
from rasters import read_raster, write_raster

from territorial_resilience.processing_provider.common.engine_setting import (
    DASK_SCHEDULER,
    check_scheduler_address,
    configured_engine,
    scheduler_address,
)
from territorial_resilience.processing_provider.provider import TerritorialResilienceProvider

QNAME = "Processing/Configuration/" + DASK_SCHEDULER


def set_address(value: str) -> None:
    """The scheduler address as the Options dialog sets it (QgsSettings + ProcessingConfig),
    written to disk at once: a session that crashes at exit must not leave an address behind
    that was cleared only in memory (the next session would start on a dead cluster)."""
    settings = QgsSettings()
    settings.setValue(QNAME, value)
    settings.sync()
    ProcessingConfig.readSettings()


@pytest.fixture(autouse=True)
def no_scheduler(provider):
    """Every test starts and ends without a scheduler address, whatever the profile held."""
    set_address("")
    yield
    set_address("")


@pytest.fixture
def scheduler_setting(provider):
    """Set the scheduler address for one test (cleared by no_scheduler afterwards)."""
    return set_address


@pytest.fixture
def hazard(tmp_path):
    """A 300 × 200 raster with nodata holes, in two tile rows' worth of strips."""
    rng = np.random.default_rng(15)
    values = rng.gamma(2.0, 1.5, size=(300, 200)).astype(np.float32)
    values[rng.random(values.shape) < 0.05] = -9999.0
    folder = tmp_path / "inputs"
    folder.mkdir()
    return write_raster(folder / "hazard.tif", values)


def closed_port() -> int:
    """A local TCP port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_setting_exists_once_the_provider_is_loaded(provider):
    setting = ProcessingConfig.settings[DASK_SCHEDULER]
    assert setting.group == provider.name()
    assert setting.default == "" and setting.placeholder == "tcp://host:8786"
    assert "Dask scheduler address" in setting.description
    assert ProcessingConfig.getSetting(DASK_SCHEDULER) == ""
    assert scheduler_address() == ""
    assert configured_engine() is None


def test_unload_removes_the_setting_and_load_adds_it_again(provider):
    other = TerritorialResilienceProvider()
    try:
        assert other.load()
        other.unload()
        assert DASK_SCHEDULER not in ProcessingConfig.settings
        assert ProcessingConfig.getSetting(DASK_SCHEDULER) is None
        assert scheduler_address() == "" and configured_engine() is None
    finally:
        assert provider.load()
    assert DASK_SCHEDULER in ProcessingConfig.settings
    assert len(provider.algorithms()) > 0


@pytest.mark.parametrize("address", ["tcp://10.0.0.1:8786", "10.0.0.1:8786", "scheduler.example.org:8786", "tls://[::1]:8786", "tcp://host", ""])
def test_the_options_dialog_accepts_addresses(provider, address):
    check_scheduler_address(address)
    ProcessingConfig.settings[DASK_SCHEDULER].validator(address)


@pytest.mark.parametrize("address", ["tcp://host name:8786", "tcp://:8786", "host:port", "tcp://host:8786/extra/path"])
def test_the_options_dialog_refuses_what_is_no_address(provider, address):
    with pytest.raises(ValueError, match="tcp://host:8786"):
        ProcessingConfig.settings[DASK_SCHEDULER].setValue(address)
    assert ProcessingConfig.getSetting(DASK_SCHEDULER) == ""


def test_an_address_past_the_dialog_is_refused_when_a_run_starts(run, scheduler_setting, hazard, tmp_path):
    scheduler_setting("tcp://host name:8786")
    output = tmp_path / "out" / "degree.tif"
    with pytest.raises(QgsProcessingException, match="not tcp://host name:8786"):
        run("normalizehazard", {"INPUT": hazard, "METHOD": 0, "OUTPUT": str(output)})
    assert not output.exists()


def test_an_unreachable_scheduler_stops_the_run_naming_it(run, scheduler_setting, hazard, tmp_path):
    address = f"tcp://127.0.0.1:{closed_port()}"
    scheduler_setting(address)
    assert scheduler_address() == address
    output = tmp_path / "out" / "degree.tif"
    with pytest.raises(QgsProcessingException, match=address.replace(".", r"\.")):
        run("normalizehazard", {"INPUT": hazard, "METHOD": 0, "OUTPUT": str(output)})
    assert not output.exists()
    assert list(output.parent.glob("*")) == [] if output.parent.exists() else True


def test_a_scheduler_runs_the_blocks_with_the_same_result(run, scheduler_setting, hazard, tmp_path):
    """Two worker processes of a LocalCluster started here: the run through the setting gives the
    cells of the run without it, bit for bit, and the scheduler saw tasks."""
    import distributed

    local = run("normalizehazard", {"INPUT": hazard, "METHOD": 1, "OUTPUT": str(tmp_path / "local.tif")})
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            before = client.run_on_scheduler(lambda dask_scheduler: dask_scheduler.transition_counter)
            scheduler_setting(cluster.scheduler_address)
            remote = run("normalizehazard", {"INPUT": hazard, "METHOD": 1, "OUTPUT": str(tmp_path / "remote.tif")})
            after = client.run_on_scheduler(lambda dask_scheduler: dask_scheduler.transition_counter)
    assert after > before  # the scheduler ran tasks
    assert (remote["LOWER_USED"], remote["UPPER_USED"]) == (local["LOWER_USED"], local["UPPER_USED"])
    expected, got = read_raster(local["OUTPUT"]), read_raster(remote["OUTPUT"])
    assert np.array_equal(expected.mask, got.mask)
    assert np.array_equal(expected.filled(np.nan), got.filled(np.nan), equal_nan=True)
    # and both are the percentile min-max of the input, computed here
    values = read_raster(hazard)
    lower, upper = np.percentile(values.compressed(), [2, 98])
    assert remote["LOWER_USED"] == pytest.approx(lower, rel=1e-6) and remote["UPPER_USED"] == pytest.approx(upper, rel=1e-6)
    degree = np.clip((values.filled(np.nan).astype(np.float64) - remote["LOWER_USED"]) / (remote["UPPER_USED"] - remote["LOWER_USED"]), 0, 1)
    assert np.array_equal(got.mask, values.mask)
    assert np.allclose(got.filled(np.nan), degree, atol=1e-6, equal_nan=True)
