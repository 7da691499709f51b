"""Fixtures shared by several test modules."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium (Debian's, driven by Playwright) for every browser test module.

    Playwright's sync API allows one instance per thread, so the modules must share it.
    Skipped without chromium or playwright, except in CI, where that is a failure.
    """
    from test_book_browser import CHROMIUM, CHROMIUM_ARGS

    reason = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        reason = "playwright is not installed (pip install -r requirements.txt)"
    if reason is None and not CHROMIUM.exists():
        reason = f"{CHROMIUM} not found (install it: apt-get install -y chromium)"
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests must run in CI: {reason}", pytrace=False)
        pytest.skip(reason)
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
