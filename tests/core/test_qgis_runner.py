"""The plugin links of scripts/qgis_runner.py: a qgis_process profile and the import folder always
lead to this checkout."""

from __future__ import annotations

import pytest
from qgis_runner import PLUGIN_DIR, link_plugin


def test_a_missing_link_is_created_and_a_stale_one_re_pointed(tmp_path):
    link = tmp_path / "territorial_resilience"
    assert link_plugin(link).resolve() == PLUGIN_DIR
    other = tmp_path / "other_checkout"
    other.mkdir()
    link.unlink()
    link.symlink_to(other, target_is_directory=True)
    assert link_plugin(link).resolve() == PLUGIN_DIR


def test_a_real_folder_is_never_replaced(tmp_path):
    folder = tmp_path / "territorial_resilience"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine")
    with pytest.raises(RuntimeError, match="is a folder"):
        link_plugin(folder)
    assert (folder / "keep.txt").read_text() == "mine"
