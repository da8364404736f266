"""The main valley: a smooth W→E axis, a meandering thalweg and the floodplain around it."""

import numpy as np

from .grid import XMAX, XMIN

TERRACE_OFFSET = 550.0  # m north of the axis: the terrace that carries the towns and S208


class Valley:
    """Valley axis y(x) and thalweg y(x) as sums of sines with random wavelengths and phases.

    axis(x) = y0 + 600 sin(2πu/L1 + φ1) + 250 sin(2πu/L2 + φ2), u = x − XMIN (m);
    the thalweg meanders ±140 m and ±70 m around the axis with shorter wavelengths.
    """

    def __init__(self, rng):
        self.y0 = 3386800.0 + rng.uniform(-250.0, 250.0)
        self.a1, self.l1, self.p1 = 600.0, rng.uniform(8500.0, 11000.0), rng.uniform(0, 2 * np.pi)
        self.a2, self.l2, self.p2 = 250.0, rng.uniform(4200.0, 6000.0), rng.uniform(0, 2 * np.pi)
        self.m1, self.ml1, self.mp1 = 140.0, rng.uniform(2000.0, 2600.0), rng.uniform(0, 2 * np.pi)
        self.m2, self.ml2, self.mp2 = 70.0, rng.uniform(1100.0, 1500.0), rng.uniform(0, 2 * np.pi)
        self.wl, self.wp = rng.uniform(5000.0, 7000.0), rng.uniform(0, 2 * np.pi)

    def axis(self, x):
        """y (m) of the valley axis."""
        u = np.asarray(x, dtype=float) - XMIN
        return self.y0 + self.a1 * np.sin(2 * np.pi * u / self.l1 + self.p1) + self.a2 * np.sin(2 * np.pi * u / self.l2 + self.p2)

    def axis_slope(self, x):
        """dy/dx of the valley axis at a scalar x."""
        u = float(x) - XMIN
        return self.a1 * 2 * np.pi / self.l1 * np.cos(2 * np.pi * u / self.l1 + self.p1) + self.a2 * 2 * np.pi / self.l2 * np.cos(
            2 * np.pi * u / self.l2 + self.p2
        )

    def terrace(self, x):
        """Point (x, y) on the valley terrace at a scalar x."""
        return float(x), float(self.axis(x)) + TERRACE_OFFSET

    def thalweg(self, x):
        """y (m) of the river channel (the thalweg)."""
        u = np.asarray(x, dtype=float) - XMIN
        return self.axis(x) + self.m1 * np.sin(2 * np.pi * u / self.ml1 + self.mp1) + self.m2 * np.sin(2 * np.pi * u / self.ml2 + self.mp2)

    def floodplain_halfwidth(self, x):
        """Half width (m) of the floodplain about the axis: 260 ± 50 m."""
        u = np.asarray(x, dtype=float) - XMIN
        return 260.0 + 50.0 * np.sin(2 * np.pi * u / self.wl + self.wp)

    @staticmethod
    def z_thalweg(x):
        """Thalweg elevation (m), falling linearly from 55 m at XMIN to 40 m at XMAX."""
        return 55.0 - 15.0 * (np.asarray(x, dtype=float) - XMIN) / (XMAX - XMIN)
