"""Word lists, as data: the one place each list of words lives.

Every rule that reads words (sentence ends, names, quotes, bylines, dates) takes its words from
here, so that two rules never disagree on what a month or a title is.
"""

from __future__ import annotations

MONTH_NAMES_EN: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Lower case: every full name, its three-letter abbreviation, and "sept".
MONTH_WORDS_EN: frozenset[str] = frozenset(
    [m.lower() for m in MONTH_NAMES_EN] + [m[:3].lower() for m in MONTH_NAMES_EN] + ["sept"]
)
