"""The spatial frame shared by every output: CRS, extent, the raster grid and grid operations."""

import math

import numpy as np
from rasterio import features
from rasterio.transform import from_origin
from scipy import ndimage
from shapely.geometry import shape

from .geometry import densify

EPSG = 4547  # CGCS2000 / 3-degree Gauss-Kruger CM 114E, no zone prefix
NODATA = -9999.0
XMIN, YMIN, XMAX, YMAX = 480000.0, 3380000.0, 500000.0, 3400000.0  # nominal extent (m)
CX, CY = 490000.0, 3390000.0  # its centre


class Grid:
    """Square cells of `cell` metres anchored at the upper-left corner (XMIN, YMAX) of the extent.

    ceil(20 000 / cell) columns and rows, so the grid ends at or beyond XMAX and YMIN. X and Y
    are the cell-centre coordinates (m) of every cell, rows running north to south.
    """

    def __init__(self, cell):
        self.cell = float(cell)
        self.nx = int(math.ceil((XMAX - XMIN) / self.cell - 1e-9))
        self.ny = int(math.ceil((YMAX - YMIN) / self.cell - 1e-9))
        self.x0 = XMIN
        self.y1 = YMAX
        self.x1 = self.x0 + self.nx * self.cell
        self.y0 = self.y1 - self.ny * self.cell
        self.shape = (self.ny, self.nx)
        self.transform = from_origin(self.x0, self.y1, self.cell, self.cell)
        self.xs = self.x0 + (np.arange(self.nx) + 0.5) * self.cell
        self.ys = self.y1 - (np.arange(self.ny) + 0.5) * self.cell
        self.X, self.Y = np.meshgrid(self.xs, self.ys)

    def rc(self, x, y):
        """(row, column) of the cells containing the points (x, y); may lie off the grid."""
        col = np.floor((np.asarray(x) - self.x0) / self.cell).astype(int)
        row = np.floor((self.y1 - np.asarray(y)) / self.cell).astype(int)
        return row, col

    def inside(self, row, col):
        """True where (row, col) is a cell of the grid."""
        return (row >= 0) & (row < self.ny) & (col >= 0) & (col < self.nx)

    def sample(self, arr, x, y):
        """Values of arr at the points (x, y), taken from the nearest edge cell off the grid."""
        row, col = self.rc(x, y)
        row = np.clip(row, 0, self.ny - 1)
        col = np.clip(col, 0, self.nx - 1)
        return arr[row, col]

    def cells(self, m):
        """A length in metres expressed in cells."""
        return m / self.cell

    def mask(self, geoms):
        """True on the cells whose centre lies in any of geoms."""
        return features.geometry_mask(geoms, self.shape, self.transform, invert=True)

    def rasterize(self, geoms_values, dtype="int32"):
        """Burn (geometry, value) pairs into cell centres; 0 elsewhere, empty geometries skipped."""
        geoms_values = [(g, v) for g, v in geoms_values if not g.is_empty]
        if not geoms_values:
            return np.zeros(self.shape, dtype=dtype)
        return features.rasterize(geoms_values, out_shape=self.shape, transform=self.transform, fill=0, dtype=dtype)

    def polygons(self, mask):
        """Polygons (made valid) of the 4-connected regions of True cells of mask."""
        geoms = [shape(g) for g, v in features.shapes(mask.astype(np.uint8), mask=mask, transform=self.transform) if v == 1]
        return [g.buffer(0) for g in geoms]


def patches(mask, keep):
    """mask restricted to its 4-connected patches whose cell count n satisfies keep(n)."""
    lab, n = ndimage.label(mask)
    sizes = np.bincount(lab.ravel())
    chosen = np.zeros(n + 1, dtype=bool)
    chosen[1:] = keep(sizes[1:])
    return chosen[lab]


def polyline_distance(grid, lines):
    """Exact distance (m) from every cell centre to the nearest of a set of polylines.

    Returns (distance, index of the nearest line, distance s along that line of the nearest
    point). The lines are densified to half a cell, the nearest vertex of every cell is found
    with distance_transform_edt(return_indices=True), and the distance is then refined against
    the segments of the densified vertices up to 1.5 cells along the line on either side.
    """
    step = grid.cell / 2.0
    pts, lid, sal = [], [], []
    for i, xy in enumerate(lines):
        d, s = densify(xy, step)
        pts.append(d)
        lid.append(np.full(len(d), i))
        sal.append(s)
    pts = np.vstack(pts)
    lid = np.concatenate(lid)
    sal = np.concatenate(sal)
    row, col = grid.rc(pts[:, 0], pts[:, 1])
    ok = grid.inside(row, col)
    idx_grid = np.full(grid.shape, -1, dtype=np.int64)
    idx_grid[row[ok], col[ok]] = np.nonzero(ok)[0]
    if not (idx_grid >= 0).any():
        raise ValueError("polyline outside the grid")
    _, (ir, ic) = ndimage.distance_transform_edt(idx_grid < 0, return_indices=True)
    k0 = idx_grid[ir, ic]
    X, Y = grid.X, grid.Y
    best = np.full(grid.shape, np.inf)
    best_s = np.zeros(grid.shape)
    best_l = lid[k0]
    nseg = len(pts) - 1
    w = int(math.ceil(1.5 * grid.cell / step)) + 1
    for o in range(-w, w + 1):
        j = np.clip(k0 + o, 0, nseg - 1)
        same = lid[j] == lid[j + 1]  # a segment must not join two different lines
        ax, ay = pts[j, 0], pts[j, 1]
        dx, dy = pts[j + 1, 0] - ax, pts[j + 1, 1] - ay
        L2 = np.maximum(dx * dx + dy * dy, 1e-12)
        t = np.clip(((X - ax) * dx + (Y - ay) * dy) / L2, 0.0, 1.0)
        d = np.where(same, np.hypot(X - (ax + t * dx), Y - (ay + t * dy)), np.inf)
        better = d < best
        best = np.where(better, d, best)
        best_s = np.where(better, sal[j] + t * np.sqrt(L2), best_s)
        best_l = np.where(better, lid[j], best_l)
    return best, best_l, best_s
