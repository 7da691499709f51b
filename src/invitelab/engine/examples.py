"""The two example profiles used by every criterion's examples (and the book's rule reference).

Dana is the spec's own example recipient; Alex is a student who shares her school and field.
Both are fictional.
"""
from __future__ import annotations

from ..profiles import profile_from_dict

DANA = profile_from_dict(
    {
        "id": "dana-whitfield",
        "name": "Dana Whitfield",
        "first_name": "Dana",
        "headline": "Campus Recruiter at Meridian Health",
        "location": "Columbus, Ohio",
        "experience": [{"title": "Campus Recruiter", "company": "Meridian Health"}],
        "education": [{"school": "The Ohio State University", "degree": "BA", "field": "Psychology"}],
        "skills": ["University relations"],
        "interests": ["first-generation students"],
        "groups": ["Ohio Career Development Association"],
        "activity": ["Posted: what I look for at career fairs"],
        "kind": "recipient",
    }
)

ALEX = profile_from_dict(
    {
        "id": "alex-rivera",
        "name": "Alex Rivera",
        "headline": "Psychology student at The Ohio State University",
        "location": "Columbus, Ohio",
        "experience": [{"title": "Peer Mentor", "company": "Ohio State First-Year Experience"}],
        "education": [{"school": "The Ohio State University", "degree": "BS", "field": "Psychology"}],
        "skills": ["Peer mentoring"],
        "interests": ["first-generation students", "survey research"],
        "groups": ["Psychology Club"],
        "kind": "sender",
    }
)
