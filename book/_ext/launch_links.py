"""Sphinx extension for the InviteLab book: launch buttons that open something that works.

sphinx-book-theme builds each launch link (Binder, JupyterHub, Colab) from the page's path
inside book/. Two of those links would not work here, so this fixes them after the theme:

- Notebook pages are reached through the symlink book/notebooks -> ../notebooks. Colab reads
  files through GitHub, which does not follow symlinked folders, so the links point at the
  real file, notebooks/<name>.ipynb, instead of book/notebooks/<name>.ipynb.
- Reading chapters are MyST markdown with one hidden code cell (the quiz). Colab cannot open
  markdown and Binder would show it as plain text, so those pages get no launch menu; their
  quizzes already work in the page itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

SYMLINKED = {"notebooks/": "notebooks/"}  # page prefix in the book -> folder in the repository


def fix_launch_links(app, pagename: str, templatename: str, context: dict[str, Any],
                     doctree) -> None:
    buttons = context.get("header_buttons")
    if not buttons:
        return
    launch = [b for b in buttons if b.get("label") == "launch-buttons"]
    if not launch:
        return
    if Path(app.env.doc2path(pagename)).suffix != ".ipynb":
        for group in launch:
            buttons.remove(group)
        return
    book_path = app.config.html_theme_options.get("path_to_docs", "").strip("/")
    for prefix, real in SYMLINKED.items():
        if not pagename.startswith(prefix):
            continue
        wrong = f"{book_path}/{prefix}" if book_path else prefix
        for group in launch:
            for button in group.get("buttons", []):
                if "url" in button:
                    button["url"] = button["url"].replace(wrong, real)


def setup(app):
    # After sphinx-book-theme's add_launch_buttons (priority 501), before the page renders.
    app.connect("html-page-context", fix_launch_links, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
