"""The live invitation checker of the book: the real engine, run in the reader's browser by Pyodide.

- ``bundle``: at book-build time, collects the engine's source files (every stdlib-only module of
  the package, found with ``ast``, plus the data files it reads) and the kit's profiles into
  JavaScript files the book ships (``book/_ext/checker.py`` calls it).
- ``glue``: the few lines of Python that run inside the page; they call only the public API.
"""
