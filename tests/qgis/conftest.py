"""QGIS fixtures: the provider registered (again, if a plugin test removed it)."""

from __future__ import annotations

import pytest

_KEEP = []


@pytest.fixture
def provider(qgis_processing):
    from qgis.core import QgsApplication

    from territorial_resilience.processing_provider.provider import TerritorialResilienceProvider

    registry = QgsApplication.processingRegistry()
    if registry.providerById("tsr") is None:
        instance = TerritorialResilienceProvider()
        assert registry.addProvider(instance)
        _KEEP[:] = [instance]  # the registry does not keep the Python wrapper alive
    return registry.providerById("tsr")


@pytest.fixture
def run(provider):
    """processing.run of a tsr algorithm, returning the results dict."""
    import processing

    def _run(alg_id, parameters, feedback=None):
        return processing.run(f"tsr:{alg_id}", parameters, feedback=feedback)

    return _run
