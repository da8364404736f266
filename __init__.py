"""Territorial Space Resilience: QGIS plugin entry point.

The plugin class is imported lazily so that QGIS (and qgis_process) can read this package
without loading numpy, rasterio or the Processing framework.
"""


def classFactory(iface):  # noqa: N802 (QGIS API)
    from .dependencies import CORE, missing_dependencies

    missing = missing_dependencies()
    if any(name in CORE for name in missing):
        from .dependencies import MissingDependenciesPlugin

        return MissingDependenciesPlugin(iface, missing)
    from .plugin import TerritorialResiliencePlugin

    return TerritorialResiliencePlugin(iface)
