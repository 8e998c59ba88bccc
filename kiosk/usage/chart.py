"""A bar chart of daily use as SVG, made on the server (no script, works in every theme)."""

from __future__ import annotations

from markupsafe import Markup, escape

WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 900, 320, 48, 40, 16
SERIES = (("view", "Bekeken", "bar-view"), ("listen", "Voorlezen", "bar-listen"),
          ("print", "Geprint", "bar-print"))  # fmt: skip


def daily_chart(days: list[dict[str, object]]) -> Markup:
    """Grouped bars per day for views, listens and prints, with a title and description."""
    peak = max([1, *(int(day[key]) for day in days for key, _, _ in SERIES)])  # type: ignore[arg-type]
    plot_w, plot_h = WIDTH - LEFT - 8, HEIGHT - BOTTOM - TOP
    slot = plot_w / max(len(days), 1)
    bar = max(slot / (len(SERIES) + 1), 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        'aria-labelledby="chart-title chart-desc" class="usage-chart">',
        '<title id="chart-title">Gebruik per dag, laatste 30 dagen</title>',
        f'<desc id="chart-desc">Staafjes per dag voor bekeken, voorgelezen en geprint; '
        f"het hoogste aantal op één dag is {peak}. De tabel hieronder geeft alle getallen.</desc>",
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - 8}" y2="{TOP + plot_h}" '
        'class="axis"/>',
        f'<text x="{LEFT - 6}" y="{TOP + 6}" class="label" text-anchor="end">{peak}</text>',
        f'<text x="{LEFT - 6}" y="{TOP + plot_h}" class="label" text-anchor="end">0</text>',
    ]
    for index, day in enumerate(days):
        x0 = LEFT + index * slot + bar / 2
        for series, (key, _, css) in enumerate(SERIES):
            value = int(day[key])  # type: ignore[arg-type]
            height = plot_h * value / peak
            parts.append(
                f'<rect x="{x0 + series * bar:.1f}" y="{TOP + plot_h - height:.1f}" '
                f'width="{bar:.1f}" height="{height:.1f}" class="{css}"/>'
            )
        if index % 7 == 0 or (index == len(days) - 1 and index % 7 >= 4):
            label = escape(str(day["day"])[5:])
            parts.append(
                f'<text x="{x0 + bar:.1f}" y="{HEIGHT - 14}" class="label" '
                f'text-anchor="middle">{label}</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))
