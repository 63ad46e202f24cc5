"""Run every benchmark and print its table."""

import sys

print("No benchmarks yet.", file=sys.stderr)
