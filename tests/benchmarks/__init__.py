"""Benchmarks at up to a million prospects (run with `python -m tests.benchmarks`; not pytest)."""
