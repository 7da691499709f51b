"""The engine imports only the standard library (so it starts fast and runs in Pyodide)."""
import subprocess
import sys

ENGINE = ["invitelab", "invitelab.engine", "invitelab.rules", "invitelab.facts", "invitelab.text",
          "invitelab.shortforms", "invitelab.rubric", "invitelab.profiles", "invitelab.findings",
          "invitelab.batch", "invitelab.cli", "invitelab.kitdata", "invitelab.evaluate"]

CODE = """
import sys
before = set(sys.modules)
import {modules}
from invitelab import score
from invitelab.examples import DANA
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
