"""Facts stage: cleaned documents -> per-document candidate facts with evidence spans.

Returns the staging frames that the warehouse keeps per document, so that an
unchanged document never has to be extracted again:
sentences, name candidates, event mentions, tallies, sanction mentions.
"""

from __future__ import annotations

import polars as pl

from flows.extraction.clean import clean_documents, split_sentences
from flows.extraction.designee_lists import listed_designees
from flows.extraction.events import extract_event_mentions
from flows.extraction.places import doc_main_countries
from flows.extraction.names import find_name_candidates
from flows.extraction.sanction_dates import date_sanction_mentions
from flows.extraction.sanction_groups import one_name_per_person, without_named_groups
from flows.extraction.sanctions import extract_sanction_mentions
from flows.language.countries import with_iso_codes

# Bump when an extractor changes: every document is then extracted again.
EXTRACTOR_VERSION = "2026.12.03-46d"  # -46d: sanctions precision (issue 22, classes 9, 10): a wish, need or readiness ("wants to", "the need to", "prepared to", "ready to") is only proposed; "end" lifts only sanctions ("the end of", "to end the violence" lift nothing); "extend sanctions to" widens, not prolongs; "restrictions imposed by ... remain" is only remain; a group heading "sanctions on" (entities, members, settlers ...) or a relative tail ("based in", "where") names no country target; a sector word before ministers or "giant <Name>" is no sector; a country right before a named person is the person's; a stand-in country goes where the same body (by code) named the targets; "<Name> is the first person to be hit with sanctions" names a target; "financial sanctions", "trade bans" and "<country>'s leading technology firm" name no sector; a counted group before "sanctioned last week by" is a target; what a law does ("the Act, which imposes", "Section N requires that ... be imposed") is no move; a shorter tail of a full name ("de <Surname>") is that person; "<role>, <Name>, was previously sanctioned" names a target; -45w: "In turn", "For its part", "On the other side" lead the other side of a swap in the next sentence; a demonym-only group sums with the next counted group ("one <demonym> and two <demonym> citizens"), dual nationalities (A-B) as one demonym before a count's noun; swaps (issue 22, class 2): two actors each freeing a counted side in a swap/truce/deal sentence ("while B freed M", "with B releasing M in return"), the other side by what it numbered ("on the other side ... numbered M"), a named or described person freed for N counted or one described other; -45: merge of -44 and the sanctions round -34s..-44s; -44: merge of -34..-37 (counts) and -34t..-43t (dates, names, furniture); -37: one person on the other side of a swap, named or not, is counted; -36: the end of a date is no first group of a space-grouped thousand; -35: a period opening the sentence ("During more than N years"), "are also among the released", rescues by force, releases told by their prison inside a counted one, one-for-one named swaps; -34: space-grouped thousands, a total freed on one occasion, "N <group> ... and M others" summed, prison capacities, releases aimed at or agreed, counts per side of a swap; -43t: an undated counted release takes the date of the next sentence telling when "they" or "the pardoned detainees" were released; -42t: "last <weekday>" on that weekday is the week before; -41t: a date after "will", "prepares to", "is expected to" ... dates no release; -40t: a capitalised run followed by what it is (club, group, party ...) is no person; -39t: "A, who ..., and B" lists two people; -38t: a list item closed by a semicolon is no headline; -37t: two plain words after an office of 2+ words (surname-first names), a name after a company with an inner capital; -36t: an age before and ", who" after a name, kin and newscaster roles, a role word opening a list line, "-linked" modifiers, a middle initial after an office, comma lists of names are no headline, wire reporting credits are furniture; -35t: captions ending with a picture credit and FILE captions are furniture; titles Rear Adm., Pres, The Honourable, Chief Executive peeled; place and body heads (Valley, Farm, Corps, Order, Licenses ...) no person; O’Brien-style surnames; Title Case headline verbs after a title; -34t: the page's date line opening a sentence, "next <weekday>" date no release; "today, <weekday>", "last <month>", "announced <weekday>" in the lead for the first release; -44s: a sector named with the word sector only beside a group or a country (seeds: no "potash industry" beside the company); -43s: one row per person (a surname-only row beside the full name dropped), no "<demonym> individuals" group beside named people; -42s: a surname alone as the object of a designation verb, when the document names the person in full; -41s: people named after "including" as members of a targeted group of people (titles and unknown given names allowed), and no counted group beside them; -40s: "stays on the list", "remains on the list", "upholding its sanctions" are remain; -39s: one target after a singular cue ("The sanctioned entity, <Name>,"), a sector named with the word sector beside other targets; -38s: bodies in brackets after a plural role and bodies of an office held (commissioner, secretary, commander, governor of) are no targets; -37s: a person in apposition to a designated role, "restrictions also affected" and "Among the individuals," cue designees; -36s: the document's country standing in for an unsaid target is dropped where the same issuer's move names its targets (not for what remains); -35s: armed and criminal groups named as bodies (Network, Cartel, Force, Front ...), a counted group takes the place of its country; -34s: counted groups in the page's words (none beside names given in full), lists after a cue ("The sanctioned outposts are", "Also removed from the list were"), bullets in capitals or after a description, an unread bullet keeps the list; -33: the bare-swap guard had redefined SWAP_WORD_RE, narrowing the other-side test (no "trade", "in return"); -32: the bare-swap guard; -32: the releases round's -21r..-30r merged; -30r: "N more" adds to the release before, a year after a preposition is no count; -29r: mediators by capitalised name only, crossed/returned/reaching are destinations; -28r: relative months, late/early/mid a month, N days ago; -27r: several names before "and N others", "freed along with N others", swaps of bare numbers; -26r: running totals over a period (since last summer, so far this year, in recent months, in waves); -25r: numbers in words with hundreds and thousands; -24r: narrower one-freed demonyms, verbs among modifiers, promised unsaid numbers; -23r: a swap for an unsaid number of others is at least its count, both sides in one sentence by two actors; -22r: a surname alone set free, dated by the sentence before that names the person; -21r: releases of an unsaid number (count null, qualifier unknown); -31: the sanctions round's -21s..-30s merged; -30s: long deed reasons cut goods, "to finance" is a verb; -29s: the sanctioning country is no stand-in target; -28s: "renewed its sanctions" keeps its action, banks stay a sector; -27s: a frozen group beside the country; -26s: groups told by nationality, "the GL", "remain prohibited"; -25s: airline named before its description, mandated sanctions proposed, "the two banks" and "this company" told again; -24s: state bodies designated by name; -23s: a surname alone in a list of targets; -22s: transferred funds eased, goods after "sanctions on", long comma lists, roles name no target; -21s: no group row beside named people, no reason goods, calls and hostage designations no moves, role companies, one spelling per person; -26: names in designee lists are people; -25: targets after asset freezes and travel bans; -24: New Zealand, Norway, South Korea, the Security Council named as issuers; -23: designees listed in a sentence of their own; -22: no release of more than MAX_RELEASE_COUNT; -21: merge of the sanctions (-18s..-20s) and releases (-18r..-20r) rounds; -20r: one person or a couple after "freed a/an", counts without a noun freed before; -19r: hedged swap side then "In return", "handed over" no qualifier, a verb among the modifiers, rounded count to the precise one; -18r: named releases without a number, lists of groups after the verb summed, faith modifiers, "among those released" members; -20s: a named target's country is never the sanctioning one; -19s: a country's airline is the one the document names, "added <Name> to its list", sanctions against a country including goods, announced further sanctions, one name per company, forms of a listed good; -18s: general licences and their legal-form companies, aircraft, funds by possessive, named targets drop the document country, participles before sanctions; -17: "new <country> sanctions" is an imposition; -16: "as well as" lists, a country's possessive before a company, a pronoun designated; -15: a country's company is the target; capitals after a name that are a place or an outlet are no surname; -14: named members of counted targets, labelled groups; -13: names after long office titles, titled lists, money roles; -12: announced / further sanctions are imposed; -11: real2 (issue 22): long titled names, designations in official phrasing; -10: real-news rules (issue 22): lists of targets, goods, release country, dates; -9: dated sanction mentions, issuer words, documents' main country
LINKING_SENTENCE = r"(?i)releas|freed|free\b|pardon|amnest|swap|exchang|flown|includ|among"
# A release of more people than this is a number misread (sentences reduced for a whole prison population, a
# sum, a census): no release mention keeps it. It is the events suite's critical bound on prisoner_count
# (expectations/events.json; a test keeps the two equal), which one such sentence used to trip for a whole run.
MAX_RELEASE_COUNT = 100_000


def extract_facts(docs: pl.DataFrame) -> dict[str, pl.DataFrame]:
    """Loaded documents -> staging frames keyed by name (see module docstring)."""
    cleaned = clean_documents(docs)
    sentences = split_sentences(cleaned)
    published = dict(zip(cleaned["doc_id"], cleaned["published_at"]))
    main_country = doc_main_countries(sentences)  # shared by events and sanctions: computed once
    events, tallies = extract_event_mentions(sentences, published, main_country)
    events = events.filter(pl.col("prisoner_count").is_null() | (pl.col("prisoner_count") <= MAX_RELEASE_COUNT))
    # each move dated by its sentence, else the publication date; its issuer's words kept (issue 25)
    sanctions = date_sanction_mentions(extract_sanction_mentions(sentences, main_country), published)
    candidates = find_name_candidates(sentences)
    # the people a later sentence lists as a move's designees ("Others sanctioned are ...")
    listed = listed_designees(sanctions, sentences, candidates)
    sanctions = one_name_per_person(without_named_groups(pl.concat([sanctions, listed])))
    # a name a list of designees holds is a person's even when the lexicon does not know its given name
    listed_people = (listed.filter(pl.col("target_type") == "person")
                     .select("doc_id", "sent_idx", pl.col("target").alias("surface"), listed=pl.lit(True)).unique())
    if not listed_people.is_empty():
        candidates = (candidates.join(listed_people, on=["doc_id", "sent_idx", "surface"], how="left",
                                      maintain_order="left")
                      .with_columns(is_person=pl.col("is_person") | pl.col("listed").fill_null(False)).drop("listed"))
    release_docs = events.filter(pl.col("event_type") == "prisoner_release")["doc_id"].unique()
    # event_people linking reads only sentences that speak of a release or list who was in it
    linking = sentences.filter(pl.col("doc_id").is_in(release_docs.implode())
                               & pl.col("sentence").str.contains(LINKING_SENTENCE))
    frames = {
        # per document, joined onto its documents row: furniture blanked and its main country
        "furniture": with_iso_codes(cleaned.select("doc_id", "n_furniture_chars", main_country=pl.col("doc_id")
                                                   .replace_strict(main_country, default=None, return_dtype=pl.String)),
                                    "main_country"),
        "sentences": linking,
        "name_candidates": candidates,
        "event_mentions": events,
        "tallies": tallies,
        "sanction_mentions": sanctions,
    }
    # a sentence with two release words yields the same mention twice: one row per fact
    return {k: v.unique(maintain_order=True) for k, v in frames.items()}
