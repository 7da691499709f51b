"""Reading profiles for the widgets: the kit's recipients and senders, and their facts.

Profiles come from :mod:`invitelab.kitdata` (never from a path typed in a notebook). The helpers
here read a profile through :func:`get`, which accepts the engine's ``Profile`` objects and plain
dicts alike, so the widgets and their tests do not depend on the dataclass's internals.
"""

from __future__ import annotations

from collections.abc import Iterable

DESCRIBE = "__describe__"  # the sender option "describe yourself"


def get(obj, key: str, default=None):
    """``obj[key]`` or ``obj.key``, whichever exists."""
    if obj is None:
        return default
    if isinstance(obj, dict):
        return obj.get(key, default)
    return getattr(obj, key, default)


def as_list(value) -> list:
    if value is None or value == "":
        return []
    if isinstance(value, (str, dict)):
        return [value]
    return list(value)


def first_name(name_or_profile) -> str:
    if name_or_profile is None:
        return ""
    if isinstance(name_or_profile, str):
        return (name_or_profile.split() or [""])[0]
    explicit = get(name_or_profile, "first_name")
    return str(explicit or first_name(str(get(name_or_profile, "name", "") or "")))


def experience_text(item) -> str:
    if isinstance(item, str):
        return item
    title, company = get(item, "title", ""), get(item, "company", "")
    return " at ".join(x for x in (title, company) if x)


def education_text(item) -> str:
    if isinstance(item, str):
        return item
    degree, field, school = get(item, "degree", ""), get(item, "field", ""), get(item, "school", "")
    what = " ".join(x for x in (degree, field) if x)
    return ", ".join(x for x in (what, school) if x)


def profile_sections(profile) -> list[tuple[str, list[str]]]:
    """The profile as (section label, list of lines), in the order a profile page shows them."""
    return [
        ("Experience", [experience_text(x) for x in as_list(get(profile, "experience"))]),
        ("Education", [education_text(x) for x in as_list(get(profile, "education"))]),
        ("Skills", [str(x) for x in as_list(get(profile, "skills"))]),
        ("Interests", [str(x) for x in as_list(get(profile, "interests"))]),
        ("Groups", [str(x) for x in as_list(get(profile, "groups"))]),
        ("Activity", [str(x) for x in as_list(get(profile, "activity"))]),
    ]


def _as_dict(collection) -> dict:
    if collection is None:
        return {}
    if isinstance(collection, dict):
        return dict(collection)
    return {str(get(p, "id")): p for p in collection}


def kit_recipients() -> dict:
    """id -> Profile for the kit's recipients (``kind: recipient`` in data/profiles.json)."""
    from invitelab import kitdata

    people = _as_dict(kitdata.recipients())
    return people or _as_dict(kitdata.profiles())


def kit_senders() -> dict:
    """id -> Profile for the kit's sender personas (``kind: sender``)."""
    from invitelab import kitdata

    return _as_dict(kitdata.senders())


def option_label(profile) -> str:
    name = str(get(profile, "name", "") or get(profile, "id", ""))
    headline = str(get(profile, "headline", "") or "")
    label = f"{name} \u2013 {headline}" if headline else name
    return label if len(label) <= 70 else label[:67] + "..."


def options(people: dict) -> list[tuple[str, str]]:
    return [(option_label(p), pid) for pid, p in people.items()]


def sender_options(senders: dict) -> list[tuple[str, str]]:
    return options(senders) + [("Describe yourself (free text)", DESCRIBE)]


def described_sender(description: str):
    """A sender persona from a free-text description, for the note's preview only.

    The engine checks common ground against a *profile*, which a sentence is not, so the
    widgets score with ``sender=None`` (common ground is then "not applicable") and show the
    description as the sender's headline in previews.
    """
    text = " ".join(str(description or "").split())
    return {"id": "", "name": "You", "headline": text[:200]}


# A control as wide as its column: 100% less the widget's own 2 px margins, which would otherwise
# push it past the edge of a phone's screen.
FULL_WIDTH = "calc(100% - 4px)"


def wrap_row():
    """The layout of a row of buttons that wraps onto a second line on a phone instead of
    cutting the buttons' labels."""
    import ipywidgets as w

    return w.Layout(flex_flow="row wrap")


def button(description: str, *, hidden: bool = False, **kwargs):
    """An ipywidgets Button as wide as its label (the default width cuts long labels)."""
    import ipywidgets as w

    layout = w.Layout(width="auto", display="none" if hidden else "")
    return w.Button(description=description, layout=layout, **kwargs)


def joined(items: Iterable[str]) -> str:
    return "; ".join(i for i in items if i)
