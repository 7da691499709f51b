"""The workshop's activities and run sheets, from one data file (``activities.toml``).

Every number of minutes in the kit comes from here: the facilitator guide's run sheets and
activity cards (book/instructors/), the "Timing" line of each chapter's instructor note (a MyST
substitution set by book/_ext/workshop_timings.py) and the tests that check the 60- and
90-minute plans add up.

    >>> from invitelab.workshop import activities
    >>> [a.minutes[60] for a in activities.load()][:3]
    [5, 8, 8]
    >>> activities.check()          # raises ActivitiesError if a plan does not add up

Every function that returns HTML escapes the data it shows (``html.escape``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path

from . import read_toml

DEFAULT_PATH = Path(__file__).with_name("activities.toml")

#: the fields every activity card must fill in (the guide shows them in this order)
CARD_FIELDS = ("goal", "format", "steps", "debrief", "pitfalls")
MODES = {"in-person": "In person", "online": "Online"}

__all__ = [
    "Activity",
    "ActivitiesError",
    "activity_card_html",
    "check",
    "chapter_activities",
    "chapter_timing",
    "load",
    "plan",
    "plans",
    "run_sheet_html",
    "substitutions",
    "summary_table_html",
]


class ActivitiesError(ValueError):
    """The activities file is missing, malformed, or its plans do not add up."""


@dataclass(frozen=True)
class Activity:
    id: str
    name: str
    chapter: str
    minutes: dict[int, int]
    goal: str
    format: str
    steps: tuple[str, ...]
    debrief: tuple[str, ...]
    pitfalls: tuple[str, ...]
    in_person: str
    online: str
    materials: tuple[str, ...]

    def in_plan(self, length: int) -> bool:
        return self.minutes.get(length, 0) > 0


def _strings(value, where: str, field: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise ActivitiesError(f"{where}: '{field}' must be a non-empty list of sentences")
    return tuple(value)


def _parse(data: dict, source: str) -> tuple[tuple[int, ...], tuple[Activity, ...]]:
    lengths = data.get("plans")
    if not isinstance(lengths, list) or not lengths or not all(isinstance(n, int) and n > 0 for n in lengths):
        raise ActivitiesError(f"{source}: 'plans' must list the plans' lengths in minutes, e.g. [60, 90]")
    raw = data.get("activity")
    if not isinstance(raw, list) or not raw:
        raise ActivitiesError(f"{source}: no [[activity]] tables")
    seen: set[str] = set()
    out = []
    for i, item in enumerate(raw, start=1):
        where = f"{source}: activity {i}"
        if not isinstance(item, dict):
            raise ActivitiesError(f"{where} is not a table")
        aid = item.get("id")
        if not isinstance(aid, str) or not aid.isidentifier():
            raise ActivitiesError(f"{where}: 'id' must be a word like spot_generic")
        where = f"{source}: activity {aid!r}"
        if aid in seen:
            raise ActivitiesError(f"{where} appears twice")
        seen.add(aid)
        for field in ("name", "goal", "format", "in_person", "online"):
            if not isinstance(item.get(field), str) or not item[field].strip():
                raise ActivitiesError(f"{where}: '{field}' is missing or empty")
        chapter = item.get("chapter", "")
        if not isinstance(chapter, str):
            raise ActivitiesError(f"{where}: 'chapter' must be a chapter file name or \"\"")
        mins = item.get("minutes")
        if not isinstance(mins, dict):
            raise ActivitiesError(f"{where}: 'minutes' must be a table like {{ 60 = 8, 90 = 10 }}")
        minutes: dict[int, int] = {}
        for key, value in mins.items():
            try:
                length = int(key)
            except ValueError:
                raise ActivitiesError(f"{where}: minutes key {key!r} is not a plan length") from None
            if length not in lengths:
                raise ActivitiesError(f"{where}: minutes for a {length}-minute plan, but plans are {lengths}")
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ActivitiesError(f"{where}: minutes in the {length}-minute plan must be a whole number >= 0")
            minutes[length] = value
        for length in lengths:
            if length not in minutes:
                raise ActivitiesError(f"{where}: no minutes for the {length}-minute plan (write 0 to leave it out)")
        out.append(
            Activity(
                id=aid,
                name=item["name"].strip(),
                chapter=chapter.strip(),
                minutes=minutes,
                goal=item["goal"].strip(),
                format=item["format"].strip(),
                steps=_strings(item.get("steps"), where, "steps"),
                debrief=_strings(item.get("debrief"), where, "debrief"),
                pitfalls=_strings(item.get("pitfalls"), where, "pitfalls"),
                in_person=item["in_person"].strip(),
                online=item["online"].strip(),
                materials=_strings(item.get("materials"), where, "materials"),
            )
        )
    return tuple(lengths), tuple(out)


@lru_cache(maxsize=8)
def _load_cached(path: str, mtime: int) -> tuple[tuple[int, ...], tuple[Activity, ...]]:
    data = read_toml(path, ActivitiesError)
    return _parse(data, Path(path).name)


def _load(path: str):
    """Cached by the file's modification time, so an edited file is read again."""
    try:
        mtime = Path(path).stat().st_mtime_ns
    except OSError:
        mtime = -1
    return _load_cached(path, mtime)


def load(path: str | Path | None = None) -> tuple[Activity, ...]:
    """Every activity, in running order."""
    return _load(str(path or DEFAULT_PATH))[1]


def plans(path: str | Path | None = None) -> tuple[int, ...]:
    """The plans' lengths in minutes, e.g. ``(60, 90)``."""
    return _load(str(path or DEFAULT_PATH))[0]


def get(activity_id: str, path: str | Path | None = None) -> Activity:
    for a in load(path):
        if a.id == activity_id:
            return a
    known = ", ".join(a.id for a in load(path))
    raise KeyError(f"unknown activity {activity_id!r} (known: {known})")


def plan(length: int, path: str | Path | None = None) -> list[tuple[int, int, Activity]]:
    """The activities of the ``length``-minute plan as ``(start, end, activity)``, minutes from
    the start of the session."""
    if length not in plans(path):
        raise ActivitiesError(f"no {length}-minute plan (plans: {', '.join(map(str, plans(path)))})")
    rows, clock = [], 0
    for a in load(path):
        m = a.minutes[length]
        if m:
            rows.append((clock, clock + m, a))
            clock += m
    return rows


def check(path: str | Path | None = None) -> None:
    """Raise :class:`ActivitiesError` unless each plan's minutes add up to its length."""
    for length in plans(path):
        total = sum(a.minutes[length] for a in load(path))
        if total != length:
            raise ActivitiesError(f"the {length}-minute plan adds up to {total} minutes, not {length}")


def chapter_activities(chapter: str, path: str | Path | None = None) -> list[Activity]:
    return [a for a in load(path) if a.chapter == chapter]


def _minutes(n: int) -> str:
    return f"{n} minute{'' if n == 1 else 's'}"


def _in_plans(a: Activity, lengths) -> str:
    parts = [
        f"{_minutes(a.minutes[n])} in the {n}-minute plan" if a.minutes[n] else f"not in the {n}-minute plan"
        for n in lengths
    ]
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]


def chapter_timing(chapter: str, path: str | Path | None = None) -> str:
    """The "Timing" sentence of a chapter's instructor note (MyST markdown), from the data."""
    acts = chapter_activities(chapter, path)
    if not acts:
        raise KeyError(f"no workshop activity uses the chapter {chapter!r}")
    lengths = plans(path)
    items = "; ".join(f"*{a.name}*, {_in_plans(a, lengths)}" for a in acts)
    word = "activity" if len(acts) == 1 else "activities"
    return (
        f"**Timing:** in the workshop this chapter is the {word} {items} "
        "(see the {ref}`run sheets <run-sheets>`). Parts not covered in the room work as homework."
    )


def plans_timing(path: str | Path | None = None) -> str:
    """One sentence per plan, listing its activities and minutes (for the book's start page)."""
    out = []
    for length in plans(path):
        items = "; ".join(f"{a.name} ({a.minutes[length]} min)" for _, _, a in plan(length, path))
        out.append(f"**A {length}-minute plan:** {items}.")
    return " ".join(out)


def substitutions(path: str | Path | None = None) -> dict[str, str]:
    """MyST substitutions for the book: ``timing_<chapter>`` (chapter names with ``_`` for ``-``)
    for every chapter an activity uses, and ``timing_plans`` for the start page."""
    check(path)
    subs = {"timing_plans": plans_timing(path)}
    for chapter in dict.fromkeys(a.chapter for a in load(path) if a.chapter):
        subs["timing_" + chapter.replace("-", "_")] = chapter_timing(chapter, path)
    return subs


# ---------------------------------------------------------------------------------------------
# HTML for the facilitator guide

STYLE = """<style>
.wk{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;line-height:1.45;max-width:900px}
.wk table{border-collapse:collapse;width:100%;margin:6px 0 12px;font-size:.95em}
.wk caption{text-align:left;font-weight:700;padding:4px 0}
.wk th,.wk td{border:1px solid #d0d7de;padding:6px 8px;vertical-align:top;text-align:left}
.wk thead th{background:#f6f8fa}
.wk td.wk-clock{white-space:nowrap;font-variant-numeric:tabular-nums;font-weight:600}
.wk ol,.wk ul{margin:2px 0 4px;padding-left:1.3em}
.wk dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px;margin:4px 0}
.wk dt{font-weight:700}.wk dd{margin:0}
@media (max-width:600px){.wk dl{grid-template-columns:1fr}.wk dt{margin-top:6px}
 .wk table.wk-sheet thead{display:none}.wk table.wk-sheet tr{display:block;border:1px solid #d0d7de;margin:0 0 8px}
 .wk table.wk-sheet td{display:block;border:0;border-bottom:1px solid #eaeef2}
 .wk table.wk-sheet td[data-label]::before{content:attr(data-label) ": ";font-weight:700}}
</style>"""


def _clock(minute: int) -> str:
    return f"{minute // 60}:{minute % 60:02d}"


def _list(items, ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{escape(i)}</li>" for i in items) + f"</{tag}>"


def run_sheet_html(length: int, mode: str = "in-person", path: str | Path | None = None) -> str:
    """A minute-by-minute run sheet: clock, activity, what happens, and the mode's notes."""
    if mode not in MODES:
        raise ActivitiesError(f"unknown mode {mode!r} (modes: {', '.join(MODES)})")
    rows = []
    for start, end, a in plan(length, path):
        note = a.in_person if mode == "in-person" else a.online
        rows.append(
            f'<tr><td class="wk-clock" data-label="Time">{_clock(start)}&ndash;{_clock(end)}'
            f" ({a.minutes[length]} min)</td>"
            f'<td data-label="Activity"><strong>{escape(a.name)}</strong>'
            f'<br><a href="activities.html#activity-{escape(a.id.replace("_", "-"))}">activity card</a></td>'
            f'<td data-label="Steps">{_list(a.steps, ordered=True)}</td>'
            f'<td data-label="{escape(MODES[mode])}">{escape(note)}</td></tr>'
        )
    total = sum(a.minutes[length] for a in load(path))
    return (
        STYLE
        + '<div class="wk"><table class="wk-sheet">'
        + f"<caption>{length}-minute workshop, {escape(MODES[mode].lower())}: run sheet "
        + f"({total} minutes in all)</caption>"
        + '<thead><tr><th scope="col">Time</th><th scope="col">Activity</th><th scope="col">Steps</th>'
        + f'<th scope="col">{escape(MODES[mode])}</th></tr></thead><tbody>'
        + "".join(rows)
        + "</tbody></table></div>"
    )


def summary_table_html(path: str | Path | None = None) -> str:
    """Every activity with its minutes in each plan, and the totals."""
    lengths = plans(path)
    head = "".join(f'<th scope="col">{n}-minute plan</th>' for n in lengths)
    rows = "".join(
        f'<tr><th scope="row">{escape(a.name)}</th>'
        + "".join(f"<td>{a.minutes[n] or '&ndash;'}</td>" for n in lengths)
        + "</tr>"
        for a in load(path)
    )
    totals = "".join(f"<td><strong>{sum(a.minutes[n] for a in load(path))}</strong></td>" for n in lengths)
    return (
        STYLE
        + '<div class="wk"><table><caption>Minutes per activity</caption>'
        + f'<thead><tr><th scope="col">Activity</th>{head}</tr></thead><tbody>{rows}'
        + f'<tr><th scope="row">Total</th>{totals}</tr></tbody></table></div>'
    )


def activity_card_html(activity_id: str, path: str | Path | None = None) -> str:
    """One activity's card: goal, format, minutes, steps, debrief questions, pitfalls, notes."""
    a = get(activity_id, path)
    minutes = escape(_in_plans(a, plans(path)))
    return (
        STYLE
        + '<div class="wk"><dl>'
        + f"<dt>Goal</dt><dd>{escape(a.goal)}</dd>"
        + f"<dt>Format</dt><dd>{escape(a.format)}</dd>"
        + f"<dt>Minutes</dt><dd>{minutes[:1].upper() + minutes[1:]}.</dd>"
        + f"<dt>Steps</dt><dd>{_list(a.steps, ordered=True)}</dd>"
        + f"<dt>Debrief questions</dt><dd>{_list(a.debrief)}</dd>"
        + f"<dt>Pitfalls</dt><dd>{_list(a.pitfalls)}</dd>"
        + f"<dt>In person</dt><dd>{escape(a.in_person)}</dd>"
        + f"<dt>Online</dt><dd>{escape(a.online)}</dd>"
        + f"<dt>Materials</dt><dd>{_list(a.materials)}</dd>"
        + "</dl></div>"
    )


def materials() -> list[str]:
    """Every activity's materials, once each, in running order."""
    return list(dict.fromkeys(m for a in load() for m in a.materials))
