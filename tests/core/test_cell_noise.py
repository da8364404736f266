"""Per-cell normal numbers (common.cell_noise) against a plain-integer SplitMix64 and Box–Muller,
and their distribution."""

from __future__ import annotations

import math

import numpy as np
from scipy import stats

from territorial_resilience.algorithms.common.cell_noise import cell_normals

MASK = 2**64 - 1
GAMMA = 0x9E3779B97F4A7C15


def splitmix_mix(x: int) -> int:
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & MASK
    return x ^ (x >> 31)


def by_hand(seed: int, cell: int, j: int, count: int) -> float:
    pairs = (count + 1) // 2
    key = splitmix_mix((seed * GAMMA + 1) & MASK)
    h = splitmix_mix((key + (cell * pairs + j % pairs) * GAMMA) & MASK)
    u1 = ((h >> 40) + 0.5) / 2**24
    u2 = (h & 0xFFFFFF) / 2**24
    r = math.sqrt(-2.0 * math.log(u1))
    return r * (math.cos(2 * math.pi * u2) if j < pairs else math.sin(2 * math.pi * u2))


def test_values_equal_an_integer_implementation():
    cells = np.array([0, 1, 7, 123_456_789, 9_999_999_999], dtype=np.uint64)
    for seed, count in ((0, 6), (1, 5), (2**40 + 3, 1)):
        z = cell_normals(seed, cells, count)
        assert z.shape == (count, cells.size) and z.dtype == np.float32
        expected = np.array([[by_hand(seed, int(g), j, count) for g in cells] for j in range(count)])
        np.testing.assert_allclose(z, expected, rtol=2e-6, atol=2e-6)


def test_a_cell_gets_its_numbers_whoever_asks():
    everything = cell_normals(9, np.arange(1000), 12)
    some = np.array([977, 3, 500, 3])
    np.testing.assert_array_equal(cell_normals(9, some, 12), everything[:, some])
    assert not np.array_equal(cell_normals(10, some, 12), everything[:, some])


def test_distribution_is_standard_normal_and_independent():
    z = cell_normals(1, np.arange(40_000), 10).T  # 400 000 numbers, a row per cell
    flat = z.ravel().astype(np.float64)
    assert abs(flat.mean()) < 5 / math.sqrt(flat.size)
    assert abs(flat.var() - 1) < 5 * math.sqrt(2 / flat.size)
    assert stats.kstest(flat, "norm").pvalue > 1e-3
    # neighbours in every direction: the two numbers of a Box–Muller pair, the next pair, the next cell
    for a, b in ((z[:, 0], z[:, 5]), (z[:, 0], z[:, 1]), (z[:-1, 0], z[1:, 0])):
        assert abs(np.corrcoef(a, b)[0, 1]) < 5 / math.sqrt(a.size)
    assert np.abs(flat).max() < 6.0
