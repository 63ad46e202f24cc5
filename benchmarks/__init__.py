"""Benchmarks: `bash dev.sh bench` (or `python -m benchmarks`) prints their tables."""
