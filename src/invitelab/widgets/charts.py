"""Small matplotlib charts, returned as ``<img>`` HTML with alt text.

A chart is drawn on a bare :class:`matplotlib.figure.Figure` (no pyplot, so nothing is shown by
accident and no global state is touched), saved as PNG and embedded as a ``data:`` URI in an
``<img alt="...">``. That one string works in a live widget, in a static book page and offline,
and screen readers get the alt text. Charts are cached by their data, so typing that does not
change the points does not redraw.
"""

from __future__ import annotations

import base64
import io
from functools import lru_cache
from html import escape

LEVEL_ORDER = ("generic", "developing", "personalized", "exemplary")

# short axis labels (the alt text uses the criteria's full titles)
CHART_LABELS = {
    "greeting": "Greeting by name",
    "self_intro": "Says who you are",
    "specific_detail": "Detail about them",
    "common_ground": "Common ground",
    "purpose": "Purpose",
    "no_hard_ask": "No hard ask",
    "length": "Length",
    "not_template": "Own words",
    "polite_close": "Polite close",
    "tone": "Tone",
}


def figure_html(fig, alt: str, caption: str | None = None, *, tight: bool = True) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=96, bbox_inches="tight" if tight else None)
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    img = f'<img src="data:image/png;base64,{data}" alt="{escape(alt)}" style="max-width:100%">'
    if caption:
        return f"<figure style=\"margin:0\">{img}<figcaption>{escape(caption)}</figcaption></figure>"
    return img


def _figure(width: float, height: float):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height))
    return fig, fig.subplots()


def points_figure(rows: tuple[tuple[str, float, float, str, str], ...], title: str):
    """The points chart's matplotlib figure (rows: title, points, weight, status, label)."""
    fig, ax = _figure(4.4, 0.34 * len(rows) + 1.0)  # narrow: legible when a phone shrinks it
    labels = [r[4] for r in rows][::-1]
    weights = [r[2] for r in rows][::-1]
    points = [r[1] for r in rows][::-1]
    colors = {"pass": "#2da44e", "fail": "#cf222e", "n/a": "#8c959f"}
    ax.barh(labels, weights, color="#eaeef2", edgecolor="#8c959f", label="possible")
    ax.barh(labels, points, color=[colors.get(r[3], "#57606a") for r in rows][::-1], label="earned")
    ax.set_xlabel("points", fontsize=11)
    # the title spans the whole figure, not the narrow axes, so a long one is never cut off
    fig.suptitle(title, fontsize=11, x=0.5, y=1 - 0.08 / fig.get_figheight(), va="top")
    ax.tick_params(labelsize=11)
    ax.set_xlim(0, max(weights + [1]) * 1.05)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.subplots_adjust(left=0.4, right=0.97, top=1 - 0.45 / fig.get_figheight(),
                        bottom=0.55 / fig.get_figheight())  # fixed margins: one draw, not two
    return fig


@lru_cache(maxsize=256)
def _points_chart(rows: tuple[tuple[str, float, float, str, str], ...], title: str) -> str:
    fig = points_figure(rows, title)
    parts = [f"{label} {p:g} of {w:g}" for label, p, w, *_ in rows]
    alt = f"{title}. Bar chart of points earned per criterion: " + "; ".join(parts) + "."
    return figure_html(fig, alt, tight=False)


def points_chart_html(result, title: str = "Points per criterion") -> str:
    """Bar chart of points earned against points possible for each criterion."""
    rows = tuple(
        (
            str(getattr(f, "title", "") or f.criterion),
            round(float(getattr(f, "points", 0) or 0), 1),
            round(float(getattr(f, "weight", 0) or 0), 1),
            str(f.status),
            CHART_LABELS.get(f.criterion) or str(getattr(f, "title", "") or f.criterion),
        )
        for f in result.findings
    )
    return _points_chart(rows, title)


# The rubric's score bands (RUBRIC.md section 3): a better level always scores higher.
DEFAULT_BANDS = {"generic": (0, 29), "developing": (30, 59), "personalized": (60, 84),
                 "exemplary": (85, 100)}  # fmt: skip
BAND_COLORS = {"generic": "#fde2e1", "developing": "#fff0c2", "personalized": "#dcf2e3",
               "exemplary": "#cfe8ff"}  # fmt: skip
LEVEL_COLORS = {"generic": "#7a1d16", "developing": "#5c4300", "personalized": "#0f5132",
                "exemplary": "#0a3a6b"}  # fmt: skip


def score_bands() -> dict:
    """level -> (low, high) score band, from the default rubric when it defines them."""
    try:
        from invitelab import LEVELS, default_rubric

        rubric = default_rubric()
        return {lv: tuple(float(x) for x in rubric.band(lv)) for lv in LEVELS}
    except Exception:  # noqa: BLE001 - a chart must never break the studio
        pass
    return {lv: (float(lo), float(hi)) for lv, (lo, hi) in DEFAULT_BANDS.items()}


@lru_cache(maxsize=64)
def _drafts_chart(scores: tuple[float, ...], levels: tuple[str, ...], title: str,
                  bands: tuple[tuple[str, float, float], ...]) -> str:  # fmt: skip
    fig, ax = _figure(4.8, 3.0)
    xs = list(range(1, len(scores) + 1))
    for level, lo, hi in bands:  # the level bands behind the line, labelled on the right
        top = hi + 1 if hi < 100 else 100
        ax.axhspan(lo, top, color=BAND_COLORS.get(level, "#eaeef2"), zorder=0)
        ax.text(1.01, (lo + top) / 2, level, transform=ax.get_yaxis_transform(), va="center",
                ha="left", fontsize=10, color=LEVEL_COLORS.get(level, "#1f2328"))  # fmt: skip
    ax.plot(xs, scores, color="#1f2328", linewidth=1.5, zorder=2)
    ax.scatter(xs, scores, s=40, zorder=3, edgecolors="#1f2328",
               c=[LEVEL_COLORS.get(lv, "#1f2328") for lv in levels])  # fmt: skip
    for x, y in zip(xs, scores):
        ax.annotate(f"{y:.0f}", (x, y), textcoords="offset points", xytext=(0, 7), ha="center",
                    fontsize=10, zorder=4)  # fmt: skip
    ax.set_ylim(0, 108)
    ax.set_xlim(0.5, max(len(xs), 1) + 0.5)
    ax.set_xticks(xs)
    ax.set_xlabel("draft", fontsize=10)
    ax.set_ylabel("score (0-100)", fontsize=10)
    ax.tick_params(labelsize=10)
    ax.set_title(title, fontsize=11)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    parts = [f"draft {x}: {lv}, score {y:.0f}" for x, y, lv in zip(xs, scores, levels)]
    band_words = ", ".join(f"{lv} {lo:.0f}-{hi:.0f}" for lv, lo, hi in bands)
    alt = (f"{title}. Line chart of the level and score of each saved draft: " + "; ".join(parts)
           + f". Shaded bands show each level's scores ({band_words}).")  # fmt: skip
    return figure_html(fig, alt)


def drafts_chart_html(drafts, title: str = "Level and score over your drafts") -> str:
    if not drafts:
        return ""
    bands = tuple((lv, lo, hi) for lv, (lo, hi) in score_bands().items())
    return _drafts_chart(
        tuple(round(float(d.score), 1) for d in drafts), tuple(d.level for d in drafts), title, bands
    )


def bar_chart_html(
    labels, values, *, title: str, xlabel: str, alt_intro: str, percent: bool = True,
    caption: str | None = None, color: str = "#0a3a6b",
) -> str:  # fmt: skip
    """A horizontal bar chart (used by the sender-theories explorer)."""
    import textwrap

    labels, values = list(labels), [float(v) for v in values]
    # narrow enough that a phone (390 px) shows it at 80% or more; long labels and the title
    # wrap instead of widening the figure
    fig, ax = _figure(4.6, 0.42 * max(len(labels), 1) + 1.3)
    shown = ["\n".join(textwrap.wrap(str(lab), 22)) or str(lab) for lab in labels]
    ax.barh(shown[::-1], values[::-1], color=color)
    for i, v in enumerate(values[::-1]):
        ax.annotate(f"{v:.0%}" if percent else f"{v:g}", (v, i), xytext=(3, -4),
                    textcoords="offset points", fontsize=10, color="#000000")  # fmt: skip
    if percent:
        ax.set_xlim(0, 1.18)
        ax.xaxis.set_major_formatter(_percent_formatter())
    ax.set_xlabel(xlabel, fontsize=10)
    ax.set_title("\n".join(textwrap.wrap(title, 44)), fontsize=11, color="#000000",
                 fontweight="bold", loc="left")  # fmt: skip
    ax.tick_params(labelsize=10)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fmt = (lambda v: f"{v:.0%}") if percent else (lambda v: f"{v:g}")
    alt = (f"{title}. Horizontal bar chart. {alt_intro}: "
           + "; ".join(f"{lab} {fmt(v)}" for lab, v in zip(labels, values)))
    return figure_html(fig, alt + ".", caption)


def _percent_formatter():
    from matplotlib.ticker import PercentFormatter

    return PercentFormatter(1.0, decimals=0)
