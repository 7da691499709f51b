"""Interactive notebooks' logic: the invitation studio, the profile-first simulator, the
sender-theories explorer and the rewrite gym.

The notebooks in ``notebooks/`` only import and call these. Each widget class exposes its
controls as attributes, so tests drive them without a browser, and each has an ``example_html``
function that renders a worked example as plain HTML for the static book.

Needs the ``notebooks`` extra (ipywidgets 8, pandas, matplotlib); the rubric engine does not.
"""

from .drafts import Draft, drafts_to_csv, write_drafts_csv
from .facts import check_fact, check_facts, profile_facts
from .gym import EXERCISES, RewriteGym, hints_for, rewrite_gym
from .profile_first import ProfileFirst, profile_first
from .studio import InvitationStudio, studio
from .theories import SenderTheories, sender_theories

__all__ = [
    "Draft",
    "EXERCISES",
    "InvitationStudio",
    "ProfileFirst",
    "RewriteGym",
    "SenderTheories",
    "check_fact",
    "check_facts",
    "drafts_to_csv",
    "hints_for",
    "profile_facts",
    "profile_first",
    "rewrite_gym",
    "sender_theories",
    "studio",
    "write_drafts_csv",
]
