"""The provider's "Dask scheduler" setting: where the raster algorithms send their blocks."""

from __future__ import annotations

from contextlib import contextmanager

from processing.core.ProcessingConfig import ProcessingConfig

#: Processing ▸ Options ▸ Providers ▸ Territorial Space Resilience: scheduler address (empty = this computer).
DASK_SCHEDULER = "TSR_DASK_SCHEDULER"


def scheduler_address() -> str:
    value = ProcessingConfig.getSetting(DASK_SCHEDULER)
    return str(value).strip() if value else ""


def configured_engine():
    """None (the local block driver) when no scheduler is set, else a Dask engine connected to it.

    The caller closes the engine it receives (engines are context managers)."""
    address = scheduler_address()
    if not address:
        return None
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
