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


def _html(markup: str):
    from IPython.display import HTML

    return HTML(markup)


def studio_example(recipient_id=None, sender_id=None, text=None):
    """The invitation studio's worked example as static HTML (shows in the book too)."""
    from .studio import example_html

    return _html(example_html(recipient_id, sender_id, text))


def profile_first_example(recipient_id=None, sender_id=None, note=None):
    """Both invitation paths and a three-facts check, as static HTML."""
    from .profile_first import example_html

    return _html(example_html(recipient_id, sender_id, note))


def rewrite_gym_example(exercise: int = 1, rewrite=None):
    """A generic note, its hint ladder, a rewrite and the before/after comparison, as HTML."""
    from .gym import example_html

    return _html(example_html(exercise, rewrite))


def sender_theories_overview():
    """The simulated year's summary table and charts, as static HTML."""
    from .theories import overview_html

    return _html(overview_html())


def simulation_assumptions():
    """The simulation's assumptions as a table of plain sentences (invitelab.simulation)."""
    from .theories import assumptions_table_html

    return _html(assumptions_table_html())


def load_simulated():
    """The simulated year as a pandas DataFrame (for your own analysis)."""
    from invitelab import simulation

    return simulation.load_simulated()


__all__ += [
    "load_simulated",
    "profile_first_example",
    "rewrite_gym_example",
    "sender_theories_overview",
    "simulation_assumptions",
    "studio_example",
]
