"""Named people a report lists as a sanctions move's designees in a sentence of their own.

Real reports name the move once ("The Treasury on Friday sanctioned the interior minister and ten
others") and its designees in a later sentence: "Others sanctioned are police chief A, former chief B
and justice minister C", "Among those listed are A, B and C", "The list also includes A", "A and B were
also designated". The sanctions extractor reads one sentence at a time and finds no move in such a
sentence; here each person named in it becomes a target of the move the document reported last before
it (else the first after it): same issuer, action, reason and date, the list sentence as evidence.

Examples (tests/test_sanctions.py runs them):
- "Others sanctioned are police chief Adam Nowak and justice minister Anna Wrobel." after a move ->
  Adam Nowak and Anna Wrobel, each a person target of that move;
- "Among those listed are Tomasz Duda and Ewa Krol." -> both;
- "Tomasz Duda and Ewa Krol were also designated." -> both (the names come before the cue here);
- "The officials include Tomasz Duda and Ewa Krol.", "Individuals include Tomasz Duda, a banker; and Ewa Krol."
  and "Tomasz Duda and Ewa Krol are also targeted under the measures." after a move -> both;
- "The sanctions target the banking sector, said analyst John Smith." -> nobody (a speaker, after 'said');
- a list sentence in a document that reports no sanctions move -> nobody;
- "The individuals added to the list include:" then one name per line -> each name on those lines;
- "Also hit were A and B.", "A and B face travel bans and asset freezes.", "A and B are banned from entering the
  bloc." after a move -> both;
- "They are A, B and C.", "Among them is the interior minister, A." within two sentences
  after a move on a group ("sanctioned five people") -> each; after a move on a state, or further on -> nobody;
- a name the given-name lexicon does not know ("Quanguo Chen") is still a person in a list of designees;
  one with an organisation's word ("Ruritania Trading Company") is a company; "<Place>-linked A B" is A B.
"""

from __future__ import annotations

import polars as pl
import regex

from flows.extraction.sanction_dates import DATED_SANCTION_MENTION_SCHEMA
from flows.extraction.places import countries_in
from flows.extraction.sanction_orgs import country_before, is_org, org_kind
from flows.extraction.sanction_patterns import COMPANY_WORDS
from flows.language.lexicon import COMPANY_NAME_WORDS, ORG_WORDS

_DESIGNATED = r"(?:sanctioned|designated|targeted|listed|blacklisted|named|added|hit)"
# cues after which the sentence lists designees
AFTER_CUE = regex.compile(
    rf"\b(?:others?|those|individuals|people|officials|entities)\s+(?:(?:also|newly)\s+)?{_DESIGNATED}\b"
    rf"|\bamong\s+(?:those|the\s+\w+(?:\s+\w+)?)\s+(?:(?:also|newly)\s+)?(?:{_DESIGNATED}|included\s+(?:in|on)\s+the\s+[^:;.]{{0,40}}?"
    r"\blist\s+(?:are|were|is|was))\b"  # "Among those included in the <issuer's> black list are:"
    # "Also hit were A and B", "Also sanctioned is C" (session 18)
    rf"|\balso\s+{_DESIGNATED}\s+(?:are|were|is|was)\b"
    r"|\b(?:sanctions?|measures|designations?|list|blacklist|penalties|restrictions)\s+(?:also\s+)?"
    r"(?:target(?:s|ed)?|include[sd]?|cover(?:s|ed)?|hits?|names?|named|affect(?:s|ed)?)\b"
    # "Among the new listings are A, B and C" (session 19)
    r"|\bamong\s+the\s+(?:new\s+|latest\s+|other\s+)?(?:listings|designations|additions|names)\s+(?:are|were|is|was)\b"
    # "Among the individuals, A is a cell leader ...": the designees of the move just reported
    r"|\bamong\s+the\s+(?:individuals|persons|people|officials|designees|targets|entities|companies)\s*,"
    # "Among the affected officials are A, B and C": the move's designees told by how the move touches them
    r"|\bamong\s+the\s+(?:affected|sanctioned|targeted|designated|listed)\s+(?:individuals|persons|people|officials|"
    r"entities|companies|firms)\s+(?:are|were|is|was)\b"
    # "The officials include A, B and C", "Individuals include A, <role>; B, <role>", "The latest companies to be
    # sanctioned include A; B": a plural of the move's targets, then "include" (issue 22, class 10)
    rf"|\b(?:individuals|persons|people|officials|entities|companies|firms|businesses|banks|organi[sz]ations"
    rf"|oligarchs|designees)\s+(?:(?:to\s+be|being|newly|also)\s+)?(?:{_DESIGNATED}\s+)?(?:also\s+)?include[sd]?\b",
    regex.IGNORECASE)
# cues before which it lists them ("A and B were also designated")
BEFORE_CUE = regex.compile(
    r"\b(?:were|was|are|is|(?:have|has|had)\s+(?:also\s+)?been)\s+(?:also\s+)?(?:sanctioned|designated|blacklisted"
    r"|targett?ed"
    # "<A> has also been placed on the list": the list the document's move made (session 17, issue 22, class 10)
    r"|(?:placed|put|added|included)\s+(?:on|to|in)\s+(?:the|that|this)\s+(?:same\s+)?list\b(?!\s+of\b)"
    # "A and B are banned from entering the bloc" (session 18)
    r"|(?:banned|barred)\s+from\s+entering"
    # "A, B and C were publicly identified for their involvement in corruption" (a visa ban's words; session 19)
    r"|publicly\s+(?:identified|designated|named))"
    # "A and his deputy B face travel bans and asset freezes", "C has had his assets frozen" (session 18)
    # (the measures themselves, in the present: "has faced sanctions" is a regime's past, told in background)
    r"|\b(?:(?:will|now|also)\s+)?fac(?:e|es)\s+(?:[\w\-]+\s+){0,3}?(?:(?:travel|entry|visa)\s+bans?|asset\s+freezes?)\b"
    r"|\b(?:have|has)\s+(?:also\s+)?had\s+(?:their|his|her)\s+assets\s+frozen\b",
    regex.IGNORECASE)
# cues that open a sentence listing the designees of the move told just before it, and of no other (the words say
# nothing of sanctions): "They are A, B and C", "Among them is the interior minister, A", "Also listed is B"
# (session 18, issue 22, class 10); taken only within NEXT_CUE_REACH sentences after the move
NEXT_CUE = regex.compile(
    r"^\W*(?:(?:They|These|Those)\s+(?:are|were|include[sd]?)|Among\s+them\s+(?:are|were|is|was))\b", regex.IGNORECASE)
NEXT_CUE_REACH = 2
# a move's target that is a group of firms ("three companies", "Chinese firms"), whom "They are ..." can list
GROUP_TARGET = r"(?i)^(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|dozens|some)\b)|s$"
PREFILTER = (r"(?i)(?:sanctioned|designated|targeted|listed|blacklisted|named|added|\bhit\b|target|include|"
             r"cover|affect|among the|placed|\bput\b|banned|barred|\bfac(?:e|es)\b|frozen|publicly|"
             r"^\W*(?:they|these|those|among\s+them|also)\b)")
# a move told in a relative clause on its issuer: "<issuer>, which (had) introduced / imposed / adopted sanctions"
RECALLED_MOVE = (r"(?i),\s+(?:which|who)\s+(?:had\s+|has\s+|have\s+)?(?:already\s+|also\s+|earlier\s+)?"
                 r"(?:introduc|impos|adopt|slapp)\w*\s+(?:\w+\s+){0,3}?(?:sanctions|restrictive\s+measures)")
# a list ends where someone speaks: names after it are speakers, not designees
SPEECH = regex.compile(r"\b(?:said|says|told|according\s+to|announced|added\s+that|spokes(?:man|woman|person))\b",
                       regex.IGNORECASE)


# a line of a colon list: the name first (after a bullet), then at most a short description
LINE_MAX_CHARS = 120
# "<Place>-linked", "<Place>-based" before a name describe it
DESCRIBED_RE = regex.compile(r"^(?:\S+-(?:linked|based|born|backed|appointed)\s+)+")
_COMPANY = frozenset(w.lower() for w in COMPANY_WORDS)
# words of state bodies and armed units that the organisation lexicon lacks
BODY_WORDS = frozenset("""directorate corps force brigade battalion regiment militia unit division
    inspectorate secretariat prosecutor prosecutors tribunal""".split())


# the name goes on past the candidate ("<A B> and Commercial Bank", "<Cooperative De Ahorro> Y Credito")
JOINED_AFTER = regex.compile(r"^\s+(?i:and|y|de|of|&|für|et)\s+\p{Lu}")
JOINED_BEFORE = regex.compile(r"\p{Lu}[\w’'.\-]*\s+(?i:and|y|de|of|&|für|et)\s+$")


def _target(surface: str, is_person: bool, before: str = "", after: str = "", firms: bool = False
            ) -> tuple[str, str] | None:
    """(target, target type) of a name in a list of designees, or None for what is no designee's name.
    `before` / `after`: the sentence's text either side of the candidate; `firms`: the list's cue names
    companies ("The companies sanctioned include ..."), so a name the lexicon does not know is one."""
    surface = DESCRIBED_RE.sub("", surface).strip()
    words = [w.strip(".,").lower() for w in surface.split()]
    if len(words) < 2:
        return None
    if is_person:
        return surface, "person"
    if JOINED_AFTER.match(after) or JOINED_BEFORE.search(before) or countries_in(surface.split()[0]):
        return None  # a piece of a longer name, or a name that begins with a country: an entity's
    if any(w in _COMPANY or w in COMPANY_NAME_WORDS for w in words):
        return surface, "company"
    if is_org(surface):  # an organisation by its form ("Cartel del <A>", "Bank <A>"), never a person (issue 22, class 10)
        return surface, org_kind(surface)
    if any(w in ORG_WORDS or w in BODY_WORDS for w in words) or len(words) > 4:
        return None  # a body or a long title: not told apart here
    if firms:
        return surface, "company"
    return surface, "person"  # the list says it is a designee; the lexicon did not know the given name


def _next_spans(sentence: str) -> list[tuple[int, int, bool]]:
    """The span after a NEXT_CUE that opens the sentence (up to where someone speaks), if one does."""
    m = NEXT_CUE.match(sentence)
    if m is None:
        return []
    speech = SPEECH.search(sentence, m.end())
    return [(m.end(), speech.start() if speech else len(sentence), False)]


# a cue that names companies: the names it lists are firms unless the lexicon knows them for people
FIRMS_CUE = regex.compile(r"\b(?:entities|companies|firms|businesses|banks|organi[sz]ations)\b", regex.IGNORECASE)


def _spans(sentence: str) -> list[tuple[int, int, bool]]:
    """Character ranges of a list sentence where designees are named: after each cue that opens a list (up
    to where someone speaks), and before a passive cue ('... were also designated'); each with whether its
    cue names companies."""
    spans = _next_spans(sentence)
    for m in AFTER_CUE.finditer(sentence):
        speech = SPEECH.search(sentence, m.end())
        spans.append((m.end(), speech.start() if speech else len(sentence), bool(FIRMS_CUE.search(m.group(0)))))
    for m in BEFORE_CUE.finditer(sentence):
        speech = None
        for speech in SPEECH.finditer(sentence, 0, m.start()):
            pass
        spans.append((speech.end() if speech else 0, m.start(), False))
    return spans


def listed_designees(sanctions: pl.DataFrame, sentences: pl.DataFrame, candidates: pl.DataFrame) -> pl.DataFrame:
    """Sanction mentions (DATED_SANCTION_MENTION_SCHEMA) for the people list sentences name, each a target
    of its document's nearest move; people the document already has as targets are left out."""
    empty = pl.DataFrame(schema=DATED_SANCTION_MENTION_SCHEMA)
    if sanctions.is_empty():
        return empty
    moved = sanctions["doc_id"].unique().implode()
    listing = (sentences.filter(pl.col("doc_id").is_in(moved) & pl.col("sentence").str.contains(PREFILTER))
               .select("doc_id", "sent_idx", "char_start", "char_end", "sentence"))
    if listing.is_empty():
        return empty
    # the lines after a list sentence that ends with a colon: one designee per line
    colon_docs = listing.filter(pl.col("sentence").str.contains(r":\s*$"))["doc_id"].unique().implode()
    following = sentences.filter(pl.col("doc_id").is_in(colon_docs)).select(
        "doc_id", "sent_idx", "char_start", "char_end", "sentence").sort("doc_id", "sent_idx")
    cue_at = {(d, s) for d, s, sentence in listing.select("doc_id", "sent_idx", "sentence").iter_rows()
              if sentence.rstrip().endswith(":") and _spans(sentence)}
    lines, open_list = [], None
    for d, s, start, end, sentence in following.iter_rows():
        if (d, s) in cue_at:
            open_list = d
            continue
        if open_list == d and len(sentence) <= LINE_MAX_CHARS:
            lines.append((d, s, start, end, sentence))
            continue
        open_list = None
    lines_frame = pl.DataFrame(lines, schema=dict(following.schema), orient="row")
    where = pl.concat([listing.with_columns(line=pl.lit(False)), lines_frame.with_columns(line=pl.lit(True))])
    names = (candidates.filter(pl.col("n_tokens") >= 2)
             .join(where.select("doc_id", "sent_idx", "line", pl.col("char_start").alias("s_start")),
                   on=["doc_id", "sent_idx"])
             .select("doc_id", "sent_idx", "surface", "is_person", "line",
                     (pl.col("char_start") - pl.col("s_start")).alias("at")))
    if names.is_empty():
        return empty
    named: dict[tuple, list] = {}
    for d, s, surface, is_person, line, at in names.iter_rows():
        named.setdefault((d, s), []).append((surface, is_person, line, at))
    known = {(d, t) for d, t in sanctions.select("doc_id", "target").iter_rows() if t}
    rows, seen = [], set()
    for d, s, start, end, sentence, _line in where.iter_rows():
        found_here = named.get((d, s))
        if not found_here:
            continue
        spans = _spans(sentence)
        strong = spans[len(_next_spans(sentence)):]  # the spans of cues other than a NEXT_CUE (those come first)
        for surface, is_person, line, at in found_here:
            # on a list line the name comes first (after a bullet); in a sentence, inside a listed span
            if (at > 3) if line else not any(lo <= at < hi for lo, hi, _ in spans):
                continue
            firms = not line and any(lo <= at < hi and f for lo, hi, f in spans)
            # a name only a NEXT_CUE lists is the designee of a move told just before it
            weak = not line and not any(lo <= at < hi for lo, hi, _ in strong)
            target = _target(surface, is_person, sentence[max(0, at - 40):at], sentence[at + len(surface):], firms)
            if target is None or (d, target[0]) in known or (d, target[0]) in seen:
                continue
            seen.add((d, target[0]))
            # the designee's own country told right before it ("the <demonym> gang <A>") wins over the move's
            rows.append((d, s, start, end, *target, country_before(sentence[max(0, at - 40):at]), sentence, weak))
    if not rows:
        return empty
    found = pl.DataFrame(rows, schema={"doc_id": pl.String, "sent_idx": pl.Int32, "char_start": pl.Int64,
                                       "char_end": pl.Int64, "target": pl.String, "target_type": pl.String,
                                       "own_country": pl.String, "sentence": pl.String, "weak": pl.Boolean},
                         orient="row")
    # the move: the document's last before the list sentence, else its first after it
    moves = (sanctions.sort("doc_id", "sent_idx", "char_start")
             .with_columns(move_country=pl.when(pl.col("target_type") == "country").then(pl.col("target"))
                           .otherwise(pl.col("target_country")))
             .with_columns(group=(pl.col("target_type") == "officials")
                           | ((pl.col("target_type") == "company") & pl.col("target").str.contains(GROUP_TARGET)))
             .select("doc_id", pl.col("sent_idx").alias("move_idx"), "issuer", "move_country", "action", "reason",
                     "group",
                     "issuer_text", "move_date", "date_precision", "date_text", "date_source",
                     pl.col("sentence").str.contains(RECALLED_MOVE).alias("background")))
    # a sentence that designates and licenses at once ("sanctioned four judges and issued general licenses to
    # authorize certain transactions with them"): its designees are the designation's (issue 22, class 10)
    moves = moves.filter((pl.col("action") == "imposed")
                         | ~(pl.col("action") == "imposed").any().over("doc_id", "move_idx"))
    # a move recalled in a relative clause ("It followed <issuer B>, which introduced sanctions in January") is
    # background: the list names the designees of the document's own move, where it has one (issue 22, class 10)
    moves = moves.filter(~pl.col("background") | pl.col("background").all().over("doc_id")).drop("background")
    found = found.sort("doc_id", "sent_idx")
    before = found.join_asof(moves, left_on="sent_idx", right_on="move_idx", by="doc_id", strategy="backward",
                            check_sortedness=False)
    after = found.join_asof(moves, left_on="sent_idx", right_on="move_idx", by="doc_id", strategy="forward",
                           check_sortedness=False)
    took = pl.concat([before.filter(pl.col("move_idx").is_not_null()
                                    & (~pl.col("weak") | (pl.col("move_idx") >= pl.col("sent_idx") - NEXT_CUE_REACH)
                                       & pl.col("group"))),
                      after.filter(pl.col("move_idx").is_not_null() & ~pl.col("weak"))]
                     ).unique(["doc_id", "target"], keep="first", maintain_order=True)
    return took.drop("group").select(
        "doc_id", "sent_idx", "char_start", "char_end", "issuer", "target", "target_type",
        pl.coalesce("own_country", "move_country").alias("target_country"), "action", "reason", pl.lit(False).alias("mentions_release"),
        "sentence", "issuer_text", "move_date", "date_precision", "date_text", "date_source",
    ).cast(DATED_SANCTION_MENTION_SCHEMA).select(list(DATED_SANCTION_MENTION_SCHEMA))
