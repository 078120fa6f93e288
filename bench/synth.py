"""Synthetic news corpus: deterministic, fast, and made only of invented material.

`generate_corpus(n, out_dir, seed)` writes `synth_000001.txt` ... news-like
English texts about prisoner releases, political-prisoner tallies, sanctions
and the people involved, in several styles (wire brief, explainer, analysis,
Q&A, live blog) with page furniture around the article. About 30% of files
get a sidecar `NAME.json` (`published_at`, `source`, `title`); about 1% are
byte-identical copies of an earlier file.

Every person, outlet, company and rights group here is invented; countries
come from a generic list. People keep one identity across documents but are
spelled with transliteration variants ("Dravetskaya" / "Dravetskaia").

Determinism: the only source of randomness is `random.Random(seed)` (the
invented cast comes from a fixed `random.Random`), nothing iterates a set, so
the same seed gives the same bytes on every machine.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import time
from pathlib import Path

# --------------------------------------------------------------------------- world

# (country, capital, demonym, neighbour) -- a generic list of real countries.
COUNTRIES = (
    ("Moldova", "Chisinau", "Moldovan", "Romania"),
    ("Georgia", "Tbilisi", "Georgian", "Turkey"),
    ("Kazakhstan", "Astana", "Kazakh", "Kyrgyzstan"),
    ("Uzbekistan", "Tashkent", "Uzbek", "Kazakhstan"),
    ("Tajikistan", "Dushanbe", "Tajik", "Afghanistan"),
    ("Turkmenistan", "Ashgabat", "Turkmen", "Iran"),
    ("Kyrgyzstan", "Bishkek", "Kyrgyz", "Kazakhstan"),
    ("Venezuela", "Caracas", "Venezuelan", "Colombia"),
    ("Nicaragua", "Managua", "Nicaraguan", "Costa Rica"),
    ("Cuba", "Havana", "Cuban", "Mexico"),
    ("Iran", "Tehran", "Iranian", "Iraq"),
    ("Myanmar", "Naypyidaw", "Burmese", "Thailand"),
    ("Eritrea", "Asmara", "Eritrean", "Ethiopia"),
    ("Egypt", "Cairo", "Egyptian", "Sudan"),
    ("Cambodia", "Phnom Penh", "Cambodian", "Vietnam"),
    ("Vietnam", "Hanoi", "Vietnamese", "Laos"),
    ("Bahrain", "Manama", "Bahraini", "Saudi Arabia"),
    ("Rwanda", "Kigali", "Rwandan", "Uganda"),
    ("Zimbabwe", "Harare", "Zimbabwean", "Zambia"),
    ("Uganda", "Kampala", "Ugandan", "Kenya"),
    ("Algeria", "Algiers", "Algerian", "Tunisia"),
    ("Tunisia", "Tunis", "Tunisian", "Libya"),
)
# (formal name with article, short name with article, attributive short name, capital standing for it)
ISSUERS = (
    ("the European Union", "the EU", "EU", "Brussels"),
    ("the United States", "the US", "US", "Washington"),
    ("the United Kingdom", "the UK", "UK", "London"),
    ("Canada", "Canada", "Canadian", "Ottawa"),
)
OUTLETS = (
    "The Meridian Ledger", "Northgate Wire", "Eastwind Daily", "Continental Dispatch",
    "The Harbour Courier", "Lakeside Tribune", "Global Brief", "The Steppe Observer",
    "Riverline News", "Atlas Report", "The Frontier Gazette", "Open Channel Radio",
    "Crossroads Press Agency", "The Evening Lantern", "Pinewood Post", "Signal Hill Times",
)
RIGHTS_GROUPS = (
    "the Lantern Rights Centre", "Open Cell Monitor", "the Committee for Detainee Dignity",
    "the Clearwater Human Rights Group", "Free Voices Watch", "the Bridgeway Legal Initiative",
    "the Northern Rights Network", "Justice Without Borders Monitor",
)
# (company, kind, sector)
COMPANIES = (
    ("Velmar Potash", "producer", "potash"), ("Karavan Air", "carrier", "aviation"),
    ("Ostrel Steelworks", "manufacturer", "steel"), ("Nordaval Bank", "bank", "banking"),
    ("Granitex Refining", "refinery", "oil"), ("Solvenko Fertiliser", "exporter", "fertilizer"),
    ("Taiga Timber Holdings", "exporter", "timber"), ("Bellhaven Tobacco", "company", "tobacco"),
)
SECTORS = ("potash", "oil", "steel", "banking", "aviation", "fertilizer", "timber", "tobacco",
           "gold", "petrochemicals")

MALE_GIVEN = (
    ("Andrei", "Andrey", "Andrej"), ("Dmitri", "Dmitry", "Dzmitry"), ("Sergei", "Sergey", "Siarhei"),
    ("Yuri", "Yury", "Iurii"), ("Mikhail", "Mikhael", "Mikhas"), ("Nikolai", "Nikolay", "Mikalai"),
    ("Pavel", "Paval", "Pavlo"), ("Oleg", "Aleh", "Oleh"), ("Roman", "Raman"), ("Timur", "Temur"),
    ("Stepan", "Styapan", "Stefan"), ("Ruslan", "Ruslanas"), ("Karim", "Kareem"), ("Ernesto",),
    ("Jorge",), ("Reza", "Rezza"), ("Farid", "Fareed"), ("Rustam", "Rustem"), ("Ilya", "Illia", "Ilia"),
    ("Gleb", "Hleb"), ("Konstantin", "Kanstantsin"), ("Anton", "Antone"), ("Bogdan", "Bohdan"),
)
FEMALE_GIVEN = (
    ("Irina", "Iryna"), ("Olga", "Volha", "Olha"), ("Natalia", "Natalya", "Nataliya"),
    ("Svetlana", "Sviatlana"), ("Tatiana", "Tatsiana", "Tatyana"), ("Elena", "Yelena", "Alena"),
    ("Anna", "Hanna"), ("Yulia", "Yuliya", "Julia"), ("Veronika", "Veranika"), ("Daria", "Darya"),
    ("Ksenia", "Kseniya"), ("Lucia",), ("Carmen",), ("Leila", "Leyla"), ("Nadia", "Nadzeya", "Nadezhda"),
    ("Zoya", "Zoia"), ("Galina", "Halina"), ("Lidia", "Lidziya"),
)
SURNAME_STEMS = (
    "Dravet", "Kolmag", "Zarub", "Vesnit", "Morosh", "Tarkhan", "Lisovet", "Brylev", "Hrudan",
    "Pashkov", "Sokhalen", "Vorbin", "Kastrel", "Yermol", "Chabrov", "Dubovan", "Zhelud",
    "Rakhman", "Osvetl", "Kuprin", "Lobach", "Semchor", "Tsvilin", "Navrot", "Gorbel", "Strelts",
    "Prokhal", "Yakubol", "Zinkov", "Melnar", "Orlavet", "Shchepan", "Voloshk", "Baranet",
)
# surname endings: (male variants, female variants); the first spelling is canonical
ENDINGS = (
    (("ovich", "ovitch", "owicz"), ("ovich", "ovitch", "owicz")),
    (("enko", "enka"), ("enko", "enka")),
    (("sky", "ski", "skiy"), ("skaya", "skaia", "ska")),
    (("ov", "off", "ou"), ("ova", "ava", "owa")),
    (("uk", "iuk", "yuk"), ("uk", "iuk", "yuk")),
    (("in", "yn"), ("ina", "yna")),
    (("ich", "ych"), ("ich", "ych")),
)
STEM_SWAPS = (("kh", "h"), ("v", "w"), ("o", "a"), ("ts", "tz"), ("y", "i"), ("e", "ie"))
ROLES = (
    "opposition leader", "human rights activist", "journalist", "blogger", "lawyer", "economist",
    "former presidential candidate", "trade union leader", "student activist", "priest",
    "theatre director", "political analyst", "rights defender", "former diplomat", "poet",
)
OFFICIAL_TITLES = ("President", "Foreign Minister", "Prime Minister", "Interior Minister")
ISSUER_OFFICIAL_TITLES = ("special envoy", "foreign policy chief", "deputy secretary of state",
                          "sanctions coordinator", "ambassador")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
MONTH_ABBR = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
              "Nov.", "Dec.")
NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
                9: "nine", 10: "ten", 11: "eleven", 12: "twelve", 14: "fourteen", 15: "fifteen",
                16: "sixteen", 18: "eighteen", 20: "twenty", 30: "thirty", 40: "forty", 50: "fifty",
                60: "sixty", 70: "seventy", 80: "eighty", 90: "ninety"}
PEOPLE_NOUNS = ("political prisoners", "prisoners", "detainees", "people", "activists",
                "political detainees", "prisoners of conscience", "inmates", "opposition activists",
                "journalists and activists")
START_DATE = dt.date(2020, 9, 1)
SPAN_DAYS = (dt.date(2026, 10, 31) - START_DATE).days


def _variants(text: str) -> list[str]:
    out = [text]
    for a, b in STEM_SWAPS:
        if a in text[1:]:
            alt = text[0] + text[1:].replace(a, b, 1)
            if alt not in out:
                out.append(alt)
    return out


def _build_cast(size: int = 360) -> list[tuple]:
    """Invented people: (given spellings, surname spellings, female, role, country index)."""
    r = random.Random(20261124)
    cast, seen = [], []
    while len(cast) < size:
        female = r.random() < 0.45
        given = r.choice(FEMALE_GIVEN if female else MALE_GIVEN)
        stem = r.choice(SURNAME_STEMS)
        male_end, female_end = r.choice(ENDINGS)
        ends = female_end if female else male_end
        surnames = [stem + ends[0]]
        for alt_stem in _variants(stem)[1:2]:
            surnames.append(alt_stem + ends[0])
        surnames.extend(stem + e for e in ends[1:])
        key = (given[0], surnames[0])
        if key in seen:
            continue
        seen.append(key)
        cast.append((given, tuple(dict.fromkeys(surnames)), female, r.choice(ROLES), r.randrange(len(COUNTRIES))))
    return cast


CAST = _build_cast()
REPORTERS = tuple(f"{g[0]} {s[0]}" for g, s, *_ in _build_cast(40))


# --------------------------------------------------------------------------- per document

class _Person:
    __slots__ = ("full", "last", "given", "role", "female")

    def __init__(self, r: random.Random, entry: tuple) -> None:
        given, surnames, female, role, _ = entry
        # one spelling per document; variants across documents
        self.given = given[0] if r.random() < 0.7 else r.choice(given)
        self.last = surnames[0] if r.random() < 0.65 else r.choice(surnames)
        self.full = f"{self.given} {self.last}"
        self.role = role
        self.female = female


class _Doc:
    """Everything one document talks about, drawn once so its sentences agree."""

    def __init__(self, r: random.Random) -> None:
        self.r = r
        ci = r.randrange(len(COUNTRIES))
        self.country, self.capital, self.demonym, self.neighbour = COUNTRIES[ci]
        self.issuer, self.the_short, self.issuer_short, self.issuer_city = r.choice(ISSUERS)
        self.outlet = r.choice(OUTLETS)
        self.group = r.choice(RIGHTS_GROUPS)
        self.company, self.company_kind, self.company_sector = r.choice(COMPANIES)
        self.sector = r.choice(SECTORS)
        self.published = START_DATE + dt.timedelta(days=r.randrange(SPAN_DAYS))
        self.event_date = self.published - dt.timedelta(days=r.choice((0, 1, 1, 2, 3, 4, 5, 6, 9, 14, 30)))
        self.release = r.random() < 0.7
        self.n = r.choice((r.randint(3, 20), r.randint(14, 60), r.randint(40, 160), r.randint(100, 320)))
        self.tally = r.randint(6, 16) * 100 + r.randrange(0, 100)
        self.since_year = r.randint(2020, self.published.year) if self.published.year > 2020 else 2020
        self.total = self.n + r.randint(20, 400)
        self.election_year = r.randint(max(2015, self.published.year - 6), self.published.year - 1)
        pool = [e for e in (r.choice(CAST) for _ in range(12)) if COUNTRIES[e[4]][0] == self.country]
        pool += [r.choice(CAST) for _ in range(4)]
        self.people = [_Person(r, e) for e in pool[:r.randint(2, 4)]]
        leader_entry = CAST[(ci * 7) % len(CAST)]  # a stable head of state per country
        self.leader = leader_entry[0][0] + " " + leader_entry[1][0]
        self.leader_last = leader_entry[1][0] if r.random() < 0.8 else r.choice(leader_entry[1])
        self.leader_title = "President"
        envoy = CAST[(ci * 13 + 5) % len(CAST)]
        self.envoy = f"{envoy[0][0]} {envoy[1][0]}"
        self.envoy_last = envoy[1][0]
        self.envoy_title = r.choice(ISSUER_OFFICIAL_TITLES)
        self.mentioned: set[int] = set()
        self.used: set[str] = set()  # membership only, never iterated

    # ---- small renderers
    def date_phrase(self) -> str:
        r, e, p = self.r, self.event_date, self.published
        lag = (p - e).days
        k = r.random()
        if lag == 0 and k < 0.5:
            return r.choice(("today", "on " + WEEKDAY_NAMES[e.weekday()], "earlier today"))
        if lag == 1 and k < 0.5:
            return "yesterday"
        if 0 < lag < 7 and k < 0.75:
            return "on " + WEEKDAY_NAMES[e.weekday()]
        if lag <= 7 and k < 0.85:
            return r.choice(("this week", "last week", "earlier this week"))
        style = r.randrange(5)
        if style == 0:
            return f"on {e.day} {MONTH_NAMES[e.month - 1]} {e.year}"
        if style == 1:
            return f"on {MONTH_NAMES[e.month - 1]} {e.day}, {e.year}"
        if style == 2:
            return f"on {MONTH_ABBR[e.month - 1]} {e.day}"
        if style == 3:
            return f"in {MONTH_NAMES[e.month - 1]} {e.year}"
        return f"on {e.day} {MONTH_NAMES[e.month - 1]}"

    def count(self, n: int | None = None, qualify: float = 0.35) -> str:
        r = self.r
        n = self.n if n is None else n
        if n in NUMBER_WORDS and r.random() < 0.4:
            text = NUMBER_WORDS[n]
        else:
            text = f"{n:,}" if r.random() < 0.8 else str(n)
        if r.random() < qualify:
            text = r.choice(("more than", "nearly", "about", "at least", "some", "almost",
                             "around", "over", "roughly")) + " " + text
        return text

    def noun(self) -> str:
        return self.r.choice(PEOPLE_NOUNS)

    def person(self, first: bool | None = None) -> str:
        """A person mention: full name with title or apposition first, surname later."""
        r = self.r
        i = r.randrange(len(self.people))
        p = self.people[i]
        if first is None:
            first = i not in self.mentioned
        self.mentioned.add(i)
        if first:
            k = r.randrange(4)
            if k == 0:
                return f"{p.role} {p.full}"
            if k == 1:
                return f"{p.full}, a {r.randint(24, 71)}-year-old {p.role},"
            if k == 2:
                return f"the {self.demonym} {p.role} {p.full}"
            return p.full
        k = r.randrange(4)
        if k == 0:
            return ("Ms " if p.female else "Mr ") + p.last
        return p.last

    def person_possessive(self) -> str:
        """"Surname's" for someone already introduced, else "Given Surname's"."""
        i = self.r.randrange(len(self.people))
        p = self.people[i]
        known = i in self.mentioned
        self.mentioned.add(i)
        return (p.last if known else p.full) + "'s"


# --------------------------------------------------------------------------- sentences

def cap(text: str) -> str:
    """Upper-case the first character only ("the EU" -> "The EU")."""
    return text[:1].upper() + text[1:]

# Each takes the document and returns one sentence (with final punctuation).

def s_release(d: _Doc) -> str:
    r = d.r
    k = r.randrange(12)
    c, n, date = d.country, d.count(), d.date_phrase()
    if k == 0:
        return f"{c} released {n} {d.noun()} {date}, {d.outlet} reported."
    if k == 1:
        return f"Authorities in {d.capital} freed {n} {d.noun()} {date}, according to {d.group}."
    if k == 2:
        return f"{d.count(qualify=1.0).capitalize()} {d.noun()} were freed {date} under an amnesty announced by {d.leader_title} {d.leader}."
    if k == 3:
        return f"{d.leader_title} {d.leader_last} pardoned {n} people convicted over the protests {date}."
    if k == 4:
        return f"The {n} prisoners were released {date} and driven to the border with {d.neighbour}."
    if k == 5:
        return f"The release of {n} {d.noun()} {date} followed months of quiet talks with {d.issuer_city}."
    if k == 6:
        return f"{n.capitalize()} {d.noun()} walked free {date}, their relatives said."
    if k == 7:
        return f"{d.country} has set free {n} {d.noun()} in a deal brokered by {d.issuer_short} {d.envoy_title} {d.envoy}."
    if k == 8:
        return f"In a surprise move, the government released {n} {d.noun()}, including {d.person()}."
    if k == 9:
        return f"{d.person()} was among the {n} {d.noun()} set free {date}."
    if k == 10:
        return f"{d.demonym} officials confirmed that {n} {d.noun()} had been handed over to {d.issuer_short} diplomats {date}."
    return f"{d.country} frees {n} {d.noun()} as part of a wider deal with {d.issuer}."


def s_tally(d: _Doc) -> str:
    r = d.r
    k = r.randrange(9)
    t = d.count(d.tally, qualify=0.6)
    if k == 0:
        return f"Over {d.tally:,} political prisoners remain behind bars, according to {d.group}."
    if k == 1:
        return f"A total of {d.total:,} prisoners have been freed since {d.since_year}."
    if k == 2:
        return f"{d.group[0].upper() + d.group[1:]} counts {t} political prisoners still held in {d.country}."
    if k == 3:
        return (f"Since {MONTH_NAMES[r.randrange(12)]} {d.since_year}, the authorities have pardoned "
                f"{d.total:,} people, including {d.n} {d.date_phrase()}.")
    if k == 4:
        return f"Roughly {d.tally:,} people are currently in jail on politically motivated charges."
    if k == 5:
        return f"Nearly {d.tally:,} detainees remain in custody, rights groups say."
    if k == 6:
        return f"{d.group[0].upper() + d.group[1:]} has documented {t} cases of political prisoners since {d.election_year}."
    if k == 7:
        return f"Even after the releases, more than {d.tally:,} political prisoners are still held."
    return f"Over {d.tally:,} remain behind bars, and a total of {d.total:,} freed since {d.since_year}."


def s_sanction(d: _Doc) -> str:
    r = d.r
    k = r.randrange(12)
    if k == 0:
        return f"{cap(d.the_short)} lifted sanctions on {d.country}'s {d.sector} exports."
    if k == 1:
        return f"{d.issuer_city} is considering easing sanctions on {d.company}, the state {d.company_kind}."
    if k == 2:
        return f"Sanctions imposed over the {d.election_year} election fraud remain in place."
    if k == 3:
        return (f"{cap(d.issuer)} imposed new sanctions on {r.randint(5, 40)} officials over the crackdown "
                f"on protests that followed the {d.election_year} election.")
    if k == 4:
        return f"{cap(d.the_short)} extended its sanctions against {d.country} for another year."
    if k == 5:
        return f"In exchange, {d.issuer_city} agreed to ease sanctions on the state airline {d.company if d.company_kind == 'carrier' else 'Karavan Air'}."
    if k == 6:
        return f"{cap(d.issuer)} tightened sanctions on {d.country}'s {d.sector} sector in {d.election_year + 1}."
    if k == 7:
        return f"Officials said sanctions on {d.sector} would stay in place until all political prisoners are freed."
    if k == 8:
        return f"{d.issuer_city} could lift sanctions on {d.company} if more prisoners are released, {d.envoy_title} {d.envoy_last} said."
    if k == 9:
        return f"Washington is considering easing sanctions on {d.country}'s {d.sector} industry."
    if k == 10:
        return (f"Sanctions first imposed on {d.country} in {d.election_year} over the violent suppression of protests "
                f"have cut {d.company} off from {d.issuer_short} markets.")
    return f"{d.demonym} {d.sector} producers have lost billions since sanctions were imposed in {d.election_year + 1}."


def s_person(d: _Doc) -> str:
    r = d.r
    k = r.randrange(10)
    if k == 0:
        return f"{d.person()} told reporters that the releases were \"only a first step\"."
    if k == 1:
        return f"{d.person_possessive()} lawyer said the charges had never been explained."
    if k == 2:
        return f"{d.person()} spent {r.randint(2, 6)} years in a penal colony before being freed."
    if k == 3:
        return f"\"I did not expect to see my family again,\" {d.person()} said after arriving in {d.neighbour}."
    if k == 4:
        return f"{d.person_possessive()} daughter, who lives abroad, called the release \"long overdue\"."
    if k == 5:
        return f"{d.leader_title} {d.leader} met {d.envoy_title} {d.envoy} in {d.capital}."
    if k == 6:
        return f"{d.person()} was detained in {d.election_year} and sentenced to {r.randint(3, 15)} years."
    if k == 7:
        return f"According to {d.person()}, conditions in custody had worsened over the past year."
    if k == 8:
        return f"{d.envoy_title.capitalize()} {d.envoy} said the talks had been \"difficult but serious\"."
    return f"{d.person()} thanked the diplomats who had negotiated the deal."


def s_other(d: _Doc) -> str:
    r = d.r
    k = r.randrange(8)
    if k == 0:
        return f"Talks between {d.capital} and {d.issuer_city} resumed {d.date_phrase()} after a long pause."
    if k == 1:
        return f"{d.envoy_title.capitalize()} {d.envoy} arrived in {d.capital} for a two-day visit."
    if k == 2:
        return f"{d.leader_title} {d.leader_last} sent a letter to the {d.issuer_short} leadership proposing further steps."
    if k == 3:
        return f"{cap(d.the_short)} said it would reopen its embassy in {d.capital} next year."
    if k == 4:
        return f"The disputed presidential election of {d.election_year} triggered months of protests and a crackdown on dissent."
    if k == 5:
        return f"{d.country} and {d.neighbour} held joint military exercises near the border last month."
    if k == 6:
        return f"Security forces cracked down on demonstrators in {d.capital} in {d.election_year}."
    return f"Negotiators from both sides are expected to meet again in {r.choice(('Vienna', 'Geneva', 'Oslo', 'Doha'))}."


FILLER_SUBJECTS = ("Analysts", "Diplomats", "Western officials", "Observers", "Rights advocates",
                   "Opposition figures in exile", "Economists", "Relatives of those still jailed")
FILLER_VERBS = ("cautioned that", "noted that", "argued that", "said privately that", "warned that",
                "pointed out that", "suggested that")
FILLER_CLAUSES = (
    "the gesture was limited and easily reversed",
    "the government was looking for economic relief",
    "the timing was linked to the coming budget talks",
    "little had changed for ordinary citizens",
    "new arrests continued even as some were freed",
    "the deal could set a precedent for the region",
    "the release was carefully staged for foreign audiences",
    "trust between the two sides remained thin",
    "the economy has been squeezed by years of isolation",
    "the authorities still deny holding anyone for political reasons",
)


def s_filler(d: _Doc) -> str:
    r = d.r
    k = r.randrange(5)
    if k == 0:
        return f"{r.choice(FILLER_SUBJECTS)} {r.choice(FILLER_VERBS)} {r.choice(FILLER_CLAUSES)}."
    if k == 1:
        return f"In {d.capital}, state television described the move as an act of \"humanity\"."
    if k == 2:
        return f"The {d.demonym} government has not commented on the terms of the arrangement."
    if k == 3:
        return f"Independent media in {d.country} have been shut down or forced to work from abroad."
    return f"It is not yet clear whether {r.choice(FILLER_CLAUSES)}."


SENTENCE_MIX = (s_release, s_release, s_tally, s_sanction, s_sanction, s_person, s_person,
                s_other, s_filler, s_filler, s_filler)
NO_RELEASE_MIX = (s_tally, s_sanction, s_sanction, s_sanction, s_person, s_other, s_other,
                  s_filler, s_filler, s_filler)


def paragraph(d: _Doc, lo: int = 2, hi: int = 5) -> str:
    """A few sentences; a sentence already used in the document is drawn again (up to 3 times)."""
    r = d.r
    mix = SENTENCE_MIX if d.release else NO_RELEASE_MIX
    out = []
    used = d.used
    for _ in range(r.randint(lo, hi)):
        for _attempt in range(4):
            sent = r.choice(mix)(d)
            if sent not in used:
                break
        used.add(sent)
        out.append(sent)
    return " ".join(out)


# --------------------------------------------------------------------------- furniture

def headline(d: _Doc) -> str:
    r = d.r
    if d.release:
        n = d.n
        return r.choice((
            f"{d.country} Frees {n} Political Prisoners Ahead of Sanctions Talks",
            f"{d.country} releases {n} detainees as {d.the_short} weighs sanctions relief",
            f"{d.demonym} Authorities Release {n} Prisoners in Deal With {d.issuer_city}",
            f"{n} political prisoners walk free in {d.country}",
            f"Prisoner release in {d.country}: what we know",
            f"{d.leader_title} {d.leader_last} Pardons {n} Opponents",
        ))
    return r.choice((
        f"{cap(d.the_short)} weighs easing sanctions on {d.country}",
        f"{d.country}'s {d.sector.capitalize()} Industry Hit by New Sanctions",
        f"Why {d.issuer_city} is rethinking its {d.country} policy",
        f"Rights groups count {d.tally:,} political prisoners in {d.country}",
    ))


def other_headline(r: random.Random) -> str:
    c = r.choice(COUNTRIES)
    return r.choice((
        f"{c[0]} frees {r.randint(5, 90)} detainees after talks",
        f"Sanctions on {c[0]}'s {r.choice(SECTORS)} sector extended",
        f"Opinion: the limits of prisoner diplomacy in {c[0]}",
        f"{c[1]} court jails {r.randint(2, 12)} more activists",
        f"Interview: a {c[2]} dissident on life in exile",
        f"Explainer: who decides on {r.choice(ISSUERS)[1]} sanctions",
    ))


READER_NAMES = ("reader_1984", "Olm", "quietobserver", "T.K.", "northwind22", "Marek_B")
READER_COMMENTS = ("Good news, finally.", "Too little, too late.", "Let's see if it lasts.",
                   "Sanctions work, this proves it.", "Free them all!", "Who paid for this?")


def trailer(r: random.Random) -> str:
    """Page furniture after the article: link lists, newsletter, comments."""
    parts = []
    k = r.randrange(5)
    if k == 0:
        parts.append("Related Articles\n" + "\n".join("- " + other_headline(r) for _ in range(r.randint(2, 5))))
    elif k == 1:
        parts.append("Read also:\n" + "\n".join("• " + other_headline(r) for _ in range(r.randint(2, 4))))
    elif k == 2:
        parts.append("More from " + r.choice(OUTLETS) + "\n" + "\n".join(other_headline(r) for _ in range(3)))
    if r.random() < 0.5:
        parts.append(r.choice((
            "Sign up for our morning newsletter and never miss a story.",
            "Stay informed: get our weekly briefing newsletter in your inbox.",
            "Subscribe to the Eastern Desk newsletter",
        )))
    if r.random() < 0.4:
        parts.append(r.choice(("Comments", f"Comments ({r.randint(0, 240)})", "Leave a comment")))
        for _ in range(r.randrange(3)):
            parts.append(r.choice(READER_NAMES) + ": " + r.choice(READER_COMMENTS))
        if r.random() < 0.5:
            parts.append("Please log in to join the discussion.")
    if r.random() < 0.3:
        parts.append(f"© {r.randint(2021, 2026)} {r.choice(OUTLETS)}. All rights reserved.")
    if r.random() < 0.2:
        parts.append("Tags: prisoners, sanctions, human rights, diplomacy")
    return "\n".join(parts)


def inline_furniture(r: random.Random) -> str:
    return r.choice((
        "Advertisement",
        "Read also: " + other_headline(r),
        "Share this article",
        "Sign up for our newsletter",
        "Photo: " + r.choice(("handout", "file image", "archive")) + " / " + r.choice(OUTLETS),
        "READ MORE: " + other_headline(r),
    ))


# --------------------------------------------------------------------------- styles

def _fill(d: _Doc, parts: list[str], target: int, make) -> None:
    size = sum(len(p) for p in parts)
    while size < target:
        p = make()
        if size + len(p) > 5600 and size >= 1400:
            break
        parts.append(p)
        size += len(p) + 1
        if d.r.random() < 0.06:
            parts.append(inline_furniture(d.r))


def style_wire(d: _Doc, target: int) -> list[str]:
    r = d.r
    p = d.published
    dateline = f"{d.capital.upper()}, {MONTH_ABBR[p.month - 1]} {p.day} ({d.outlet}) - "
    lead = (s_release(d) if d.release else s_sanction(d))
    parts = [headline(d), "", dateline + lead + " " + paragraph(d, 1, 2)]
    _fill(d, parts, target, lambda: paragraph(d, 1, 3))
    parts.append(f"(Reporting by {r.choice(REPORTERS)}; Editing by {r.choice(REPORTERS)})")
    return parts


def style_explainer(d: _Doc, target: int) -> list[str]:
    heads = ["What happened?", "Who was released?" if d.release else "Who is still in prison?",
             "Why does it matter?", "What about sanctions?", "What comes next?"]
    parts = [headline(d), f"Explainer | {d.outlet} | {MONTH_NAMES[d.published.month - 1]} {d.published.day}, {d.published.year}", ""]
    for h in heads:
        parts.append(h)
        parts.append(paragraph(d, 2, 4))
        if sum(len(x) for x in parts) > target:
            break
    _fill(d, parts, target, lambda: paragraph(d))
    return parts


def style_analysis(d: _Doc, target: int) -> list[str]:
    r = d.r
    parts = [headline(d), f"By {r.choice(REPORTERS)}",
             f"Published {d.published.day} {MONTH_NAMES[d.published.month - 1]} {d.published.year}", ""]
    subheads = ("A Calculated Gesture", "The Economics of Isolation", "Voices From Exile",
                "What the West Wants", "An Uneasy Bargain")

    def make() -> str:
        if r.random() < 0.15:
            return r.choice(subheads) + "\n" + paragraph(d, 3, 6)
        return paragraph(d, 3, 6)

    _fill(d, parts, target, make)
    return parts


def style_qa(d: _Doc, target: int) -> list[str]:
    r = d.r
    questions = ("How many people were freed?", "Who negotiated the deal?", "What did the government get in return?",
                 "Are sanctions being lifted?", "How many political prisoners remain?", "What do rights groups say?",
                 "Will there be more releases?")
    parts = ["Q&A: " + headline(d), ""]
    order = list(questions)
    r.shuffle(order)
    i = 0

    def make() -> str:
        nonlocal i
        q = order[i % len(order)]
        i += 1
        return f"Q: {q}\nA: {paragraph(d, 2, 4)}"

    _fill(d, parts, target, make)
    return parts


def style_liveblog(d: _Doc, target: int) -> list[str]:
    r = d.r
    parts = ["Live: " + headline(d), f"Updated {r.randint(8, 21):02d}:{r.randrange(60):02d} GMT", "",
             "Key points", *("- " + r.choice((s_release, s_tally, s_sanction))(d) for _ in range(3)), ""]
    hour, minute = r.randint(17, 22), r.randrange(60)

    def make() -> str:
        nonlocal hour, minute
        minute -= r.randint(4, 40)
        if minute < 0:
            minute += 60
            hour = max(hour - 1, 6)
        return f"{hour:02d}:{minute:02d} {paragraph(d, 1, 3)}"

    _fill(d, parts, target, make)
    return parts


STYLES = (style_wire, style_wire, style_explainer, style_analysis, style_analysis, style_qa, style_liveblog)


def render_document(r: random.Random) -> tuple[str, dict]:
    """One document's text and its metadata (published_at, source, title)."""
    d = _Doc(r)
    target = int(r.triangular(1400, 5600, 2300))
    style = r.choice(STYLES)
    parts = style(d, target)
    if r.random() < 0.15:
        parts.insert(1, r.choice(("Share this article", "Advertisement", "Listen to this article")))
    tail = trailer(r)
    if tail:
        parts.append("")
        parts.append(tail)
    text = "\n".join(parts) + "\n"
    meta = {"published_at": d.published.isoformat(), "source": d.outlet, "title": parts[0]}
    return text, meta


def generate_corpus(n: int, out_dir: Path, seed: int = 0) -> int:
    """Write n synthetic documents (and ~30% sidecars) to out_dir; deterministic for a seed."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    r = random.Random(seed)
    recent: list[tuple[bytes, bytes | None]] = []
    for i in range(1, n + 1):
        if recent and r.random() < 0.01:
            data, side = r.choice(recent)  # an exact duplicate of an earlier file
        else:
            text, meta = render_document(r)
            data = text.encode("utf-8")
            side = json.dumps(meta, ensure_ascii=False).encode("utf-8") if r.random() < 0.3 else None
            if len(recent) < 500:
                recent.append((data, side))
            else:
                recent[r.randrange(500)] = (data, side)
        name = f"synth_{i:06d}"
        with open(out / f"{name}.txt", "wb") as fh:
            fh.write(data)
        if side is not None:
            with open(out / f"{name}.json", "wb") as fh:
                fh.write(side)
    return n


def main_synth(n: int, out: str, seed: int = 0) -> None:
    """CLI entry: generate and print one summary line."""
    t0 = time.perf_counter()
    out_dir = Path(out)
    generate_corpus(n, out_dir, seed)
    secs = time.perf_counter() - t0
    size = sum(p.stat().st_size for p in out_dir.glob("synth_*.txt"))
    print(f"wrote {n} documents ({size / 1e6:.1f} MB) to {out_dir} in {secs:.1f} s")


__all__ = ["generate_corpus", "main_synth", "render_document"]
