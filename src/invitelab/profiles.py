"""Profiles of (fictional) LinkedIn members, and reading them from JSON or YAML files.

A profile file is a JSON list of objects (see the spec, section 1). Every key but ``id`` and
``name`` is optional and unknown keys are ignored. Errors are one line naming the file and the
profile (:class:`ProfileError`).
"""
from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["Experience", "Education", "Profile", "ProfileError", "load_profiles", "profile_from_dict"]


class ProfileError(ValueError):
    """A profile file or object that cannot be used; the message is one line."""


@dataclass(frozen=True)
class Experience:
    title: str = ""
    company: str = ""


@dataclass(frozen=True)
class Education:
    school: str = ""
    degree: str = ""
    field: str = ""


@dataclass(frozen=True, eq=False)
class Profile:
    """One member. Compared by identity, so per-profile analyses can be cached."""

    id: str
    name: str
    first_name: str = ""
    headline: str = ""
    location: str = ""
    experience: tuple[Experience, ...] = ()
    education: tuple[Education, ...] = ()
    skills: tuple[str, ...] = ()
    interests: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    activity: tuple[str, ...] = ()
    kind: str = ""

    def __post_init__(self) -> None:
        if not self.first_name:
            parts = self.name.split()
            object.__setattr__(self, "first_name", parts[0] if parts else "")

    @property
    def last_name(self) -> str:
        parts = self.name.split()
        return parts[-1] if len(parts) > 1 else ""

    @property
    def employers(self) -> tuple[str, ...]:
        return tuple(e.company for e in self.experience if e.company)

    @property
    def schools(self) -> tuple[str, ...]:
        return tuple(e.school for e in self.education if e.school)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "name": self.name, "first_name": self.first_name}
        for key in ("headline", "location"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        if self.experience:
            data["experience"] = [{"title": e.title, "company": e.company} for e in self.experience]
        if self.education:
            data["education"] = [
                {"school": e.school, "degree": e.degree, "field": e.field} for e in self.education
            ]
        for key in ("skills", "interests", "groups", "activity"):
            if getattr(self, key):
                data[key] = list(getattr(self, key))
        if self.kind:
            data["kind"] = self.kind
        return data

    def __repr__(self) -> str:
        return f"Profile(id={self.id!r}, name={self.name!r})"


def _text(value: Any, where: str) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _number(value, where)
    if not isinstance(value, str):
        raise ProfileError(f"{where} must be text")
    return " ".join(value.replace("\x00", " ").split())


def _number(value: int | float, where: str) -> str:
    """A number where text is expected (a year, a zip code) is read as its digits."""
    if isinstance(value, float) and not math.isfinite(value):
        raise ProfileError(f"{where} must be text (got the number {value!r})")
    try:
        return str(value)
    except ValueError:  # an int too long to convert (Python refuses beyond 4,300 digits)
        raise ProfileError(f"{where} must be text (got a number with thousands of digits)") from None


def _texts(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise ProfileError(f"{where} must be a list of text")
    return tuple(t for t in (_text(v, f"{where} item {i + 1}") for i, v in enumerate(value)) if t)


def _records(value: Any, where: str, cls: type, keys: tuple[str, ...]) -> tuple:
    if value is None:
        return ()
    if isinstance(value, (Mapping, str)):  # one record, or "Campus Recruiter at Meridian Health"
        value = [value]
    if not isinstance(value, list):
        raise ProfileError(f"{where} must be a list of objects with {', '.join(keys)}")
    out = []
    for i, item in enumerate(value):
        at = f"{where} item {i + 1}"
        if isinstance(item, str):
            # "Campus Recruiter at Meridian Health" / "The Ohio State University"
            if cls is Experience and " at " in item:
                title, _, company = item.partition(" at ")
                out.append(Experience(_text(title, at), _text(company, at)))
            else:
                out.append(cls(**{keys[0] if cls is Education else "company": _text(item, at)}))
            continue
        if not isinstance(item, Mapping):
            raise ProfileError(f"{at} must be an object with {', '.join(keys)}")
        out.append(cls(**{k: _text(item.get(k), f"{at}.{k}") for k in keys}))
    return tuple(out)


def profile_from_dict(data: Mapping[str, Any], where: str = "profile") -> Profile:
    """Build a :class:`Profile` from a mapping in the spec's format."""
    if not isinstance(data, Mapping):
        raise ProfileError(f"{where} must be an object with at least 'id' and 'name'")
    pid = data.get("id")
    if isinstance(pid, (int, float)) and not isinstance(pid, bool):
        pid = _number(pid, f"{where}: 'id'")
    if not isinstance(pid, str) or not pid.strip():
        raise ProfileError(f"{where} has no 'id' (every profile needs an id and a name)")
    pid = pid.strip()
    where = f"{where} ({pid})"
    raw_name = data.get("name")
    if isinstance(raw_name, (int, float)) and not isinstance(raw_name, bool):
        raise ProfileError(f"{where}: 'name' must be text, not the number {_number(raw_name, where)[:20]}")
    name = _text(raw_name, f"{where}: 'name'")
    if not name:
        raise ProfileError(f"{where} has no 'name' (every profile needs an id and a name)")
    return Profile(
        id=pid,
        name=name,
        first_name=_text(data.get("first_name"), f"{where}: 'first_name'"),
        headline=_text(data.get("headline"), f"{where}: 'headline'"),
        location=_text(data.get("location"), f"{where}: 'location'"),
        experience=_records(data.get("experience"), f"{where}: 'experience'", Experience, ("title", "company")),
        education=_records(data.get("education"), f"{where}: 'education'", Education, ("school", "degree", "field")),
        skills=_texts(data.get("skills"), f"{where}: 'skills'"),
        interests=_texts(data.get("interests"), f"{where}: 'interests'"),
        groups=_texts(data.get("groups"), f"{where}: 'groups'"),
        activity=_texts(data.get("activity"), f"{where}: 'activity'"),
        kind=_text(data.get("kind"), f"{where}: 'kind'"),
    )


def profiles_from_list(items: Iterable[Any], source: str = "profiles") -> dict[str, Profile]:
    people: dict[str, Profile] = {}
    for i, item in enumerate(items):
        try:
            profile = profile_from_dict(item, f"profile {i + 1}")
        except ProfileError as error:
            raise ProfileError(f"{source}: {error}") from None
        if profile.id in people:
            raise ProfileError(f"{source}: profile {i + 1} repeats the id {profile.id!r}")
        people[profile.id] = profile
    return people


def load_profiles(path: str | Path) -> dict[str, Profile]:
    """Read a profile file (JSON list; YAML too when PyYAML is installed): id -> Profile."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ProfileError(f"{path}: cannot read the profile file ({error.strerror or error})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ProfileError(f"{path}: not UTF-8 text (byte {error.start}); save it as UTF-8") from None
    if not text.strip():
        raise ProfileError(f"{path}: the profile file is empty")
    if path.suffix.lower() in (".yaml", ".yml"):
        try:
            import yaml  # optional: PyYAML
        except ImportError:
            raise ProfileError(f"{path}: reading YAML needs PyYAML (pip install pyyaml); or use JSON") from None
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as error:
            raise ProfileError(f"{path}: not valid YAML ({str(error).splitlines()[0]})") from None
        except RecursionError:
            raise ProfileError(f"{path}: nested too deeply to read (a profile file is a list of flat objects)") from None
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise ProfileError(
                f"{path}: not valid JSON at line {error.lineno}, column {error.colno} ({error.msg})"
            ) from None
        except RecursionError:
            raise ProfileError(f"{path}: nested too deeply to read (a profile file is a list of flat objects)") from None
        except ValueError as error:  # a number with more digits than Python converts (4,300)
            raise ProfileError(f"{path}: not usable JSON ({_first_line(error)})") from None
    if isinstance(data, Mapping) and isinstance(data.get("profiles"), list):
        data = data["profiles"]
    if isinstance(data, Mapping) and "id" in data:
        data = [data]
    if not isinstance(data, list):
        raise ProfileError(f"{path}: a profile file must be a JSON list of profile objects")
    if not data:
        raise ProfileError(f"{path}: the file holds no profiles (an empty list); add at least one with an id and a name")
    try:
        return profiles_from_list(data, str(path))
    except RecursionError:
        raise ProfileError(f"{path}: nested too deeply to read (a profile file is a list of flat objects)") from None


def _first_line(error: Exception) -> str:
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    if "integer string conversion" in text:
        return "a number has more than 4,300 digits"
    return text
