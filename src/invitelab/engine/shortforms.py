"""The short forms people really write for schools, employers and fields of study.

Two sources: rules that derive short forms from any name (``Pennsylvania State University`` ->
``Penn State``, ``PSU``; ``Meridian Health`` -> ``Meridian``; ``Carnegie Mellon University`` ->
``CMU``), and a table of the usual nicknames that no rule can guess (``UMich``, ``Buckeye``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .note import fold
from .words import english_words

# Canonical (folded, no punctuation) institution name -> extra short forms and nicknames.
KNOWN_SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "ohio state university": ("Ohio State", "OSU", "tOSU", "Buckeye", "Buckeyes"),
    "oregon state university": ("Oregon State", "OSU", "Beaver", "Beavers"),
    "oklahoma state university": ("Oklahoma State", "OSU", "OK State", "Cowboys"),
    "pennsylvania state university": ("Penn State", "PSU", "Nittany Lion", "Nittany Lions"),
    "university of michigan": ("Michigan", "UMich", "U Mich", "U of M", "UM", "Wolverine", "Wolverines"),
    "michigan state university": ("Michigan State", "MSU", "Spartan", "Spartans"),
    "carnegie mellon university": ("Carnegie Mellon", "CMU"),
    "university of california los angeles": ("UCLA", "Bruin", "Bruins"),
    "university of california berkeley": ("UC Berkeley", "Berkeley", "Cal", "UCB"),
    "university of southern california": ("USC", "Trojan", "Trojans"),
    "georgia institute of technology": ("Georgia Tech", "GT", "Yellow Jacket", "Yellow Jackets"),
    "university of texas at austin": ("UT Austin", "UT", "Texas", "Longhorn", "Longhorns"),
    "texas a and m university": ("Texas A&M", "TAMU", "A&M", "Aggie", "Aggies"),
    "massachusetts institute of technology": ("MIT",),
    "new york university": ("NYU",),
    "university of pennsylvania": ("Penn", "UPenn"),
    "university of north carolina at chapel hill": ("UNC", "Chapel Hill", "Carolina", "Tar Heel", "Tar Heels"),
    "university of wisconsin madison": ("UW-Madison", "UW Madison", "Wisconsin", "UW", "Badger", "Badgers"),
    "university of washington": ("UW", "UDub", "U Dub", "Husky", "Huskies"),
    "washington state university": ("Washington State", "WSU", "Wazzu", "Coug", "Cougs"),
    "purdue university": ("Purdue", "Boilermaker", "Boilermakers"),
    "indiana university": ("IU", "Indiana", "Hoosier", "Hoosiers"),
    "indiana university bloomington": ("IU", "Indiana", "IU Bloomington", "Hoosier", "Hoosiers"),
    "indiana state university": ("Indiana State", "ISU"),
    "arizona state university": ("Arizona State", "ASU", "Sun Devil", "Sun Devils"),
    "boston university": ("BU",),
    "boston college": ("BC",),
    "northeastern university": ("Northeastern", "NEU"),
    "rutgers university": ("Rutgers",),
    "rutgers university new brunswick": ("Rutgers",),
    "the state university of new jersey": ("Rutgers",),
    "virginia tech": ("VT", "Hokie", "Hokies"),
    "virginia polytechnic institute and state university": ("Virginia Tech", "VT", "Hokie", "Hokies"),
    "university of virginia": ("UVA", "Virginia", "Wahoo", "Wahoos"),
    "university of florida": ("UF", "Florida", "Gator", "Gators"),
    "florida state university": ("Florida State", "FSU", "Seminole", "Seminoles"),
    "university of illinois urbana champaign": ("UIUC", "Illinois", "U of I", "Illini"),
    "university of illinois at urbana champaign": ("UIUC", "Illinois", "U of I", "Illini"),
    "university of minnesota": ("UMN", "Minnesota", "U of M", "Gopher", "Gophers", "the U"),
    "university of minnesota twin cities": ("UMN", "Minnesota", "U of M", "Gopher", "Gophers"),
    "university of chicago": ("UChicago", "U Chicago"),
    "columbia university": ("Columbia",),
    "harvard university": ("Harvard",),
    "stanford university": ("Stanford",),
    "yale university": ("Yale",),
    "princeton university": ("Princeton",),
    "cornell university": ("Cornell",),
    "duke university": ("Duke", "Blue Devil", "Blue Devils"),
    "georgetown university": ("Georgetown", "Hoya", "Hoyas"),
    "howard university": ("Howard", "Bison", "HU"),
    "spelman college": ("Spelman",),
    "university of maryland": ("UMD", "Maryland", "Terp", "Terps", "Terrapin", "Terrapins"),
    "university of maryland college park": ("UMD", "Maryland", "Terp", "Terps"),
    "ohio university": ("OU", "Ohio U", "Bobcat", "Bobcats"),
    "miami university": ("Miami of Ohio", "Miami U", "Miami", "Miami (OH)", "RedHawk", "RedHawks"),
    "university of cincinnati": ("UC", "UCincy", "Cincinnati", "Bearcat", "Bearcats"),
    "university of colorado boulder": ("CU Boulder", "CU", "Colorado", "Buff", "Buffs"),
    "university of oregon": ("UO", "Oregon", "Duck", "Ducks"),
    "university of iowa": ("Iowa", "UI", "Hawkeye", "Hawkeyes", "UIowa"),
    "iowa state university": ("Iowa State", "ISU", "Cyclone", "Cyclones"),
    "university of georgia": ("UGA", "Georgia", "Bulldog", "Bulldogs"),
    "university of kentucky": ("UK", "Kentucky", "Wildcat", "Wildcats"),
    "university of arizona": ("UArizona", "U of A", "Arizona", "Wildcat", "Wildcats"),
    "drexel university": ("Drexel", "Dragon", "Dragons"),
    "temple university": ("Temple", "Owl", "Owls", "TU"),
    "villanova university": ("Villanova", "Nova", "Wildcat", "Wildcats"),
    "university of utah": ("Utah", "the U", "U of U", "Ute", "Utes"),
    "utah state university": ("Utah State", "USU", "Aggie", "Aggies"),
    "university of california davis": ("UC Davis", "UCD", "Davis", "Aggie", "Aggies"),
    "university of california san diego": ("UC San Diego", "UCSD", "Triton", "Tritons"),
    "university of california irvine": ("UC Irvine", "UCI", "Anteater", "Anteaters"),
    "university of california santa barbara": ("UC Santa Barbara", "UCSB", "Gaucho", "Gauchos"),
    "baylor university": ("Baylor", "Bear", "Bears", "BU"),
    "texas christian university": ("TCU", "Horned Frog", "Horned Frogs"),
    "colorado state university": ("Colorado State", "CSU", "Ram", "Rams"),
    "university of miami": ("UM", "the U", "Hurricane", "Hurricanes", "Canes"),
    "stony brook university": ("Stony Brook", "SBU", "Seawolf", "Seawolves"),
    "hunter college": ("Hunter", "CUNY Hunter", "Hawk", "Hawks"),
    "university of notre dame": ("Notre Dame", "ND", "Domer", "Domers", "Fighting Irish"),
    "northwestern university": ("Northwestern", "NU", "Wildcat", "Wildcats"),
    "university of nebraska lincoln": ("Nebraska", "UNL", "Husker", "Huskers", "Cornhusker", "Cornhuskers"),
    "university of oklahoma": ("OU", "Oklahoma", "Sooner", "Sooners"),
    "auburn university": ("Auburn", "War Eagle", "Tiger", "Tigers"),
    "louisiana state university": ("LSU", "Tiger", "Tigers"),
    "clemson university": ("Clemson", "Tiger", "Tigers"),
    "university of alabama": ("Alabama", "Bama", "UA", "Crimson Tide"),
    "university of tennessee": ("UT", "Tennessee", "Vol", "Vols", "Volunteer", "Volunteers"),
    "vanderbilt university": ("Vanderbilt", "Vandy", "Commodore", "Commodores"),
    "rice university": ("Rice", "Owl", "Owls"),
    "san diego state university": ("San Diego State", "SDSU", "Aztec", "Aztecs"),
    "california polytechnic state university": ("Cal Poly", "Cal Poly SLO", "Mustang", "Mustangs"),
    "california polytechnic state university san luis obispo": ("Cal Poly", "Cal Poly SLO", "Mustang", "Mustangs"),
    "university of toronto": ("U of T", "UofT", "UToronto", "Toronto"),
    "university of connecticut": ("UConn", "Husky", "Huskies"),
    "university of massachusetts": ("UMass", "Minuteman", "Minutemen"),
    "georgia southern university": ("Georgia Southern", "GSU", "Eagle", "Eagles"),
    "boise state university": ("Boise State", "BSU", "Bronco", "Broncos"),
    "montana state university": ("Montana State", "MSU", "Bobcat", "Bobcats"),
    "university of new mexico": ("UNM", "New Mexico", "Lobo", "Lobos"),
    "new mexico state university": ("New Mexico State", "NMSU", "Aggie", "Aggies"),
    "tulane university": ("Tulane", "Green Wave"),
    "university of south carolina": ("USC", "South Carolina", "Gamecock", "Gamecocks"),
    "emory university": ("Emory", "Eagle", "Eagles"),
    "gonzaga university": ("Gonzaga", "Zag", "Zags", "Bulldog", "Bulldogs"),
    "creighton university": ("Creighton", "Bluejay", "Bluejays"),
    "marquette university": ("Marquette", "Golden Eagle", "Golden Eagles"),
    "university of vermont": ("UVM", "Vermont", "Catamount", "Catamounts"),
    "dartmouth college": ("Dartmouth", "Big Green"),
    "university of massachusetts amherst": ("UMass Amherst", "UMass", "Minuteman", "Minutemen"),
    "university of nevada reno": ("UNR", "Nevada", "Wolf Pack"),
    "northern arizona university": ("NAU", "Lumberjack", "Lumberjacks"),
    "university of hawaii at manoa": ("UH Manoa", "UH", "Manoa", "Rainbow Warriors"),
    "london school of economics": ("LSE",),
    "london school of economics and political science": ("LSE",),
    "indian institute of technology bombay": ("IIT Bombay", "IITB", "IIT"),
    "indian institute of technology delhi": ("IIT Delhi", "IITD", "IIT"),
    "national university of singapore": ("NUS",),
    "tecnologico de monterrey": ("Tec de Monterrey", "Tec", "ITESM"),
    "universidad nacional autonoma de mexico": ("UNAM",),
    # Employers
    "jpmorgan chase": ("JPMorgan", "JP Morgan", "J.P. Morgan", "JPM", "Chase", "JPMC"),
    "jpmorgan chase and co": ("JPMorgan", "JP Morgan", "J.P. Morgan", "JPM", "Chase", "JPMC"),
    "goldman sachs": ("Goldman", "GS"),
    "morgan stanley": ("MS",),
    "bank of america": ("BofA", "BoA", "Bank of America", "BAC"),
    "procter and gamble": ("P&G", "PG", "Procter & Gamble", "Procter and Gamble"),
    "johnson and johnson": ("J&J", "JNJ"),
    "kaiser permanente": ("Kaiser", "KP"),
    "the boston consulting group": ("BCG", "Boston Consulting Group"),
    "boston consulting group": ("BCG",),
    "mckinsey and company": ("McKinsey",),
    "deloitte": ("Deloitte",),
    "pricewaterhousecoopers": ("PwC",),
    "pwc": ("PricewaterhouseCoopers",),
    "ernst and young": ("EY",),
    "ey": ("Ernst & Young",),
    "kpmg": ("KPMG",),
    "international business machines": ("IBM",),
    "alphabet": ("Google",),
    "google": ("Alphabet",),
    "meta platforms": ("Meta", "Facebook"),
    "meta": ("Facebook",),
    "amazon web services": ("AWS", "Amazon"),
    "microsoft": ("MSFT",),
    "whole foods market": ("Whole Foods", "WFM"),
    "general electric": ("GE",),
    "general motors": ("GM",),
    "the walt disney company": ("Disney",),
    "united states department of state": ("State Department", "State Dept"),
    "u s department of state": ("State Department", "State Dept"),
    "national aeronautics and space administration": ("NASA",),
    "centers for disease control and prevention": ("CDC",),
    "peace corps": ("Peace Corps",),
    "teach for america": ("TFA", "Teach For America"),
    "americorps": ("AmeriCorps",),
}

# Canonical field of study -> the short forms people write for it.
FIELD_SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "economics": ("econ", "economics", "economic", "economist", "econ major"),
    "computer science": ("cs", "comp sci", "compsci", "computer science", "cse", "computing"),
    "computer engineering": ("compe", "comp e", "computer engineering", "cpe"),
    "political science": ("poli sci", "polisci", "political science", "polsci", "government"),
    "psychology": ("psych", "psychology", "psychologist"),
    "biology": ("bio", "biology", "biologist", "biological sciences"),
    "chemistry": ("chem", "chemistry", "chemist"),
    "mathematics": ("math", "maths", "mathematics", "mathematician", "applied math"),
    "statistics": ("stats", "stat", "statistics", "statistician", "biostatistics"),
    "electrical engineering": ("ee", "electrical engineering", "electrical"),
    "mechanical engineering": ("ME", "meche", "mech e", "mechanical engineering", "mechanical"),
    "chemical engineering": ("cheme", "chem e", "chemical engineering"),
    "civil engineering": ("civil engineering", "civil"),
    "industrial engineering": ("industrial engineering", "isye"),
    "business administration": ("business", "bizad", "biz", "mba", "business administration", "bba"),
    "finance": ("finance", "fin"),
    "accounting": ("accounting", "accountancy", "acct"),
    "marketing": ("marketing", "mktg"),
    "communications": ("comms", "comm", "communications", "communication studies", "communication"),
    "journalism": ("journalism", "j-school", "journo"),
    "sociology": ("soc", "sociology", "sociologist"),
    "anthropology": ("anthro", "anthropology"),
    "philosophy": ("philosophy",),
    "international relations": ("ir", "international relations", "international affairs", "international studies"),
    "public health": ("public health", "mph", "pubhealth", "global health"),
    "nursing": ("nursing", "nurse", "bsn", "msn", "rn"),
    "information science": ("info sci", "infosci", "information science", "information studies", "informatics"),
    "data science": ("data science", "data sci"),
    "human computer interaction": ("hci", "human computer interaction"),
    "graphic design": ("graphic design", "design"),
    "english": ("english", "english lit", "literature"),
    "history": ("history", "historian"),
    "education": ("education", "teaching"),
    "public policy": ("public policy", "policy", "mpp"),
    "kinesiology": ("kines", "kinesiology"),
    "neuroscience": ("neuro", "neuroscience"),
    "environmental science": ("enviro sci", "environmental science", "env sci", "environmental studies"),
}

# Words that end a company name without being part of what people call it.
_LEGAL_SUFFIXES = {
    "inc", "llc", "ltd", "corp", "corporation", "co", "company", "plc", "lp", "llp", "gmbh", "sa",
    "ag", "holdings", "group", "the", "limited", "incorporated",
}
# Trailing descriptors people drop: "Meridian Health" -> "Meridian".
_DESCRIPTORS = {
    "health", "healthcare", "market", "markets", "bank", "technologies", "technology", "tech",
    "systems", "labs", "lab", "partners", "consulting", "solutions", "services", "media",
    "studios", "studio", "foundation", "capital", "financial", "software", "analytics",
    "network", "agency", "energy", "pharmaceuticals", "pharma", "motors", "airlines",
    "international", "global", "industries", "enterprises", "collective", "ventures", "design",
    "department", "office", "offices", "dept", "division", "bureau", "commission", "authority",
    "digital", "interactive", "institute", "center", "alliance", "health system", "clinic",
    "hospital", "medical", "insurance", "logistics", "foods", "brands", "works", "co-op",
}
_SCHOOL_WORDS = {"university", "college", "institute", "school", "academy", "polytechnic"}
_CONNECTORS = {"of", "the", "and", "at", "for", "in", "de", "la", "du", "y", "&"}

# US states, big cities and countries: a school alias made only of these is "weak" (it needs
# an education context, so "I grew up in Michigan" does not count as naming Michigan's university).
PLACE_WORDS = {
    fold(w)
    for w in """alabama alaska arizona arkansas california colorado connecticut delaware florida
    georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland
    massachusetts michigan minnesota mississippi missouri montana nebraska nevada new hampshire
    jersey mexico york carolina north south dakota ohio oklahoma oregon pennsylvania rhode island
    tennessee texas utah vermont virginia washington west wisconsin wyoming boston chicago houston
    phoenix philadelphia san antonio diego dallas jose austin columbus denver seattle detroit
    atlanta miami toronto london paris berlin madrid delhi mumbai bombay singapore tokyo seoul
    beijing shanghai nairobi lagos cairo sydney melbourne vancouver montreal los angeles
    francisco pittsburgh cincinnati cleveland baltimore portland nashville memphis minneapolis
    st louis kansas city orleans tampa orlando charlotte raleigh richmond buffalo rochester
    louisville lexington portland pittsburgh madison bothell tacoma newark camden milwaukee parkside dearborn flint bloomington
    indianapolis riverside irvine davis merced cruz barbara stout eau claire greensboro
    india china japan korea brazil canada england germany france spain italy nigeria kenya
    ghana egypt vietnam philippines pakistan bangladesh colombia peru chile argentina""".split()
}


def words_of(name: str) -> list[str]:
    """Folded words of a name, '&' read as 'and', possessives and punctuation dropped."""
    name = fold(name).replace("&", " and ").replace("'s ", " ").replace("’s ", " ")
    name = re.sub(r"(?<=\b[a-z])\.(?=[a-z]\b)", "", name)  # J.P. -> JP
    return [w for w in re.split(r"[^\w]+", name) if w and w != "s"]


def compact(words: list[str] | tuple[str, ...]) -> str:
    return "".join(words)


def canonical(name: str) -> str:
    words = words_of(name)
    while words and words[0] == "the":
        words = words[1:]
    while words and words[-1] in _LEGAL_SUFFIXES:
        words = words[:-1]
    return " ".join(words)


@lru_cache(maxsize=1)
def _known_by_canonical() -> dict[str, tuple[str, ...]]:
    """The table of known short forms keyed by canonical names (as profiles' names are looked up:
    "The Boston Consulting Group" and "U.S. Department of State" find their rows)."""
    out: dict[str, tuple[str, ...]] = {}
    for key, forms in KNOWN_SHORT_FORMS.items():
        for k in dict.fromkeys((key, canonical(key), " ".join(w for w in words_of(key) if w not in ("u", "s", "us")))):
            out[k] = tuple(dict.fromkeys(out.get(k, ()) + forms))
    return out


def known_short_forms(key: str) -> tuple[str, ...]:
    """The nicknames and short forms the table knows for a canonical name (none: ())."""
    return _known_by_canonical().get(key, ())


def acronym(words: list[str], keep_connectors: bool = False) -> str:
    letters = [w[0] for w in words if w and (keep_connectors and w in ("of", "and") or w not in _CONNECTORS)]
    return "".join(letters)


def acronyms(words: list[str]) -> list[str]:
    """Initials with and without the small words: Virginia Department of Transportation -> VDT, VDOT."""
    return list(dict.fromkeys([acronym(words), acronym(words, keep_connectors=True)]))


_SUBSCHOOL = re.compile(r"\s+(?:school|college|faculty|department|institute)\s+of\s+.*$|\s+(?:law|medical|business|graduate)\s+school$")


def parent_school(key: str) -> str:
    """The university a school belongs to: "university of new mexico school of law" -> "university of new mexico"."""
    return _SUBSCHOOL.sub("", key)


def school_short_forms(name: str) -> list[tuple[str, bool]]:
    """Short forms for a school: (form, strong). Weak forms need an education context."""
    words = canonical(name).split()
    forms: list[tuple[str, bool]] = [(" ".join(words), True)]
    if not words:
        return []
    # "University of New Mexico School of Law" is also "University of New Mexico" (UNM)
    parent = _SUBSCHOOL.sub("", " ".join(words))
    if parent != " ".join(words) and len(parent.split()) >= 2:
        forms.extend(school_short_forms(parent))
    key = " ".join(words)
    for extra in known_short_forms(key):
        forms.append((extra, not _is_place(words_of(extra))))
    core = [w for w in words if w not in _SCHOOL_WORDS]
    # "University of X" -> "X"; "X University" -> "X"; "X State University" -> "X State"
    if core and core != words:
        while core and core[0] in _CONNECTORS:
            core = core[1:]
        while core and core[-1] in _CONNECTORS:
            core = core[:-1]
        if core:
            forms.append((" ".join(core), not _is_place(core)))
            # "North Carolina State" -> "NC State", "New Mexico State" -> "NM State"
            if len(core) == 3 and core[-1] == "state" and _is_place(core[:2]):
                forms.append((core[0][0] + core[1][0] + " state", True))
    if len(words) >= 2:
        for letters in acronyms(words):
            if 2 <= len(letters) <= 6:
                forms.append((letters, True))
    # "Xavier University of Louisiana" -> "Xavier"; "The Evergreen State College" -> "Evergreen";
    # "Colorado School of Mines" -> "Mines"
    if words[0] not in _SCHOOL_WORDS and words[0] not in _CONNECTORS and words[0] not in PLACE_WORDS \
            and len(words) >= 3 and len(words[0]) >= 4:
        forms.append((words[0], True))
    if "school" in words and words.index("school") + 2 < len(words) + 1 and words[words.index("school") + 1:][:1] == ["of"]:
        tail = words[words.index("school") + 2:]
        if len(tail) == 1 and tail[0] not in PLACE_WORDS:
            forms.append((tail[0], False))
    if words[0] == "university" and len(words) >= 3 and words[1] == "of":
        forms.append(("u of " + words[2], True))
        forms.append(("u" + words[2], True))
        # University of California, Davis -> UC Davis; University of Texas at Dallas -> UT Dallas
        system = {"california": "uc", "texas": "ut", "north carolina": "unc", "wisconsin": "uw",
                  "massachusetts": "umass", "maryland": "umd", "colorado": "cu", "illinois": "u of i",
                  "missouri": "mizzou", "nebraska": "unl", "tennessee": "ut", "minnesota": "umn"}
        rest = words[2:]
        for state, short in system.items():
            sw = state.split()
            if rest[: len(sw)] == sw and len(rest) > len(sw):
                campus = [w for w in rest[len(sw):] if w not in ("at",)]
                if campus:
                    forms.append((short + " " + " ".join(campus), True))
                    forms.append((short + "-" + " ".join(campus), True))
    if len(words) >= 3 and words[0] == "california" and words[1] == "state" and words[2] == "university":
        campus = [w for w in words[3:] if w not in ("at",)]
        if campus:
            forms.append(("cal state " + " ".join(campus), True))
    # a campus after a comma or "at" ("California State University, Fullerton"): alone, with context
    campus_part = re.split(r",|\s+at\s+", fold(name))
    if len(campus_part) >= 2:
        campus = [w for w in canonical(campus_part[-1]).split() if w not in _CONNECTORS]
        if 1 <= len(campus) <= 2 and campus != words and not (set(campus) & _SCHOOL_WORDS):
            forms.append((" ".join(campus), False))
    if len(words) >= 4 and words[:4] == ["state", "university", "of", "new"] and "york" in words:
        campus = [w for w in words[words.index("york") + 1:] if w not in ("at",)]
        if campus:
            forms.append(("suny " + " ".join(campus), True))
    return forms


def employer_short_forms(name: str) -> list[tuple[str, bool]]:
    """Short forms for an employer: (form, strong)."""
    words = canonical(name).split()
    if not words:
        return []
    known = [(extra, True) for extra in known_short_forms(" ".join(words))]
    # "U.S. Army" -> "Army"; "United States Navy" -> "Navy"
    for prefix in (["us"], ["u", "s"], ["united", "states"]):
        if words[: len(prefix)] == prefix and len(words) > len(prefix):
            rest = words[len(prefix):]
            return [(" ".join(words), True), (" ".join(rest), True)] + known + employer_short_forms(" ".join(rest))[1:]
    forms: list[tuple[str, bool]] = [(" ".join(words), True)]
    forms.extend(known)
    trimmed = list(words)
    while len(trimmed) > 1 and trimmed[-1] in _DESCRIPTORS | _CONNECTORS:
        trimmed = trimmed[:-1]
        if trimmed[-1] not in _CONNECTORS and not _is_place(trimmed):  # "Ohio Department of Health" is not "Ohio"
            forms.append((" ".join(trimmed), True))
    if len(words) >= 2 and words[0] not in _CONNECTORS and len(words[0]) >= 4 and words[0] not in _DESCRIPTORS \
            and words[0] not in PLACE_WORDS and words[1] not in ("county", "city", "state", "district", "parish", "township"):
        # "Portland" alone is the city, not Portland Parks & Recreation; "Medina" is not Medina County Health
        forms.append((words[0], True))
    if len(words) >= 3:
        for letters in acronyms(words):
            if 3 <= len(letters) <= 6:
                forms.append((letters, True))
    # "IBEW Local 48" -> "Local 48"
    for i in range(len(words) - 1):
        if words[i] == "local" and words[i + 1].isdigit():
            forms.append((f"local {words[i + 1]}", True))
    if any(w in _SCHOOL_WORDS for w in words):  # an employer that is a school
        forms.extend(school_short_forms(name))
    return forms


def _is_place(words: list[str]) -> bool:
    return bool(words) and all(w in PLACE_WORDS or w in _CONNECTORS for w in words)


def needs_capitals(form: str) -> bool:
    """A short form that is also an ordinary word ('Target', 'Meridian', 'UM') must be written
    with a capital letter to count (unless the whole note is in lower case)."""
    words = words_of(form)
    if len(words) != 1:
        return False
    word = words[0]
    return word in english_words() or (len(word) <= 3 and form.isupper())


@lru_cache(maxsize=1024)
def field_forms(field: str) -> tuple[str, ...]:
    """The forms of a field of study: 'Economics' -> econ, economics, ..."""
    key = canonical(field)
    forms = [key]
    for canon, shorts in FIELD_SHORT_FORMS.items():
        if key == canon or key in shorts or canon in key:
            forms.append(canon)
            forms.extend(shorts)
    return tuple(dict.fromkeys(f for f in forms if f))
