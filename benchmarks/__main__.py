"""Run every benchmark and print its table (`bash dev.sh bench`); arguments go to extraction."""

import sys

from benchmarks import enrich, extraction

code = extraction.main(sys.argv[1:])
sys.exit(code or enrich.main([]))
