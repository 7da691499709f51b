"""Collect the engine's source for the browser, at book-build time, so it cannot drift.

Which files: every module of the ``invitelab`` package whose imports, when the module is
imported, are the standard library or the package itself, plus every data file (``rubric.toml``,
``data/*``, any ``.toml``/``.json``/``.txt``) in the folders kept. No module list is written
down here: the engine's modules may move (into sub-packages, say) and the bundle follows.
Left out: sub-packages for other jobs (``widgets``, ``grading``, ``workshop``) and any module
that imports a package outside the standard library (pandas, ipywidgets...), or imports one that
is left out. Imports inside functions run only when called and do not count; neither do
``try: import x / except ImportError`` blocks (optional extras) or ``if TYPE_CHECKING:`` blocks.

Standard library only (it runs inside the Sphinx build and is tested on its own).
"""
from __future__ import annotations

import ast
import hashlib
import json
import sys
from pathlib import Path

PACKAGE = "invitelab"
PACKAGE_DIR = Path(__file__).resolve().parents[1]
# Sub-packages that serve notebooks, grading and workshops, not the checker.
SKIP_DIRS = {"widgets", "grading", "workshop", "__pycache__"}
SKIP_SUFFIXES = {".pyc", ".pyo"}
STDLIB = set(sys.stdlib_module_names)
# Standard-library modules the Pyodide build leaves out (they need extra downloads); a module
# that needs one at import time cannot run in the page.
NOT_IN_PYODIDE = {"ssl", "sqlite3", "lzma", "_hashlib", "tkinter", "turtle", "curses",
                  "readline", "dbm", "multiprocessing", "venv", "ensurepip", "idlelib"}


class BundleError(Exception):
    """The engine cannot be bundled for the browser (named module, plain reason)."""


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _guards_import_error(node: ast.Try) -> bool:
    for handler in node.handlers:
        names = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
        if any(isinstance(n, ast.Name) and n.id in ("ImportError", "ModuleNotFoundError")
               for n in names):
            return True
    return False


def import_time_imports(tree: ast.Module, module: str, is_package: bool) -> set[str]:
    """Absolute names of the modules a module imports when it is imported."""
    found: set[str] = set()
    package_parts = module.split(".") if is_package else module.split(".")[:-1]

    def visit(statements):
        for node in statements:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package_parts[: len(package_parts) - node.level + 1]
                    prefix = ".".join(base + ([node.module] if node.module else []))
                    if node.module:
                        found.add(prefix)
                    # `from . import x` may name a module as well as an attribute
                    found.update(f"{prefix}.{a.name}" for a in node.names)
                    found.add(prefix)
                elif node.module:
                    found.add(node.module)
                    found.update(f"{node.module}.{a.name}" for a in node.names)
            elif isinstance(node, ast.If):
                if not _is_type_checking(node.test):
                    visit(node.body)
                visit(node.orelse)
            elif isinstance(node, ast.Try):
                if not _guards_import_error(node):
                    visit(node.body)
                for handler in node.handlers:
                    visit(handler.body)
                visit(node.orelse)
                visit(node.finalbody)
            elif isinstance(node, (ast.ClassDef, ast.With, ast.For, ast.While)):
                visit(node.body)
    visit(tree.body)
    return found


def _module_name(path: Path, root: Path) -> tuple[str, bool]:
    rel = path.relative_to(root.parent).with_suffix("")
    parts = list(rel.parts)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts = parts[:-1]
    return ".".join(parts), is_package


def engine_files(package_dir: Path = PACKAGE_DIR) -> dict[str, str]:
    """``{"invitelab/...": text}`` for every file the browser needs, sorted by path."""
    package_dir = Path(package_dir)
    candidates: dict[str, tuple[Path, set[str]]] = {}
    data_files: list[Path] = []
    for path in sorted(package_dir.rglob("*")):
        rel = path.relative_to(package_dir)
        if not path.is_file() or SKIP_DIRS & set(rel.parts[:-1]) or path.suffix in SKIP_SUFFIXES:
            continue
        if path.suffix != ".py":
            data_files.append(path)
            continue
        module, is_package = _module_name(path, package_dir)
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        except (SyntaxError, UnicodeDecodeError) as err:
            raise BundleError(f"{path}: cannot be read as Python ({err})") from err
        candidates[module] = (path, import_time_imports(tree, module, is_package))

    def outside(name: str) -> str | None:
        """Why an imported name cannot be satisfied in the page, or None if it can."""
        top = name.split(".")[0]
        if top == PACKAGE:
            return None  # checked below, against the modules kept
        if top in NOT_IN_PYODIDE:
            return f"{top} (not in Pyodide's standard library)"
        if top in STDLIB or top == "__future__":
            return None
        return f"{top} (not in the standard library)"

    kept = {m for m, (_, imports) in candidates.items()
            if not any(outside(name) for name in imports)}
    changed = True
    while changed:  # drop modules that import a dropped module of the package
        changed = False
        for module in sorted(kept):
            imports = candidates[module][1]
            missing = [n for n in imports if n.split(".")[0] == PACKAGE and n not in kept
                       and n in candidates]
            if missing:
                kept.discard(module)
                changed = True
    if PACKAGE not in kept:
        path, imports = candidates.get(PACKAGE, (package_dir / "__init__.py", set()))
        why = sorted(filter(None, (outside(n) for n in imports)))
        raise BundleError(f"{path}: the engine's package does not import with the standard "
                          f"library alone ({', '.join(why) or 'a module it needs was left out'})")
    kept_dirs = {candidates[m][0].parent for m in kept}
    out = {}
    for module in sorted(kept):
        path = candidates[module][0]
        out[path.relative_to(package_dir.parent).as_posix()] = path.read_text(encoding="utf-8")
    for path in data_files:
        if path.parent in kept_dirs or (path.parent.parent in kept_dirs and
                                        not (path.parent / "__init__.py").exists()):
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue  # binary files: the engine reads none
            out[path.relative_to(package_dir.parent).as_posix()] = text
    return dict(sorted(out.items()))


def _js_register(key: str, value) -> str:
    # json.dumps escapes quotes and control characters; "</" is split so that no file can close
    # a <script> element early (the bundle is a classic script, loaded by src, but be safe).
    payload = json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return ("(globalThis.__invitelabChecker = globalThis.__invitelabChecker || {})"
            f"[{json.dumps(key)}] = {payload};\n")


def engine_script(package_dir: Path = PACKAGE_DIR) -> tuple[str, dict]:
    """The engine bundle as a classic script, and a summary (files, bytes, digest)."""
    files = engine_files(package_dir)
    digest = hashlib.sha256(json.dumps(files, sort_keys=True).encode("utf-8")).hexdigest()[:16]
    summary = {"files": len(files), "bytes": sum(len(t.encode("utf-8")) for t in files.values()),
               "digest": digest}
    header = ("/* Generated at book-build time from src/invitelab by invitelab.browser.bundle; "
              "do not edit. */\n")
    return header + _js_register("engine", {"files": files, "digest": digest}), summary


def profiles_script(profiles_path: Path) -> str:
    """The kit's profiles (data/profiles.json) as a classic script, for the cards and pickers."""
    try:
        people = json.loads(Path(profiles_path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise BundleError(f"{profiles_path}: cannot be read as JSON ({err})") from err
    if not isinstance(people, list):
        raise BundleError(f"{profiles_path}: expected a JSON list of profiles")
    header = "/* Generated at book-build time from data/profiles.json; do not edit. */\n"
    return header + _js_register("profiles", people)
