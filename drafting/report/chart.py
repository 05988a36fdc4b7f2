"""Completion charts (matplotlib, drawn off-screen into PNG bytes) for a reader who would rather look than read."""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from decimal import Decimal

_WIDTH_INCHES = 6.3  # the text width of an A4 page with Decree 30's margins (165 mm)


def completion_chart(labels: Sequence[str], rates: Sequence[Decimal | None], title: str | None = None) -> bytes | None:
    """A horizontal bar per item, its rate in percent and a line at 100%; None when no item has a rate."""
    shown = [(label, float(rate)) for label, rate in zip(labels, rates, strict=True) if rate is not None]
    if not shown:
        return None
    import matplotlib

    matplotlib.use("Agg")  # no display on a server; set before pyplot is imported
    from matplotlib import pyplot

    names = ["\n".join(textwrap.wrap(label, 48)[:2]) + ("…" if len(label) > 96 else "") for label, _ in shown]
    values = [max(0.0, value) for _, value in shown]  # a fall below the start ("giảm", a negative rate) draws no bar
    height = max(1.6, 0.45 * len(shown) + 0.9)
    figure, axes = pyplot.subplots(figsize=(_WIDTH_INCHES, height), dpi=150)
    try:
        colours = ["#2e7d32" if value >= 100 else "#c62828" for value in values]
        positions = list(range(len(shown)))[::-1]
        axes.barh(positions, values, color=colours, height=0.6)
        axes.set_yticks(positions, names, fontsize=7, fontfamily="DejaVu Sans")
        axes.axvline(100, color="#555555", linewidth=0.8, linestyle="--")
        axes.set_xlim(0, max(110.0, max(values) * 1.12))
        axes.set_xlabel("%", fontsize=8)
        for position, value in zip(positions, values, strict=True):
            axes.text(value + 1, position, f"{value:.1f}".replace(".", ","), va="center", fontsize=7)
        if title:
            axes.set_title(title, fontsize=9)
        axes.tick_params(axis="x", labelsize=7)
        figure.tight_layout()
        out = io.BytesIO()
        figure.savefig(out, format="png")
        return out.getvalue()
    finally:
        pyplot.close(figure)
