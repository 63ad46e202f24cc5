"""Run every benchmark and print its table."""

import sys

from benchmarks import extraction

sys.exit(extraction.main(sys.argv[1:]))
