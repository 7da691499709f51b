"""Behaviour of the engine on the cases the spec names: short forms, names, claims, no profiles."""
import pytest

from invitelab import profile_from_dict, score
from invitelab.engine.examples import ALEX, DANA

PSU_ALUM = profile_from_dict({
    "id": "pat", "name": "Pat Moreno", "headline": "Analyst at JPMorgan Chase & Co.",
    "experience": [{"title": "Analyst", "company": "JPMorgan Chase & Co."}],
    "education": [{"school": "Pennsylvania State University", "degree": "BS", "field": "Economics"}],
})
OREGON = profile_from_dict({
    "id": "olu", "name": "Olu Bakare", "experience": [{"title": "Engineer", "company": "Brightline"}],
    "education": [{"school": "Oregon State University", "field": "Computer Science"}],
})
UMICH = profile_from_dict({
    "id": "mia", "name": "Mia Chen", "education": [{"school": "University of Michigan", "field": "Economics"}],
    "experience": [{"title": "Data Scientist", "company": "Carnegie Mellon University"}],
})
MICH_STUDENT = profile_from_dict({
    "id": "sam", "name": "Sam Ortiz", "education": [{"school": "University of Michigan", "field": "Statistics"}],
})


def status(text, criterion, recipient=DANA, sender=None):
    return score(text, recipient=recipient, sender=sender).finding(criterion).status


@pytest.mark.parametrize("text,recipient", [
    ("Hi Pat, I admire JPMorgan's analyst program.", PSU_ALUM),
    ("Hi Pat, a fellow Penn State grad here.", PSU_ALUM),
    ("Hi Pat, I'm a PSU junior.", PSU_ALUM),
    ("Hi Dana, I'm at OSU too.", DANA),
    ("Hi Olu, I'm an OSU student (Oregon State!).", OREGON),
    ("Hi Mia, I'm at UMich.", UMICH),
    ("Hi Mia, a Michigan econ alum like you.", UMICH),
    ("Hi Mia, I'm curious about your work at CMU.", UMICH),
    ("Hi Dana, Meridian’s campus team is great.", DANA),
    ("hi dana, i'm at ohio state.", DANA),
])
def test_short_forms_count_as_specific(text, recipient):
    assert status(text, "specific_detail", recipient) == "pass"


@pytest.mark.parametrize("text,recipient", [
    ("Hi Mia, I'm a junior at Michigan State.", UMICH),
    ("Hi Dana, I grew up in Ohio and love it.", DANA),
    ("Hi Dana, I'm reaching out to recruiters in Columbus.", DANA),
    ("Hi Dana, you have an impressive profile and experience.", DANA),
    ("Hi Dana, I loved your talk at SXSW.", DANA),
    ("Hi Olu, I'm at Ohio State.", OREGON),
])
def test_not_specific(text, recipient):
    assert status(text, "specific_detail", recipient) == "fail"


def test_unsupported_claim_is_named():
    f = score("Hi Dana, I loved your talk at SXSW.", recipient=DANA).finding("specific_detail")
    assert "SXSW" in f.evidence and f.suggestion


def test_unsupported_claim_does_not_hide_a_true_detail():
    assert status("Hi Dana, I loved your talk at SXSW and your post on career fairs.", "specific_detail") == "pass"


def test_shared_fact_stated_about_the_sender_is_specific_and_common_ground():
    r = score("Hi Mia, I'm a statistics senior at Michigan.", recipient=UMICH, sender=MICH_STUDENT)
    assert r.finding("specific_detail").status == "pass"
    assert r.finding("common_ground").status == "pass"


def test_false_commonality_fails_even_with_a_genuine_one():
    f = score("Hi Dana, as a fellow Buckeye and fellow Meridian intern, I'd love advice.", recipient=DANA, sender=ALEX).finding("common_ground")
    assert f.status == "fail" and "untrue" in f.evidence


def test_recipient_fact_not_said_of_sender_is_not_common_ground():
    assert status("Hi Dana, I saw you studied at Ohio State.", "common_ground", sender=ALEX) == "fail"


def test_common_ground_is_na_without_sender():
    assert status("Hi Dana, I'm at Ohio State too.", "common_ground") == "n/a"


@pytest.mark.parametrize("text,expected", [
    ("Hi Dana, thanks.", "pass"), ("hi dana, thanks", "pass"), ("Dear Ms. Whitfield, thanks", "pass"),
    ("Dana - quick question about fairs.", "pass"), ("Dana, quick question.", "pass"),
    ("Hello Dana Whitfield, thanks", "pass"), ("Hi Dana Whitfeld, thanks", "fail"),
    ("Hi Dan, thanks", "fail"), ("Hi Sarah, thanks", "fail"), ("Hi there, thanks", "fail"),
    ("Dear Sir/Madam, thanks", "fail"), ("Hi {first_name}, thanks", "fail"), ("Hi NAME, thanks", "fail"),
    ("Thanks for reading.", "fail"),
])
def test_greeting(text, expected):
    assert status(text, "greeting") == expected


def test_misspelled_name_is_called_misspelled():
    assert "misspelled" in score("Hi Dnaa, thanks", recipient=DANA).finding("greeting").evidence


def test_curly_quotes_and_possessives():
    r = score("Hi Dana, I’m a junior at Ohio State. Meridian Health’s approach to career fairs—as you posted—is great.", recipient=DANA)
    assert r.finding("self_intro").status == "pass"
    assert r.finding("specific_detail").status == "pass"


def test_without_profiles_the_text_is_still_judged():
    r = score("Hi Dana, I'm a junior at Ohio State. Your post on career fair prep helped. Could I ask how you started in recruiting? Thanks!")
    assert r.finding("specific_detail").status == "pass"
    assert r.finding("purpose").status == "pass"
    assert r.finding("common_ground").status == "n/a"
    assert r.level == "exemplary"
    assert score("Hi Dana, great profile! Let's connect.").finding("specific_detail").status == "fail"


@pytest.mark.parametrize("text", [
    "Hi Dana, could you refer me for the internship?", "Hi Dana, are you hiring?",
    "Hi Dana, can you review my resume?", "Hi Dana, my portfolio: alexrivera.dev",
    "Hi Dana, could I get an interview for the analyst role?", "Hi Dana, our platform helps recruiters save time. Book a demo!",
    "Hi Dana, are there any open positions on your team?", "Hi Dana, see https://example.org/me",
])
def test_hard_asks(text):
    assert status(text, "no_hard_ask") == "fail"
    if "." not in text.split()[-1]:  # a request (not a bare link) still counts as a purpose
        assert status(text, "purpose") == "pass"


@pytest.mark.parametrize("text", [
    "Hi Dana, would you be open to a 15-minute informational interview about campus recruiting?",
    "Hi Dana, could I ask you two questions about career fairs?", "Hi Dana, email me at alex@osu.edu",
])
def test_soft_asks(text):
    assert status(text, "no_hard_ask") == "pass"


def test_length_warns_above_200_and_fails_above_limit():
    mid = "Hi Dana, " + "x" * 220
    r = score(mid, recipient=DANA)
    assert r.finding("length").status == "pass" and r.warnings
    assert score("Hi Dana, " + "x" * 300, recipient=DANA).finding("length").status == "fail"
    assert score(mid, recipient=DANA, limit=200).finding("length").status == "fail"


@pytest.mark.parametrize("text,expected", [
    ("Hi Dana! I'm an MBA student in NYC, a CFA candidate and NSBE member.", "pass"),
    ("Hi Dana, I REALLY LOVE your post.", "fail"), ("HI DANA PLEASE ACCEPT MY INVITATION", "fail"),
    ("Hi Dana!! Great post.", "fail"), ("Hi Dana?? Great post.", "fail"),
    ("Hi Dana 🎉🎉🎉", "fail"), ("Hi Dana 👩‍💻 great post", "pass"),
    ("Hi Dana, wanna chat?", "fail"), ("Hi Dana, can u help", "fail"), ("Hi Dana, I'm at U of M.", "pass"),
    ("Hey Dana, great post!", "pass"),
])
def test_tone(text, expected):
    assert status(text, "tone") == expected


@pytest.mark.parametrize("text", [
    "I'd like to add you to my professional network on LinkedIn.", "Hi Dana,\nI'd like to join your LinkedIn network.\nAlex",
    "Hi Dana, I would like to connect with you. Thanks, Alex", "Hello! I'm reaching out to expand my professional network.",
    "Hi Dana", "Best, Alex", "   \n  ", "Hi [Name], I'd like to connect.", "Dear <First Name>, let's connect",
    "Hi Dana, I saw your work at {{ COMPANY }}.",
])
def test_templates(text):
    assert status(text, "not_template") == "fail"


WELDER = profile_from_dict({
    "id": "rae", "name": "Rae Okafor", "headline": "Welding Instructor at Brazos Valley College",
    "experience": [{"title": "Welding Instructor", "company": "Brazos Valley College"}],
    "activity": ["Won the Brazos County Mentor of the Year award",
                 "Guest on the Slag and Spatter podcast: my first year on a pipeline crew",
                 "Posted: how I read blueprints for structural jobs"],
})


@pytest.mark.parametrize("text,expected", [
    # an award named by its own words, with no "post" or "talk" nearby
    ("Hi Rae, congrats on winning the Mentor of the Year award!", "pass"),
    ("Hi Rae, I hope to win an award someday.", "fail"),
    # a show's name with a small word inside it
    ("Hi Rae, your Slag and Spatter episode was great.", "pass"),
    ("Hi Rae, I like slag and sparks.", "fail"),
    # a pronoun whose words are in the sentence before
    ("Hi Rae, structural blueprints scare me. Your post on how you tackle them helped a ton.", "pass"),
    ("Hi Rae, pastry scares me. Your post on how you tackle them helped a ton.", "fail"),
])
def test_awards_and_show_names_count_as_details(text, expected):
    assert status(text, "specific_detail", recipient=WELDER) == expected


FULLERTON = profile_from_dict({"id": "t", "name": "Theo Lin",
                               "education": [{"school": "California State University, Fullerton", "field": "Computer Science"}]})


@pytest.mark.parametrize("text,expected", [
    ("Hi Theo, I'm a junior at Fullerton.", "pass"),  # the campus alone, said as a school
    ("Hi Theo, I grew up in Fullerton and love games.", "fail"),  # the city, not the school
])
def test_a_campus_name_alone_is_the_school_only_in_an_education_context(text, expected):
    assert status(text, "specific_detail", recipient=FULLERTON) == expected


DAVIS_ALUM = profile_from_dict({"id": "jun", "name": "Jun Park", "experience": [{"title": "Analyst", "company": "Patagonia"}],
                                "education": [{"school": "University of California, Davis", "field": "Environmental Science"}]})
DAVIS_STUDENT = profile_from_dict({"id": "liam", "name": "Liam Ross",
                                   "education": [{"school": "University of California, Davis", "field": "History"}]})


@pytest.mark.parametrize("text,expected", [
    # a class year after the school marks it as the sender's own, even in a signature
    ("Hi Jun, how did you land at Patagonia? Thanks, Liam (Davis ’26)", "pass"),
    ("Hi Jun, how did you land at Patagonia? Thanks, Liam (UC Davis '26)", "pass"),
    ("Hi Jun, Liam Ross here, a history junior at UC Davis. How did you land at Patagonia?", "pass"),
    ("Hi Jun, how did you land at Patagonia after your time at UC Davis? Thanks, Liam", "fail"),
])
def test_sender_school_by_class_year_or_student_words(text, expected):
    assert status(text, "common_ground", recipient=DAVIS_ALUM, sender=DAVIS_STUDENT) == expected


@pytest.mark.parametrize("text", [
    "Hi Dana — Columbus Supply Chain Network member and Kroger store manager. How did you start?",
    "Hi Dana - UNC Charlotte MBA candidate (part-time) and ops analyst by day. How did you start?",
])
def test_a_role_right_after_the_greeting_dash_is_an_introduction(text):
    result = score(text, recipient=DANA)
    assert result.finding("self_intro").status == "pass"
    assert result.finding("greeting").status == "pass"


@pytest.mark.parametrize("text,expected", [
    ("Hi Dana, could we talk about campus hiring? Regards, Tina, Account Executive", "pass"),  # a job title
    ("Hi Dana, could we talk about campus hiring? Thanks, Gary, Louisville KY", "fail"),  # a place only
])
def test_a_job_title_in_the_signature_introduces_the_sender(text, expected):
    assert status(text, "self_intro") == expected


RANGER = profile_from_dict({"id": "lw", "name": "Lena Whitehorse", "headline": "Park Ranger"})


@pytest.mark.parametrize("text,recipient,expected", [
    ("Hello, I came across your profile and was impressed.", None, "fail"),  # "I" is not a name
    ("Hi, I'd like to connect.", None, "fail"),
    ("Ranger Whitehorse, I'm a student at Oglala Lakota College.", RANGER, "pass"),  # title + last name
    ("Chaplain Whitehorse, may I ask a question?", RANGER, "pass"),
])
def test_greeting_titles_and_pronouns(text, recipient, expected):
    assert score(text, recipient=recipient).finding("greeting").status == expected


@pytest.mark.parametrize("close", ["Viele Grüße,\nMarcus", "With appreciation, Terrence", "Grace and peace, Hannah",
                                   "God bless you"])
def test_more_courteous_sign_offs(close):
    assert status("Hi Dana, how did you start at Meridian? " + close, "polite_close") == "pass"


QA_LEAD = profile_from_dict({
    "id": "pv", "name": "Priya Venkat", "headline": "QA Lead at Helio Labs",
    "education": [{"school": "North Carolina State University", "field": "Biochemistry"},
                  {"school": "The University of Texas at Austin", "field": "Chemistry"},
                  {"school": "University of Cincinnati", "field": "Statistics"}],
    "groups": ["Toastmasters International", "Stage Managers' Association"],
})


@pytest.mark.parametrize("text,expected", [
    ("Hi Priya, I'm a biochem junior at NC State.", "pass"),  # "NC State" for North Carolina State
    ("Hi Priya, I'm in Toastmasters too.", "pass"),  # a group without its "International"
    ("Hi Priya, I think stage managers are the unsung heroes of theatre.", "fail"),  # a category, not the group
    ("Hi Priya, I'm also in the Stage Managers' Association.", "pass"),
    ("Hi Priya, I'm a psych major at UT Tyler.", "fail"),  # another campus of the system
    ("Hi Priya, I'm in Cincinnati and studying IT.", "fail"),  # the city, not the school
    ("Hi Priya, I'm a stats student at Cincinnati.", "pass"),
])
def test_short_forms_and_near_misses_of_schools_and_groups(text, expected):
    assert status(text, "specific_detail", recipient=QA_LEAD) == expected


CHEF_HR = profile_from_dict({"id": "rg", "name": "Rafael Gomez", "headline": "HR Lead at Copper Pot Group",
                             "activity": ["Talk: 'Retention starts at orientation' at the National Restaurant Association Show 2025"]})


@pytest.mark.parametrize("text,expected", [
    ("Hi Rafael, loved your NRA Show talk on retention!", "pass"),  # the venue by its initials
    ("Hi Rafael, loved your ABC Show talk on retention!", "fail"),  # a venue the profile does not show
])
def test_a_venue_named_by_its_initials(text, expected):
    assert status(text, "specific_detail", recipient=CHEF_HR) == expected


VET = profile_from_dict({"id": "mv", "name": "Marisol Vega", "headline": "Veterinarian at Paws Clinic",
                         "education": [{"school": "The Ohio State University", "field": "Veterinary Medicine"}],
                         "groups": ["Pennsylvania Institute of CPAs"], "interests": ["pickleball"]})
VET_STUDENT = profile_from_dict({"id": "an", "name": "Ana Ruiz", "headline": "Pre-vet student",
                                 "education": [{"school": "The Ohio State University", "field": "Animal Sciences"}],
                                 "groups": ["Pennsylvania Institute of CPAs", "Society of Women Engineers"],
                                 "interests": ["pickleball", "horseback riding"]})


@pytest.mark.parametrize("text,expected", [
    # a false "we both" claim fails even beside a genuine shared school
    ("Hi Marisol, we both love horseback riding! I'm a pre-vet student at Ohio State.", "fail"),
    ("Hi Marisol, we're both SWE members and I'm at Ohio State.", "fail"),
    ("Hi Marisol, we're both PICPA members.", "pass"),  # the group's initials
    ("Hi Marisol, I'm a pre-vet student who loves pickleball.", "pass"),  # an interest stated as the sender's
    ("Hi Marisol, how did you choose shelter medicine? Ana Ruiz, Ohio State Animal Sciences", "pass"),  # signature
])
def test_common_ground_claims_and_signatures(text, expected):
    assert status(text, "common_ground", recipient=VET, sender=VET_STUDENT) == expected


def test_a_signature_without_a_sign_off_introduces_the_sender():
    text = "Hi Marisol, how did you choose shelter medicine? Ana Ruiz, Ohio State Animal Sciences"
    assert status(text, "self_intro", recipient=VET) == "pass"
    assert status("Hi Marisol, how did you choose shelter medicine? Thanks", "self_intro", recipient=VET) == "fail"


SPEAKER = profile_from_dict({"id": "pk", "name": "Priya Kale",
                             "activity": ["Talk: 'Writing deviations people can read' at the ASQ Raleigh meeting 2025"]})


@pytest.mark.parametrize("text,expected", [
    ("Hi Priya, I saw your talk 'Writing deviations people can read'.", "pass"),
    ("Hi Priya, I read your article 'Writing deviations people can read'.", "fail"),  # it was a talk
])
def test_a_quoted_title_must_be_the_kind_of_item_claimed(text, expected):
    assert status(text, "specific_detail", recipient=SPEAKER) == expected


def test_a_closing_remark_is_not_a_signature():
    # "Also, Ohio State is great" ends the note but is a sentence, not "Name, affiliation"
    assert status("Hi Dana, how did you start? Also, Ohio State is great", "self_intro") == "fail"


def test_common_ground_hint_names_what_is_close_and_why_it_does_not_count():
    """A shared skill is not common ground; the hint says what is close instead of 'you share nothing'."""
    from invitelab import kitdata

    people = kitdata.profiles()
    finding = score("Hi Sofia, thanks.", recipient=people["sofia-reyes"], sender=people["jordan-kim"]).finding("common_ground")
    assert finding.status == "fail"
    assert "You both list Swift as a skill" in finding.suggestion and "does not count" in finding.suggestion
    assert "share no school" not in finding.suggestion


def test_a_skill_named_like_a_verb_is_not_cited_by_using_the_verb():
    """Sofia lists the skill 'Hiring': "I saw you're hiring!" is news, not her skill; naming the skill still counts."""
    from invitelab import kitdata

    sofia = kitdata.profiles()["sofia-reyes"]
    assert score("Hi Sofia, I saw you're hiring! Could I ask how you got into engineering?",
                 recipient=sofia).finding("specific_detail").status == "fail"
    assert score("Hi Sofia, your skill in hiring stood out. Could I ask how you built it?",
                 recipient=sofia).finding("specific_detail").status == "pass"


def test_a_field_names_its_school_as_the_profile_spells_it():
    """The evidence for a field of study keeps the school's own spelling, small words and all."""
    rec = profile_from_dict({"id": "r", "name": "Mina Okafor", "education": [
        {"school": "University of Michigan", "field": "Computer Science"}]})
    snd = profile_from_dict({"id": "s", "name": "Lee Park", "education": [
        {"school": "University of Michigan", "field": "Computer Science"}]})
    res = score("Hi Mina, I'm a computer science senior at the University of Michigan too. "
                "Could I ask how you chose your first team? Thanks, Lee", recipient=rec, sender=snd)
    shown = " ".join(f"{f.evidence} {f.suggestion}" for f in res.findings)
    assert "(University of Michigan)" in shown, shown
    assert "University Of" not in shown


@pytest.mark.parametrize("recipient, sender, says", [
    ({"skills": ["Campus recruiting"]}, {"interests": ["campus recruiting"]},
     "Mina lists Campus recruiting as a skill and you list campus recruiting as an interest"),
    ({"interests": ["Grant writing"]}, {"skills": ["grant writing"]},
     "You list grant writing as a skill and Mina lists Grant writing as an interest"),
    ({"interests": ["public transit"]}, {"interests": ["public transit policy"]},
     "Your interest in public transit policy is close to Mina's in public transit"),
    ({"skills": ["Survey design"]}, {"interests": ["survey design methods"]},
     "Your interest in survey design methods is close to Mina's skill Survey design"),
])
def test_common_ground_hint_names_a_near_match_and_why_it_does_not_count(recipient, sender, says):
    """A skill that is the other's interest, or interests that are close, is named with the reason
    it is not common ground (only a school, employer, group, field at a school or the same listed
    interest is), never 'your profiles share no ... listed interest'."""
    rec = profile_from_dict({"id": "r", "name": "Mina Okafor", **recipient})
    snd = profile_from_dict({"id": "s", "name": "Lee Park", **sender})
    finding = score("Hi Mina, thanks.", recipient=rec, sender=snd).finding("common_ground")
    assert finding.status == "fail"
    assert says in finding.suggestion and "does not count as common ground" in finding.suggestion, finding.suggestion
    assert "share no" not in finding.suggestion
