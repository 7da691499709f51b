"""The Python behind the Jupyter Book's pages (``book/``): each module builds what one kind of page
shows, and the pages stay thin (a hidden cell that calls it).

- :mod:`invitelab.book.anatomy`: every generated block of the chapter *Anatomy of a personalized
  invitation* (``book/chapters/anatomy.md``): the criteria overview, a section per criterion, the
  levels, the before/after situations and the exercises' verdicts, all computed by the engine.
- :mod:`invitelab.book.quiz`: the chapters' self-check quizzes (``book/quizzes/*.json``).

The book's live checker (Pyodide) is :mod:`invitelab.browser`; the notebooks' widgets are
:mod:`invitelab.widgets`.
"""
