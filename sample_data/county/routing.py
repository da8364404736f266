"""Least-cost routing on a coarse grid, for roads across the hills."""

import math

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import dijkstra
from shapely.geometry import LineString

from .geometry import chaikin


class CostGraph:
    """8-neighbour graph on blocks of f × f cells; edge weight = length (m) × mean of the two
    nodes' costs. Blocks not wholly `passable` have no edges."""

    def __init__(self, grid, cost, passable, f):
        ny, nx = grid.ny // f, grid.nx // f
        c = cost[: ny * f, : nx * f].reshape(ny, f, nx, f).mean(axis=(1, 3))
        p = passable[: ny * f, : nx * f].reshape(ny, f, nx, f).all(axis=(1, 3))
        idx = np.arange(ny * nx).reshape(ny, nx)
        rows, cols, w = [], [], []
        cs = grid.cell * f
        for dr, dc in ((0, 1), (1, 0), (1, 1), (1, -1)):
            r0, r1 = slice(0, ny - dr), slice(dr, ny)
            if dc >= 0:
                c0, c1 = slice(0, nx - dc), slice(dc, nx)
            else:
                c0, c1 = slice(-dc, nx), slice(0, nx + dc)
            a, b = idx[r0, c0], idx[r1, c1]
            ok = p[r0, c0] & p[r1, c1]
            dist = cs * math.hypot(dr, dc)
            rows.append(a[ok])
            cols.append(b[ok])
            w.append(dist * 0.5 * (c[r0, c0][ok] + c[r1, c1][ok]))
        rows, cols, w = map(np.concatenate, (rows, cols, w))
        self.graph = coo_matrix((w, (rows, cols)), shape=(ny * nx, ny * nx)).tocsr()
        self.ny, self.nx, self.cs = ny, nx, cs
        self.x0, self.y1 = grid.x0, grid.y1
        self.xs = grid.x0 + (np.arange(nx) + 0.5) * cs
        self.ys = grid.y1 - (np.arange(ny) + 0.5) * cs

    def node(self, x, y):
        """Node (flat index) of the block containing (x, y), clamped to the graph."""
        r = np.clip(np.floor_divide(self.y1 - np.asarray(y), self.cs).astype(int), 0, self.ny - 1)
        c = np.clip(np.floor_divide(np.asarray(x) - self.x0, self.cs).astype(int), 0, self.nx - 1)
        return r * self.nx + c

    def centre(self, k):
        """(x, y) of the centre of node k."""
        return float(self.xs[k % self.nx]), float(self.ys[k // self.nx])

    def nearest_source(self, sources):
        """Predecessors of the shortest paths from every node to the nearest of `sources`."""
        _, pred, _ = dijkstra(self.graph, directed=False, indices=sources, return_predecessors=True, min_only=True)
        return pred

    @staticmethod
    def walk(pred, k):
        """Nodes from k back along the predecessors to the source of its path."""
        chain = [k]
        while pred[chain[-1]] >= 0:
            chain.append(pred[chain[-1]])
        return chain

    def route(self, a, b):
        """Least-cost road from point a to point b, simplified (0.4 block) and smoothed (three
        Chaikin passes); a straight line if b cannot be reached."""
        s, t = int(self.node(*a)), int(self.node(*b))
        dist, pred = dijkstra(self.graph, directed=False, indices=s, return_predecessors=True)
        if not np.isfinite(dist[t]):
            return LineString([a, b])
        path = self.walk(pred, t)[::-1]
        pts = [a] + [self.centre(k) for k in path[1:-1]] + [b]
        line = LineString(pts).simplify(self.cs * 0.4, preserve_topology=False)
        xy = np.asarray(line.coords)
        xy[0], xy[-1] = a, b
        return LineString(chaikin(xy, 3))
