"""The engine imports only the standard library (so it starts fast and runs in Pyodide)."""
import importlib.util
import pkgutil
import subprocess
import sys

# Every module of the engine sub-package (found on disk, so a new criterion or reading module is covered).
_ENGINE_PATH = importlib.util.find_spec("invitelab.engine").submodule_search_locations
ENGINE_MODULES = sorted(m.name for m in pkgutil.walk_packages(_ENGINE_PATH, "invitelab.engine."))
ENGINE = ["invitelab", "invitelab.engine", *ENGINE_MODULES, "invitelab.rubric", "invitelab.profiles",
          "invitelab.findings", "invitelab.batch", "invitelab.cli", "invitelab.kitdata", "invitelab.evaluate"]

CODE = """
import sys
before = set(sys.modules)
import {modules}
from invitelab import score
from invitelab.engine.examples import DANA
score("Hi Dana, I LOVE your post!! Thanks", recipient=DANA)
new = set(sys.modules) - before
stdlib = sys.stdlib_module_names
outside = sorted(m for m in new if m.split('.')[0] not in stdlib and m.split('.')[0] != 'invitelab')
print(outside)
"""


def test_engine_uses_only_the_standard_library():
    out = subprocess.run([sys.executable, "-c", CODE.format(modules=", ".join(ENGINE))],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout
