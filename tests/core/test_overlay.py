"""Multi-hazard overlay kernels against hand computations and independent numpy formulas."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from rasterio.crs import CRS

from territorial_resilience.algorithms.common.messages import InputError
from territorial_resilience.algorithms.common.parsing import parse_numbers
from territorial_resilience.algorithms.raster.overlay import (
    NodataPolicy,
    OverlayMethod,
    OverlaySpec,
    OverlayStatistics,
    amplify,
    apply_risk_factors,
    cell_hectares,
    combine,
    dominant_hazard,
    hazard_count,
    hazard_summaries,
    hotspot_rows,
    metric_grid,
    orness,
    overlay_kernel,
    quantifier_weights,
    resampling_notes,
)

H = np.array(
    [
        [0.2, 0.9, 0.5, np.nan],
        [0.6, 0.1, 0.5, 0.4],
        [0.0, 0.3, 1.0, 0.8],
    ],
    dtype=np.float32,
)


def spec(method, weights=(), order=(), inter=(), threshold=0.5, policy=NodataPolicy.PROPAGATE):
    return OverlaySpec.build(3, method, weights, order, inter, threshold, policy)


def overlay(h, s):
    """Index, dominant hazard and hotspot count, as the block kernel computes them."""
    h = amplify(h, s.interactions, s.threshold)
    index = combine(h, s)
    return index, dominant_hazard(h, s, index), hazard_count(h, s.threshold, index)


def test_weighted_sum_by_hand():
    index, dominant, count = overlay(H, spec(OverlayMethod.WEIGHTED_SUM, [2, 1, 1]))
    np.testing.assert_allclose(index[:3], [0.5 * 0.2 + 0.25 * 0.6, 0.5 * 0.9 + 0.25 * 0.1 + 0.25 * 0.3, 0.25 + 0.125 + 0.25], rtol=1e-6)
    assert np.isnan(index[3])
    np.testing.assert_array_equal(dominant, [2, 1, 1, 0])  # cell 3: 0.5·0.5 = 0.25 = 0.25·1.0 → first wins
    np.testing.assert_array_equal(count, [1, 1, 3, 255])


def test_geometric_mean_by_hand():
    index, _, _ = overlay(H, spec(OverlayMethod.GEOMETRIC_MEAN, [1, 1, 2]))
    expected_1 = 0.9**0.25 * 0.1**0.25 * 0.3**0.5
    assert index[1] == pytest.approx(expected_1, rel=1e-5)
    assert index[0] == 0.0  # a zero hazard with positive weight zeroes the mean


def test_maximum_ignores_weights():
    index, dominant, _ = overlay(H, spec(OverlayMethod.MAXIMUM, [100, 1, 1]))
    np.testing.assert_allclose(index[:3], [0.6, 0.9, 1.0])
    np.testing.assert_array_equal(dominant[:3], [2, 1, 3])


def test_probabilistic_union_with_acting_shares():
    index, _, _ = overlay(H, spec(OverlayMethod.PROBABILISTIC_UNION, [0.5, 1.0, 1.0]))
    assert index[0] == pytest.approx(1 - (1 - 0.1) * (1 - 0.6) * (1 - 0.0), rel=1e-6)
    assert index[2] == pytest.approx(1.0)
    index, _, _ = overlay(H, spec(OverlayMethod.PROBABILISTIC_UNION))  # empty weights = 1
    assert index[1] == pytest.approx(1 - 0.1 * 0.9 * 0.7, rel=1e-6)


def test_owa_extremes_and_mean():
    hmax, _, _ = overlay(H, spec(OverlayMethod.OWA, order=[1, 0, 0]))
    hmin, _, _ = overlay(H, spec(OverlayMethod.OWA, order=[0, 0, 1]))
    hmean, _, _ = overlay(H, spec(OverlayMethod.OWA, order=[1, 1, 1]))
    np.testing.assert_allclose(hmax[:3], np.nanmax(H[:, :3], axis=0))
    np.testing.assert_allclose(hmin[:3], np.nanmin(H[:, :3], axis=0))
    np.testing.assert_allclose(hmean[:3], np.nanmean(H[:, :3], axis=0), rtol=1e-6)
    assert orness([1, 0, 0]) == 1.0 and orness([0, 0, 1]) == 0.0 and orness([1, 1, 1]) == pytest.approx(0.5)


def test_weighted_owa_malczewski():
    # cell 1: sorted 0.9 (w .5), 0.3 (w .25), 0.1 (w .25); v = (.5, .3, .2)
    index, _, _ = overlay(H, spec(OverlayMethod.OWA, [2, 1, 1], [0.5, 0.3, 0.2]))
    u = np.array([0.5 * 0.5, 0.25 * 0.3, 0.25 * 0.2])
    assert index[1] == pytest.approx(float((u / u.sum()) @ [0.9, 0.3, 0.1]), rel=1e-6)


def test_interactions_amplify_and_cap():
    m = [0, 1.0, 0, 0, 0, 0, 0, 0.5, 0]  # hazard 1 amplifies 2 by ×2; hazard 3 amplifies 2 by ×1.5
    h = amplify(H, np.asarray(m, dtype=float).reshape(3, 3), 0.5)
    assert h[1, 1] == pytest.approx(0.2)  # trigger 0.9 ≥ 0.5
    assert h[1, 0] == pytest.approx(0.6)  # 0.2 < 0.5: no trigger
    assert h[1, 2] == pytest.approx(min(1.0, 0.5 * 2 * 1.5))  # both triggers multiply, capped
    assert h[1, 3] == pytest.approx(0.4 * 1.5)  # NaN trigger does not act, hazard 3 does
    np.testing.assert_array_equal(h[0], H[0])  # triggers use the original values


def test_ignore_policy_renormalises():
    s = spec(OverlayMethod.WEIGHTED_SUM, [2, 1, 1], policy=NodataPolicy.IGNORE)
    index, dominant, count = overlay(H, s)
    assert index[3] == pytest.approx((0.4 + 0.8) / 2)
    assert dominant[3] == 3 and count[3] == 1
    s = spec(OverlayMethod.OWA, order=[0, 0, 1], policy=NodataPolicy.IGNORE)
    index, _, _ = overlay(H, s)
    assert index[3] == pytest.approx(0.4)  # the minimum of the two present values


def test_quantifier_weights_keep_semantics():
    np.testing.assert_allclose(quantifier_weights(np.array([0, 0, 0, 1.0]), 2), [0, 1])
    np.testing.assert_allclose(quantifier_weights(np.array([1.0, 0, 0, 0]), 3), [1, 0, 0])
    np.testing.assert_allclose(quantifier_weights(np.full(4, 0.25), 3), [1 / 3] * 3)


def test_risk_factors():
    r = apply_risk_factors(np.array([0.8], np.float32), np.array([0.5], np.float32), np.array([0.5], np.float32), np.array([0.25], np.float32))
    assert r[0] == pytest.approx(0.8 * 0.5 * 0.5 * 0.75)


@pytest.mark.parametrize(
    "kwargs, fragment",
    [
        (dict(weights=[1, 2]), "2 weights were given for 3 hazards"),
        (dict(weights=[1, -2, 1]), "zero or positive"),
        (dict(method=OverlayMethod.PROBABILISTIC_UNION, weights=[1, 2, 1]), "between 0 and 1"),
        (dict(inter=[0, 1, 0, 1]), "3×3"),
        (dict(method=OverlayMethod.OWA, order=[1, 1]), "order weights"),
        (dict(threshold=1.5), "threshold"),
    ],
)
def test_bad_parameters(kwargs, fragment):
    method = kwargs.pop("method", OverlayMethod.WEIGHTED_SUM)
    with pytest.raises(InputError, match=fragment):
        spec(method, kwargs.get("weights", ()), kwargs.get("order", ()), kwargs.get("inter", ()), kwargs.get("threshold", 0.5))


def test_parse_numbers():
    assert parse_numbers("0.4, 0.3;0.3\n1/4") == [0.4, 0.3, 0.3, 0.25]
    assert parse_numbers("0.2，0.3；0.5、1") == [0.2, 0.3, 0.5, 1.0]  # a Chinese input method's separators
    with pytest.raises(InputError, match="'x'"):
        parse_numbers("1, x")


def test_kernel_rejects_unnormalised_hazard():
    kernel = overlay_kernel(spec(OverlayMethod.WEIGHTED_SUM), False, False, False)
    bad = [H[0], H[1] * 3, H[2]]
    with pytest.raises(InputError, match="outside 0–1"):
        kernel(bad)


def test_statistics_match_numpy():
    rng = np.random.default_rng(3)
    h = rng.random((3, 50, 40)).astype(np.float32)
    h[0, :5, :5] = np.nan
    s = spec(OverlayMethod.WEIGHTED_SUM)
    stats = OverlayStatistics(3, 0.5)
    for rows in (slice(0, 17), slice(17, 50)):
        block = h[:, rows]
        index, dominant, count = overlay(block, s)
        stats.add(stats.block(block, index, dominant, count))
    for i in range(3):
        v = h[i][~np.isnan(h[i])].astype(float)
        assert stats.count[i] == v.size
        assert stats.mean[i] == pytest.approx(v.mean(), rel=1e-9)
        assert stats.std[i] == pytest.approx(v.std(), rel=1e-6)
        assert stats.above[i] == int((v >= 0.5).sum())
    joint = ~np.isnan(h).any(axis=0)
    expected = np.corrcoef(h[:, joint].astype(float))
    np.testing.assert_allclose(stats.correlation(), expected, atol=1e-5)


@settings(max_examples=60, deadline=None)
@given(arrays(np.float32, (3, 12), elements=st.floats(0, 1, width=32)), st.lists(st.floats(0.01, 10), min_size=3, max_size=3))
def test_weighted_sum_equals_numpy_average(h, weights):
    index, _, _ = overlay(h, spec(OverlayMethod.WEIGHTED_SUM, weights))
    expected = np.average(h.astype(float), axis=0, weights=weights)
    np.testing.assert_allclose(index, expected, rtol=1e-5, atol=1e-6)
    lo, hi = h.min(axis=0), h.max(axis=0)
    assert np.all(index >= lo - 1e-6) and np.all(index <= hi + 1e-6)


@pytest.mark.parametrize(
    "method", [OverlayMethod.WEIGHTED_SUM, OverlayMethod.GEOMETRIC_MEAN, OverlayMethod.MAXIMUM, OverlayMethod.PROBABILISTIC_UNION]
)
def test_propagating_fast_path_equals_masked_formula(method):
    """With PROPAGATE the index is computed by plain NaN arithmetic; it must equal the masked
    formula of the IGNORE path on the cells where every hazard is present, and be NaN elsewhere."""
    rng = np.random.default_rng(11)
    h = rng.random((3, 200), dtype=np.float32)
    h[rng.random((3, 200)) < 0.1] = np.nan
    weights = [0.5, 0.0, 1.0] if method != OverlayMethod.MAXIMUM else []
    fast = combine(h, spec(method, weights))
    masked = combine(h, spec(method, weights, policy=NodataPolicy.IGNORE))
    complete = ~np.isnan(h).any(axis=0)
    np.testing.assert_allclose(fast[complete], masked[complete], rtol=1e-5)
    assert np.isnan(fast[~complete]).all()  # even where the missing hazard has weight 0


# --- the overlay through the block driver: any strips, any file layout ----------------------


def _hazard_file(path, array, layout):
    """A float32 hazard GeoTIFF (nodata −9999) in one of the layouts large rasters come in."""
    import rasterio
    from rasterio.transform import from_origin

    options = {
        "striped": {},
        "striped-3": {"blockysize": 3},
        "tiled16-deflate": {"tiled": True, "blockxsize": 16, "blockysize": 16, "compress": "deflate", "predictor": 3},
        "tiled64": {"tiled": True, "blockxsize": 64, "blockysize": 64},
        "tiled32-lzw": {"tiled": True, "blockxsize": 32, "blockysize": 32, "compress": "lzw"},
    }[layout]
    profile = dict(
        driver="GTiff",
        width=array.shape[1],
        height=array.shape[0],
        count=1,
        dtype="float32",
        crs="EPSG:4547",
        transform=from_origin(480000.0, 3400000.0, 30.0, 30.0),
        nodata=-9999.0,
        **options,
    )
    with rasterio.open(path, "w", **profile) as ds:
        ds.write(np.where(np.isnan(array), np.float32(-9999.0), array).astype(np.float32), 1)
    return str(path)


def test_overlay_is_identical_whatever_the_strips_and_layouts(tmp_path, monkeypatch):
    """Weighted sum, dominant hazard and hotspot count of 4 hazards on a 203 × 157 grid (ragged
    against every tile size) through run_blocks: bit for bit the same arrays for every
    cells_per_block, worker count, input layout and output compression, equal to the same formula
    in plain numpy (float32, hazard after hazard) and to np.average within float32 rounding;
    the valid-cell counts equal numpy's. The kernel's own slices vary too (CHUNK_CELLS)."""
    import rasterio

    from territorial_resilience.algorithms.engine.raster_io import Grid, RasterSink, RasterSource, run_blocks
    from territorial_resilience.algorithms.raster import overlay as overlay_module

    rng = np.random.default_rng(5)
    height, width, n = 203, 157, 4
    h = rng.random((n, height, width), dtype=np.float32)
    h[:, :, :9] = np.nan  # a shared nodata border
    h[0, 50:90, 40:80] = np.nan  # and holes of single hazards
    h[2, rng.random((height, width)) < 0.05] = np.nan
    h[3, 150:, :] = 0.5  # ties with the threshold
    weights = [3.0, 1.0, 2.0, 2.0]
    s = OverlaySpec.build(n, OverlayMethod.WEIGHTED_SUM, weights, threshold=0.5)

    w = s.weights.astype(np.float32)
    expected_index = h[0] * w[0]
    for i in range(1, n):
        expected_index = expected_index + h[i] * w[i]
    valid = ~np.isnan(h).any(axis=0)
    np.testing.assert_allclose(expected_index[valid], np.average(h[:, valid].astype(float), axis=0, weights=weights), atol=1e-6)
    products = h * w[:, None, None]
    expected_dominant = np.where(valid, np.argmax(np.nan_to_num(products, nan=-1.0), axis=0) + 1, 0).astype(np.uint8)
    expected_count = np.where(valid, (np.nan_to_num(h, nan=-1.0) >= np.float32(0.5)).sum(axis=0), 255).astype(np.uint8)
    present = ~np.isnan(h).reshape(n, -1)

    layouts = {
        "striped": ["striped"] * n,
        "tiled16-deflate": ["tiled16-deflate"] * n,
        "mixed": ["striped-3", "tiled16-deflate", "tiled64", "tiled32-lzw"],
    }
    chunk_cells = {"striped": overlay_module.CHUNK_CELLS, "tiled16-deflate": 700, "mixed": 3 * width + 5}
    runs = 0
    for name, kinds in layouts.items():
        monkeypatch.setattr(overlay_module, "CHUNK_CELLS", chunk_cells[name])
        folder = tmp_path / name
        folder.mkdir()
        paths = [_hazard_file(folder / f"h{i}.tif", h[i], kind) for i, kind in enumerate(kinds)]
        grid = Grid.of(paths[0])
        for cells in (1, 5_000, 37 * width, 10**6):
            for workers in (1, 2):
                compress = (cells + workers) % 2 == 0
                outs = [str(folder / f"{what}_{cells}_{workers}.tif") for what in ("index", "dominant", "count")]
                sinks = [
                    RasterSink(outs[0], "float32", compress=compress),
                    RasterSink(outs[1], "uint8", 0, compress=compress),
                    RasterSink(outs[2], "uint8", 255, compress=compress),
                ]
                stats = OverlayStatistics(n, s.threshold)
                run_blocks(
                    grid, [RasterSource(p) for p in paths], overlay_kernel(s), sinks, on_result=stats.add, cells_per_block=cells, workers=workers
                )
                with rasterio.open(outs[0]) as ds:
                    index = ds.read(1)
                np.testing.assert_array_equal(np.where(valid, index, np.nan), expected_index)
                assert (index[~valid] == np.float32(-9999.0)).all()
                for out, expected in ((outs[1], expected_dominant), (outs[2], expected_count)):
                    with rasterio.open(out) as ds:
                        np.testing.assert_array_equal(ds.read(1), expected)
                np.testing.assert_array_equal(stats.count, present.sum(axis=1))
                assert stats.index_count == valid.sum() and stats.any_count == present.any(axis=0).sum()
                np.testing.assert_array_equal(stats.pair_count, present.astype(np.int64) @ present.T.astype(np.int64))
                runs += 1
    assert runs == 24


@pytest.mark.parametrize("n", [1, 2, 3, 6, 33])
def test_valid_cell_counts_equal_brute_force(n):
    """count, any_count, pair_count and index_count of OverlayStatistics.block against loops over
    every cell, with complete, empty and mixed cells (pairs counted for 1 < n ≤ MAX_PAIRS only)."""
    from territorial_resilience.algorithms.raster.overlay import MAX_PAIRS

    rng = np.random.default_rng(n)
    h = rng.random((n, 7, 9), dtype=np.float32)
    pattern = rng.integers(0, 4, size=(7, 9))  # 0: complete, 1: empty, 2–3: random holes
    h[:, pattern == 1] = np.nan
    holes = (rng.random(h.shape) < 0.5) & (pattern >= 2)
    h[holes] = np.nan
    index = np.where(rng.random((7, 9)) < 0.3, np.float32(np.nan), np.float32(0.5))
    part = OverlayStatistics(n, 0.5).block(h, index, None, None, full=False)
    cells = [(r, c) for r in range(7) for c in range(9)]
    has = lambda i, r, c: not np.isnan(h[i, r, c])  # noqa: E731
    assert list(part.count) == [sum(has(i, r, c) for r, c in cells) for i in range(n)]
    assert part.any_count == sum(any(has(i, r, c) for i in range(n)) for r, c in cells)
    assert part.index_count == sum(not np.isnan(index[r, c]) for r, c in cells)
    if 1 < n <= MAX_PAIRS:
        for i in range(n):
            for j in range(n):
                assert part.pair_count[i, j] == sum(has(i, r, c) and has(j, r, c) for r, c in cells)
    else:
        assert not part.pair_count.any()


@pytest.mark.parametrize("method", list(OverlayMethod))
def test_kernel_slices_give_the_same_cells(monkeypatch, method):
    """The block kernel computes on slices of CHUNK_CELLS cells: outputs bit for bit those of one
    slice, counts equal, sums equal to rounding, for every method (interactions, risk factors and
    the ignore policy included)."""
    from territorial_resilience.algorithms.raster import overlay as overlay_module

    rng = np.random.default_rng(int(method) + 20)
    h = rng.random((3, 41, 23), dtype=np.float32)
    h[rng.random(h.shape) < 0.1] = np.nan
    exposure = rng.random((41, 23), dtype=np.float32)
    s = OverlaySpec.build(
        3,
        method,
        [0.5, 0.3, 0.9],
        [0.5, 0.3, 0.2],
        [0, 0.5, 0, 0, 0, 0.2, 0, 0, 0],
        policy=NodataPolicy.IGNORE if method == OverlayMethod.OWA else NodataPolicy.PROPAGATE,
    )
    blocks = [h[0], h[1], h[2], exposure]
    whole_outputs, whole_stats = overlay_kernel(s, has_exposure=True)(blocks)
    for cells in (23, 5 * 23 + 7, 400):
        monkeypatch.setattr(overlay_module, "CHUNK_CELLS", cells)
        outputs, stats = overlay_kernel(s, has_exposure=True)(blocks)
        for a, b in zip(outputs, whole_outputs):
            np.testing.assert_array_equal(a, b)
        for name in ("count", "above", "pair_count", "dominant_cells", "hotspot_cells"):
            np.testing.assert_array_equal(getattr(stats, name), getattr(whole_stats, name))
        assert (stats.index_count, stats.any_count, stats.joint_count) == (whole_stats.index_count, whole_stats.any_count, whole_stats.joint_count)
        np.testing.assert_allclose(stats.total, whole_stats.total, rtol=1e-12)
        np.testing.assert_allclose(stats.joint_cross, whole_stats.joint_cross, rtol=1e-12)
        assert (stats.index_min, stats.index_max) == (whole_stats.index_min, whole_stats.index_max)


# --- report summaries ---------------------------------------------------------------------------


def test_metric_grid_and_cell_hectares():
    assert metric_grid(CRS.from_epsg(4547)) and cell_hectares(CRS.from_epsg(4547), 900.0) == pytest.approx(0.09)
    for crs in (CRS.from_epsg(4326), CRS.from_epsg(3857), None, CRS.from_proj4("+proj=merc +a=6378137 +b=6378137 +units=m")):
        assert not metric_grid(crs)
        assert np.isnan(cell_hectares(crs, 900.0))
    assert not metric_grid(CRS.from_proj4("+proj=utm +zone=50 +units=us-ft"))


def test_hazard_summaries_and_hotspots_by_hand():
    # two hazards on 4 cells, one missing in hazard 2; T = 0.5
    h = np.array([[0.2, 0.6, 0.8, 0.4], [0.7, 0.1, np.nan, 0.5]], dtype=np.float32)
    s = OverlaySpec.build(2, OverlayMethod.WEIGHTED_SUM, (), (), (), 0.5, NodataPolicy.PROPAGATE)
    index = combine(h, s)
    stats = OverlayStatistics(2, 0.5)
    stats.add(stats.block(h, index, dominant_hazard(h, s, index), hazard_count(h, 0.5, index)))
    first, second = hazard_summaries(stats, ["flood", "quake"], 0.09)
    # flood: 4 cells 0.2 0.6 0.8 0.4: mean 0.5, population std sqrt(0.05); 2 of 4 at or above T
    assert (first.name, first.valid_cells, first.above_pct) == ("flood", 4, 50.0)
    assert first.mean == pytest.approx(0.5) and first.std == pytest.approx(math.sqrt(0.05))
    assert (first.minimum, first.maximum) == pytest.approx((0.2, 0.8))
    assert first.above_ha == pytest.approx(0.18)
    # index on the 3 complete cells: 0.45, 0.35, 0.45; the larger weighted hazard dominates:
    # quake (0.35 > 0.1), flood (0.3 > 0.05), quake (0.25 ≥ 0.2)
    assert (first.dominant_pct, second.dominant_pct) == pytest.approx((100 / 3, 200 / 3))
    assert (second.valid_cells, second.above_pct) == (3, pytest.approx(200 / 3))
    # hazards ≥ T per index cell: 1 (quake), 1 (flood), 1 (quake 0.5): none with 0 or 2
    assert hotspot_rows(stats, 0.09) == [(0, 0, 0.0, 0.0), (1, 3, pytest.approx(0.27), pytest.approx(100.0)), (2, 0, 0.0, 0.0)]
    assert stats.index_mean == pytest.approx((0.45 + 0.35 + 0.45) / 3)
    assert OverlayStatistics(2, 0.5).index_mean == 0.0


def test_metric_grid_keeps_transverse_mercator_grids():
    # Gauss–Krüger (CGCS2000), UTM and an oblique Mercator measure true metres near their centre
    for code in (4547, 4527, 32650, 2056):
        assert metric_grid(CRS.from_epsg(code)), code
    assert not metric_grid(CRS.from_epsg(3395))  # World Mercator inflates areas like Web Mercator


def test_resampling_notes_name_the_inputs_off_the_reference_grid(tmp_path):
    from rasters import write_raster

    from territorial_resilience.algorithms.engine.raster_io import Grid

    same = write_raster(tmp_path / "same.tif", np.zeros((4, 4), np.float32))
    coarse = write_raster(tmp_path / "coarse.tif", np.zeros((1, 1), np.float32), cell=120.0)
    other_crs = write_raster(tmp_path / "utm.tif", np.zeros((4, 4), np.float32), crs="EPSG:32650")
    notes = resampling_notes(Grid.of(same), [same, coarse, other_crs], ["same", "coarse", "utm"])
    assert [str(n) for n in notes] == [
        "'coarse' is on another grid (EPSG:4547, cells of 120); it is resampled (bilinear) to the reference grid (cells of 30)",
        "'utm' is on another grid (EPSG:32650, cells of 30); it is resampled (bilinear) to the reference grid (cells of 30)",
    ]
