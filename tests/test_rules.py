"""Every rule entry's examples run through the real extraction, and what the rules generate agrees with
the files that repeat them (flows/language/rules.py, flows/language/rules/*.toml)."""

import re

import polars as pl
import pytest

from flows.core.paths import SCHEMA_SQL
from flows.extraction.clean import TRAILER_HEADING, clean_documents, is_furniture_line, split_sentences
from flows.extraction.events import extract_event_mentions
from flows.extraction.sanctions import extract_sanction_mentions
from flows.language import rules


def _sentences(texts: list[str]) -> pl.DataFrame:
    """One document per example, cleaned and split as a run does it."""
    docs = pl.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts,
                         "published_at": [None] * len(texts), "status": ["loaded"] * len(texts)},
                        schema={"doc_id": pl.String, "text": pl.String, "published_at": pl.Date, "status": pl.String})
    return split_sentences(clean_documents(docs))


def _examples(entries, which):
    return [pytest.param(r.name, s, id=f"{r.name}: {s[:40]}") for r in entries for s in getattr(r, which)]


def _event_types_of(sentence: str) -> set[str]:
    mentions, _ = extract_event_mentions(_sentences([sentence]))
    return set(mentions["event_type"])


def _actions_of(sentence: str) -> set[str]:
    return set(extract_sanction_mentions(_sentences([sentence]))["action"])


@pytest.mark.parametrize(("name", "sentence"), _examples(rules.event_types(), "must_match"))
def test_event_type_examples_are_found(name, sentence):
    assert name in _event_types_of(sentence)


@pytest.mark.parametrize(("name", "sentence"), _examples(rules.event_types(), "must_not_match"))
def test_event_type_counter_examples_are_not(name, sentence):
    assert name not in _event_types_of(sentence)


@pytest.mark.parametrize(("name", "sentence"), _examples(rules.sanction_actions(), "must_match"))
def test_sanction_action_examples_are_found(name, sentence):
    assert name in _actions_of(sentence)


@pytest.mark.parametrize(("name", "sentence"), _examples(rules.sanction_actions(), "must_not_match"))
def test_sanction_action_counter_examples_are_not(name, sentence):
    assert name not in _actions_of(sentence)


def _is_furniture(name: str, line: str) -> bool:
    kind = next(r.kind for r in rules.furniture() if r.name == name)
    return bool(TRAILER_HEADING.match(line)) if kind == "trailer" else is_furniture_line(line)


@pytest.mark.parametrize(("name", "line"), _examples(rules.furniture(), "must_match"))
def test_furniture_examples_are_blanked(name, line):
    assert _is_furniture(name, line)
    # and the clean stage blanks the line in a page
    body = _sentences([f"The envoy left the capital.\n{line}\nTalks resumed later."])
    assert not any(line.strip() in s for s in body["sentence"])


@pytest.mark.parametrize(("name", "line"), _examples(rules.furniture(), "must_not_match"))
def test_furniture_counter_examples_are_kept(name, line):
    assert not _is_furniture(name, line)


def test_every_rule_has_examples_both_ways_where_it_can():
    for r in rules.event_types() + rules.sanction_actions() + rules.furniture():
        assert r.must_match, f"{r.name}: no sentence it must match"
    for r in rules.event_types():
        assert r.must_not_match, f"{r.name}: no sentence it must not match"


def test_each_event_prefilter_passes_every_sentence_its_pattern_matches():
    """The prefilter (Rust regex in polars) may let more through, never less: checked on every example."""
    sentences = [s for r in rules.event_types() for s in r.must_match + r.must_not_match]
    frame = pl.DataFrame({"s": sentences})
    for name, pattern in rules.event_patterns().items():
        passed = frame.select(pl.col("s").str.contains(rules.event_prefilters()[name]))["s"].to_list()
        for sentence, ok in zip(sentences, passed):
            if pattern.search(sentence):
                assert ok, f"{name}: the prefilter drops {sentence!r}"


def test_expectation_value_sets_are_the_rules():
    for (table, column), values in rules.value_sets().items():
        assert set(rules.expectation_value_set(table, column)) == set(values), (
            f"expectations/{table}.json {column}: run `python -m flows.language.rules --write`")


def test_schema_comments_are_written_from_the_rules():
    sql = SCHEMA_SQL.read_text()
    for (table, column), comment in rules.schema_comments().items():
        assert rules.schema_comment(sql, table, column) == comment, (
            f"sql/schema.sql {table}.{column}: run `python -m flows.language.rules --write`")


def test_a_new_event_type_is_one_entry(tmp_path, monkeypatch):
    """Adding an entry to event_types.toml is all it takes for the extraction to report the type."""
    original = (rules.RULES_DIR / "event_types.toml").read_text()
    folder = tmp_path / "rules"
    folder.mkdir()
    for f in rules.RULES_DIR.glob("*.toml"):
        (folder / f.name).write_text(f.read_text())
    (folder / "event_types.toml").write_text(original + '''
[[event_type]]
name = "hostage_rescue"
cameo = "0874"
cameo_label = "test only"
pattern = '\\brescued\\s+(?:\\w+\\s+){0,3}hostages\\b'
prefilter = 'rescued'
must_match = ["Special forces rescued four hostages at dawn."]
must_not_match = ["The hostages were moved."]
''')
    import importlib

    import flows.extraction.events as events

    monkeypatch.setattr(rules, "RULES_DIR", folder)
    rules.event_types.cache_clear()
    try:
        importlib.reload(events)
        mentions, _ = events.extract_event_mentions(_sentences(["Special forces rescued four hostages at dawn."]))
        assert list(mentions["event_type"]) == ["hostage_rescue"]
        assert list(mentions["cameo_code"]) == ["0874"]
        assert "hostage_rescue" in rules.value_sets()[("events", "event_type")]
    finally:
        monkeypatch.undo()
        rules.event_types.cache_clear()
        importlib.reload(events)
