"""Small SVG charts drawn on the server (no JavaScript library): the forgetting curve of a word."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from markupsafe import Markup, escape

WIDTH, HEIGHT = 600, 220
LEFT, RIGHT, TOP, BOTTOM = 68, 12, 16, 34  # room for labels drawn larger on phones (app.css)
COLOURS = ("#1f6f5c", "#1f5f8b", "#a4332b", "#7a3b8f")


def recall_curve_svg(
    series: Sequence[tuple[str, Sequence[tuple[datetime, float]]]],
    *,
    retention: float,
    next_review: datetime | None = None,
) -> Markup:
    """Predicted recall (0-100 %) over the coming days, one line per card kind, with the retention
    target the scheduler aims for drawn as a dashed line and the next review as a marked line."""
    drawn = [(label, points) for label, points in series if len(points) >= 2]
    if not drawn:
        return Markup("")
    days = max(len(points) for _, points in drawn) - 1
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day: int) -> float:
        return LEFT + plot_w * day / max(1, days)

    def y(recall: float) -> float:
        return TOP + plot_h * (1 - max(0.0, min(1.0, recall)))

    parts = [
        f'<svg class="curve" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="Predicted recall over the next {days} days">',
        f'<line class="axis" x1="{LEFT}" y1="{y(0):.1f}" x2="{WIDTH - RIGHT}" y2="{y(0):.1f}"/>',
        f'<line class="axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{y(0):.1f}"/>',
    ]
    for value in (0.0, 0.5, 1.0):
        parts.append(
            f'<text x="{LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end">{int(value * 100)}%</text>'
        )
    for day in sorted({0, days // 2, days}):
        anchor = "start" if day == 0 else "end" if day == days else "middle"  # edge labels stay inside
        parts.append(f'<text x="{x(day):.1f}" y="{HEIGHT - 8}" text-anchor="{anchor}">day {day}</text>')
    parts.append(
        f'<line x1="{LEFT}" y1="{y(retention):.1f}" x2="{WIDTH - RIGHT}" y2="{y(retention):.1f}" '
        f'stroke="#d9a441" stroke-dasharray="5 4"><title>Target retention {retention:.0%}</title></line>'
    )
    start, end = drawn[0][1][0][0], drawn[0][1][-1][0]
    if next_review is not None and next_review <= end:
        share = max(0.0, (next_review - start) / (end - start)) if end > start else 0.0
        at = LEFT + plot_w * share
        anchor = "start" if share < 0.5 else "end"
        shift = 4 if share < 0.5 else -4
        when = f"{next_review:%d %b %Y}"
        parts.append(
            f'<g class="next-review"><line x1="{at:.1f}" y1="{TOP}" x2="{at:.1f}" y2="{y(0):.1f}" '
            f'stroke="#333" stroke-width="1.5" stroke-dasharray="2 3"/>'
            f'<text x="{at + shift:.1f}" y="{TOP + 12}" text-anchor="{anchor}">next review</text>'
            f"<title>Next review: {when}</title></g>"
        )
    for index, (label, points) in enumerate(drawn):
        colour = COLOURS[index % len(COLOURS)]
        path = " ".join(f"{x(day):.1f},{y(recall):.1f}" for day, (_, recall) in enumerate(points))
        parts.append(
            f'<polyline fill="none" stroke="{colour}" stroke-width="2.5" points="{path}">'
            f"<title>{escape(label)}</title></polyline>"
        )
        parts.append(
            f'<text x="{WIDTH - RIGHT}" y="{TOP + 16 + 22 * index}" text-anchor="end" '
            f'fill="{colour}">{escape(label)}</text>'
        )
    parts.append("</svg>")
    # Labels went through escape(); everything else is numbers we formatted.
    return Markup("".join(parts))  # noqa: S704
