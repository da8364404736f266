"""The plugin's life cycle in a (mock) QGIS window, the missing-dependency message, and the
Chinese translation."""

from __future__ import annotations

import pytest
from qgis.core import QgsApplication, QgsProcessingModelAlgorithm
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QToolBar

import territorial_resilience
from territorial_resilience import dependencies
from territorial_resilience.i18n import install_translator, remove_translators


@pytest.fixture
def no_tsr_provider(qgis_processing):
    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("tsr")
    if existing is not None:
        registry.removeProvider(existing)
    yield registry


def test_plugin_registers_and_unloads_cleanly(qgis_iface, no_tsr_provider):
    registry = no_tsr_provider
    toolbars_before = len(qgis_iface.mainWindow().findChildren(QToolBar))
    plugin = territorial_resilience.classFactory(qgis_iface)
    plugin.initGui()
    provider = registry.providerById("tsr")
    assert provider is not None
    assert sorted(a.id() for a in provider.algorithms()) == sorted(
        [
            "tsr:ahpweights",
            "tsr:barriers",
            "tsr:circuitconnectivity",
            "tsr:ecologicalcorridors",
            "tsr:evacuationroutes",
            "tsr:facilitylocation",
            "tsr:landallocation",
            "tsr:multihazardoverlay",
            "tsr:networkcriticality",
            "tsr:networkrobustness",
            "tsr:normalizehazard",
            "tsr:patchconnectivity",
            "tsr:resiliencedossier",
            "tsr:resistancesurface",
            "tsr:riskzoning",
            "tsr:servicecoverage",
            "tsr:setsindex",
            "tsr:suitability",
            "tsr:Multi-hazard risk path",
        ]
    )
    # the SETS guide first, a separator, then every algorithm
    texts = [a.text() for a in plugin.menu.actions()]
    assert texts[0] == "SETS resilience guide…" and plugin.menu.actions()[1].isSeparator()
    assert texts[2:] == [a.displayName() + "…" for a in provider.algorithms()]
    qgis_iface.pluginMenu().addMenu.assert_called_with(plugin.menu)
    assert plugin.toolbar is not None and plugin.toolbar.objectName() == "territorialResilienceToolbar"

    plugin.unload()
    assert registry.providerById("tsr") is None
    assert plugin.menu is None and plugin.toolbar is None and plugin.actions == []
    qgis_iface.pluginMenu().removeAction.assert_called()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not [t for t in qgis_iface.mainWindow().findChildren(QToolBar) if t.objectName() == "territorialResilienceToolbar"]
    assert len(qgis_iface.mainWindow().findChildren(QToolBar)) == toolbars_before


def test_shipped_model_is_in_the_toolbox(provider):
    model = provider.algorithm("Multi-hazard risk path")
    assert isinstance(model, QgsProcessingModelAlgorithm) and model.group() == "Models"
    assert sorted(c.algorithmId() for c in model.childAlgorithms().values()) == [
        "native:extractbyexpression",
        "tsr:ahpweights",
        "tsr:multihazardoverlay",
        "tsr:normalizehazard",
        "tsr:normalizehazard",
        "tsr:normalizehazard",
        "tsr:riskzoning",
        "tsr:suitability",
    ]


def test_every_algorithm_is_documented(provider):
    for alg in provider.algorithms():
        if isinstance(alg, QgsProcessingModelAlgorithm):
            continue  # a model's help is that of its children
        help_text = alg.shortHelpString()
        assert alg.displayName() and alg.group() and alg.tags() and not alg.icon().isNull()
        for parameter in alg.parameterDefinitions():
            assert parameter.name() in help_text, f"{alg.id()}: {parameter.name()} missing from the help"
        assert "References" in help_text


def test_missing_dependency_gives_one_clear_message(monkeypatch, qgis_iface):
    monkeypatch.setattr(dependencies, "missing_dependencies", lambda: ["rasterio", "scipy"])
    plugin = territorial_resilience.classFactory(qgis_iface)
    assert isinstance(plugin, dependencies.MissingDependenciesPlugin)
    message = dependencies.install_hint(["rasterio", "scipy"])
    assert "python3-rasterio python3-scipy" in message and "pip install rasterio scipy" in message
    plugin.initGui()
    plugin.unload()


@pytest.mark.parametrize(
    "locale, chinese", [("zh-Hans", True), ("zh_CN", True), ("zh", True), ("zh-Hant", False), ("zh_TW", False), ("en_US", False)]
)
def test_locales_that_get_the_simplified_chinese_translation(locale, chinese):
    try:
        path = install_translator(locale)
        assert (path is not None and path.endswith("zh_CN.qm")) is chinese
    finally:
        remove_translators()


def test_names_in_chinese_under_zh_cn(provider):
    try:
        assert install_translator("zh_CN") is not None
        from territorial_resilience.processing_provider.provider import TerritorialResilienceProvider

        fresh = TerritorialResilienceProvider()
        assert fresh.name() == "国土空间韧性"
        fresh.loadAlgorithms()
        assert [a.group() for a in fresh.algorithms() if isinstance(a, QgsProcessingModelAlgorithm)] == ["模型"]

        def chinese(text: str) -> bool:
            return any("\u4e00" <= ch <= "\u9fff" for ch in text)

        for alg in provider.algorithms():
            if isinstance(alg, QgsProcessingModelAlgorithm):
                continue  # its name is its id, kept from the .model3 file; its group is checked below
            assert chinese(alg.displayName()) and chinese(alg.group()) and chinese(alg.shortDescription())
        assert "参数" in provider.algorithm("riskzoning").shortHelpString()
    finally:
        remove_translators()
    assert provider.algorithm("riskzoning").displayName() == "Risk zoning and control lines"
