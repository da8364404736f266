"""The provider's "Dask scheduler" setting: where the raster algorithms send their blocks."""

from __future__ import annotations

import re
from contextlib import contextmanager

from qgis.core import QgsProcessingException

from ...i18n import tr

#: Processing ▸ Options ▸ Providers ▸ Territorial Space Resilience: scheduler address (empty = this computer).
DASK_SCHEDULER = "TSR_DASK_SCHEDULER"


#: A Dask address: an optional protocol (tcp://, tls://, ws://, ucx://), a host name or address
#: ([…] for IPv6) and an optional port.
_ADDRESS = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:\[[0-9A-Fa-f:.]+\]|[^\s:/\[\]]+)(?::\d{1,5})?/?$")


def bad_address(text: str) -> str | None:
    """Why `text` is not a scheduler address, or None when it is one (or empty)."""
    if not text or _ADDRESS.match(text):
        return None
    return tr("A Dask scheduler address looks like tcp://host:8786 (or host:8786), not {value}").format(value=text)


def check_scheduler_address(value) -> None:
    """The setting's validator (Processing ▸ Options refuses a value it rejects): empty, or an address."""
    problem = bad_address(str(value or "").strip())
    if problem:
        raise ValueError(problem)


def scheduler_address() -> str:
    # Imported here: the wrappers import this module, and scripts that only read their constants
    # (e.g. the main job's project writer) run where QGIS's processing plugin is not on the path.
    from processing.core.ProcessingConfig import ProcessingConfig

    value = ProcessingConfig.getSetting(DASK_SCHEDULER)
    return str(value).strip() if value else ""


def configured_engine():
    """None (the local block driver) when no scheduler is set, else a Dask engine connected to it.

    The caller closes the engine it receives (engines are context managers)."""
    address = scheduler_address()
    if not address:
        return None
    problem = bad_address(address)  # e.g. written into the profile by hand, past the Options dialog
    if problem:
        raise QgsProcessingException(problem)
    from ...algorithms.engine.engines import DaskEngine

    return DaskEngine(address=address)


@contextmanager
def engine_in_use():
    """`with engine_in_use() as engine:` the configured engine (or None), closed afterwards."""
    engine = configured_engine()
    try:
        yield engine
    finally:
        if engine is not None:
            engine.close()
