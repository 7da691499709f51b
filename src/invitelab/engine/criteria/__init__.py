"""The criteria of the rubric, one module each, registered here in order.

:data:`CRITERIA` is the single source of the criterion ids (``rubric.CRITERION_IDS``, the
widgets' CSV columns and the book's rule reference all derive from it). To add a criterion,
write a module beside these (a ``check_*`` function of the note and the context, and a
``CRITERION`` record) and add it to the list below. A criterion module imports shared reading
from ``invitelab.engine`` (``reading``, ``asks``, ``facts``, ...), never another criterion's module.
"""
from __future__ import annotations

from ..criterion import Criterion
from . import (
    common_ground,
    greeting,
    length,
    no_hard_ask,
    not_template,
    polite_close,
    purpose,
    self_intro,
    specific_detail,
    tone,
)

CRITERIA: tuple[Criterion, ...] = (
    greeting.CRITERION,
    self_intro.CRITERION,
    specific_detail.CRITERION,
    common_ground.CRITERION,
    purpose.CRITERION,
    no_hard_ask.CRITERION,
    length.CRITERION,
    not_template.CRITERION,
    polite_close.CRITERION,
    tone.CRITERION,
)

CRITERION_IDS: tuple[str, ...] = tuple(c.id for c in CRITERIA)
CRITERIA_BY_ID: dict[str, Criterion] = {c.id: c for c in CRITERIA}

__all__ = ["CRITERIA", "CRITERIA_BY_ID", "CRITERION_IDS", "Criterion"]
