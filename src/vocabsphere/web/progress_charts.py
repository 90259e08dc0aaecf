"""Server-drawn SVG charts of a learner's progress: a value per day (line or bars), known words by level,
and a calendar heatmap of study days. Each has a title and description for screen readers; the pages put
the same numbers in a data table next to it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from markupsafe import Markup, escape

from vocabsphere.web.charts import BOTTOM, COLOURS, HEIGHT, LEFT, RIGHT, TOP, WIDTH

HEAT = ("#e9ecef", "#b7dfc9", "#6fbf95", "#2f8f63", "#1f5f44")  # none .. a lot, dark enough on white


def _open(title: str, description: str, height: int = HEIGHT) -> list[str]:
    return [
        f'<svg class="curve" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title><desc>{escape(description)}</desc>",
    ]


def _frame(label: str) -> list[str]:
    bottom = HEIGHT - BOTTOM
    return [
        f'<line class="axis" x1="{LEFT}" y1="{bottom}" x2="{WIDTH - RIGHT}" y2="{bottom}"/>',
        f'<line class="axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{bottom}"/>',
        f'<text x="{LEFT - 6}" y="{bottom + 4}" text-anchor="end">0</text>',
        f'<text x="{LEFT - 6}" y="{TOP + 10}" text-anchor="end">{escape(label)}</text>',
    ]


def _date_labels(days: Sequence[date]) -> list[str]:
    plot_w = WIDTH - LEFT - RIGHT
    last = max(1, len(days) - 1)
    return [
        f'<text x="{LEFT + plot_w * i / last:.1f}" y="{HEIGHT - 8}" text-anchor="{anchor}">'
        f"{days[i]:%d %b}</text>"
        for i, anchor in ((0, "start"), (len(days) - 1, "end"))
    ]


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value >= 10 else f"{value:.2g}"


def series_svg(
    title: str,
    points: Sequence[tuple[date, float | None]],
    *,
    bars: bool = False,
    target: float | None = None,
    target_label: str = "",
    percent: bool = False,
) -> Markup:
    """One value per day: a line (gaps where a day has no value) or bars, with an optional dashed target."""
    values = [v for _, v in points if v is not None]
    if len(points) < 2 or not values:
        return Markup("")
    top = 1.0 if percent else max([*values, target or 0.0]) or 1.0
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(i: int) -> float:
        return LEFT + plot_w * i / (len(points) - 1)

    def y(v: float) -> float:
        return TOP + plot_h * (1 - min(1.0, v / top))

    label = "100%" if percent else _fmt(top)
    first, last = points[0][0], points[-1][0]
    parts = _open(title, f"{title}, {first:%d %b %Y} to {last:%d %b %Y}; the table below has each day.")
    parts += _frame(label) + _date_labels([d for d, _ in points])
    if bars:
        width = max(1.0, plot_w / len(points) - 1)
        for i, (_, v) in enumerate(points):
            if v:
                parts.append(
                    f'<rect x="{x(i) - width / 2:.1f}" y="{y(v):.1f}" width="{width:.1f}" '
                    f'height="{HEIGHT - BOTTOM - y(v):.1f}" fill="{COLOURS[1]}"/>'
                )
    else:
        runs: list[list[str]] = [[]]
        for i, (_, v) in enumerate(points):
            if v is None:
                runs.append([])
            else:
                runs[-1].append(f"{x(i):.1f},{y(v):.1f}")
        for run in runs:
            if len(run) == 1:
                cx, cy = run[0].split(",")
                parts.append(f'<circle cx="{cx}" cy="{cy}" r="3" fill="{COLOURS[0]}"/>')
            elif run:
                parts.append(
                    f'<polyline fill="none" stroke="{COLOURS[0]}" stroke-width="2.5" '
                    f'points="{" ".join(run)}"/>'
                )
    if target is not None:
        parts.append(
            f'<line x1="{LEFT}" y1="{y(target):.1f}" x2="{WIDTH - RIGHT}" y2="{y(target):.1f}" '
            f'stroke="#d9a441" stroke-dasharray="5 4"><title>{escape(target_label)}</title></line>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - labels escaped, the rest numbers we formatted


def bands_svg(title: str, bands: Sequence[tuple[str, int]]) -> Markup:
    """Horizontal bars, one per CEFR level."""
    if not any(count for _, count in bands):
        return Markup("")
    row, height = 30, 30 * len(bands) + 10
    top = max(count for _, count in bands)
    plot_w = WIDTH - LEFT - RIGHT - 70
    parts = _open(title, f"{title}; the table below has each level.", height)
    for i, (level, count) in enumerate(bands):
        y = 6 + row * i
        width = plot_w * count / top
        parts.append(
            f'<text x="{LEFT - 8}" y="{y + 19}" text-anchor="end">{escape(level)}</text>'
            f'<rect x="{LEFT}" y="{y}" width="{width:.1f}" height="{row - 8}" fill="{COLOURS[0]}"/>'
            f'<text x="{LEFT + width + 6:.1f}" y="{y + 19}">{count:,}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - labels escaped, the rest numbers we formatted


def heatmap_svg(days: Sequence[tuple[date, int, bool]]) -> Markup:
    """A calendar of study days: one column per week (Monday on top), darker for more reviews; days
    with reading but no review get the lightest green."""
    if not days:
        return Markup("")
    first = days[0][0] - timedelta(days=days[0][0].weekday())
    weeks = (days[-1][0] - first).days // 7 + 1
    cell = min(20.0, (WIDTH - 40) / weeks)
    height = int(cell * 7 + 30)
    most = max((n for _, n, _ in days), default=0) or 1
    studied = sum(1 for _, _, s in days if s)
    title = f"Study days: {studied} of the last {len(days)} days"
    parts = _open(
        title, "One square per day, a column per week from Monday; darker means more reviews.", height
    )
    for label, row in (("Mon", 0), ("Thu", 3), ("Sun", 6)):
        parts.append(f'<text x="34" y="{20 + cell * row + cell * 0.7:.1f}" text-anchor="end">{label}</text>')
    for day, reviews, was_study in days:
        column, row = (day - first).days // 7, day.weekday()
        shade = 0 if not was_study else 1 if not reviews else 1 + min(3, int(4 * reviews / (most + 1)))
        what = (
            f"{reviews} review{'s' if reviews != 1 else ''}"
            if reviews
            else "reading"
            if was_study
            else "no study"
        )
        parts.append(
            f'<rect x="{40 + column * cell:.1f}" y="{20 + row * cell:.1f}" width="{cell - 2:.1f}" '
            f'height="{cell - 2:.1f}" rx="2" fill="{HEAT[shade]}">'
            f"<title>{day:%a %d %b %Y}: {what}</title></rect>"
        )
    parts.append(f'<text x="40" y="14">{days[0][0]:%d %b}</text>')
    parts.append(f'<text x="{WIDTH - RIGHT}" y="14" text-anchor="end">{days[-1][0]:%d %b}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - labels escaped, the rest numbers we formatted
