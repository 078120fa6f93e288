"""Event people: who was freed, who freed them, who negotiated (the `event_people` links)."""

from __future__ import annotations

import re

import polars as pl

from flows.core.frames import hash_slices, split
from flows.extraction.count_numbers import RELEASE_RE
from flows.resolution.staging import n_rows, sliced_scans, stage_schema

HEAD_ROLE_RE = re.compile(r"(?<!vice )(?<!vice-)\b(?:president|prime minister|king|premier|dictator|ruler|emir|sultan|head of state)\b", re.I)


ACTOR_VERB_RE = re.compile(
    r"^(?:['’]s)?\s*(?:has\s+|had\s+|have\s+)?(?:announced|ordered|signed|pardoned|freed|released|decided|agreed|"
    r"appears|said|says|granted|approved|authorised|authorized|allowed|let|offered|is|was)\b",
    re.I,
)


LINK_SCHEMA = {"event_id": pl.String, "person_id": pl.String, "role": pl.String, "doc_id": pl.String,
               "char_start": pl.Int64, "char_end": pl.Int64}


# sentences linked at once: each slice of documents builds its own lookups, so memory stays bounded
LINK_SLICE_SENTENCES = 200_000


def link_event_people(event_mentions: pl.DataFrame, person_mentions: pl.DataFrame,
                      sentences: pl.DataFrame | list, people: pl.DataFrame,
                      slice_sentences: int | None = None) -> pl.DataFrame:
    """Roles of people in releases: released (named after the release word), decision_maker, envoy.

    Linking looks only inside each document, so documents are taken in slices (by a hash of
    doc_id); `sentences` is a frame or the run's Parquet files of linking sentences.
    """
    rel = event_mentions.filter(pl.col("event_type") == "prisoner_release")
    if rel.is_empty() or person_mentions.is_empty():
        return pl.DataFrame(schema=LINK_SCHEMA)
    head_roles = {pid for pid, roles in people.select("person_id", "roles").iter_rows()
                  if any(HEAD_ROLE_RE.search(r) for r in roles)}
    pm = person_mentions.with_row_index("_row")
    parts = []
    slices = hash_slices(n_rows(sentences), slice_sentences or LINK_SLICE_SENTENCES)
    scans = sliced_scans(sentences, "sentences", list(stage_schema("sentences")), len(slices))
    try:
        for rel_part, pm_part, slice_sentences_scan in zip(split(rel, len(slices)), split(pm, len(slices)), scans):
            parts.append(_link_rows(rel_part, pm_part, slice_sentences_scan.collect(), head_roles))
    finally:
        scans.close()  # its slice files go now, not when the generator is collected
    # in the order of the person mentions, as if linked in one go (a mention links at most once)
    out = pl.concat(parts).sort("_row").drop("_row")
    return out.unique(subset=["event_id", "person_id", "role"], keep="first", maintain_order=True)


INCLUDED_RE = re.compile(r"\b(?:included|includ(?:e|es|ing)|among\s+(?:them|those))\b", re.I)


ENVOY_ROLE = r"(?i)\benvoy\b|\bnegotiator\b|\bmediator\b"


def _link_rows(rel: pl.DataFrame, person_mentions: pl.DataFrame, sentences: pl.DataFrame,
               head_roles: set[str]) -> pl.DataFrame:
    """Links of one slice of documents: `_row` (the person mention's row) and the LINK_SCHEMA columns.

    Frames and joins decide which sentence speaks of which release; Python's regexes run once per
    distinct sentence (where its first release word ends) and once per mention that a release
    sentence holds (does the name act: "X announced").
    """
    out_schema = {"_row": pl.UInt32, **LINK_SCHEMA}
    if rel.is_empty() or person_mentions.is_empty():
        return pl.DataFrame(schema=out_schema)
    key = ["doc_id", "sent_idx"]
    sents = (sentences.select("doc_id", pl.col("sent_idx").cast(pl.Int64), pl.col("char_start").alias("_offset"),
                              "sentence")
             .unique(key, keep="last", maintain_order=True))
    texts = sents.select("sentence").unique()
    trigger_end = [m.end() if (m := RELEASE_RE.search(t)) else -1 for t in texts["sentence"]]
    sents = sents.join(texts.with_columns(_trigger_end=pl.Series(trigger_end, dtype=pl.Int64)), on="sentence",
                       how="left")
    del texts, trigger_end
    releases = rel.select("doc_id", pl.col("sent_idx").cast(pl.Int64), "event_id")
    single = (releases.group_by("doc_id").agg(pl.col("event_id").unique())
              .filter(pl.col("event_id").list.len() == 1)
              .select("doc_id", _single=pl.col("event_id").list.first()))
    said = releases.unique(key, keep="last", maintain_order=True)
    # in a document about one release, any sentence with a release word speaks of it
    extra = (sents.filter(pl.col("_trigger_end") >= 0).join(single, on="doc_id")
             .join(said, on=key, how="anti").select(*key, event_id="_single"))
    release_sent = pl.concat([said, extra])
    # only a mention in or right after a release sentence, or with a role in a one-release document, can
    # be linked: the rest (most people are named elsewhere) is never looked at
    near = release_sent.select(key)
    near = pl.concat([near, near.with_columns(pl.col("sent_idx") + 1)]).unique().with_columns(_near=pl.lit(True))
    cand = (
        person_mentions.select("_row", "doc_id", pl.col("sent_idx").cast(pl.Int64), "char_start", "char_end",
                               "person_id", "role")
        .join(near, on=key, how="left", maintain_order="left")
        .join(single, on="doc_id", how="left", maintain_order="left")
        .filter(pl.col("_near").fill_null(False) | (pl.col("role").is_not_null() & pl.col("_single").is_not_null()))
        .join(release_sent.rename({"event_id": "_here"}), on=key, how="left", maintain_order="left")
        .join(release_sent.select("doc_id", pl.col("sent_idx") + 1, _before="event_id"), on=key, how="left",
              maintain_order="left")
        .join(sents, on=key, how="left", maintain_order="left")
    )
    envoy = (pl.col("role").str.contains(ENVOY_ROLE) & pl.col("_single").is_not_null()).fill_null(False)
    # "Other notable figures included X" right after a release sentence continues it
    may_continue = (pl.col("_here").is_null() & pl.col("_before").is_not_null() & pl.col("sentence").is_not_null()
                    & ~envoy)
    cont = cand.filter(may_continue)
    cand = cand.join(cont.select("_row", _continued=pl.Series(
        [INCLUDED_RE.search(t) is not None for t in cont["sentence"]], dtype=pl.Boolean)), on="_row", how="left",
        maintain_order="left").with_columns(pl.col("_continued").fill_null(False))
    cand = cand.with_columns(_event=pl.when(pl.col("_continued")).then("_before").otherwise("_here"))
    # a release word ends before the name (the first one ends first: matches do not overlap)
    in_release = cand.filter(~envoy & pl.col("_event").is_not_null() & pl.col("sentence").is_not_null())
    acts = [bool(ACTOR_VERB_RE.match(t[e - o:])) for t, e, o in in_release.select(
        "sentence", "char_end", "_offset").iter_rows()]
    head = pl.col("person_id").is_in(pl.Series(sorted(head_roles), dtype=pl.String).implode())
    after_trigger = pl.col("_continued") | ((pl.col("_trigger_end") >= 0)
                                            & (pl.col("_trigger_end") <= pl.col("char_start") - pl.col("_offset")))
    linked = in_release.with_columns(_acts=pl.Series(acts, dtype=pl.Boolean)).with_columns(
        role=pl.when(after_trigger & ~pl.col("_acts") & ~head).then(pl.lit("released"))
        .when(head | pl.col("_acts")).then(pl.lit("decision_maker")))
    envoys = cand.filter(envoy).with_columns(_event="_single", role=pl.lit("envoy"))
    return (pl.concat([linked.filter(pl.col("role").is_not_null()), envoys], how="diagonal_relaxed")
            .select("_row", event_id="_event", person_id="person_id", role="role", doc_id="doc_id",
                    char_start="char_start", char_end="char_end")
            .cast(out_schema))
