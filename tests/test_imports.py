"""What `import invitelab` and `invitelab check` load (issue 7, deliverable 6: import < 60 ms,
`invitelab check` < 150 ms; benchmarks/bench_engine.py prints the times).

The public names are loaded on first use (PEP 562), and the command line imports a sub-command's
modules only when it runs; these tests pin that, each in a fresh Python process.
"""
from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import invitelab

SRC = Path(__file__).resolve().parents[1] / "src"

# Optional, heavy packages (notebooks, batch tools, the book, grading, slides) and the package's own
# sub-packages for those jobs: none of them may be loaded by `import invitelab` or by a check.
HEAVY = ("ipywidgets", "IPython", "pandas", "numpy", "matplotlib", "nbformat", "nbclient", "jupyter_client",
         "weasyprint", "playwright", "sphinx", "invitelab.widgets", "invitelab.grading", "invitelab.workshop",
         "invitelab.browser", "invitelab.simulation", "invitelab.book.anatomy")

PUBLIC = ("score", "load_profiles", "profile_from_dict", "Profile", "Result", "Finding", "CRITERIA",
          "CRITERION_IDS", "LEVELS", "LEVEL_DESCRIPTIONS", "default_rubric", "load_rubric", "Rubric",
          "RubricError", "ProfileError", "Criterion", "Education", "Experience", "decide_level", "kitdata")


def modules_after(code: str) -> list[str]:
    """The modules loaded by `code` in a fresh interpreter that sees this checkout's src/."""
    probe = f"import json, sys\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, f"{code!r} failed:\n{out.stderr[-2000:]}"
    return json.loads(out.stdout.strip().splitlines()[-1])


def heavy(modules: list[str]) -> list[str]:
    return [m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY)]


def test_import_invitelab_loads_nothing_heavy_and_not_even_the_engine():
    loaded = modules_after("import invitelab")
    assert heavy(loaded) == []
    assert [m for m in loaded if m.startswith("invitelab.")] == []  # the engine waits for its first use
    assert "typing" not in loaded and "dataclasses" not in loaded


def test_a_check_loads_the_engine_but_nothing_heavy_nor_other_commands():
    loaded = modules_after(
        "import io, contextlib\nfrom invitelab.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['check', 'Hi Dana, thanks!', '--to', 'dana-whitfield']) == 0")
    assert "invitelab.engine" in loaded
    assert heavy(loaded) == []
    assert "invitelab.batch" not in loaded  # `invitelab score` only


def test_a_check_parses_no_toml_once_the_parsed_files_are_kept():
    """The default rubric and the lexicon files are read from their parsed copies in __pycache__
    (written by the first run), so a check neither imports tomllib nor parses TOML."""
    code = ("import io, contextlib\nfrom invitelab.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    assert main(['check', 'Hi Dana, I am a junior at Ohio State. Thanks!', '--to', 'dana-whitfield']) == 0")
    modules_after(code)  # writes the parsed copies, if the checkout's __pycache__ can be written
    if not (SRC / "invitelab" / "__pycache__").is_dir():
        pytest.skip("src/invitelab/__pycache__ cannot be written here")
    assert "tomllib" not in modules_after(code)


def test_the_heavy_list_is_really_checked():
    """The probe sees an optional package when something does load it (so the tests above can fail)."""
    pytest.importorskip("ipywidgets")
    assert "ipywidgets" in heavy(modules_after("import invitelab.widgets"))


@pytest.mark.parametrize("name", PUBLIC)
def test_every_public_name_imports_first_in_a_fresh_process(name):
    code = (f"from invitelab import {name}\nimport invitelab\n"
            f"assert invitelab.{name} is {name}\nassert {name!r} in dir(invitelab)")
    modules_after(code)  # fails with the traceback if not


def test_public_names_match_the_eager_ones():
    """The lazy names are the objects their modules define (not copies), and __all__ lists them."""
    from invitelab import engine, findings, profiles, rubric

    for name in invitelab.__all__:
        source = next(m for m in (engine, findings, profiles, rubric) if hasattr(m, name))
        assert getattr(invitelab, name) is getattr(source, name), name
    assert set(PUBLIC) - {"kitdata"} <= set(invitelab.__all__)


def test_an_unknown_name_is_an_attribute_error():
    assert not hasattr(invitelab, "no_such_name")
    with pytest.raises(ImportError):
        exec("from invitelab import no_such_name", {})


def _first_level_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules([str(SRC / "invitelab")], "invitelab.")
                  if m.name != "invitelab.__main__")


# invitelab.rubric imports the engine (for the criterion ids) and the engine's scoring imports the
# rubric only inside score() and under TYPE_CHECKING, so either may be imported first; this runs
# invitelab.rubric first too (it was an engine <-> rubric import cycle).
@pytest.mark.parametrize("module", _first_level_modules())
def test_each_module_imports_first_in_a_fresh_process(module):
    modules_after(f"import {module}")


def test_the_command_line_still_lists_every_command(capsys):
    """`invitelab check` builds only check's parser; help and a mistyped command see them all."""
    from invitelab.cli import main

    assert main([]) == 2
    listed = capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["chek", "Hi"])
    choices = capsys.readouterr().err
    for command in ("check", "score", "profiles", "rubric", "grade", "exercises", "slides", "handouts"):
        assert command in listed and f"'{command}'" in choices
