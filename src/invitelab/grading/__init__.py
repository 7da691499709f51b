"""Graded exercises and the autograder (``invitelab exercises build``, ``invitelab grade``).

In a student's notebook: ``from invitelab.grading import check, start``; ``start("spot-generic")``
once, then ``check("q1")`` after each answer. Importing this package is light (no nbclient, no
pandas): the grader's modules load only when the grader runs.
"""
from .selfcheck import check, start

__all__ = ["check", "start"]
