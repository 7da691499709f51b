"""Graded exercises and the autograder (``invitelab exercises build``, ``invitelab grade``)."""
