"""Issue 25: `dossier export --format ftm` writes FollowTheMoney entities the library accepts."""

from __future__ import annotations

import json

import duckdb


def test_every_ftm_entity_is_valid_and_traced_to_its_source_issue_25(dev_db, tmp_path, capsys):
    from followthemoney import model
    from followthemoney.types import registry

    from flows.cli.main import main

    assert main(["export", "--format", "ftm", str(tmp_path), "--db", str(dev_db)]) == 0
    assert "entities:" in capsys.readouterr().out
    entities = [json.loads(line) for line in (tmp_path / "entities.ftm.json").read_text().splitlines()]
    ids = [e["id"] for e in entities]
    assert len(ids) == len(set(ids))
    for data in entities:
        schema = model.get(data["schema"])
        assert schema is not None and not schema.abstract, data["schema"]
        schema.validate(data)  # raises InvalidData on any value its type rejects
        props = data["properties"]
        assert set(schema.required) <= set(props), (data["id"], schema.required)
        assert set(props) <= set(schema.properties), data["id"]
        # read back and cleaned again by the library: every value survives as written
        proxy = model.get_proxy(data, cleaned=False)
        assert {p: sorted(v) for p, v in proxy.to_dict()["properties"].items()} == \
            {p: sorted(v) for p, v in props.items()}, data["id"]
        # every reference points at an entity of the export
        for prop_name, values in props.items():
            if schema.properties[prop_name].type == registry.entity:
                assert set(values) <= set(ids), (data["id"], prop_name)

    by_schema: dict[str, list[dict]] = {}
    for e in entities:
        by_schema.setdefault(e["schema"], []).append(e)
    with duckdb.connect(str(dev_db), read_only=True) as con:
        n = {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in ("people", "events", "sanctions")}
        n_docs = con.execute("select count(*) from documents where status = 'loaded'").fetchone()[0]
        n_evidence = con.execute("select count(*) from evidence").fetchone()[0]
    assert len(by_schema["Person"]) >= n["people"]  # sanctioned people who are not in `people` are Persons too
    assert len(by_schema["Event"]) == n["events"]
    assert len(by_schema["Sanction"]) == n["sanctions"]
    assert len(by_schema["Article"]) == n_docs
    assert len(by_schema["Documentation"]) == n_evidence
    # each fact carries its documents, their addresses (where they have one) and its evidence
    urls = {a["id"]: a["properties"].get("sourceUrl", []) for a in by_schema["Article"]}
    for e in by_schema["Person"][:n["people"]] + by_schema["Event"] + by_schema["Sanction"]:
        props = e["properties"]
        assert props.get("proof"), e["id"]
        assert set(props.get("sourceUrl", [])) == {u for doc in props["proof"] for u in urls[doc]}, e["id"]
        assert props.get("notes") or props.get("summary"), e["id"]
    assert sum(1 for e in by_schema["Sanction"] if e["properties"].get("sourceUrl")) > n["sanctions"] / 2
    dated = [e for e in by_schema["Sanction"] if e["properties"].get("date")]
    assert dated and all(e["properties"]["authority"] for e in by_schema["Sanction"] if "country" in e["properties"])
