"""The fact extractors' shortcuts (prefilters, narrowed searches, per-sentence memos) change no output."""

import datetime as dt
import random

import polars as pl

from flows.extraction.clean import ABBREV_END, FURNITURE_LINE, SENTENCE_END, _sentence_spans, is_furniture_line
from flows.language.dates import DATE_RE
from flows.extraction.events import PREFILTER_COUNT, PREFILTER_DATE, PREFILTER_RELEASE
from flows.extraction.counts import find_release_counts
from flows.documents.extract import extract_documents
from flows.extraction.facts import extract_facts
from flows.extraction.names import PRE_ROLE_RE, ROLE_TAIL_RE
from tests.conftest import DEV_DIR, SEEDS, sentences_of

# Python's case folding and whitespace differ from the Rust engine's at these characters.
ODD_SENTENCES = [
    "The junta released 52 prısoners on Monday.",
    "Officials freed fıve detaİnees in a surprise move.",
    "Authorities pardoned 40\x1cpeople on 3 Auguſt.",
    "A 12-perſon group was freed, officials said.",
    "The army released TWENTY-ONE SOLDIERS on Friday.",
    "Ana Lopez was released from prison on Tuesday.",
    "Ana Lopez was\x1creleased from prison yesterday.",
    "The court freed\x1cblogger\x1cAna Lopez on Friday.",
    "Officials releaſed student Irena Lopez.",
]


def _sentences() -> list[str]:
    frames = [sentences_of(s) for s in ODD_SENTENCES]
    texts = [s for f in frames for s in f["sentence"]]
    for root in (DEV_DIR, SEEDS):
        docs = extract_documents(root).filter(pl.col("status") == "loaded")
        texts += [line for t in docs["text"] for line in t.split("\n")]
    return texts


def test_release_and_date_prefilters_pass_every_sentence_with_a_match():
    texts = _sentences()
    flags = pl.DataFrame({"s": texts}).select(
        release=pl.col("s").str.contains(PREFILTER_RELEASE), date=pl.col("s").str.contains(PREFILTER_DATE))
    for text, release, date in zip(texts, flags["release"], flags["date"]):
        releases, tallies = find_release_counts(text)
        assert release or not (releases or tallies), text
        assert date or not DATE_RE.search(text), text


# forms the count rules read that the prefilters once turned away (found on real pages: the rule was never reached)
RULE_FORMS = [
    "Novak’s release came after months of quiet talks.",  # RELEASE_NOUN_DONE_RE
    "The order for Novak’s release comes hours after the vote.",
    "Kovac’s release took place on Wednesday, after the ruling.",
    "While Novak and his brother were set free, many friends stay behind bars.",  # TWO_NAMED_RELEASED_RE
    "Ruritanian President Grants Pardon to Jan Novak",  # ACTIVE_NAMED_RELEASE_RE, a headline's capitals
    "Ruritania holds at least four more U.S. citizens in prison.",  # a tally of a state's initials
]


def test_prefilters_pass_the_forms_the_count_rules_read():
    flags = pl.DataFrame({"s": RULE_FORMS}).select(
        ok=pl.col("s").str.contains(PREFILTER_COUNT) & pl.col("s").str.contains(PREFILTER_RELEASE))["ok"]
    for text, ok in zip(RULE_FORMS, flags):
        releases, tallies = find_release_counts(text)
        assert releases or tallies, text  # the rule reads it ...
        assert ok, text  # ... and the prefilters let it through


def test_furniture_word_test_agrees_with_the_full_pattern():
    lines = ["Sign up for our NEWSLETTER", "We use cookies. Accept", "Our newſletter, weekly", "Cookİes: accept",
             "  newsletter  ", "COOKIES policy", "Advertisement", "The newsletter said the talks failed " + "x" * 50,
             "The minister spoke of cookies and consent in a long speech about trade."]
    docs = extract_documents(DEV_DIR).filter(pl.col("status") == "loaded")
    lines += [line for t in docs["text"] for line in t.split("\n")]
    for line in lines:
        assert is_furniture_line(line) == bool(FURNITURE_LINE.match(line)), line


def test_role_search_from_the_tail_finds_the_same_match():
    rng = random.Random(3)
    parts = ["a", "Z", "-", "’", " ", "  ", "\t", ",", ".", "1", "é", "\u0301", "\x1c", "\xa0",
             "envoy", "leader", "analyst", "co-founder", "founder", "Head", "the", "Peace Prize"]
    for _ in range(20_000):
        window = "".join(rng.choice(parts) for _ in range(rng.randint(0, 20)))
        full = PRE_ROLE_RE.search(window)
        tail = ROLE_TAIL_RE.search(window)
        narrowed = PRE_ROLE_RE.search(window, tail.start()) if tail else None
        assert (full and (full.span(), full.group("role"))) == (narrowed and (narrowed.span(), narrowed.group("role")))


def test_repeated_sentences_keep_each_documents_own_facts():
    """A text copied into another document with another date is extracted as if alone."""
    docs = extract_documents(SEEDS).filter(pl.col("status") == "loaded")
    copy = docs.with_columns(doc_id=pl.col("doc_id") + "-copy",
                             published_at=pl.col("published_at").fill_null(dt.date(2024, 6, 1)) - dt.timedelta(days=40))
    both = extract_facts(pl.concat([docs, copy]))
    for name, frame in extract_facts(copy).items():
        mine = both[name].filter(pl.col("doc_id").str.ends_with("-copy"))
        assert mine.equals(frame), name


def _sentence_spans_by_the_original_pattern(body: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in SENTENCE_END.finditer(body):
        end, sep = m.start(), m.group()
        if (not sep or sep.isspace() and "\n" not in sep) and ABBREV_END.search(body[max(0, end - 6):end]):
            continue
        spans.append((start, end))
        start = m.end()
    spans.append((start, len(body)))
    return spans


def test_sentence_boundaries_found_by_the_fast_pattern_are_the_original_ones():
    rng = random.Random(5)
    parts = [".", "!", "?", "\n", "\n\n", " ", "  ", "\t", "\x1c", "\xa0", '"', "”", "’", ")", "(", "“", "‘",
             "A", "Z", "9", "a", "é", "Mr", "U.S", "Dr", "x", "ab", "Ab", "Gen", "said.The", "İ", "ſ", "\u212a", "\u0301", "\r"]
    bodies = ["".join(rng.choice(parts) for _ in range(rng.randint(0, 40))) for _ in range(30_000)]
    for root in (DEV_DIR, SEEDS):
        bodies += extract_documents(root).filter(pl.col("status") == "loaded")["text"].to_list()
    for body in bodies:
        assert [(s, e) for s, e, _ in _sentence_spans(body)] == _sentence_spans_by_the_original_pattern(body), repr(body)


ODD_SANCTION_SENTENCES = [
    "The EU lİfted sanctions on potash exports.", "Washington eaſed sanctions on Oıl.",
    "The UK imposed ſanctions on the steel sector.", "Further ½ sanctions were announced.",
    "Canada has\x1calso\x1csanctioned officials.", "Brussels extended the sanctions\x1cto banks.",
    "Sanctions remaın in place; the embargo on dıamonds stays.", "Japan unfroze\u0301 assets and exempted aviation.",
    "Sanctions were rolled\x1cover and kept in place.", "The \u212aremlin faced sanctions on alumınium.",
]


def test_sanction_prefilters_pass_every_sentence_with_a_match():
    from flows.extraction.sanction_patterns import (ACTION_RE, COMPANY_RE, ORGANISATION_TARGET_WORDS, PREFILTER_ACTIONS,
                                 PREFILTER_SECTOR, SECTOR_BEFORE_RE, SECTOR_RE)
    from flows.extraction.sanction_targets import _OUTFIT_WORDS

    texts = ODD_SANCTION_SENTENCES + _sentences()
    flags = pl.DataFrame({"s": texts}).select(
        sector=pl.col("s").str.contains(PREFILTER_SECTOR),
        **{a: pl.col("s").str.contains(p) for a, p in PREFILTER_ACTIONS.items()})
    for text, row in zip(texts, flags.iter_rows(named=True)):
        assert row["sector"] or not (SECTOR_RE.search(text) or SECTOR_BEFORE_RE.search(text)), text
        for action, pattern in ACTION_RE.items():
            assert row[action] or not pattern.search(text), (action, text)
        # (the guard sanction_targets puts before COMPANY_RE: an organisation's word or an outfit's)
        assert any(w in text for w in ORGANISATION_TARGET_WORDS + _OUTFIT_WORDS) or not COMPANY_RE.search(text), text
    # the odd sentences do exercise the patterns
    assert sum(bool(ACTION_RE["lifted"].search(t)) for t in ODD_SANCTION_SENTENCES) >= 1
    assert sum(bool(SECTOR_RE.search(t)) for t in ODD_SANCTION_SENTENCES) >= 4


def test_first_character_guards_change_no_count_or_release_match():
    import re

    from flows.extraction.count_numbers import COUNT_RE, RELEASE_RE

    unguarded = [re.compile(re.sub(r"\(\?=\(\?-i:\[[^]]*\]\)\)", "", p.pattern), re.I) for p in (COUNT_RE, RELEASE_RE)]
    assert all("(?-i:[" not in p.pattern for p in unguarded)
    rng = random.Random(7)
    words = ["more than", "ſome", "İn excess of", "about", "nearly", "Up to", "52", "1,400", "٣", "twenty-one",
             "fıve", "ſix", "a dozen", "Hundreds", "people", "prisoners", "detaİnees", "Americans", "political",
             "released", "freed", "ſet free", "Pardoned", "were flown to", "ſwapped", "prisoner exchange",
             "handed over", " ", "  ", "\x1c", "-", "-person", ",", ".", "é", "\u0301", "\u212a", "of", "the"]
    texts = ["".join(rng.choice(words) + rng.choice(["", " ", " "]) for _ in range(rng.randint(0, 14)))
             for _ in range(20_000)] + _sentences() + ODD_SENTENCES
    for guarded, plain in zip((COUNT_RE, RELEASE_RE), unguarded):
        for text in texts:
            got = [(m.span(), m.groupdict()) for m in guarded.finditer(text)]
            assert got == [(m.span(), m.groupdict()) for m in plain.finditer(text)], text


def test_folded_text_holds_every_ascii_letter_a_case_insensitive_pattern_matches():
    """count_numbers.folded: the literal guards in front of the count patterns rest on this."""
    import re
    import sys

    from flows.extraction.count_numbers import folded

    letter = re.compile("[a-z]", re.I)
    chars = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]
    assert all(len(folded(c)) == 1 for c in chars)  # the same length: places in the folded text are the text's
    matched = [c for c in chars if letter.fullmatch(c)]
    assert {"\u0130", "\u0131", "\u017f", "\u212a"} < set(matched)
    for c in matched:
        assert folded(c) in "abcdefghijklmnopqrstuvwxyz" and re.fullmatch(folded(c), c, re.I), repr(c)
    text = "Officials releaſed FİVE detaınees prevİously, \u212aarl said."
    assert "released" in folded(text) and "five" in folded(text) and "previously" in folded(text)
    assert "detainees" in folded(text) and "karl" in folded(text)


def test_goods_guard_passes_every_clause_a_goods_pattern_matches():
    """sanction_targets.goods_in skips its two scans when the folded clause holds no flow word: every word
    _FLOW allows holds one of the literals, and so does its folded spelling (a long s, a dotted capital I)."""
    import re

    from flows.extraction.count_numbers import folded
    from flows.extraction.sanction_targets import (_FLOW, _FLOW_LITERALS, GOODS_AFTER_RE, GOODS_BEFORE_RE,
                                                   GOODS_WORD_RE, goods_in)

    words = re.findall(r"[a-z]+\??", _FLOW.replace("(?:", "").replace(")", ""))
    # "imports?" is "imports" and "import"; "supplies" is itself
    forms = [f for w in words for f in ((w[:-1], w[:-2]) if w.endswith("?") else (w,))]
    assert forms and all(any(lit in f for lit in _FLOW_LITERALS) for f in forms), forms
    flow_word = re.compile(rf"\b{_FLOW}\b", re.I)
    for clause in ["bans on the ſale of oil and gas", "EXPORTS OF COAL AND IRON were banned", "oil İmports",
                   "purchaſes of diamonds", "a ban on coal deliveries", "sanctions on the oil sector"]:
        plain = [g.group(0).lower() for rx in (GOODS_AFTER_RE, GOODS_BEFORE_RE) for m in rx.finditer(clause)
                 for g in GOODS_WORD_RE.finditer(m.group("list"))]
        assert bool(flow_word.search(clause)) == any(lit in folded(clause) for lit in _FLOW_LITERALS), clause
        assert set(goods_in(clause)) == set(plain), clause
    # (and the guard is no test that cannot fail: a clause with a flow word gives its goods)
    assert goods_in("bans on the ſale of oil and gas") and not goods_in("sanctions on the oil sector")


def test_shared_name_candidates_are_the_ones_found_again():
    """The sanction rules read the candidates find_name_candidates kept for a sentence (extract_facts): the same
    as finding them again, and a headline's own (title-case) reading is never shared."""
    from flows.extraction import designations, names
    from flows.extraction.clean import clean_documents, split_sentences

    docs = extract_documents(DEV_DIR).filter(pl.col("status") == "loaded")
    sentences = split_sentences(clean_documents(docs))
    with names.shared_candidates():
        names.find_name_candidates(sentences)
        shared = dict(names._shared())
    assert names._shared() is None and names.shared_candidates_of("Anything.") is None
    plain = set(sentences.filter(~pl.col("is_headline"))["sentence"])
    assert set(shared) == plain
    for sentence, found in shared.items():
        assert found == tuple(names.sentence_candidates(sentence, False)) == designations._candidates_of(sentence)


def test_place_mask_prefilters_pass_every_sentence_with_a_destination_war_or_mediator():
    """A sentence the vectorised prefilters turn away has nothing DESTINATION_RE, WAR_PLACE_RE or MEDIATOR_RE
    would blank (doc_main_countries, release_country_evidence), whatever its case folding."""
    from flows.extraction.events import PREFILTER_RELEASE_PLACE_MASK, WAR_PLACE_RE
    from flows.extraction.places import DESTINATION_RE, MEDIATOR_RE, PREFILTER_PLACE_MASK

    texts = _sentences() + ["Mediated by Oman, the deal freed 12.", "The ſwap was brokered by the Emir of Qatar.",
                            "HELPED BY Turkey, they walked.", "The war ın Ukraine", "mediatİon by Oman",
                            "They were flown to Doha, Qatar.", "The OCCUPATION OF Crimea"]
    flags = pl.DataFrame({"s": texts}).select(
        places=pl.col("s").str.contains(PREFILTER_PLACE_MASK), release=pl.col("s").str.contains(PREFILTER_RELEASE_PLACE_MASK))
    hits = 0
    for text, places, release in zip(texts, flags["places"], flags["release"]):
        dm = bool(DESTINATION_RE.search(text) or MEDIATOR_RE.search(text))
        hits += dm
        assert places or not dm, text
        assert release or not (dm or WAR_PLACE_RE.search(text)), text
    assert hits >= 5  # the test sees sentences with something to blank


def test_cue_word_test_passes_every_sentence_a_cue_scan_matches():
    """cue_listed_targets skips a sentence without a cue word: none of its cue patterns could match it."""
    from flows.extraction.count_numbers import folded
    from flows.extraction.sanction_groups import _CUE_WORDS, LIST_CUE_RE, PASSIVE_END_RE, SINGLE_CUE_RE

    texts = _sentences() + ["The ſanctioned entities are A and B.", "Also removed from the list were A and B.",
                            "The newly DESIGNATED individuals include A.", "A and B were also taken off.",
                            "The targets include A.", "The penalized firms are A and B."]
    hits = 0
    for text in texts:
        matched = bool(SINGLE_CUE_RE.search(text) or LIST_CUE_RE.search(text) or PASSIVE_END_RE.search(text))
        hits += matched
        assert any(w in folded(text) for w in _CUE_WORDS) or not matched, text
    assert hits >= 5


def test_sanction_words_are_the_patterns_matches():
    """The sanction words kept per text are SANCTION_RE's matches, in order."""
    from flows.extraction.sanction_patterns import SANCTION_RE
    from flows.extraction.sanctions import _sanction_words

    for text in _sentences()[:3000] + ["Sanctions, an embargo and asset freezes: the ſanctions stay."]:
        assert _sanction_words(text) == tuple((m.start(), m.end(), m.group(0)) for m in SANCTION_RE.finditer(text))


def test_count_and_more_word_tests_pass_every_sentence_the_patterns_match():
    """counted_groups skips a sentence with no digit or number word, _more_of_the_same one without 'more': their
    patterns (GROUP_RE, MORE_RE) could match none of them."""
    from flows.extraction.count_numbers import folded
    from flows.extraction.events import MORE_RE
    from flows.extraction.sanction_groups import _COUNT_WORDS, _DIGIT_RE, GROUP_RE

    texts = _sentences() + ["Sanctions on ſix officials and fıve entities.", "SEVENTEEN companies were listed.",
                            "Dozens of banks were hit.", "Three MORE prisoners were freed.", "sanctions on ٣ firms"]
    groups = more = 0
    for text in texts:
        g, m = bool(GROUP_RE.search(text)), bool(MORE_RE.search(text))
        groups, more = groups + g, more + m
        assert bool(_DIGIT_RE.search(text)) or any(w in folded(text) for w in _COUNT_WORDS) or not g, text
        assert "more" in folded(text) or not m, text
    assert groups >= 5 and more >= 1


def test_word_tests_pass_every_window_the_tally_and_held_patterns_match():
    """is_tally tries the patterns on the words after a count only where one of their words is (folded), and
    release_country_evidence HELD_IN_RE only where a held word is: none of them could match a text skipped."""
    from flows.extraction.count_numbers import folded
    from flows.extraction.count_tallies import (MEMBER_OF_COUNT_AFTER_RE, PENDING_AFTER_RE, SHORTENED_AFTER_RE,
                                                SHORTENED_WORDS, STILL_HELD_OTHERS_AFTER_RE, STILL_HELD_WORDS,
                                                TAKEN_AFTER_RE, TAKEN_WORDS)
    from flows.extraction.events import HELD_IN_RE, HELD_WORDS

    odd = [" were KIDNAPPED during the raid", " were ſeized in the attack", " had their ſentences ſhortened",
           " and the cases of 12 others are ſtill pending", " 12 MORE were pending", " are ſtill PENDING trial",
           " were AMONG the 40 freed", ", among some 30 prisoners", " had their terms cut by half", " who were taken hostage",
           "eight men who were held for months in Ruritania", "nationals DETAINED in Ruritania", "were imprıſoned in Xland"]
    texts = _sentences() + odd
    windows = texts + [t[i:i + 80] for t in texts[:4000] for i in range(0, len(t), 20)]
    hits = 0
    for text in windows:
        low = folded(text)
        for words, rx in ((STILL_HELD_WORDS, STILL_HELD_OTHERS_AFTER_RE), (("pending",), PENDING_AFTER_RE),
                          (TAKEN_WORDS, TAKEN_AFTER_RE), (("among",), MEMBER_OF_COUNT_AFTER_RE),
                          (SHORTENED_WORDS, SHORTENED_AFTER_RE)):
            matched = bool(rx.match(text))
            hits += matched
            assert any(w in low for w in words) or not matched, (rx.pattern[:40], text)
        held = bool(HELD_IN_RE.search(text))
        hits += held
        assert any(w in low for w in HELD_WORDS) or not held, text
    assert hits >= 10
