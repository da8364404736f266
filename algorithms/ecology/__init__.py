"""The ecological side of the spatial network module: resistance surfaces, cost distance and
least-cost corridors, patch connectivity (Conefor indices) and circuit theory (生态安全格局)."""
