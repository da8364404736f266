"""QGIS fixtures: the provider registered once per session, and small hand-made rasters."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def provider(qgis_processing):
    from qgis.core import QgsApplication

    from territorial_resilience.processing_provider.provider import TerritorialResilienceProvider

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("tsr")
    if existing is not None:
        return existing
    instance = TerritorialResilienceProvider()
    assert registry.addProvider(instance)
    return instance


@pytest.fixture
def run(provider):
    """processing.run with a fresh context, returning the results dict."""
    import processing

    def _run(alg_id, parameters, feedback=None):
        return processing.run(f"tsr:{alg_id}", parameters, feedback=feedback)

    return _run
