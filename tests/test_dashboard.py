"""The class dashboard (invitelab.workshop.dashboard): column mapping for the usual form tools,
before/after, consent, bad rows (listed, never dropped), names kept out, HTML escaped, big and
badly encoded files, the one-page PDF, and its command line."""

from __future__ import annotations

import csv
import io
import re

import pytest

from invitelab import score
from invitelab.cli import main
from invitelab.workshop import dashboard as d

GOOD = ("Hi Dana, I'm a psychology junior. Your post on what you look for at career fairs helped me. "
        "Could I ask how you moved into campus recruiting? Thanks, {name}")
GENERIC = "I'd like to add you to my professional network on LinkedIn."
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def csv_bytes(header, rows, encoding="utf-8") -> bytes:
    buffer = io.StringIO()
    w = csv.writer(buffer)
    w.writerow(header)
    w.writerows(rows)
    return buffer.getvalue().encode(encoding)


def class_rows(n=4, consent="Yes"):
    rows = []
    for i in range(n):
        name = f"Zelda Quarrington{i}"
        rows.append([name, "Before", GENERIC, consent])
        rows.append([name, "After", GOOD.format(name="Zelda"), consent])
    return rows


HEADER = ["Name", "Before or after?", "Your invitation note", "May we show your note as an example?"]


# --- column mapping -------------------------------------------------------------------------

def test_google_forms_sample_is_mapped():
    roles = d.detect_mapping(d.read_export(d.sample_class_path()))
    assert sorted(roles.values()) == ["consent", "note", "round", "student", "timestamp"]


def test_microsoft_forms_headers():
    header = ["ID", "Start time", "Completion time", "Email", "Name", "Before or after the workshop?",
              "Paste your LinkedIn note here", "Can we share your note anonymously?"]
    roles = d.detect_mapping(d.read_export(csv_bytes(header, [])))
    assert roles["Name"] == "student"
    assert roles["Paste your LinkedIn note here"] == "note"
    assert roles["Before or after the workshop?"] == "round"
    assert roles["Can we share your note anonymously?"] == "consent"
    assert roles["Start time"] == "timestamp"
    assert list(roles.values()).count("student") == 1


def test_qualtrics_three_header_rows():
    data = csv_bytes(["StartDate", "ResponseId", "Q1", "Q2", "Q3"], [
        ["Start Date", "Response ID", "Your name", "Is this before or after the workshop?", "Your invitation"],
        ['{"ImportId":"startDate"}', '{"ImportId":"_recordId"}', '{"ImportId":"QID1"}', '{"ImportId":"QID2"}',
         '{"ImportId":"QID3"}'],
        ["2026-12-10 14:00", "R_1", "Zelda Q", "Before", GENERIC],
        ["2026-12-10 14:50", "R_2", "Zelda Q", "After", GOOD.format(name="Zelda")],
    ])
    export = d.read_export(data, name="qualtrics.csv")
    roles = d.detect_mapping(export)
    assert roles == {"StartDate": "timestamp", "ResponseId": "ignore", "Q1": "student", "Q2": "round", "Q3": "note"}
    report = d.build(export)
    assert [p.row for p in report.problems] == []
    assert report.notes[0].row == 4  # spreadsheet row numbers count the header rows
    assert report.figures()["pairs"] == 1


def test_canvas_student_analysis():
    header = ["name", "id", "sis_id", "section", "section_id", "submitted", "attempt",
              "123456: Write the invitation you would send", "n correct", "n incorrect", "score"]
    rows = [["Zelda Q", "1", "s1", "A", "9", "2026-12-10", "1", GENERIC, "0", "0", "0"],
            ["Zelda Q", "1", "s1", "A", "9", "2026-12-10", "2", GOOD.format(name="Zelda"), "0", "0", "0"]]
    report = d.build(csv_bytes(header, rows))
    assert report.mapping["name"] == "student" and report.mapping["attempt"] == "round"
    assert [n.round for n in report.notes] == ["before", "after"]


def test_wide_export_with_both_notes_in_a_row():
    report = d.build(csv_bytes(["Student", "Note before", "Note after"], [["Zelda", GENERIC, GOOD.format(name="Zelda")]]))
    assert report.mapping == {"Student": "student", "Note before": "note_before", "Note after": "note_after"}
    assert [(n.round, n.row) for n in report.notes] == [("before", 2), ("after", 2)]


def test_note_found_by_answer_length_when_no_title_says_so():
    report = d.build(csv_bytes(["Who", "Q7"], [["Zelda", GOOD.format(name="Zelda")]]))
    assert report.mapping["Q7"] == "note"


def test_mapping_overrides_the_guess_and_bad_mappings_are_named():
    data = csv_bytes(["Q1", "Q2", "Q3"], [["Zelda", "after", GOOD.format(name="Z")]])
    report = d.build(data, mapping={"Q1": "student", "Q2": "round", "Q3": "note"})
    assert report.notes[0].round == "after" and report.notes[0].student == "Zelda"
    with pytest.raises(d.DashboardError, match="not in"):
        d.build(data, mapping={"Q9": "note"})
    with pytest.raises(d.DashboardError, match="not a role"):
        d.build(data, mapping={"Q3": "invitation"})
    with pytest.raises(d.DashboardError, match="no column holds the notes"):
        d.build(csv_bytes(["a", "b"], [["x", "y"]]))


# --- before / after, consent -----------------------------------------------------------------

def test_before_and_after_counts_use_each_students_last_note():
    rows = class_rows(3)
    rows.append(["Zelda Quarrington0", "After", GENERIC, "Yes"])  # a later, worse draft counts instead
    report = d.build(csv_bytes(HEADER, rows))
    counts = report.level_counts()
    assert sum(counts["before"].values()) == 3 and sum(counts["after"].values()) == 3
    assert counts["before"]["generic"] == 3
    assert counts["after"]["generic"] == 1
    assert len(report.notes) == 7  # every note is scored, drafts included
    f = report.figures()
    assert f["pairs"] == 3 and f["moved_up"] == 2


def test_without_a_round_column_first_note_is_before():
    rows = [["Zelda", GENERIC], ["Zelda", GOOD.format(name="Zelda")], ["Yusra", GENERIC]]
    report = d.build(csv_bytes(["Name", "Your note"], rows))
    assert [n.round for n in report.notes] == ["before", "after", "before"]
    assert any("first note" in w for w in report.warnings)


def test_scores_are_the_engines_without_profiles():
    report = d.build(csv_bytes(HEADER, class_rows(1)))
    for n in report.notes:
        expected = score(n.text)
        assert (n.level, n.result.score) == (expected.level, expected.score)


@pytest.mark.parametrize("answer, shown", [("Yes", True), ("yes, of course", True), ("I agree", True),
                                           ("No", False), ("", False), ("Not really", False)])
def test_consent_is_honoured(answer, shown):
    report = d.build(csv_bytes(HEADER, class_rows(1, consent=answer)))
    html = report.summary_html()
    assert ("Student A" in html) is shown
    assert ("psychology junior" in html) is shown


def test_no_consent_column_shows_no_example():
    rows = [r[:3] for r in class_rows(2)]
    report = d.build(csv_bytes(HEADER[:3], rows))
    assert report.most_improved() == []
    assert "psychology junior" not in report.summary_html()
    assert any("consent" in w for w in report.warnings)


def test_most_improved_is_ordered_by_level_gain():
    rows = [["Ann Oxley", "Before", GENERIC, "Yes"], ["Ann Oxley", "After", GOOD.format(name="Ann"), "Yes"],
            ["Bo Pym", "Before", "Hi Dana, I'm a student. Could you refer me for an internship?", "Yes"],
            ["Bo Pym", "After", GOOD.format(name="Bo"), "Yes"],
            ["Cy Rudd", "Before", GOOD.format(name="Cy"), "Yes"], ["Cy Rudd", "After", GENERIC, "Yes"]]
    best = d.build(csv_bytes(HEADER, rows)).most_improved(3)
    assert [b.student for _, b, _ in best] == ["Ann Oxley", "Bo Pym"]  # Cy got worse: not shown


# --- names and escaping ----------------------------------------------------------------------

def test_no_student_name_in_summary_charts_or_alt_text():
    report = d.build(csv_bytes(HEADER, class_rows(3)))
    html = report.summary_html()
    assert "Quarrington" not in html and "Zelda" not in html
    assert "[name]" in html  # the sign-off "Thanks, Zelda" lost the name
    assert "Zelda" not in report.levels_alt() + report.missed_alt() + report.text_summary()
    named = d.build(csv_bytes(HEADER, class_rows(1)), show_names=True)
    assert "Zelda Quarrington0" in named.summary_html()


def test_student_text_is_escaped_everywhere():
    rows = [[HOSTILE, "Before", "Hi Dana, " + HOSTILE, "Yes"],
            [HOSTILE, "After", GOOD.format(name="Zelda") + HOSTILE, "Yes"],
            ["Zelda", HOSTILE, GOOD.format(name="Z"), "Yes"]]
    header = ["Name <b>", "Before or after?", "Your note <i>x</i>", "May we show it?"]
    report = d.build(csv_bytes(header, rows), show_names=True)
    for html in (report.summary_html(), d.mapping_html(report.export), report.section_html("problems"),
                 report.section_html("examples")):
        assert "<script" not in html and "<img src=x" not in html and "<b>" not in html
    assert "&lt;script&gt;" in report.summary_html()


# --- bad rows: listed, never dropped -----------------------------------------------------------

def test_bad_rows_are_listed_with_their_reason_and_nothing_is_dropped():
    rows = [["Zelda", "Before", GENERIC, "Yes"],
            ["", "", "", ""],                                   # row 3: empty
            ["Zelda", "After", "", "Yes"],                      # row 4: empty note
            ["Yusra", "Maybe", GOOD.format(name="Y"), "Yes"],   # row 5: unknown round
            ["", "After", GOOD.format(name="Y"), "Yes"],        # row 6: no student
            ["Xan", "After", GOOD.format(name="X"), "Yes", "extra"]]  # row 7: too many cells
    report = d.build(csv_bytes(HEADER, rows))
    reasons = {p.row: p.reason for p in report.problems}
    assert set(reasons) == {3, 4, 5, 6, 7}
    assert "empty row" in reasons[3] and "empty" in reasons[4]
    assert "'Maybe'" in reasons[5] and "student" in reasons[6] and "cells" in reasons[7]
    seen = {n.row for n in report.notes} | set(reasons)
    assert seen == set(range(2, 8))
    csv_out = report.scored_csv()
    assert all(f"\n{row}," in csv_out for row in range(2, 8))
    assert "6 rows with a problem" not in report.summary_html()
    assert "5 rows with a problem" in report.summary_html()


def test_empty_and_header_only_files():
    with pytest.raises(d.DashboardError, match="empty"):
        d.read_export(b"")
    with pytest.raises(d.DashboardError, match="empty"):
        d.read_export(b"\n\n  \n")
    report = d.build(csv_bytes(HEADER, []))
    assert report.notes == [] and report.problems == []
    assert "0 students" in report.summary_html()
    report.chart_png("levels")
    report.chart_png("missed")


# --- encodings and odd files -----------------------------------------------------------------

def test_windows_1252_file_is_read_with_a_warning():
    rows = [["Renée Côté", "Before", "Hi Dana, j'ai adoré votre café. Merci", "Yes"]]
    report = d.build(csv_bytes(HEADER, rows, encoding="cp1252"))
    assert report.notes[0].student == "Renée Côté"
    assert any("Windows-1252" in w for w in report.warnings)


def test_utf16_and_bom_and_semicolons():
    text = "\ufeffName;Before or after?;Your note\nZelda;Before;" + GENERIC + "\n"
    for data in (text.encode("utf-8"), text.encode("utf-16")):
        report = d.build(data)
        assert len(report.notes) == 1 and report.notes[0].student == "Zelda"


@pytest.mark.parametrize("data, message", [
    (b"PK\x03\x04" + b"\x00" * 50, "Excel"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "not a CSV"),
    (bytes(range(256)) * 20, "binary"),
])
def test_non_csv_files_get_one_clear_line(data, message):
    with pytest.raises(d.DashboardError, match=message) as info:
        d.read_export(data, name="upload.csv")
    assert "\n" not in str(info.value) and "upload.csv" in str(info.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(d.DashboardError, match="not found"):
        d.read_export(tmp_path / "nope.csv")
    with pytest.raises(d.DashboardError, match="folder"):
        d.read_export(tmp_path)


def test_ten_thousand_rows():
    rows = []
    for i in range(5000):
        rows.append([f"S{i}", "Before", GENERIC + f" ({i % 50})", "Yes" if i % 3 else "No"])
        rows.append([f"S{i}", "After", GOOD.format(name=f"S{i}") if i % 4 else GENERIC, "Yes" if i % 3 else "No"])
    report = d.build(csv_bytes(HEADER, rows))
    f = report.figures()
    assert f["notes"] == 10_000 and f["pairs"] == 5000 and f["problems"] == 0
    assert f["moved_up"] == 3750
    html = report.summary_html()
    assert len(re.findall(r'class="wk-example"', html)) == 3


# --- the PDF and the command line --------------------------------------------------------------

def test_summary_pdf_is_one_letter_page_for_the_sample_class():
    pytest.importorskip("weasyprint")
    from weasyprint import HTML

    report = d.build(d.sample_class_path())
    assert report.simulated
    document = HTML(string=report.summary_html(for_pdf=True)).render()
    assert len(document.pages) == 1
    assert report.pdf_bytes().startswith(b"%PDF")
    assert "SIMULATED" in report.summary_html()


def test_cli_dashboard_and_forms(tmp_path, capsys):
    out = tmp_path / "report"
    assert main(["dashboard", str(d.sample_class_path()), "-o", str(out), "--no-pdf"]) == 0
    assert {p.name for p in out.iterdir()} == {"summary.html", "levels.png", "criteria-missed.png", "scored-notes.csv"}
    assert "SIMULATED" in capsys.readouterr().out
    assert main(["dashboard", str(tmp_path / "missing.csv"), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("invitelab: error:") and err.count("\n") == 1
    assert main(["dashboard", str(d.sample_class_path()), "-o", str(out), "--map", "nonsense"]) == 2
    assert main(["forms", "-o", str(tmp_path / "forms")]) == 0
    assert (tmp_path / "forms" / "invitelab-forms.gs").exists()
