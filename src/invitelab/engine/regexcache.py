"""Regular expressions compiled once per machine, not once per process.

Compiling the engine's phrase lists (large alternations of words) is most of a process's first
check: Python's ``re`` parses and compiles each pattern in Python code. :func:`compile` gives the
same :class:`re.Pattern` as ``re.compile`` (equal to it: same pattern, flags and compiled code),
but keeps each pattern's compiled code, as Python keeps a module's bytecode, in
``__pycache__/regex.<python>.cache`` (marshal) beside this module, so that the next process hands
the code straight to the regular-expression engine. The cache is written when a process that
compiled something new ends; it is used only by the same Python (its version and the ``re``
engine's magic number), never written when Python writes no bytecode, and ignored when it cannot
be read or written. Anything unexpected falls back to ``re.compile``.

Standard library only (``re`` and its ``_sre`` engine, ``marshal``).
"""
from __future__ import annotations

import re
import sys

try:  # re's own compiler and engine (CPython); without them this is plain re.compile
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another Python
    _sre = _compiler = _parser = None

_FORMAT = 1
_MAX_ENTRIES = 1000  # the engine has a few hundred; rubrics add their own; past this the cache starts afresh
_KEY = (_FORMAT, sys.version, getattr(_sre, "MAGIC", None), getattr(_sre, "CODESIZE", None))

_stored: dict | None = None  # (source, flags) -> the arguments of _sre.compile after the source
_new: dict = {}  # compiled in this process, to add to the file at exit


def _path():
    from pathlib import Path

    return Path(__file__).parent / "__pycache__" / f"regex.{sys.implementation.cache_tag}.cache"


def _load() -> dict:
    global _stored
    stored: dict = {}
    try:
        import marshal

        with open(_path(), "rb") as handle:
            key, data = marshal.load(handle)
        if key == _KEY and isinstance(data, dict):
            stored = data
    except (OSError, EOFError, ValueError, TypeError):
        pass
    _stored = stored
    return stored


def _arguments(source: str, flags: int) -> tuple:
    """What re's compiler hands to the engine for this pattern (re._compiler.compile, step by step)."""
    parsed = _parser.parse(source, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # plain ints (marshal reads no int subclass)
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (flags | parsed.state.flags, code, parsed.state.groups - 1, dict(groupindex), tuple(indexgroup))


def compile(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)`` for a str pattern, with its compiled code kept between processes."""
    flags = int(flags)
    if _sre is None or not isinstance(source, str) or flags & re.DEBUG:
        return re.compile(source, flags)
    stored = _stored if _stored is not None else _load()
    key = (source, flags)
    arguments = stored.get(key)
    if arguments is not None:
        try:
            return _sre.compile(source, *arguments)
        except Exception:  # a cache that does not fit this Python: compile afresh
            pass
    try:
        arguments = _arguments(source, flags)
        compiled = _sre.compile(source, *arguments)
    except re.error:
        raise
    except Exception:  # re's internals changed: the public way
        return re.compile(source, flags)
    if not _new:
        import atexit

        atexit.register(_save)
    _new[key] = arguments
    return compiled


def _save() -> None:
    """Add this process's new patterns to the cache file (at exit; never when Python writes no bytecode)."""
    if not _new or sys.dont_write_bytecode:
        return
    try:
        import marshal
        import os

        path = _path()
        data = dict(_load())  # with what other processes added meanwhile
        if len(data) + len(_new) > _MAX_ENTRIES:
            data = {}
        data.update(_new)
        path.parent.mkdir(exist_ok=True)
        temp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temp.write_bytes(marshal.dumps((_KEY, data)))
        os.replace(temp, path)
        _new.clear()
    except (OSError, ValueError):
        pass
