"""A headline's segments after a separator ("Cloud Engineer | Azure") are skills or topics, not
employers, unless they are one of the profile's experience entries (issue 12)."""
from invitelab import profile_from_dict, score
from invitelab.engine import find_facts
from invitelab.engine.facts import profile_facts


def _person(headline: str, companies=("Microsoft",), skills=()):
    return profile_from_dict({"id": "mc", "name": "Marcus Chen", "headline": headline, "kind": "recipient",
                              "experience": [{"title": "Engineer", "company": c} for c in companies],
                              "skills": list(skills)})


def _employers(profile) -> list[str]:
    return [f.label for f in profile_facts(profile).facts if f.kind == "employer"]


def test_a_segment_after_a_bar_is_a_skill_not_an_employer():
    marcus = _person("Cloud Engineer | Azure")
    assert _employers(marcus) == ["Microsoft"]
    found = find_facts("Hi Marcus, I'd love to hear how you got into Azure.", marcus)
    assert [(f.kind, f.name) for f in found] == [("skill", "Azure")]
    result = score("Hi Marcus, I'd love to hear how you got into Azure.", recipient=marcus)
    assert "employer" not in result.finding("specific_detail").evidence


def test_at_still_names_the_employer_and_a_listed_skill_is_not_doubled():
    marcus = _person("Software Engineer II at Microsoft | Azure", companies=("Microsoft", "Ford Motor Company"),
                     skills=("Azure",))
    assert _employers(marcus) == ["Microsoft", "Ford Motor Company"]
    assert [f.label for f in profile_facts(marcus).facts if f.kind == "skill"] == ["Azure"]


def test_a_segment_that_is_an_experience_entry_stays_an_employer():
    grace = _person("Data Scientist | Target", companies=("Target",))
    assert _employers(grace) == ["Target"]
    found = find_facts("Hi Grace, I admire the forecasting team at Target.", grace)
    assert ("employer", "Target") in [(f.kind, f.name) for f in found]


def test_at_inside_a_later_segment_names_the_employer_not_the_whole_segment():
    jasmine = _person("First-generation college student | Finance sophomore at Michigan State University",
                      companies=())
    assert _employers(jasmine) == ["Michigan State University"]
    sourcer = _person("Technical Sourcer at Brightpath Software | I find engineers who love hard problems",
                      companies=("Brightpath Software",))
    assert _employers(sourcer) == ["Brightpath Software"]
