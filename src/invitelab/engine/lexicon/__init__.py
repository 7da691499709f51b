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

A *table* family maps names to words (``entries = {"ohio state university" = ["OSU", ...]}``,
read with ``fam.table()``); its ``examples`` give, per name, notes the engine must read as naming
it (``accepts``) or not (``rejects``): ``shortforms.toml`` holds the short forms of schools,
employers and fields this way.

Files are read only when a family is first asked for (importing the engine reads none), and
each file once; the parsed data is kept in ``__pycache__`` (see :func:`_read`) so that a new
process does not parse TOML again. A file that cannot be used raises :class:`LexiconError`, one line naming the
file and the family. ``tests/test_lexicon.py`` checks every family's examples.

A rubric may change any family without Python: its ``[lexicon]`` table replaces a family's words
or patterns (``"facts.occupations" = ["nurse", "teacher"]``), ``[extend.lexicon]`` adds to them,
and an empty list turns the family off (it then matches nothing). ``family(fid, rubric)`` returns
the family as that rubric has it (cached per rubric); with no rubric given it is the family as
the check in progress has it: :func:`invitelab.score` runs its criteria inside
``using(rubric)``, so code deep in the engine that asks ``family(fid)`` honours the rubric of
the check; outside a check, the files. A changed family has ``changed`` set: code that skips a
family by a quick pre-test ("only when the note has one of these words") must not skip a changed
one, since the rubric's new words need not pass that test.
"""
from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, lru_cache
from pathlib import Path

LEXICON_DIR = Path(__file__).parent
_KEYS = {"description", "criteria", "words", "patterns", "entries", "examples", "matches", "ignores"}
_EXAMPLE_KEYS = {"name", "accepts", "rejects"}


class LexiconError(ValueError):
    """A lexicon file or family that cannot be used; the message is one line for a person to read."""


class Family:
    """One family of words or patterns, with the examples it must match and must ignore.

    A *table* family (``entries = {name = [forms]}``, such as the short forms of schools) maps
    names to words; its ``words`` are every form, for ``search``, and ``examples`` hold, per name,
    notes the engine must read as naming it (``accepts``) or not (``rejects``).

    Read-only; a plain class rather than a dataclass so that importing the engine stays fast."""

    __slots__ = ("id", "description", "criteria", "words", "patterns", "matches", "ignores", "source",
                 "kind", "changed", "entries", "examples", "_word_set", "_pattern")

    def __init__(self, id: str, description: str, criteria: tuple[str, ...], words: tuple[str, ...] = (),
                 patterns: tuple[str, ...] = (), matches: tuple[str, ...] = (), ignores: tuple[str, ...] = (),
                 source: str = "", kind: str | None = None, changed: bool = False,
                 entries: tuple[tuple[str, tuple[str, ...]], ...] | None = None, examples: tuple = ()):
        setattr_ = object.__setattr__
        setattr_(self, "id", id)
        if entries is not None:
            kind = "table"
            words = tuple(dict.fromkeys(form for _name, forms in entries for form in forms))
        setattr_(self, "entries", tuple(entries or ()))  # a table: (name, its forms), in file order
        setattr_(self, "examples", tuple(examples))  # a table: (name, accepts, rejects)
        setattr_(self, "kind", kind or ("patterns" if patterns and not words else "words"))
        setattr_(self, "changed", changed)  # True when a rubric replaced or extended the file's list
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
        kind = {"words": f"{len(self.words)} words", "patterns": f"{len(self.patterns)} patterns",
                "table": f"{len(self.entries)} entries"}[self.kind]
        return f"<lexicon family {self.id} ({kind}) from {self.source}>"

    @property
    def items(self) -> tuple:
        """The words, the patterns or (for a table) the (name, forms) entries, whichever the family holds."""
        return {"words": self.words, "patterns": self.patterns, "table": self.entries}[self.kind]

    def with_items(self, items: tuple, source: str) -> Family:
        """The same family with other words (patterns, entries), as a rubric changed it."""
        if self.kind == "table":
            return Family(self.id, self.description, self.criteria, matches=self.matches, ignores=self.ignores,
                          source=source, changed=True, entries=tuple(items), examples=self.examples)
        words, patterns = (tuple(items), ()) if self.kind == "words" else ((), tuple(items))
        return Family(self.id, self.description, self.criteria, words, patterns, self.matches, self.ignores,
                      source, self.kind, changed=True)

    def table(self) -> dict[str, tuple[str, ...]]:
        """A table family's entries as a dict (name -> forms)."""
        return dict(self.entries)

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
            if not self.words and not self.patterns:  # emptied by a rubric: the family matches nothing
                source = "(?!)"
            elif self.words:
                from ..patterns import phrase_pattern  # whole words; spaces match any white space

                source = phrase_pattern(self.words).pattern
            else:
                source = "|".join(f"(?:{p})" for p in self.patterns)
            from .. import regexcache  # re.compile, its compiled code kept between processes

            try:
                object.__setattr__(self, "_pattern", regexcache.compile(source, re.IGNORECASE))
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


def _entries(value, where: str, key: str, allow_empty: bool = False) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A table's entries: name = [forms] (a name with no forms is allowed only in a rubric's change)."""
    if not isinstance(value, dict) or (not value and not allow_empty):
        raise LexiconError(f"{where} `{key}` must be a table of \"name\" = [\"short form\", ...]")
    out = []
    for name, forms in value.items():
        if not name.strip():
            raise LexiconError(f"{where} `{key}` has an empty name")
        out.append((name, _strings(forms, where, f"{key}.{name}")))
    return tuple(out)


def _examples(value, where: str) -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise LexiconError(f"{where} `examples` must be [[...examples]] tables with name, accepts, rejects")
    out = []
    for ex in value:
        unknown = set(ex) - _EXAMPLE_KEYS
        if unknown or not isinstance(ex.get("name"), str) or not ex["name"].strip():
            raise LexiconError(f"{where} an example needs a `name` and only {', '.join(sorted(_EXAMPLE_KEYS))}")
        out.append((ex["name"], _strings(ex.get("accepts", []), where, "examples.accepts"),
                    _strings(ex.get("rejects", []), where, "examples.rejects")))
    return tuple(out)


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
    if "examples" in table and "entries" not in table:
        raise LexiconError(f"{where} has `examples`, which only a table (with `entries`) has")
    if sum(k in table for k in ("words", "patterns", "entries")) != 1:
        raise LexiconError(f"{where} needs exactly one of `words` or `patterns`")
    if "entries" in table:
        return Family(id=fid, description=description.strip(), criteria=criteria, source=source,
                      entries=_entries(table["entries"], where, "entries"),
                      examples=_examples(table.get("examples", []), where),
                      matches=_strings(table.get("matches", []), where, "matches"),
                      ignores=_strings(table.get("ignores", []), where, "ignores"))
    key = "words" if "words" in table else "patterns"
    items = _strings(table[key], where, key, allow_empty=False)
    return Family(
        id=fid, description=description.strip(), criteria=criteria,
        words=items if key == "words" else (), patterns=items if key == "patterns" else (),
        matches=_strings(table.get("matches", []), where, "matches"),
        ignores=_strings(table.get("ignores", []), where, "ignores"),
        source=source,
    )


def _toml(text: str, source: str) -> dict:
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:  # includes a repeated [table] (a family id given twice)
        raise LexiconError(f"{source}: not valid TOML ({err})") from None


def parse(text: str, source: str, stem: str | None = None) -> tuple[Family, ...]:
    """The families of one lexicon file's text; ``stem`` (default: from ``source``) must start every id."""
    return _families_of(_toml(text, source), source, stem)


def _families_of(data: dict, source: str, stem: str | None = None) -> tuple[Family, ...]:
    from ..criteria import CRITERION_IDS  # imported here: the criteria modules use this module

    stem = stem or Path(source).stem
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


_CACHE_FORMAT = 1


def _read(path: Path) -> dict:
    """A lexicon file's TOML data. Parsing TOML in pure Python costs milliseconds (the short-form
    table is needed on a process's first check), so the parsed data is kept, as Python keeps
    compiled modules, in ``__pycache__/<file>.<python>.lexicon`` (marshal), used only while the
    file's modification time and size are those it was made from; it is never written when Python
    writes no bytecode, and a cache that cannot be read or written is ignored."""
    import marshal
    import os
    import sys

    try:
        stat = path.stat()
        text = None
        key = (_CACHE_FORMAT, stat.st_mtime_ns, stat.st_size)
        cache = path.parent / "__pycache__" / f"{path.name}.{sys.implementation.cache_tag}.lexicon"
        try:
            with open(cache, "rb") as handle:
                stored, data = marshal.load(handle)
            if stored == key and isinstance(data, dict):
                return data
        except (OSError, EOFError, ValueError, TypeError):
            pass
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise LexiconError(f"{path.name}: cannot be read ({err})") from None
    data = _toml(text, path.name)
    if not sys.dont_write_bytecode:
        try:
            cache.parent.mkdir(exist_ok=True)
            temp = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
            temp.write_bytes(marshal.dumps((key, data)))
            os.replace(temp, cache)
        except (OSError, ValueError):
            pass
    return data


@cache
def load_file(path: str | Path) -> dict[str, Family]:
    """The families of one file, by id (each file is read once)."""
    path = Path(path)
    return {f.id: f for f in _families_of(_read(path), path.name)}


_ACTIVE: ContextVar = ContextVar("invitelab_lexicon_rubric", default=None)


@contextmanager
def using(rubric):
    """Within this block, ``family(fid)`` (no rubric given) is the family as ``rubric`` has it."""
    token = enter(rubric)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def enter(rubric):
    """Put ``rubric``'s lexicon changes in force (what :func:`using` does, for hot paths such as
    :func:`invitelab.score`); returns the token to give to :func:`leave`."""
    return _ACTIVE.set(rubric if rubric is not None and rubric.lexicon else None)


def leave(token) -> None:
    _ACTIVE.reset(token)


# The rubric in force whose lexicon changes apply now, or None (the files apply): a key for caches
# of anything built from families (such as a profile's facts). The context variable's own `get`
# (no Python call in between: it is asked for many times per check).
active_changes = _ACTIVE.get

_FILE_FAMILIES: dict[str, Family] = {}  # filled by file_family: the quick way in for family()


def family(fid: str, rubric=None) -> Family:
    """The family with this id, e.g. ``family("addressees.generic")``: its file is read on first use.

    With ``rubric``, the family as that rubric's ``[lexicon]`` and ``[extend.lexicon]`` have it;
    without, as the rubric of the check in progress has it (see :func:`using`), else the files'."""
    if rubric is None:
        rubric = _ACTIVE.get()
        if rubric is None:
            return _FILE_FAMILIES.get(fid) or file_family(fid)
    if not rubric.lexicon:
        return _FILE_FAMILIES.get(fid) or file_family(fid)
    return _changed(rubric).get(fid) or file_family(fid)


@lru_cache(maxsize=64)
def _changed(rubric) -> dict[str, Family]:
    """The families a rubric changes, built once per rubric (rubrics hash by identity)."""
    return {fid: file_family(fid).with_items(items, rubric.source) for fid, items in rubric.lexicon}


def table_ids() -> frozenset[str]:
    """The ids of the table families (a rubric writes their entries as a table, not a list)."""
    return frozenset(f.id for f in families() if f.kind == "table")


def check_change(fid: str, value, where: str) -> tuple:
    """A rubric's new list for family ``fid``, checked: the words or patterns as a tuple (for a
    table, its (name, forms) entries), or a :class:`LexiconError` whose one line starts with
    ``where`` (the rubric file and key)."""
    try:
        fam = file_family(fid)
    except LexiconError:
        import difflib

        close = difflib.get_close_matches(fid, [f.id for f in families()], n=3)
        hint = f"did you mean {' or '.join(repr(c) for c in close)}? " if close else ""
        raise LexiconError(f"{where}: no lexicon family {fid!r}; {hint}"
                           "(`invitelab rubric --lexicon` lists them all)") from None
    if fam.kind == "table":
        try:
            return _entries(value, where, "", allow_empty=True)
        except LexiconError:
            name, forms = fam.entries[0]
            raise LexiconError(f"{where} must be a table of names and their short forms, e.g. "
                               f"[lexicon.\"{fid}\"] then \"{name}\" = [\"{forms[0]}\"]") from None
    noun = "words" if fam.kind == "words" else "regular expressions"
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(f"{where} must be a list of {noun} in quotes, e.g. [\"{fam.items[0]}\"] "
                           "(an empty list [] turns the family off)")
    if fam.kind == "patterns":
        for item in value:
            try:
                re.compile(item, re.IGNORECASE)
            except re.error as err:
                raise LexiconError(f"{where}: {item!r} is not a valid regular expression ({err})") from None
    return tuple(value)


def combine(fid: str, before: tuple, added: tuple) -> tuple:
    """A family's items with a rubric's additions ([extend.lexicon]): new words after the old, a
    table's forms added to the entry of the same name (or a new entry)."""
    if file_family(fid).kind != "table":
        return tuple(dict.fromkeys(before + added))
    table = dict(before)
    for name, forms in added:
        table[name] = tuple(dict.fromkeys(table.get(name, ()) + forms))
    return tuple(table.items())


@cache
def file_family(fid: str) -> Family:
    """The family with this id as its file has it (no rubric change)."""
    path = LEXICON_DIR / (fid.split(".", 1)[0] + ".toml")
    if "." not in fid or not path.is_file():
        raise LexiconError(f"no lexicon family {fid!r}: ids are <file>.<name>, files are in {LEXICON_DIR}")
    found = load_file(path).get(fid)
    if found is None:
        raise LexiconError(f"{path.name}: has no family [{fid}]; it has {', '.join(load_file(path))}")
    _FILE_FAMILIES[fid] = found
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


def listing() -> str:
    """Every family as a rubric's ``[lexicon]`` table would write it, with what it is for (TOML)."""
    import json

    lines = ["# The word lists a rubric can change. Copy a line under [lexicon] to replace that list,",
             "# or under [extend.lexicon] with only your new entries to add to it; [] turns it off.", ""]
    tables = [f for f in families() if f.kind == "table"]
    for fam in families():
        if fam.kind == "table":
            continue
        kind = "words" if fam.kind == "words" else "patterns (regular expressions)"
        lines.append(f"# {fam.description} Checks: {', '.join(fam.criteria)}. Holds {kind}.")
        items = ", ".join(json.dumps(i, ensure_ascii=False) if fam.kind == "words" else _toml_literal(i)
                          for i in fam.items)
        lines += [f'"{fam.id}" = [{items}]', ""]
    for fam in tables:
        lines += [f"# {fam.description} Checks: {', '.join(fam.criteria)}. A table: a name and its short forms;",
                  "# under [extend.lexicon.\"...\"] only the names you add or give more forms.",
                  f'[lexicon."{fam.id}"]']
        lines += [f"{json.dumps(name, ensure_ascii=False)} = [{', '.join(json.dumps(f, ensure_ascii=False) for f in forms)}]"
                  for name, forms in fam.entries]
        lines.append("")
    return "\n".join(lines)


def _toml_literal(pattern: str) -> str:
    """A pattern as a TOML string that needs no escaping when it can (a literal string)."""
    import json

    if "'" not in pattern and "\n" not in pattern:
        return f"'{pattern}'"
    if "'''" not in pattern and "\n" not in pattern and not pattern.endswith("'"):
        return f"'''{pattern}'''"
    return json.dumps(pattern, ensure_ascii=False)


__all__ = ["listing", "Family", "LexiconError", "LEXICON_DIR", "active_changes", "check_change", "enter", "families",
           "family", "file_family", "files", "leave", "load_file", "parse", "using"]
