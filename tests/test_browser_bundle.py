"""The engine bundle for the book's live checker (invitelab.browser.bundle) and its glue.

The bundle is found by reading imports with ``ast``, not from a list of module names, so that
the engine's modules can move. These tests pin what that means, on the real package and on small
made-up packages.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from invitelab import kitdata, score
from invitelab.browser import bundle, glue

SRC = Path(__file__).resolve().parents[1] / "src"


def test_bundle_holds_every_module_the_public_api_imports():
    code = ("import sys, invitelab, invitelab.browser.glue; "
            "print('\\n'.join(sorted(m for m in sys.modules if m.startswith('invitelab'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={"PYTHONPATH": str(SRC)}, check=True).stdout.split()
    files = bundle.engine_files()
    for module in out:
        parts = module.split(".")
        as_module = "/".join(parts) + ".py"
        as_package = "/".join(parts) + "/__init__.py"
        assert as_module in files or as_package in files, f"{module} is not in the bundle"
    assert "invitelab/rubric.toml" in files
    assert any(name.startswith("invitelab/data/") for name in files)


def test_bundle_leaves_out_widgets_and_non_stdlib_modules():
    files = bundle.engine_files()
    assert not [n for n in files if n.startswith(("invitelab/widgets/", "invitelab/grading/",
                                                  "invitelab/workshop/"))]
    assert all(not n.endswith((".pyc", ".pyo")) for n in files)


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "invitelab"
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_imports_are_read_with_ast(tmp_path):
    root = _package(tmp_path, {
        "__init__.py": "from .engine import score\n",
        "engine.py": "import re\nfrom .core.rules import RULES\n",
        "core/__init__.py": "",
        "core/rules.py": "RULES = ()\n",
        "core/table.toml": "x = 1\n",
        "charts.py": "import pandas\n",
        "uses_charts.py": "from . import charts\n",
        "lazy.py": "def f():\n    import pandas\n",
        "optional.py": "try:\n    import yaml\nexcept ImportError:\n    yaml = None\n",
        "typing_only.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import numpy\n",
        "widgets/__init__.py": "import ipywidgets\n",
    })
    files = bundle.engine_files(root)
    assert set(files) == {"invitelab/__init__.py", "invitelab/engine.py",
                          "invitelab/core/__init__.py", "invitelab/core/rules.py",
                          "invitelab/core/table.toml", "invitelab/lazy.py",
                          "invitelab/optional.py", "invitelab/typing_only.py"}


def test_a_package_that_needs_more_than_the_stdlib_is_a_clear_error(tmp_path):
    root = _package(tmp_path, {"__init__.py": "import numpy\n"})
    with pytest.raises(bundle.BundleError, match="numpy"):
        bundle.engine_files(root)


def test_scripts_are_json_that_cannot_close_a_script_tag(tmp_path):
    root = _package(tmp_path, {"__init__.py": "X = '</script><b>'\n"})
    script, summary = bundle.engine_script(root)
    assert "</script>" not in script
    payload = json.loads(script.split('["engine"] = ', 1)[1].rstrip().rstrip(";"))
    assert payload["files"]["invitelab/__init__.py"] == "X = '</script><b>'\n"
    assert summary["files"] == 1


def test_glue_gives_the_public_api_result():
    assert glue.setup(str(kitdata.profiles_path())) >= 2
    text = "Hi Dana, could I ask how you moved into campus recruiting? Thanks, Alex"
    people = kitdata.profiles()
    expected = score(text, recipient=people["dana-whitfield"], sender=people["alex-rivera"]).to_dict()
    got = json.loads(glue.check(text, "dana-whitfield", "alex-rivera", 300))
    assert {k: got[k] for k in expected} == json.loads(json.dumps(expected))
    assert got["level_description"]
    none = json.loads(glue.check(text, None, None, 200))
    assert none["recipient_id"] is None and none["limit"] == 200


def test_glue_names_an_unknown_profile_in_one_line():
    glue.setup(str(kitdata.profiles_path()))
    got = json.loads(glue.check("Hi", "nobody-here", None, 300))
    assert got == {"error": "no recipient profile called 'nobody-here'"}
