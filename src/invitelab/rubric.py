"""The rubric as data: weights, the character limit and phrase lists, read from TOML.

The default rubric is ``rubric.toml`` beside this module. An instructor's file may contain only
the parts it changes; everything else keeps the default. Its ``[lexicon]`` table replaces the
words or patterns of any lexicon family (``engine/lexicon/*.toml``) and ``[extend.lexicon]`` adds
to them; an empty list turns that family off. Errors are one friendly line
(:class:`RubricError`), naming the file and the key.
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .engine.criteria import CRITERION_IDS  # the single source of criterion ids

PHRASE_LISTS = (
    "sign_offs",
    "thanks",
    "pleasantries",
    "default_texts",
    "placeholders",
    "text_speak",
    "acronyms",
    "hard_asks",
    "vague_purposes",
    "non_purposes",
)

DEFAULT_RUBRIC_PATH = Path(__file__).with_name("rubric.toml")
_TOP_KEYS = {"version", "limit", "warn_above", "weights", "bands", "phrases", "extend", "lexicon"}
LEVEL_ORDER = ("generic", "developing", "personalized", "exemplary")
DEFAULT_BANDS = ((0.0, 29.0), (30.0, 59.0), (60.0, 84.0), (85.0, 100.0))


class RubricError(ValueError):
    """A rubric file that cannot be used; the message is one line for a person to read."""


@dataclass(frozen=True, eq=False)
class Rubric:
    """Weights, limit and phrase lists. Frozen; hashed by identity, so compiled patterns are cached
    per rubric object cheaply."""

    limit: int = 300
    warn_above: int = 200
    weights: tuple[tuple[str, float], ...] = ()
    phrases: tuple[tuple[str, tuple[str, ...]], ...] = ()
    source: str = field(default="default", compare=False)
    bands: tuple[tuple[float, float], ...] = DEFAULT_BANDS  # (low, high) per level, in LEVEL_ORDER
    # lexicon families this rubric changes: (family id, its words or patterns), in file order;
    # read with engine.lexicon.family(fid, rubric)
    lexicon: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def band(self, level: str) -> tuple[float, float]:
        return self.bands[LEVEL_ORDER.index(level)]

    def weight(self, criterion: str) -> float:
        for key, value in self.weights:
            if key == criterion:
                return value
        raise KeyError(criterion)

    def phrase_list(self, name: str) -> tuple[str, ...]:
        return dict(self.phrases)[name]

    def with_limit(self, limit: int | None) -> Rubric:
        if limit is None or limit == self.limit:
            return self
        return _with_limit(self, _check_limit(limit, "limit"))


@lru_cache(maxsize=64)
def _with_limit(rubric: Rubric, limit: int) -> Rubric:
    """The same rubric with another limit (cached, so its compiled patterns are reused)."""
    return Rubric(limit=limit, warn_above=rubric.warn_above, weights=rubric.weights,
                  phrases=rubric.phrases, source=rubric.source, bands=rubric.bands, lexicon=rubric.lexicon)


def _shown(value: Any) -> str:
    """A value as the error shows it: short, on one line."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**30:
        return "a number with too many digits"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _check_limit(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise RubricError(f"{where} must be a whole number of characters, at least 1 (got {_shown(value)})")
    return value


def _build(data: Mapping[str, Any], base: Rubric | None, source: str) -> Rubric:
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise RubricError(
            f"{source}: unknown key {sorted(unknown)[0]!r}; a rubric has {', '.join(sorted(_TOP_KEYS))}"
        )
    version = data.get("version", 1)
    if version != 1:
        raise RubricError(f"{source}: version {version!r} is not supported (this engine reads version 1)")
    limit = _check_limit(data.get("limit", base.limit if base else 300), f"{source}: limit")
    warn = _check_limit(data.get("warn_above", base.warn_above if base else 200), f"{source}: warn_above")

    weights = dict(base.weights) if base else {}
    raw_weights = data.get("weights", {})
    if not isinstance(raw_weights, Mapping):
        raise RubricError(f"{source}: [weights] must be a table of criterion = number")
    for key, value in raw_weights.items():
        if key not in CRITERION_IDS:
            raise RubricError(
                f"{source}: [weights] has unknown criterion {key!r}; known: {', '.join(CRITERION_IDS)}"
            )
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise RubricError(f"{source}: weight of {key} must be a number >= 0 (got {_shown(value)})")
        try:
            number = float(value)
        except OverflowError:
            number = math.inf
        if not math.isfinite(number):
            raise RubricError(f"{source}: weight of {key} must be a finite number (got {_shown(value)})")
        weights[key] = number
    missing = [c for c in CRITERION_IDS if c not in weights]
    if missing:
        raise RubricError(f"{source}: [weights] is missing {', '.join(missing)}")
    if sum(weights.values()) <= 0:
        raise RubricError(f"{source}: at least one weight must be above 0")
    if not math.isfinite(sum(weights.values())):
        raise RubricError(f"{source}: the weights add up to more than a number can hold; use small numbers "
                          "(the default weights add up to 100)")

    bands = _check_bands(data.get("bands", {}), base.bands if base else DEFAULT_BANDS, source)

    phrases = {k: list(v) for k, v in (base.phrases if base else ())}
    for section, replace in (("phrases", True), ("extend", False)):
        raw = data.get(section, {})
        if not isinstance(raw, Mapping):
            raise RubricError(f"{source}: [{section}] must be a table of name = list of phrases")
        for key, value in raw.items():
            if section == "extend" and key == "lexicon":
                continue  # [extend.lexicon]: read below
            if key not in PHRASE_LISTS:
                raise RubricError(
                    f"{source}: [{section}] has unknown list {key!r}; known: {', '.join(PHRASE_LISTS)}"
                )
            if not isinstance(value, list) or not all(isinstance(p, str) and p.strip() for p in value):
                raise RubricError(f"{source}: [{section}].{key} must be a list of non-empty strings")
            phrases[key] = list(value) if replace else phrases.get(key, []) + list(value)
    missing = [p for p in PHRASE_LISTS if p not in phrases]
    if missing:
        raise RubricError(f"{source}: [phrases] is missing {', '.join(missing)}")
    return Rubric(
        limit=limit,
        warn_above=warn,
        weights=tuple((c, weights[c]) for c in CRITERION_IDS),
        phrases=tuple((p, tuple(phrases[p])) for p in PHRASE_LISTS),
        source=source,
        bands=bands,
        lexicon=_lexicon_changes(data, base, source),
    )


def _flat(table: Mapping[str, Any], tables: frozenset[str], prefix: str = "") -> list[tuple[str, Any]]:
    """Family ids and values of a [lexicon] table, written quoted ("facts.occupations" = [...]) or
    as dotted keys (facts.occupations = [...], which TOML reads as nested tables); the value of a
    table family (`tables`) is itself a table."""
    out = []
    for key, value in table.items():
        fid = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(value, Mapping) and fid not in tables:
            out += _flat(value, tables, fid)
        else:
            out.append((fid, value))
    return out


def _lexicon_changes(data: Mapping[str, Any], base: Rubric | None,
                     source: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """[lexicon] (replace a family's words or patterns) and [extend.lexicon] (add to them)."""
    changes = dict(base.lexicon) if base else {}
    extend = data.get("extend", {})
    for section, raw in (("lexicon", data.get("lexicon", {})),
                         ("extend.lexicon", extend.get("lexicon", {}) if isinstance(extend, Mapping) else {})):
        if not isinstance(raw, Mapping):
            raise RubricError(f"{source}: [{section}] must be a table of \"family id\" = list of words")
        if not raw:
            continue
        from .engine import lexicon  # read only when a rubric changes the lexicon

        for fid, value in _flat(raw, lexicon.table_ids()):
            try:
                items = lexicon.check_change(fid, value, f"{source}: [{section}] \"{fid}\"")
            except lexicon.LexiconError as err:
                raise RubricError(str(err)) from None
            if section == "lexicon":
                changes[fid] = items
            else:
                changes[fid] = lexicon.combine(fid, changes.get(fid, lexicon.file_family(fid).items), items)
    return tuple(changes.items())


def _check_bands(raw: Any, base: tuple[tuple[float, float], ...], source: str) -> tuple[tuple[float, float], ...]:
    """[bands]: level = [low, high], in level order, inside 0-100, not overlapping."""
    if not isinstance(raw, Mapping):
        raise RubricError(f"{source}: [bands] must be a table of level = [low, high]")
    bands = dict(zip(LEVEL_ORDER, base))
    for key, value in raw.items():
        if key not in LEVEL_ORDER:
            raise RubricError(f"{source}: [bands] has unknown level {key!r}; known: {', '.join(LEVEL_ORDER)}")
        if (not isinstance(value, list) or len(value) != 2
                or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
                or not all(math.isfinite(v) for v in value)):
            raise RubricError(f"{source}: band of {key} must be two numbers [low, high] (got {value!r})")
        low, high = float(value[0]), float(value[1])
        if not 0 <= low <= high <= 100:
            raise RubricError(f"{source}: band of {key} must satisfy 0 <= low <= high <= 100 (got {value!r})")
        bands[key] = (low, high)
    ordered = [bands[level] for level in LEVEL_ORDER]
    for (lower, (_, high)), (upper, (low, _)) in zip(zip(LEVEL_ORDER, ordered), zip(LEVEL_ORDER[1:], ordered[1:])):
        if low <= high:
            raise RubricError(f"{source}: band of {upper} must start above the band of {lower} (ends at {high:g})")
    return tuple(ordered)


@lru_cache(maxsize=1)
def default_rubric() -> Rubric:
    """The rubric shipped with the package (its parsed TOML kept in ``__pycache__`` as the lexicon
    files' is, so that a process's first check neither imports tomllib nor parses the file)."""
    from .engine.lexicon import LexiconError, _read

    try:
        data = _read(DEFAULT_RUBRIC_PATH)
    except LexiconError as error:
        raise RubricError(f"default rubric: {error}") from None
    return _build(data, None, "default rubric")


def load_rubric(path: str | Path) -> Rubric:
    """Read an instructor's rubric file (TOML, or JSON with the same keys) over the default."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise RubricError(f"{path}: cannot read the rubric file ({error.strerror or error})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RubricError(f"{path}: the rubric file is not UTF-8 text") from None
    import tomllib

    try:
        if path.suffix.lower() == ".json":
            import json

            data = json.loads(text)
        else:
            data = tomllib.loads(text)
    except RecursionError:
        raise RubricError(f"{path}: nested too deeply to read (a rubric is a few flat tables)") from None
    except ValueError as error:  # tomllib.TOMLDecodeError and json.JSONDecodeError
        kind = "JSON" if path.suffix.lower() == ".json" else "TOML"
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        if "integer string conversion" in message:
            message = "a number has more than 4,300 digits"
        raise RubricError(f"{path}: not valid {kind}: {message}") from None
    if not isinstance(data, Mapping):
        raise RubricError(f"{path}: a rubric must be a table of settings")
    return _build(data, default_rubric(), str(path))


def rubric_from_mapping(data: Mapping[str, Any], source: str = "rubric") -> Rubric:
    """Build a rubric from a dict laid out like the TOML file, over the default."""
    return _build(data, default_rubric(), source)
