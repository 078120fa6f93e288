"""Roles of people in releases (resolve.link_event_people): the frame-wise linking equals the rule
applied mention by mention, on random documents built to hit every branch of the rule."""

import random
import re

import polars as pl
import pytest

from flows.extraction.count_numbers import RELEASE_RE
from flows.resolution.links import ACTOR_VERB_RE, HEAD_ROLE_RE, LINK_SCHEMA, link_event_people


def _link_row_by_row(rel: pl.DataFrame, person_mentions: pl.DataFrame, sentences: pl.DataFrame,
                     head_roles: set[str]) -> list[tuple]:
    """The linking rule as a loop over mentions (the implementation before it was written with frames)."""
    sent_text = {(d, i): (s, t) for d, i, s, t in sentences.select("doc_id", "sent_idx", "char_start", "sentence").iter_rows()}
    doc_events = rel.group_by("doc_id").agg(pl.col("event_id").unique())
    single_event = {d: e[0] for d, e in doc_events.iter_rows() if len(e) == 1}
    release_sent = {(d, i): e for d, i, e in rel.select("doc_id", "sent_idx", "event_id").iter_rows()}
    for (d, i), (_, text) in sent_text.items():
        if d in single_event and (d, i) not in release_sent and RELEASE_RE.search(text):
            release_sent[(d, i)] = single_event[d]
    rows = []
    for row, doc_id, sent_idx, start, end, pid, role in person_mentions.with_row_index("_row").select(
            "_row", "doc_id", "sent_idx", "char_start", "char_end", "person_id", "role").iter_rows():
        near = (doc_id, sent_idx) in release_sent or (doc_id, sent_idx - 1) in release_sent
        if not near and not (role is not None and doc_id in single_event):
            continue
        key = (doc_id, sent_idx)
        event_id = release_sent.get(key)
        continued = False
        if event_id is None and (doc_id, sent_idx - 1) in release_sent and key in sent_text:
            if re.search(r"\b(?:included|includ(?:e|es|ing)|among\s+(?:them|those))\b", sent_text[key][1], re.I):
                event_id, continued = release_sent[(doc_id, sent_idx - 1)], True
        if role and re.search(r"\benvoy\b|\bnegotiator\b|\bmediator\b", role, re.I) and doc_id in single_event:
            rows.append((row, single_event[doc_id], pid, "envoy", doc_id, start, end))
            continue
        if event_id is None or key not in sent_text:
            continue
        offset, sentence = sent_text[key]
        s, e = start - offset, end - offset
        trigger = RELEASE_RE.search(sentence)
        after_trigger = continued or (trigger is not None and trigger.end() <= s)
        acts = bool(ACTOR_VERB_RE.match(sentence[e:]))
        if after_trigger and not acts and pid not in head_roles:
            rows.append((row, event_id, pid, "released", doc_id, start, end))
        elif pid in head_roles or acts:
            rows.append((row, event_id, pid, "decision_maker", doc_id, start, end))
    rows.sort(key=lambda r: r[0])
    out = pl.DataFrame([r[1:] for r in rows], schema=LINK_SCHEMA, orient="row")
    return out.unique(subset=["event_id", "person_id", "role"], keep="first", maintain_order=True).rows()


WORDS = ["officials", "said", "the", "released", "freed", "pardoned", "on", "Monday", "included", "among them",
         "announced", "was", "talks", "in", "exchange", "were", "Others", "decided", "later"]
NAMES = ["Ana Torvel", "Ilko Varsh", "Mira Denn", "Oskar Lume", "Tadeo Quill", "Vera Sollen"]
ROLES = [None, None, None, "special envoy", "negotiator", "activist", "former minister"]


def _random_corpus(seed: int):
    """Documents of a few sentences: names at random places among release words, actor verbs and 'included'."""
    rnd = random.Random(seed)
    sentences, persons, events = [], [], []
    for d in range(150):
        doc = f"doc{d:03d}"
        n_events = rnd.choice([1, 1, 2])
        offset = 0
        for i in range(rnd.randint(1, 6)):
            tokens = [rnd.choice(WORDS) for _ in range(rnd.randint(3, 10))]
            places = sorted(rnd.sample(range(len(tokens) + 1), rnd.randint(0, 2)), reverse=True)
            for p in places:
                tokens.insert(p, "\x00" + rnd.choice(NAMES))
            text, spans = "", []
            for t in tokens:
                text += " " if text else ""
                if t.startswith("\x00"):
                    spans.append((len(text), len(text) + len(t) - 1, t[1:]))
                    t = t[1:]
                text += t
            text += "."
            if rnd.random() < 0.85:  # the rest are sentences the extractor did not keep for linking
                sentences.append((doc, i, offset, offset + len(text), text, False))
            for s, e, name in spans:
                # one person is a head of state (always a decision maker); the others hold lesser roles
                role = "President" if name == NAMES[0] and rnd.random() < 0.5 else rnd.choice(ROLES)
                persons.append((doc, i, offset + s, offset + e, "P" + name.split()[1], role))
            if rnd.random() < 0.4:
                events.append((doc, i, offset, offset + 5, f"E{d}-{rnd.randrange(n_events)}"))
            offset += len(text) + 1
    sentences = pl.DataFrame(sentences, schema={"doc_id": pl.String, "sent_idx": pl.Int32, "char_start": pl.Int64,
                                                "char_end": pl.Int64, "sentence": pl.String, "is_headline": pl.Boolean},
                             orient="row")
    persons = pl.DataFrame(persons, schema={"doc_id": pl.String, "sent_idx": pl.Int32, "char_start": pl.Int64,
                                            "char_end": pl.Int64, "person_id": pl.String, "role": pl.String}, orient="row")
    events = pl.DataFrame(events, schema={"doc_id": pl.String, "sent_idx": pl.Int32, "char_start": pl.Int64,
                                          "char_end": pl.Int64, "event_id": pl.String}, orient="row"
                          ).with_columns(event_type=pl.lit("prisoner_release"), country=pl.lit(None, pl.String))
    people = persons.group_by("person_id").agg(pl.col("role").drop_nulls().unique().sort().alias("roles"))
    return events, persons, sentences, people


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("slice_sentences", [None, 40])
def test_linking_with_frames_equals_the_rule_mention_by_mention(seed, slice_sentences):
    events, persons, sentences, people = _random_corpus(seed)
    head_roles = {pid for pid, roles in people.iter_rows() if any(HEAD_ROLE_RE.search(r) for r in roles)}
    expected = _link_row_by_row(events, persons, sentences, head_roles)
    got = link_event_people(events, persons, sentences, people, slice_sentences=slice_sentences)
    assert got.rows() == expected
    # the random documents reach every kind of link, so the comparison covers each branch
    assert {r[2] for r in expected} == {"released", "decision_maker", "envoy"}
