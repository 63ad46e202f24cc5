"""Pinned accuracy floors on the shared corpus, like trafilatura's eval gate: a change that makes
extraction worse fails the build. The floors sit just under what the readers measure now
(`python -m benchmarks.extraction` prints the full table); raise them when accuracy improves.

Titles, dates and authors are scored on the whole of both title corpora with metadata
extraction only (fast); body F1 runs the complete HTML reader on the body corpus.
"""

import pytest
from benchmarks.extraction import CORPUS, score_corpus

pytestmark = pytest.mark.corpus

# corpus → metric → floor
FLOORS = {
    "trafilatura-eval": {"title_exact": 0.90, "date_exact": 0.919, "author": 0.75},
    "postlight-fixtures": {"title_exact": 0.905, "date_within_one": 0.925, "author": 0.745},
    "scrapinghub-aeb": {"body_f1": 0.956},
}


@pytest.fixture(scope="module")
def corpus():
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not at {CORPUS} (../shared is absent)")
    return CORPUS


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_extraction_accuracy_floor(corpus, name):
    score = score_corpus(corpus / name, metadata_only=name != "scrapinghub-aeb")
    measured = {metric: getattr(score, metric) for metric in FLOORS[name]}
    below = {
        metric: f"{value:.3f} < {FLOORS[name][metric]}"
        for metric, value in measured.items()
        if value is None or value < FLOORS[name][metric]
    }
    assert not below, f"{name}: accuracy fell below its floor: {below}"
