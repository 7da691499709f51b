"""The class dashboard notebook, as an advisor meets it: it opens with what to do, its setup is
hidden, and it runs to the end on a hostile export (wrong encoding, empty rows, HTML in the
answers) without an error and without unescaped student markup. (nbval runs it on the sample
class: notebooks/ is in the test paths.)"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parents[1]
NOTEBOOK = REPO / "notebooks" / "class-dashboard.ipynb"
SAMPLE_LINE = "ANSWERS = dashboard.sample_class_path()"


def run_on(nbclient, answers: Path, tmp_path: Path) -> str:
    """Run the notebook with Step 1's ANSWERS set to `answers`, in tmp_path; its HTML outputs."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code" and SAMPLE_LINE in cell.source:
            cell.source = cell.source.replace(SAMPLE_LINE, f"ANSWERS = {str(answers)!r}")
    env_path = os.environ.get("PYTHONPATH", "")
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO / "src"), env_path) if p)
    try:
        nbclient.NotebookClient(nb, timeout=120, kernel_name="python3",
                                resources={"metadata": {"path": str(tmp_path)}}).execute()
    finally:
        os.environ["PYTHONPATH"] = env_path
    html = "".join(str(out.get("data", {}).get("text/html", "")) for c in nb.cells if c.cell_type == "code"
                   for out in c.get("outputs", []))
    return html


def test_first_cell_says_what_to_do_and_setup_is_hidden():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    first, setup = nb.cells[0], nb.cells[1]
    assert first.cell_type == "markdown" and "**What to do:**" in first.source
    assert setup.cell_type == "code" and setup.source.startswith("# Setup")
    assert setup.metadata.get("jupyter", {}).get("source_hidden") is True
    assert any(SAMPLE_LINE in c.source for c in nb.cells if c.cell_type == "code")


def test_notebook_runs_on_a_hostile_export(tmp_path):
    nbclient = pytest.importorskip("nbclient")
    buffer = io.StringIO()
    w = csv.writer(buffer)
    w.writerow(["Nom <b>", "Before or after?", "Your note", "May we show it?"])
    for i in range(40):
        w.writerow([f"Élodie <img src=x onerror=alert({i})>", "Before", "<script>alert(1)</script> café", "Oui"])
        w.writerow([f"Élodie <img src=x onerror=alert({i})>", "After",
                    "Hi Dana, your post on career fairs helped me. Could I ask how you moved into recruiting? "
                    "Merci <script>alert(2)</script>", "yes"])
        w.writerow(["", "", "", ""])
    hostile = tmp_path / "hostile.csv"
    hostile.write_bytes(buffer.getvalue().encode("cp1252"))
    html = run_on(nbclient, hostile, tmp_path)
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html            # the examples show the notes, escaped
    assert "Élodie" not in html                # and no names
    assert "40 rows with a problem" in html    # the empty rows are listed
    assert (tmp_path / "invitelab-class-report" / "summary.pdf").exists()  # beside the input, not in notebooks/


def test_notebook_runs_on_a_folder_of_drafts_files(tmp_path):
    """Step 1 given a folder of students' drafts files (one downloaded twice, one not a CSV)."""
    nbclient = pytest.importorskip("nbclient")
    from invitelab import score
    from invitelab.widgets.drafts import Draft, drafts_to_csv

    folder = tmp_path / "class-drafts"
    folder.mkdir()
    texts = ["I'd like to add you to my professional network on LinkedIn.",
             "Hi Dana, your post on career fairs helped me. Could I ask how you moved into recruiting? Thanks"]
    for student in ("Nia Okafor", "Bo Pym"):
        items = [Draft.from_result(k + 1, t, score(t), recipient_id="dana-whitfield", sender_id="", limit=300,
                                   student=student, saved_at=f"2026-12-07T10:0{k}:00-05:00")
                 for k, t in enumerate(texts)]
        slug = student.lower().replace(" ", "-")
        (folder / f"invitelab-drafts-{slug}.csv").write_text("\ufeff" + drafts_to_csv(items), encoding="utf-8")
    (folder / "invitelab-drafts-bo-pym (1).csv").write_bytes((folder / "invitelab-drafts-bo-pym.csv").read_bytes())
    (folder / "roster.xlsx").write_bytes(b"PK\x03\x04 a workbook")
    html = run_on(nbclient, folder, tmp_path)
    assert "roster.xlsx" in html and "Excel workbook" in html  # the stray file, listed for the advisor
    assert "read once" in html                                 # the second download, not counted twice
    assert "2 students handed in 4 invitation notes" in html
    assert "first draft counts as &#x27;before&#x27;" in html
    report = tmp_path / "invitelab-class-report"               # beside the folder
    assert (report / "summary.pdf").exists() and not (folder / "invitelab-class-report").exists()
    assert "Nia" not in (report / "summary.html").read_text(encoding="utf-8")
