"""Report builders: plain functions that take an algorithm's results and return its HTML report."""
