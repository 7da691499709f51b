"""The sender-theories explorer: a SIMULATED year of invitations, analysed with pandas.

Every table and chart here is labelled "Simulated": the data come from
:mod:`invitelab.simulation`, whose assumptions are written in ``data/simulated/README.md``.
"""

from __future__ import annotations

import re
from html import escape

import ipywidgets as w

from invitelab import simulation

from . import charts, render

ALL = "All"
BADGE = '<span class="il-simulated">SIMULATED DATA</span>'
IMPERSONAL_NOTE = "generic"  # the engine's level for no note or a stock note


THEORY_WORDS = {
    "T1": "were never told (theory 1)",
    "T2": "want many connections fast (theory 2)",
    "T3": "are counted in connections (theory 3)",
    "T4": "have no pressing need (theory 4)",
}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")  # fmt: skip


def _pct(x) -> str:
    return f"{float(x):.0%}"


def _plural(circumstance: str) -> str:
    return circumstance + "s"


def _times(x) -> str:
    x = float(x)
    change = round(abs(x - 1) * 100)
    return f"{change}% more" if x > 1 else f"{change}% less" if x < 1 else "no change"


def _listing(pairs) -> str:
    pairs = list(pairs)
    return ", ".join(pairs[:-1]) + (" and " if len(pairs) > 1 else "") + pairs[-1] if pairs else ""


def assumption_sentence(name: str, value) -> str:
    """One assumption of the simulation in plain words ("40 a week is 8 a working day")."""
    if name == "invitations_per_week":
        return (f"In an average week the recruiter receives {value:g} invitations, which is "
                f"{value / 5:g} a working day; each week's number varies at random around that.")
    if name == "seasonal_multiplier":
        busy = [f"{MONTHS[int(m) - 1]} ({_times(x)})" for m, x in value.items()]
        return f"Some months differ from the average: {_listing(busy)}. Other months are average."
    if name == "circumstance_share":
        return "Who sends the invitations: " + _listing(
            f"{_pct(x)} {_plural(c)}" for c, x in value.items()) + "."
    if name == "theory_share":
        return " ".join(
            f"Of the {_plural(c)}, " + _listing(f"{_pct(x)} {THEORY_WORDS.get(t, t)}"
                                               for t, x in shares.items()) + "."
            for c, shares in value.items())  # fmt: skip
    if name == "impersonal_share":
        return ("The chance that an invitation is impersonal (no note, or a stock note), before "
                "the theory changes it: " + _listing(f"{_pct(x)} for {_plural(c)}"
                                                    for c, x in value.items()) + ".")  # fmt: skip
    if name == "theory_multiplier":
        return ("The sender's theory changes that chance (never above 95%): " + _listing(
            f"{_times(x)} for senders who {THEORY_WORDS.get(t, t)}" for t, x in value.items()) + ".")
    if name == "no_note_share":
        return ("Of the impersonal invitations, the share sent with no note at all (the rest "
                "carry a stock note): " + _listing(
                    f"{_pct(x)} from senders who {THEORY_WORDS.get(t, t)}"
                    for t, x in value.items()) + ".")  # fmt: skip
    if name == "written_level_share":
        return " ".join(
            f"{_plural(c).capitalize()} who write their own note aim at " + _listing(
                f"{lv} {_pct(x)}" for lv, x in shares.items()) + " of the time."
            for c, shares in value.items())  # fmt: skip
    if name == "acceptance_by_level":
        return ("INVENTED: the recruiter accepts " + _listing(
            f"{_pct(x)} of {lv} invitations" for lv, x in value.items())
                + ". No study measured these rates.")  # fmt: skip
    if name == "sales_acceptance_multiplier":
        return f"Sales professionals are accepted {_times(value)} often than that."
    if name == "levels_from_engine":
        return ("Levels are not assumed: the kit's checker scored every simulated note, and "
                "its verdict is the level used everywhere.")
    return f"{name.replace('_', ' ').capitalize()}: {simulation._fmt(value)}."


PER_CIRCUMSTANCE = ("theory_share", "written_level_share")  # one row per circumstance


def assumptions_table_html() -> str:
    """The simulation's assumptions as a readable table: what is assumed, and why.

    An assumption that differs by circumstance gets one short row per circumstance, and its
    reason spans them, so no cell is a wall of numbers.
    """
    body = []
    for a in simulation.ASSUMPTIONS.values():
        sentence = assumption_sentence(a.name, a.value)
        parts = (re.split(r"(?<=\.) (?=[A-Z])", sentence) if a.name in PER_CIRCUMSTANCE
                 else [sentence])  # fmt: skip
        why = f'<td rowspan="{len(parts)}">{escape(a.reasoning)}</td>'
        for i, part in enumerate(parts):
            body.append(f"<tr><td>{escape(part)}</td>{why if i == 0 else ''}</tr>")
    table = ('<table class="il-table"><caption>SIMULATED data: every assumption, in plain words'
             '</caption><thead><tr><th scope="col">What the simulation assumes</th>'
             f'<th scope="col">Why</th></tr></thead><tbody>{"".join(body)}</tbody></table>')
    return (render.STYLE + f"<p>{BADGE} These rates are invented so that you can practise "
            "pandas on data shaped like the argument. They are not evidence about real people.</p>"
            + table)


def load(path=None):
    """The simulated invitations (pandas DataFrame)."""
    return simulation.load_simulated(path)


def _filter(df, circumstance=ALL, theory=ALL):
    if circumstance != ALL:
        df = df[df["circumstance"] == circumstance]
    if theory != ALL:
        df = df[df["theory"] == theory]
    return df


def generic_share_by(df, column: str, order=None):
    """Share of invitations rated generic (no note or a stock note), by a column."""
    table = df.assign(generic=df["level"].eq(IMPERSONAL_NOTE)).groupby(column)["generic"].mean()
    if order is not None:
        table = table.reindex([o for o in order if o in table.index])
    return table


def acceptance_by_level(df):
    table = df.groupby("level")["accepted"].agg(["mean", "size"])
    return table.reindex([lv for lv in charts.LEVEL_ORDER if lv in table.index])


def summary_table(df):
    """Counts by circumstance: invitations, no note, stock note, written note levels."""
    import pandas as pd

    no_note = ~df["has_note"]
    stock = df["has_note"] & df["level"].eq("generic")
    t = pd.DataFrame({
        "invitations": df.groupby("circumstance").size(),
        "no note": no_note.groupby(df["circumstance"]).sum(),
        "stock or empty note": stock.groupby(df["circumstance"]).sum(),
        "generic (share)": df["level"].eq("generic").groupby(df["circumstance"]).mean(),
        "accepted (share)": df["accepted"].groupby(df["circumstance"]).mean(),
    })  # fmt: skip
    return t.reindex([c for c in simulation.CIRCUMSTANCES if c in t.index])


def summary_table_html(df) -> str:
    t = summary_table(df)
    rows = [(idx, *[f"{v:.0%}" if isinstance(v, float) else v for v in row])
            for idx, row in zip(t.index, t.itertuples(index=False))]  # fmt: skip
    return render.table_html(("sender's circumstance", *t.columns), rows,
                             caption="SIMULATED: invitations by sender's circumstance")  # fmt: skip


def _filter_words(circumstance, theory) -> str:
    parts = []
    if circumstance != ALL:
        parts.append(circumstance + "s")
    if theory != ALL:
        parts.append(theory.split(" ", 1)[1].lower())
    return f" ({'; '.join(parts)})" if parts else ""


def generic_by_circumstance_chart(df, theory=ALL) -> str:
    data = generic_share_by(_filter(df, theory=theory), "circumstance", simulation.CIRCUMSTANCES)
    title = "SIMULATED: share of generic invitations by sender's circumstance" + _filter_words(ALL, theory)
    return charts.bar_chart_html(data.index, data.values, title=title, xlabel="share generic",
                                 alt_intro="Simulated data. Share rated generic per circumstance",
                                 caption="Simulated data, not measured. Assumptions: data/simulated/README.md")  # fmt: skip


def generic_by_theory_chart(df, circumstance=ALL) -> str:
    data = generic_share_by(_filter(df, circumstance=circumstance), "theory",
                            list(simulation.THEORIES.values()))  # fmt: skip
    title = "SIMULATED: share of generic invitations by theory" + _filter_words(circumstance, ALL)
    return charts.bar_chart_html(data.index, data.values, title=title, xlabel="share generic",
                                 alt_intro="Simulated data. Share rated generic per theory", color="#7a4b00",
                                 caption="Simulated data, not measured. Assumptions: data/simulated/README.md")  # fmt: skip


def acceptance_chart(df, circumstance=ALL, theory=ALL) -> str:
    data = acceptance_by_level(_filter(df, circumstance, theory))
    title = "SIMULATED: acceptance rate by level of the note" + _filter_words(circumstance, theory)
    labels = [f"{lv} (n={n})" for lv, n in zip(data.index, data["size"])]
    return charts.bar_chart_html(labels, data["mean"].values, title=title, xlabel="share accepted",
                                 alt_intro="Simulated data. Share accepted per level", color="#1a7f37",
                                 caption="Simulated, using ASSUMED acceptance rates (no real study was found).")  # fmt: skip


def overview_html(df=None) -> str:
    """Static overview for the book: the badge, the summary table and the three charts."""
    df = load() if df is None else df
    n, weeks = len(df), df["week"].nunique()
    agree = (df["intended_level"] == df["level"]).mean()
    return (
        render.STYLE
        + f"<p>{BADGE} {n:,} invitations over {weeks} weeks, generated by "
        + "<code>data/simulated/make_simulated.py</code> (seeded). Levels come from scoring each "
        + "simulated note with the rubric engine; the template's intended level agrees with the "
        + f"engine's for {agree:.0%} of notes.</p>"
        + summary_table_html(df)
        + generic_by_circumstance_chart(df)
        + generic_by_theory_chart(df)
        + acceptance_chart(df)
    )


class SenderTheories:
    """Dropdown filters over the simulated year, with charts that redraw on change."""

    def __init__(self, df=None):
        self.df = load() if df is None else df
        style = {"description_width": "initial"}
        circumstances = [c for c in simulation.CIRCUMSTANCES if c in set(self.df["circumstance"])]
        theories = [t for t in simulation.THEORIES.values() if t in set(self.df["theory"])]
        self.circumstance = w.Dropdown(options=[ALL, *circumstances], value=ALL,
                                       description="Sender's circumstance:", style=style)  # fmt: skip
        self.theory = w.Dropdown(options=[ALL, *theories], value=ALL, description="Theory:",
                                 style=style, layout=w.Layout(width="auto"))  # fmt: skip
        self.summary = w.HTML()
        self.by_circumstance = w.HTML()
        self.by_theory = w.HTML()
        self.acceptance = w.HTML()
        self.examples = w.HTML()
        for dd in (self.circumstance, self.theory):
            dd.observe(lambda _: self.update(), names="value")
        self.ui = w.VBox([
            w.HTML(render.STYLE + f"<p>{BADGE} Choose a circumstance or a theory: the numbers and "
                   "charts below show only those invitations.</p>"),
            self.circumstance, self.theory, self.summary, self.by_circumstance, self.by_theory,
            self.acceptance, self.examples,
        ])  # fmt: skip
        self.update()

    def filtered(self):
        return _filter(self.df, self.circumstance.value, self.theory.value)

    def update(self):
        c, t = self.circumstance.value, self.theory.value
        sub = self.filtered()
        if sub.empty:
            self.summary.value = "<p><em>No simulated invitations match these filters.</em></p>"
            self.by_circumstance.value = self.by_theory.value = self.acceptance.value = ""
            self.examples.value = ""
            return
        generic = sub["level"].eq("generic").mean()
        no_note = (~sub["has_note"]).mean()
        accepted = sub["accepted"].mean()
        self.summary.value = (
            render.STYLE
            + f"<p>{BADGE} <strong>{len(sub):,}</strong> simulated invitations{escape(_filter_words(c, t))}: "
            + f"{generic:.0%} generic ({no_note:.0%} with no note at all), {accepted:.0%} accepted.</p>"
        )
        self.by_circumstance.value = generic_by_circumstance_chart(self.df, t)
        self.by_theory.value = generic_by_theory_chart(self.df, c)
        self.acceptance.value = acceptance_chart(self.df, c, t)
        written = sub[sub["has_note"]]
        rows = []
        for level in charts.LEVEL_ORDER:
            pick = written[written["level"] == level].head(1)
            for _, row in pick.iterrows():
                rows.append((level, row["circumstance"], row["text"]))
        self.examples.value = render.table_html(("Level", "Circumstance", "Simulated note"), rows,
                                                caption="SIMULATED: one note of each level")  # fmt: skip

    def _repr_mimebundle_(self, **kwargs):
        return self.ui._repr_mimebundle_(**kwargs)


def sender_theories(df=None) -> SenderTheories:
    return SenderTheories(df)
