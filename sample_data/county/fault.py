"""The active fault: its trace and its layer."""

from shapely.geometry import LineString

from .geometry import catmull_rom, lines
from .grid import XMAX, XMIN, polyline_distance


def trace_fault(rng):
    """Fault trace (n × 2, m) SW → NE across the county, slightly bent, running 3 km beyond the
    extent on both sides so that distances to it are not cut off at the county edge."""
    p0 = (XMIN - 3000.0, 3380500.0 + rng.uniform(-800, 800))
    p1 = (XMAX + 3000.0, 3399500.0 + rng.uniform(-800, 800))
    mids = []
    for f in (0.2, 0.4, 0.6, 0.8):
        mx, my = p0[0] + f * (p1[0] - p0[0]), p0[1] + f * (p1[1] - p0[1])
        mids.append((mx + rng.uniform(-150, 150), my + rng.uniform(-400, 400)))
    return catmull_rom([p0] + mids + [p1], 20)


def distance_to_fault(grid, trace):
    """Distance (m) from every cell centre to the complete fault trace."""
    return polyline_distance(grid, [trace])[0]


def fault_rows(trace, boundary):
    """Features of the `fault` layer: the parts of the trace inside the county."""
    return [
        (
            g,
            {
                "fault_id": k,
                "name": "Songhe-Baishi fault 松河—白石断裂",
                "activity": "Holocene active 全新世活动断裂",
                "mechanism": "dextral strike-slip with thrust component 右旋走滑兼逆冲",
                "slip_rate_mm_yr": 1.2,
                "length_km": round(g.length / 1000.0, 3),
            },
        )
        for k, g in enumerate(lines(LineString(trace).intersection(boundary)), start=1)
    ]
