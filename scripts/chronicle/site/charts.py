"""Attention over time, as static SVG made at build time. Pure: no I/O, no MkDocs.

A chart is inline SVG (no chart script, nothing fetched) with the same figures as a table beside
it, for screen readers and print (the template shows the table to them and hides it on screen;
the picture is hidden from screen readers, which read the table instead).
Written here rather than with a plotting library: a few dozen rectangles and labels are a page
of code, while matplotlib or plotly would add megabytes and write far larger SVG than the 20 KB a
chart may weigh. Colours come from the page (`currentColor`, overridden by Material's colour
variables in the stylesheet), so a chart follows the light and dark schemes. Its words (titles,
month names, "2 articles") are the archive's language (`labels`, English by default).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

from chronicle.archive.index import Entry
from chronicle.site.labels import Labels, english

# A span longer than this many months is counted per year, so no chart outgrows a phone (or
# 20 KB).
MAX_MONTHS = 96
WIDTH, HEIGHT = 360, 150
LEFT, RIGHT, TOP, BOTTOM = 30, 6, 10, 24  # the plot's margins, for axis labels


@dataclass(frozen=True)
class Chart:
    title: str  # "Articles per month"
    summary: str  # one sentence a screen reader hears instead of the picture
    svg: str  # escaped, ready to print
    columns: tuple[str, str]  # the table's headings
    rows: tuple[tuple[str, int], ...]  # the table's rows: (label, count)


Period = tuple[int, int | None]  # (year, month), or (year, None) in a yearly series


def _periods(entries: Iterable[Entry]) -> tuple[str, list[tuple[Period, int]]]:
    """("month" or "year", [(period, articles)]): see `attention_series`."""
    months: Counter[tuple[int, int]] = Counter()
    years: Counter[int] = Counter()
    for entry in entries:
        date = entry.article.date
        if date is None or date.period is None:  # undated, or a span of years (`198X`)
            continue
        years[date.year] += 1
        if date.month is not None:
            months[(date.year, date.month)] += 1
    if not years:
        return "month", []
    if months and sum(months.values()) == sum(years.values()):
        (y0, m0), (y1, m1) = min(months), max(months)
        span = (y1 - y0) * 12 + m1 - m0 + 1
        if span <= MAX_MONTHS:
            series = []
            for i in range(span):
                year, month = y0 + (m0 - 1 + i) // 12, (m0 - 1 + i) % 12 + 1
                series.append(((year, month), months[(year, month)]))
            return "month", series
    first, last = min(years), max(years)
    return "year", [((y, None), years[y]) for y in range(first, last + 1)]


def _name(L: Labels, period: Period) -> str:
    year, month = period
    return L.year(year) if month is None else L.month(year, month)


def attention_series(
    entries: Iterable[Entry], labels: Labels | None = None
) -> tuple[str, list[tuple[str, int]]]:
    """("month" or "year", [(period label, articles)]) from the first to the last period with a
    dated article, empty periods included (a gap in attention is information too). Articles
    known only by year count in a yearly series only."""
    L = labels or english()
    unit, series = _periods(entries)
    return unit, [(_name(L, period), count) for period, count in series]


def _axis(L: Labels, series: list[tuple[Period, int]]) -> list[str]:
    """The periods' axis labels: "Mar" when the chart is a year or less, else "Mar 2025"."""
    return [
        L.year(year) if month is None else L.month_short(year, month, with_year=len(series) > 12)
        for (year, month), _ in series
    ]


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def column_chart(
    title: str,
    unit: str,
    series: list[tuple[str, int]],
    labels: Labels | None = None,
    axis: list[str] | None = None,
) -> Chart | None:
    """Columns over time, one per period of `series` (None when it is empty); `axis` the
    periods' short names under the columns (by default their full ones)."""
    if not series:
        return None
    L = labels or english()
    axis = axis or [label for label, _ in series]
    top = max(count for _, count in series) or 1
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / len(series)
    gap = min(step * 0.2, 2)
    parts = [
        f'<svg class="chronicle-chart" viewBox="0 0 {WIDTH} {HEIGHT}" aria-hidden="true" '
        f'focusable="false" xmlns="http://www.w3.org/2000/svg">',
        '<g fill="currentColor" font-size="11">',
        f'<text x="{LEFT - 4}" y="{TOP + 8}" text-anchor="end">{top}</text>',
        f'<text x="{LEFT - 4}" y="{TOP + plot_h}" text-anchor="end">0</text>',
        f'<line class="chronicle-chart__axis" x1="{LEFT}" y1="{TOP + plot_h}" '
        f'x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}" stroke="currentColor" stroke-width=".5"/>',
    ]
    labelled = _labelled(series, unit)
    for i, (label, count) in enumerate(series):
        x = LEFT + i * step
        if count:
            h = plot_h * count / top
            parts.append(
                f'<rect x="{_number(x + gap / 2)}" y="{_number(TOP + plot_h - h)}" '
                f'width="{_number(step - gap)}" height="{_number(h)}">'
                f"<title>{escape(_labelled_count(L, label, count))}</title></rect>"
            )
        if i in labelled:
            text = axis[i]
            # The end labels align to the plot's edges, so they are never cut off.
            anchor, lx = (
                ("start", x)
                if i == 0
                else ("end", x + step)
                if i == len(series) - 1
                else ("middle", x + step / 2)
            )
            parts.append(
                f'<text x="{_number(lx)}" y="{HEIGHT - 8}" text-anchor="{anchor}">'
                f"{escape(text)}</text>"
            )
    parts.append("</g></svg>")
    total = sum(count for _, count in series)
    peak = max(series, key=lambda pair: pair[1])
    summary = L(
        "chart.summary",
        articles=L("count.articles", count=total),
        first=series[0][0],
        last=series[-1][0],
        peak=peak[0],
        count=L.number(peak[1]),
    )
    columns = (L(f"chart.{unit}"), L("chart.articles"))
    return Chart(title, summary, "".join(parts), columns, tuple(series))


def _labelled_count(L: Labels, label: str, count: int) -> str:
    return L("labelled_count", label=label, articles=L("count.articles", count=count))


def _labelled(series: list[tuple[str, int]], unit: str) -> set[int]:
    """Which periods get an axis label: all of a short series, else the first, the last and a
    few evenly between (labels must not overlap on a phone)."""
    n = len(series)
    limit = 12 if unit == "year" or n <= 12 else 4
    if n <= limit:
        return set(range(n))
    step = (n - 1) / (limit - 1)
    return {round(i * step) for i in range(limit)}


def top_bars(
    title: str, heading: str, counts: list[tuple[str, int]], labels: Labels | None = None
) -> Chart | None:
    """Horizontal bars, largest first (the top sources of a topic)."""
    if not counts:
        return None
    L = labels or english()
    row_h, label_w = 20, 130
    height = row_h * len(counts) + 4
    top = max(count for _, count in counts) or 1
    parts = [
        f'<svg class="chronicle-chart" viewBox="0 0 {WIDTH} {height}" aria-hidden="true" '
        f'focusable="false" xmlns="http://www.w3.org/2000/svg">',
        '<g fill="currentColor" font-size="11">',
    ]
    for i, (label, count) in enumerate(counts):
        y = 2 + i * row_h
        w = (WIDTH - label_w - 40) * count / top
        shown = label if len(label) <= 20 else label[:19] + "…"
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">{escape(shown)}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{_number(w)}" height="{row_h - 6}">'
            f"<title>{escape(_labelled_count(L, label, count))}</title></rect>"
            f'<text x="{_number(label_w + w + 4)}" y="{y + 14}">{count}</text>'
        )
    parts.append("</g></svg>")
    separator = L("semicolon") + " "
    summary = separator.join(
        L("labelled_count", label=label, articles=L.number(count)) for label, count in counts
    )
    columns = (heading, L("chart.articles"))
    return Chart(title, summary + ".", "".join(parts), columns, tuple(counts))


def attention_charts(
    entries: list[Entry], *, sources: bool = False, top: int = 8, labels: Labels | None = None
) -> list[Chart]:
    """The charts of a listing: articles over time, and with `sources` its top `top` sources."""
    L = labels or english()
    unit, periods = _periods(entries)
    series = [(_name(L, period), count) for period, count in periods]
    charts = [column_chart(L(f"chart.per_{unit}"), unit, series, L, _axis(L, periods))]
    if sources:
        unknown = L("unknown_source")
        counted = Counter(e.article.source or unknown for e in entries).most_common(top)
        if len(counted) > 1:
            charts.append(top_bars(L("chart.top_sources"), L("chart.source"), counted, L))
    return [chart for chart in charts if chart is not None]
