"""The instructor-led workshop kit: activities and run sheets, slides, handouts, forms and the class dashboard."""
from __future__ import annotations

import tomllib


def read_toml(path: str, error: type[Exception]) -> dict:
    """A workshop data file (activities.toml, forms.toml) as a table; a missing or broken file
    raises `error` with one line naming it."""
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise error(f"{path}: file not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as problem:
        raise error(f"{path}: not valid TOML ({problem})") from None
