"""The engine's layout: one module per criterion, registered in one list, none importing another;
each criterion a small judge of the Reading alone, with its knowledge in the lexicon."""
import ast
import inspect
import re
from pathlib import Path

import invitelab
from invitelab import rubric
from invitelab.engine import criteria
from invitelab.widgets import drafts

CRITERIA_DIR = Path(criteria.__file__).parent
ENGINE_DIR = CRITERIA_DIR.parent
# A criterion module is its judge (a function of the Reading that turns what the reading found into
# a Finding: the words of the verdict), its record and its examples; the reading itself lives in the
# engine's reading modules. The longest today (common_ground) is 65 lines.
MAX_CRITERION_LINES = 70

MODULES = sorted(p for p in CRITERIA_DIR.glob("*.py") if p.name != "__init__.py")
NAMES = {p.stem for p in MODULES}


def imported_modules(source: str) -> set[str]:
    """Every module a criterion module's source imports, as an absolute dotted name (relative
    imports resolved from ``invitelab.engine.criteria``)."""
    package = ["invitelab", "engine", "criteria"]
    out = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            out.add(module)
            out.update(f"{module}.{alias.name}" for alias in node.names)  # "from . import greeting"
    return out


def test_one_module_per_criterion_and_one_registry():
    assert NAMES == set(invitelab.CRITERION_IDS)
    assert tuple(c.id for c in criteria.CRITERIA) == invitelab.CRITERION_IDS
    for path in MODULES:
        module = __import__(f"invitelab.engine.criteria.{path.stem}", fromlist=["CRITERION"])
        assert module.CRITERION.id == path.stem, path.name
        assert module.CRITERION in criteria.CRITERIA


def test_no_criterion_module_imports_another():
    for path in MODULES:
        others = {f"invitelab.engine.criteria.{name}" for name in NAMES - {path.stem}}
        bad = imported_modules(path.read_text(encoding="utf-8")) & (others | {"invitelab.engine.criteria"})
        assert not bad, f"{path.name} imports {sorted(bad)}: move the shared helper to invitelab/engine/"


def test_the_import_parser_sees_relative_imports():
    # The check above must be able to fail: a sibling import, written either way, is seen.
    found = imported_modules((CRITERIA_DIR / "greeting.py").read_text(encoding="utf-8"))
    assert "invitelab.engine.reading" in found
    seen = imported_modules("from . import tone\nfrom .purpose import check_purpose\n"
                            "from invitelab.engine.criteria import length\n")
    assert {"invitelab.engine.criteria.tone", "invitelab.engine.criteria.purpose",
            "invitelab.engine.criteria.length"} <= seen


def test_criterion_ids_have_one_source():
    assert rubric.CRITERION_IDS is criteria.CRITERION_IDS
    assert drafts.CRITERIA_IDS is criteria.CRITERION_IDS
    assert invitelab.CRITERION_IDS is criteria.CRITERION_IDS


def test_old_module_paths_are_gone():
    src = Path(invitelab.__file__).parent
    for name in ("rules.py", "facts.py", "text.py", "shortforms.py", "engine.py", "examples.py"):
        assert not (src / name).exists(), f"{name} should live in invitelab/engine/ now"


def test_every_judge_takes_only_the_reading():
    from invitelab.engine.reading import Reading

    for c in criteria.CRITERIA:
        params = list(inspect.signature(c.judge).parameters.values())
        assert len(params) == 1, f"{c.id}: its judge takes {len(params)} arguments; it takes the Reading alone"
        assert params[0].annotation in ("Reading", Reading), f"{c.id}: its judge's argument is not the Reading"


def test_criterion_modules_are_small_and_hold_no_word_lists_or_patterns():
    for path in MODULES:
        source = path.read_text(encoding="utf-8")
        lines = source.count("\n")
        assert lines <= MAX_CRITERION_LINES, f"{path.name} has {lines} lines; move its reading into engine/"
        found = imported_modules(source)
        assert not found & {"re", "invitelab.engine.patterns", "invitelab.engine.lexicon"}, \
            f"{path.name} compiles patterns or reads families itself: put the knowledge in lexicon/*.toml " \
            "and read it in a reading module (Reading.lex)"
        assert "frozenset(" not in source and "lazy_compile(" not in source, path.name


def test_no_hidden_per_note_cache():
    for path in sorted(ENGINE_DIR.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        assert "_memo" not in source and not re.search(r"\bmemo\(", source), \
            f"{path.relative_to(ENGINE_DIR)} keeps a per-note cache: hold the value on the Reading instead"


def test_the_layout_checks_can_fail():
    assert imported_modules("import re\nfrom ..patterns import lazy_compile\n") >= {"re", "invitelab.engine.patterns"}
    assert not re.search(r"\bmemo\(", "remember(x)") and re.search(r"\bmemo\(", "memo(note, 'k', f)")
