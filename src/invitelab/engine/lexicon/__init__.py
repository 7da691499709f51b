"""Knowledge as data: the engine's word lists and phrase patterns, in TOML files beside this module.

Each file holds one or more *families*, one table each, whose id starts with the file's name
(``hard_asks.toml`` holds ``[hard_asks.direct]``, ``[hard_asks.indirect]`` ...)::

    [addressees.generic]
    description = "Words that address nobody in particular (“Hi there”, “Dear Hiring Manager”)."
    criteria = ["greeting", "specific_detail"]
    words = ["there", "everyone", "hiring", "manager"]    # whole words/phrases, any case
    # or: patterns = ['\\bno\\s+thanks\\b']              # regular expressions, any case
    matches = ["Hi there, I'd like to connect."]          # texts the family MUST find
    ignores = ["Hi Dana, I'd like to connect."]           # texts it MUST NOT find

Use::

    from invitelab.engine import lexicon
    fam = lexicon.family("addressees.generic")   # loaded on first use, then cached
    fam.words, fam.word_set, fam.search(text), fam.finditer(text), fam.pattern

Files are read only when a family is first asked for (importing the engine reads none), and
each file once. A file that cannot be used raises :class:`LexiconError`, one line naming the
file and the family. ``tests/test_lexicon.py`` checks every family's examples.
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

LEXICON_DIR = Path(__file__).parent
_KEYS = {"description", "criteria", "words", "patterns", "matches", "ignores"}


class LexiconError(ValueError):
    """A lexicon file or family that cannot be used; the message is one line for a person to read."""


class Family:
    """One family of words or patterns, with the examples it must match and must ignore.

    Read-only; a plain class rather than a dataclass so that importing the engine stays fast."""

    __slots__ = ("id", "description", "criteria", "words", "patterns", "matches", "ignores", "source",
                 "_word_set", "_pattern")

    def __init__(self, id: str, description: str, criteria: tuple[str, ...], words: tuple[str, ...] = (),
                 patterns: tuple[str, ...] = (), matches: tuple[str, ...] = (), ignores: tuple[str, ...] = (),
                 source: str = ""):
        setattr_ = object.__setattr__
        setattr_(self, "id", id)
        setattr_(self, "description", description)
        setattr_(self, "criteria", tuple(criteria))
        setattr_(self, "words", tuple(words))  # whole-word phrases, any case (empty for a pattern family)
        setattr_(self, "patterns", tuple(patterns))  # regular expressions, any case (empty for a word family)
        setattr_(self, "matches", tuple(matches))  # texts the family must find
        setattr_(self, "ignores", tuple(ignores))  # texts it must not find
        setattr_(self, "source", source)  # the file it came from
        setattr_(self, "_word_set", None)
        setattr_(self, "_pattern", None)

    def __setattr__(self, name, value):
        raise AttributeError(f"lexicon family {self.id!r} is read-only")

    def __repr__(self) -> str:
        kind = f"{len(self.words)} words" if self.words else f"{len(self.patterns)} patterns"
        return f"<lexicon family {self.id} ({kind}) from {self.source}>"

    @property
    def word_set(self) -> frozenset[str]:
        """The words, lower-cased, for membership tests (``word in fam.word_set``)."""
        if self._word_set is None:
            object.__setattr__(self, "_word_set", frozenset(w.lower() for w in self.words))
        return self._word_set

    @property
    def pattern(self) -> re.Pattern[str]:
        """One compiled, case-insensitive alternation of the whole family (built on first use)."""
        if self._pattern is None:
            if self.words:
                from ..patterns import phrase_pattern  # whole words; spaces match any white space

                source = phrase_pattern(self.words).pattern
            else:
                source = "|".join(f"(?:{p})" for p in self.patterns)
            try:
                object.__setattr__(self, "_pattern", re.compile(source, re.IGNORECASE))
            except re.error as err:
                raise LexiconError(f"{self.source}: [{self.id}] has a pattern that is not a valid regular "
                                   f"expression ({err})") from None
        return self._pattern

    def search(self, text: str, *args) -> re.Match[str] | None:
        return self.pattern.search(text, *args)

    def finditer(self, text: str, *args):
        return self.pattern.finditer(text, *args)

    def example_problems(self) -> list[str]:
        """What is wrong with the family's own examples (empty when every example behaves)."""
        problems = []
        if not self.matches:
            problems.append(f"{self.source}: [{self.id}] has no `matches` examples")
        if not self.ignores:
            problems.append(f"{self.source}: [{self.id}] has no `ignores` examples")
        problems += [f"{self.source}: [{self.id}] does not match its example {t!r}"
                     for t in self.matches if not self.search(t)]
        problems += [f"{self.source}: [{self.id}] matches {m.group(0)!r} in its `ignores` example {t!r}"
                     for t in self.ignores if (m := self.search(t))]
        return problems


def _strings(value, where: str, key: str, allow_empty: bool = True) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"{where} `{key}` must be a list of strings")
    if not allow_empty and not [v for v in value if v.strip()]:
        raise LexiconError(f"{where} `{key}` is empty")
    if any(not v.strip() for v in value):
        raise LexiconError(f"{where} `{key}` has an empty string")
    return tuple(value)


def _family(fid: str, table: dict, source: str, known_criteria: tuple[str, ...]) -> Family:
    where = f"{source}: [{fid}]"
    unknown = set(table) - _KEYS
    if unknown:
        raise LexiconError(f"{where} has unknown key(s) {', '.join(sorted(unknown))}; "
                           f"allowed: {', '.join(sorted(_KEYS))}")
    description = table.get("description")
    if not isinstance(description, str) or not description.strip():
        raise LexiconError(f"{where} needs a `description` (a sentence saying what the family is for)")
    criteria = _strings(table.get("criteria", []), where, "criteria", allow_empty=False)
    bad = [c for c in criteria if c not in known_criteria]
    if bad:
        raise LexiconError(f"{where} names unknown criterion {bad[0]!r}; known: {', '.join(known_criteria)}")
    if ("words" in table) == ("patterns" in table):
        raise LexiconError(f"{where} needs exactly one of `words` or `patterns`")
    key = "words" if "words" in table else "patterns"
    items = _strings(table[key], where, key, allow_empty=False)
    return Family(
        id=fid, description=description.strip(), criteria=criteria,
        words=items if key == "words" else (), patterns=items if key == "patterns" else (),
        matches=_strings(table.get("matches", []), where, "matches"),
        ignores=_strings(table.get("ignores", []), where, "ignores"),
        source=source,
    )


def parse(text: str, source: str, stem: str | None = None) -> tuple[Family, ...]:
    """The families of one lexicon file's text; ``stem`` (default: from ``source``) must start every id."""
    import tomllib

    from ..criteria import CRITERION_IDS  # imported here: the criteria modules use this module

    stem = stem or Path(source).stem
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:  # includes a repeated [table] (a family id given twice)
        raise LexiconError(f"{source}: not valid TOML ({err})") from None
    out: list[Family] = []

    def walk(table: dict, prefix: str) -> None:
        for key, value in table.items():
            fid = f"{prefix}.{key}" if prefix else key
            if not isinstance(value, dict):
                raise LexiconError(f"{source}: `{fid}` is not a family table ([{fid}] with a description)")
            if any(not isinstance(v, dict) for v in value.values()):  # a family; a table of tables groups them
                if not fid.startswith(stem + "."):
                    raise LexiconError(f"{source}: [{fid}] must be named [{stem}.…] (the file's name first)")
                out.append(_family(fid, value, source, CRITERION_IDS))
            else:
                walk(value, fid)

    walk(data, "")
    if not out:
        raise LexiconError(f"{source}: holds no family (a [{stem}.name] table with a description)")
    return tuple(out)


@cache
def load_file(path: str | Path) -> dict[str, Family]:
    """The families of one file, by id (each file is read once)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise LexiconError(f"{path.name}: cannot be read ({err})") from None
    return {f.id: f for f in parse(text, path.name)}


@cache
def family(fid: str) -> Family:
    """The family with this id, e.g. ``family("addressees.generic")``: its file is read on first use."""
    path = LEXICON_DIR / (fid.split(".", 1)[0] + ".toml")
    if "." not in fid or not path.is_file():
        raise LexiconError(f"no lexicon family {fid!r}: ids are <file>.<name>, files are in {LEXICON_DIR}")
    found = load_file(path).get(fid)
    if found is None:
        raise LexiconError(f"{path.name}: has no family [{fid}]; it has {', '.join(load_file(path))}")
    return found


def files() -> tuple[Path, ...]:
    return tuple(sorted(LEXICON_DIR.glob("*.toml")))


def families() -> tuple[Family, ...]:
    """Every family of every file, in file order (raises on a repeated id)."""
    out: dict[str, Family] = {}
    for path in files():
        for fid, fam in load_file(path).items():
            if fid in out:
                raise LexiconError(f"{path.name}: [{fid}] repeats a family of {out[fid].source}")
            out[fid] = fam
    return tuple(out.values())


__all__ = ["Family", "LexiconError", "LEXICON_DIR", "families", "family", "files", "load_file", "parse"]
