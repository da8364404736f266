"""Stages of the synthetic sample county generator (see ../generate_sample_county.py).

Each module builds one part of the county from the results of earlier stages; the orchestrator
``generate_sample_county.generate`` calls them in a fixed order because they all draw from one
``numpy.random.Generator`` and the same seed has to give the same county.
"""
