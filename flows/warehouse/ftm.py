"""FollowTheMoney export: the warehouse as FtM entities, one JSON object a line, for OpenSanctions and
Aleph users (`dossier export --format ftm DIR` writes DIR/entities.ftm.json).

Every entity is made and cleaned by the `followthemoney` package (invalid values are dropped by its
type cleaners, never written). What is written, per warehouse row:
- Article: one per loaded document (title, address as sourceUrl, outlet as publisher, publishedAt,
  main country, file name);
- Person: one per person (name, aliases, roles as position, nationality);
- Event: one per event (name, date at its precision, country, summary, the people involved);
- Sanction: one per sanctions move (authority and its country, the target as `entity`, provisions =
  the action, date at its precision: startDate for an imposition, endDate for a lifting, reason);
  a target that is not a person of the warehouse becomes a LegalEntity (Person for a named person);
- Documentation: one per evidence row, linking the Article to the fact with the quote as summary.
Each fact also carries `proof` (its Articles), `sourceUrl` (their addresses) and its quotes (`notes`,
or `summary` for a Sanction). Ids: `dossier-<kind>-<warehouse id>`, so a re-export keeps them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import duckdb

ID_PREFIX = "dossier"
FTM_FILE = "entities.ftm.json"
MAX_QUOTES = 5  # quotes kept on a fact itself; every one is a Documentation entity as well


def _id(kind: str, key: str) -> str:
    return f"{ID_PREFIX}-{kind}-{key}"


def at_precision(date, precision: str | None) -> str | None:
    """A date as FtM writes a partial date: 2024-01-15, 2024-01 (month), 2024 (year)."""
    if date is None:
        return None
    if precision == "year":
        return str(date.year)
    if precision == "month":
        return date.strftime("%Y-%m")
    return date.isoformat()


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict]:
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def _has(con: duckdb.DuckDBPyConnection, table: str, column: str | None = None) -> bool:
    sql = "select count(*) from information_schema.columns where table_name = ?"
    params = [table]
    if column:
        sql += " and column_name = ?"
        params.append(column)
    return con.execute(sql, params).fetchone()[0] > 0


def ftm_entities(con: duckdb.DuckDBPyConnection):
    """Yield the warehouse's FtM entities (EntityProxy), documents first (see module docstring)."""
    from followthemoney import model

    def make(schema: str, entity_id: str, **props):
        proxy = model.make_entity(schema)
        proxy.id = entity_id
        for prop, values in props.items():
            for value in values if isinstance(values, (list, tuple, set)) else [values]:
                if value is not None and value != "":
                    proxy.add(prop, value)  # cleaned by the property's type; invalid values dropped
        return proxy

    sources = ("left join sources as s on s.source_id = d.source_id" if _has(con, "sources") and
               _has(con, "documents", "source_id") else "")
    docs = _rows(con, f"""
        select d.doc_id, d.source_path, d.title, d.url, d.published_at, d.language,
               {"coalesce(s.name, d.source)" if sources else "d.source"} as publisher,
               {"d.main_country_iso2" if _has(con, "documents", "main_country_iso2") else "null"} as country
        from documents as d {sources}
        where d.status = 'loaded' order by d.doc_id""")
    url_of = {d["doc_id"]: d["url"] for d in docs}
    for d in docs:
        yield make("Article", _id("doc", d["doc_id"]), title=d["title"] or d["source_path"], fileName=d["source_path"],
                   sourceUrl=d["url"], publisher=d["publisher"], publishedAt=d["published_at"],
                   country=(d["country"] or "").lower(), language=d["language"] if d["language"] != "und" else None)

    evidence: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for e in _rows(con, "select fact_table, fact_id, doc_id, char_start, quote from evidence "
                        "where doc_id in (select doc_id from documents where status = 'loaded') "
                        "order by fact_table, fact_id, doc_id, char_start"):
        evidence[(e["fact_table"], e["fact_id"])].append(e)

    def provenance(table: str, fact_id: str, quote_prop: str = "notes") -> dict:
        rows = evidence.get((table, fact_id), [])
        return {"proof": sorted({_id("doc", r["doc_id"]) for r in rows}),
                "sourceUrl": sorted({url_of[r["doc_id"]] for r in rows if url_of.get(r["doc_id"])}),
                quote_prop: list(dict.fromkeys(r["quote"] for r in rows))[:MAX_QUOTES]}

    nationality = "nationality_iso2" if _has(con, "people", "nationality_iso2") else "null"
    people = _rows(con, f"select person_id, canonical_name, aliases, roles, {nationality} as nationality "
                        "from people order by person_id")
    person_by_name = {p["canonical_name"].lower(): p["person_id"] for p in people}
    for p in people:
        yield make("Person", _id("person", p["person_id"]), name=p["canonical_name"],
                   alias=[a for a in p["aliases"] or [] if a != p["canonical_name"]], position=p["roles"] or [],
                   nationality=(p["nationality"] or "").lower(), **provenance("people", p["person_id"]))

    involved: dict[str, list[str]] = defaultdict(list)
    for event_id, person_id in con.execute("select event_id, person_id from event_people order by 1, 2").fetchall():
        involved[event_id].append(_id("person", person_id))
    country = "country_iso2" if _has(con, "events", "country_iso2") else "null"
    for v in _rows(con, f"select *, {country} as _iso2 from events order by event_id"):
        what = v["event_type"].replace("_", " ")
        if v["prisoner_count"] is not None:
            what += f" of {v['prisoner_count']}"
        where = ", ".join(x for x in (v["country"], at_precision(v["event_date"], v["date_precision"])) if x)
        yield make("Event", _id("event", v["event_id"]), name=f"{what} ({where})" if where else what,
                   date=at_precision(v["event_date"], v["date_precision"]), country=(v["_iso2"] or "").lower(),
                   summary=v["summary"], keywords=[v["event_type"], v["cameo_code"] and f"CAMEO {v['cameo_code']}"],
                   involved=sorted(set(involved.get(v["event_id"], []))), **provenance("events", v["event_id"]))

    if _has(con, "sanctions", "move_date"):
        sanctions = _rows(con, """
            select s.*, i.name as authority, i.country_iso2 as authority_country, i.kind as authority_kind
            from sanctions as s left join issuers as i on i.issuer = s.issuer order by s.sanction_id""")
    else:  # a warehouse from before dated moves and issuer codes
        sanctions = _rows(con, "select *, issuer as authority, null as authority_country, null as authority_kind, "
                               "null as move_date, null as date_precision, null as target_country_iso2, "
                               "issuer as issuer_text from sanctions order by sanction_id")
    targets: dict[str, object] = {}
    for s in sanctions:
        target_id = None
        if s["target_type"] == "person" and s["target"].lower() in person_by_name:
            target_id = _id("person", person_by_name[s["target"].lower()])
        else:
            key = f"{s['target_type']}|{s['target']}|{s['target_country']}".lower()
            target_id = _id("target", _short_hash(key))
            if target_id not in targets:
                schema = {"person": "Person", "company": "Company"}.get(s["target_type"], "LegalEntity")
                label = s["target"] if s["target_type"] in ("person", "company", "country") or not s["target_country"] \
                    else f"{s['target']} ({s['target_country']})"
                targets[target_id] = make(schema, target_id, name=label, country=(s["target_country_iso2"] or "").lower(),
                                          description=s["target_type"] and f"sanctions target: {s['target_type']}")
                yield targets[target_id]
        date = at_precision(s["move_date"], s["date_precision"])
        authority = s["authority"] or s["issuer_text"]
        yield make("Sanction", _id("sanction", s["sanction_id"]), entity=target_id, authority=authority,
                   country=(s["authority_country"] or ("eu" if s["issuer"] == "EU" else "")).lower(),
                   provisions=s["action"], status=s["action"], reason=s["reason"], date=date,
                   startDate=date if s["action"] == "imposed" else None,
                   endDate=date if s["action"] == "lifted" else None,
                   description=s["issuer_text"] and f"issuer as reported: {s['issuer_text']}",
                   **provenance("sanctions", s["sanction_id"], "summary"))

    kinds = {"people": "person", "events": "event", "sanctions": "sanction"}
    for (table, fact_id), rows in sorted(evidence.items()):
        for r in rows:
            yield make("Documentation", _id("evidence", _short_hash(f"{table}|{fact_id}|{r['doc_id']}|{r['char_start']}")),
                       document=_id("doc", r["doc_id"]), entity=_id(kinds[table], fact_id), role="evidence",
                       summary=r["quote"], sourceUrl=url_of.get(r["doc_id"]))


def _short_hash(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode()).hexdigest()[:16]


def write_ftm(con: duckdb.DuckDBPyConnection, folder: Path) -> tuple[Path, dict[str, int]]:
    """Write every entity to `folder`/entities.ftm.json (JSON lines); returns the path and counts per schema."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / FTM_FILE
    counts: dict[str, int] = defaultdict(int)
    tmp = path.with_name(path.name + ".part")
    with open(tmp, "w", encoding="utf-8") as fh:
        for proxy in ftm_entities(con):
            fh.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
            counts[proxy.schema.name] += 1
    tmp.replace(path)
    return path, dict(sorted(counts.items()))
