"""Score a warehouse against a gold file (format of ../shared/gold/seeds.json).

Documents are matched by the gold's doc key: the file name's prefix before the
first underscore ("000" for 000_9bf6....txt). People match on folded names
(any variant), releases on (count, docs overlap), sanctions on
(doc, target, action).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from flows.language.issuers import issuer_codes
from flows.language.lexicon import fold
from flows.warehouse.eval_releases import (
    prf,
    score_merged_releases,
    score_release_dates,
    score_releases,
    score_tallies_as_releases,
)


def _key(name: str) -> str:
    return re.sub(r"['’]s$", "", fold(name)).replace(".", "").strip()


def doc_keys(con, scope: set[str] | None = None) -> dict[str, str]:
    """doc_id -> gold doc key (only the keys in `scope`, when given)."""
    rows = con.execute("select doc_id, source_path from documents where status = 'loaded'").fetchall()
    keys = {d: Path(p).name.split("_")[0] for d, p in rows}
    return keys if scope is None else {d: k for d, k in keys.items() if k in scope}


GOLD_LISTS = ("pages", "people", "not_people", "prisoner_releases", "not_release_events", "sanctions")


def load_gold(paths) -> dict:
    """One gold from one or several files (or folders of *.json): lists concatenated, a person named in
    several files once (variants and documents joined)."""
    files: list[Path] = []
    for p in [paths] if isinstance(paths, (str, Path)) else paths:
        p = Path(p)
        files += sorted(p.glob("*.json")) if p.is_dir() else [p]
    gold: dict = {k: [] for k in GOLD_LISTS}
    people: dict[str, dict] = {}
    for n_file, f in enumerate(files):
        part = json.loads(f.read_text())
        for r in part.get("prisoner_releases", []):
            r.setdefault("_file", n_file)
        for k in GOLD_LISTS:
            if k == "people":
                for g in part.get(k, []):
                    have = people.get(g["canonical"])
                    if have is None:
                        people[g["canonical"]] = {**g, "variants": list(g.get("variants", [])),
                                                  "docs": list(g.get("docs", []))}
                    else:
                        have["variants"] += [v for v in g.get("variants", []) if v not in have["variants"]]
                        have["docs"] += [d for d in g.get("docs", []) if d not in have["docs"]]
            else:
                gold[k] += part.get(k, [])
    gold["people"] = list(people.values())
    return gold


def _people(con, keys: dict[str, str] | None = None) -> list[tuple]:
    """(person_id, canonical_name, aliases) of the people mentioned in the scored documents."""
    rows = con.execute("select person_id, canonical_name, aliases from people").fetchall()
    if keys is None:
        return rows
    in_scope = {pid for pid, d in con.execute("select distinct person_id, doc_id from person_mentions").fetchall()
                if d in keys}
    return [r for r in rows if r[0] in in_scope]


def score_people(con, gold: dict, keys: dict[str, str] | None = None) -> tuple[dict, list[str]]:
    people = _people(con, keys)
    notes = []
    matched_gold, tp_ids = set(), set()
    rows_of: dict[str, list[str]] = {}
    for pid, canon, aliases in people:
        keys = {_key(canon), *(_key(a) for a in aliases or [])}
        for g in gold["people"]:
            gkeys = {_key(v) for v in [g["canonical"], *g["variants"]]}
            if _key(canon) in gkeys or (keys & gkeys and len(_key(canon).split()) >= 2 and
                                        _key(canon).split()[-1] == _key(g["canonical"]).split()[-1]):
                matched_gold.add(g["canonical"])
                tp_ids.add(pid)
                rows_of.setdefault(g["canonical"], []).append(canon)
    fp = [c for pid, c, _ in people if pid not in tp_ids]
    fn = [g["canonical"] for g in gold["people"] if g["canonical"] not in matched_gold]
    notes += [f"people: false positive {x!r}" for x in fp] + [f"people: missed {x!r}" for x in fn]
    # duplicates: one gold person split over several rows counts against precision
    split = len(tp_ids) - len(matched_gold)
    notes += [f"people: {g} split over rows {sorted(rows)}" for g, rows in rows_of.items() if len(rows) > 1]
    return prf(len(matched_gold), len(fp) + max(split, 0), len(fn)), notes


def gold_person_of(canon: str, aliases: list[str], gold: dict) -> str | None:
    """The gold person a warehouse person stands for (by canonical name or a variant), if any."""
    keys = {_key(canon), *(_key(a) for a in aliases or [])}
    for g in gold["people"]:
        gkeys = {_key(v) for v in [g["canonical"], *g["variants"]]}
        if _key(canon) in gkeys or keys & gkeys:
            return g["canonical"]
    return None


def score_people_merges(con, gold: dict, keys: dict[str, str], scoped: bool = False) -> dict:
    """Pairwise merge precision/recall over (document, person) items across documents.

    An item is a person as found in one document. Two items from different
    documents are a true pair when the gold says they are the same person; a
    predicted pair when the warehouse gave them the same person_id.
    """
    people = _people(con, keys if scoped else None)
    label = {pid: gold_person_of(c, a, gold) for pid, c, a in people}
    items = con.execute("select distinct doc_id, person_id from person_mentions").fetchall()
    if scoped:
        items = [(d, p) for d, p in items if d in keys]
    gold_items = []
    for doc_id, pid in items:
        # the gold label of an item: the gold person whose variant is mentioned in that document
        gold_items.append((keys.get(doc_id, doc_id), pid, label.get(pid) or f"?{pid}"))
    tp = fp = fn = 0
    for i, (d1, p1, g1) in enumerate(gold_items):
        for d2, p2, g2 in gold_items[i + 1:]:
            if d1 == d2:
                continue
            same_pred, same_gold = p1 == p2, g1 == g2 and not g1.startswith("?")
            tp += same_pred and same_gold
            fp += same_pred and not same_gold
            fn += same_gold and not same_pred
    return prf(tp, fp, fn)


def score_published(con, gold: dict, keys: dict[str, str]) -> tuple[dict, list[str]]:
    """documents.published_at against the gold pages' `published` (a date the page itself states)."""
    pages = [p for p in gold.get("pages", []) if "published" in p]
    has_source = bool(con.execute("select count(*) from information_schema.columns where table_name = 'documents' "
                                  "and column_name = 'published_at_source'").fetchone()[0])
    rows = con.execute(f"""select doc_id, published_at, {'published_at_source' if has_source else 'null'}
                           from documents where status = 'loaded'""").fetchall()
    by_key = {keys[d]: (pub, src) for d, pub, src in rows if d in keys}
    right = total = invented = 0
    notes = []
    for p in pages:
        pub, _ = by_key.get(p["doc"], (None, None))
        found = pub.isoformat()[:10] if pub else None
        if p["published"]:
            total += 1
            if found == p["published"][:10]:
                right += 1
            else:
                notes.append(f"published: {p['doc']} {found}, gold {p['published']}")
        elif found:
            invented += 1
            notes.append(f"published: {p['doc']} {found}, the page states no date")
    return {"correct": right, "total": total, "accuracy": round(right / total, 3) if total else 1.0,
            "dated_without_page_date": invented, "n_pages": len(pages)}, notes


# the kinds of release the real-news gold tells apart; a gold kind outside them (a free description) is "other"
RELEASE_KINDS = ("release", "swap", "pardon", "amnesty")

# the real-news gold (issue 22) types some targets "body" (a ministry, a police force, a state council) or
# "other" (a group: "Nicaraguan officials", a fleet's vessels, frozen funds), words the warehouse's
# target_type (sector, company, country, officials, person) never holds: each matches the types it covers
_GOLD_TYPE_COVERS = {"body": {"officials", "company"}, "other": {"sector", "officials", "company"}}


# a counted group's count ("26 individuals", "a further nine entities"): the gold writes a group with its count
# or without ("Iranians" for "six Iranians"); the group is the same either way
_COUNT_RE = re.compile(r"^(?:(?:a\s+further|an\s+additional|another|some)\s+)?(?:\d[\d,]*|one|two|three|four|five|six|"
                       r"seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
                       r"nineteen|twenty|thirty|forty|fifty|dozens|hundreds)(?:[\s\-](?:one|two|three|four|five|six|"
                       r"seven|eight|nine))?\s+(?=\S)")

_GROUP_TYPES = ("officials", "company")


def _uncounted(text: str) -> str:
    return _COUNT_RE.sub("", text)


def _inside(a: str, b: str) -> bool:
    return bool(re.search(rf"\b{re.escape(a)}\b", b) or re.search(rf"\b{re.escape(b)}\b", a))


def _target_match(found: str, found_type: str, gold: dict) -> bool:
    """Same target: equal names, or one inside the other ("aviation" / "aviation fuel") of the same type; a
    counted group of the warehouse and a group of the gold are compared without their counts ("nine entities"
    is the gold's "entities based in <country>")."""
    a, b = fold(found or ""), fold(gold["target"] or "")
    if not a or not b:
        return False
    if a == b:
        return True
    inside = _inside(a, b) or (found_type in _GROUP_TYPES and (a != _uncounted(a) or b != _uncounted(b))
                               and _inside(_uncounted(a), _uncounted(b)))
    gold_type = gold.get("target_type")
    return bool(inside) and (found_type == gold_type or found_type in _GOLD_TYPE_COVERS.get(gold_type, ()))


def score_sanctions(con, gold: dict, keys: dict[str, str], scoped: bool = False) -> tuple[dict, dict, list[str], dict]:
    has_country = bool(con.execute("select count(*) from information_schema.columns "
                                   "where table_name = 'sanctions' and column_name = 'target_country'").fetchone()[0])
    # a move by several bodies is one row per body's code since issue 25 ("the US and its Western allies":
    # US and WEST); a gold writes it as one fact or as one per body ("Britain and Canada imposed": two): each row
    # may match a gold fact, and a row left over whose move (document, target, action, issuer's words) matched is
    # the same fact told per body, not an extra row
    has_text = bool(con.execute("select count(*) from information_schema.columns "
                                "where table_name = 'sanctions' and column_name = 'issuer_text'").fetchone()[0])
    rows = con.execute(f"""
        select distinct e.doc_id, s.target, s.action, {'coalesce(s.issuer_text, s.issuer)' if has_text else 's.issuer'},
               s.target_type,
               {'s.target_country' if has_country else 'null'}, s.issuer
        from sanctions s join evidence e on e.fact_table = 'sanctions' and e.fact_id = s.sanction_id
        order by all""").fetchall()  # matching takes the first row that fits: a fixed order, a repeatable score
    found = [(keys.get(d, d), t, a, i, tt, c, code) for d, t, a, i, tt, c, code in rows if not scoped or d in keys]
    notes, used = [], set()
    tp = action_ok = 0
    country_ok = country_total = 0
    unmatched, missed = [], []
    by_type: dict[str, list[int]] = {}  # gold target type -> [found, total]
    for g in gold["sanctions"]:
        by_type.setdefault(g.get("target_type") or "unknown", [0, 0])[1] += 1
    # first every gold fact whose (document, target, action) was found, then the rest by target only,
    # so one found row cannot hide another gold fact's exact match
    for g in gold["sanctions"]:
        actions = {g["action"], *g.get("also_accept", [])}
        hit = next((f for f in _by_issuer(found, g) if f[0] == g["doc"] and _target_match(f[1], f[4], g)
                    and f[2] in actions and f not in used), None)
        if hit:
            tp += 1
            action_ok += 1
            used.add(hit)
            by_type[g.get("target_type") or "unknown"][0] += 1
        else:
            unmatched.append(g)
            continue
        country_total, country_ok = _score_country(hit, g, notes, country_total, country_ok)
    for g in unmatched:
        cands = [f for f in _by_issuer(found, g) if f[0] == g["doc"] and _target_match(f[1], f[4], g) and f not in used]
        if cands:
            tp += 1
            used.add(cands[0])
            by_type[g.get("target_type") or "unknown"][0] += 1
            notes.append(f"sanctions: {g['doc']} {g['target']} action {cands[0][2]}, gold {g['action']}")
            country_total, country_ok = _score_country(cands[0], g, notes, country_total, country_ok)
        else:
            missed.append(g)
            notes.append(f"sanctions: missed {g['doc']} {g['target']} {g['action']}")
    # the gold writes some lists of counted groups as one entry ("84 organizations and 108 individuals"): a
    # counted group of the warehouse inside a matched gold group of its document and action is part of that fact
    # (its other part made the match), neither a second hit nor an extra row
    matched_groups = [(g["doc"], fold(g["target"] or ""), {g["action"], *g.get("also_accept", [])})
                      for g in gold["sanctions"] if g.get("target_type") in ("other", "company", "body")
                      and any(f[0] == g["doc"] and f in used and _target_match(f[1], f[4], g) for f in found)]
    parts = {f for f in found if f not in used and f[4] in _GROUP_TYPES and fold(f[1] or "") != _uncounted(fold(f[1] or ""))
             and any(f[0] == d and f[2] in acts and re.search(rf"\b{re.escape(fold(f[1]))}\b", t)
                     for d, t, acts in matched_groups)}
    notes += [f"sanctions: part of a gold group {d} {t} {a}" for d, t, a, *_ in sorted(parts)]
    told = {f[:4] for f in used}
    fp = [f for f in found if f not in used and f not in parts and f[:4] not in told]
    notes += [f"sanctions: extra {d} {t} {a}" for d, t, a, *_ in fp]
    total = len(gold["sanctions"])
    # action accuracy is judged where the sanction itself was found (its recall is reported above)
    return (prf(tp, len(fp), total - tp),
            {"correct": action_ok, "total": tp, "accuracy": round(action_ok / tp, 3) if tp else 1.0,
             "found_by_target_type": {k: {"found": f, "total": t} for k, (f, t) in sorted(by_type.items())},
             "missed_by_reason": _why_missed(con, missed, found, keys)}, notes,
            {"correct": country_ok, "total": country_total,
             "accuracy": round(country_ok / country_total, 3) if country_total else 1.0})


def _why_missed(con, missed: list[dict], found: list[tuple], keys: dict[str, str]) -> dict:
    """Where the missed gold sanctions were lost: no move read in their document at all, or moves read there but
    none on this target; and of the missed people, how many the people table holds in that document (the name was
    read, not its move)."""
    docs_with_moves = {f[0] for f in found}
    named: dict[str, set[str]] = {}
    has_mentions = bool(con.execute("select count(*) from information_schema.tables "
                                    "where table_name = 'person_mentions'").fetchone()[0])
    if has_mentions and any(g.get("target_type") == "person" for g in missed):
        for doc, canon, aliases in con.execute(
                "select distinct m.doc_id, p.canonical_name, p.aliases from person_mentions m "
                "join people p using (person_id)").fetchall():
            named.setdefault(keys.get(doc, doc), set()).update(_key(n) for n in [canon, *(aliases or [])])
    out = {"no_move_in_document": 0, "moves_there_not_this_target": 0, "person_read_in_document": 0}
    for g in missed:
        out["moves_there_not_this_target" if g["doc"] in docs_with_moves else "no_move_in_document"] += 1
        if g.get("target_type") == "person" and _key(g["target"] or "") in named.get(g["doc"], set()):
            out["person_read_in_document"] += 1
    return out


def _by_issuer(found: list[tuple], g: dict) -> list[tuple]:
    """The found rows, those by one of the gold fact's issuers first (a move by "Britain and Canada" is a row
    per body: the gold's UK fact takes the UK row), then those whose target is the gold's without its count; the order
    kept otherwise."""
    codes = {c for c in issuer_codes(g.get("issuer")) if c}
    # (and a row naming the gold's target in full before one only inside it: "nine <demonym> organizations" before
    # "84 organizations" for the gold's "<demonym> organizations")
    want = _uncounted(fold(g.get("target") or ""))
    return sorted(found, key=lambda f: (bool(codes) and f[6] not in codes, _uncounted(fold(f[1] or "")) != want))


def _score_country(found: tuple, g: dict, notes: list[str], total: int, ok: int) -> tuple[int, int]:
    """Count one found sanction's target country against the gold's (when the gold gives one)."""
    if not g.get("target_country"):
        return total, ok
    if found[5] == g["target_country"]:
        return total + 1, ok + 1
    notes.append(f"sanctions: {g['doc']} {g['target']} target country {found[5]}, gold {g['target_country']}")
    return total + 1, ok


def cut_gold_to(gold: dict, held: set[str]) -> dict:
    """The gold of the documents `held` (doc keys) only: a page, sanction or non-event of another document is
    dropped, and a person or release keeps the held ones of its documents (dropped when none is held)."""
    out: dict = {}
    for name, items in gold.items():
        kept = []
        for item in items:
            if not isinstance(item, dict):
                kept.append(item)
            elif "doc" in item:
                if item["doc"] in held:
                    kept.append(item)
            elif "docs" in item:
                docs = [d for d in item["docs"] if d in held]
                if docs:
                    item = {**item, "docs": docs}
                    if isinstance(item.get("date_text"), dict):
                        item["date_text"] = {d: t for d, t in item["date_text"].items() if d in held}
                    kept.append(item)
            else:
                kept.append(item)
        out[name] = kept
    return out


def evaluate(con, gold_path, loaded_only: bool = False) -> dict:
    """Precision/recall per table plus release-count, sanction-action and sanction-country accuracy; with a
    gold that lists its pages (the real-news set), only those documents are scored, and release dates,
    extra release rows, tallies turned into releases, merged releases and publication dates too.
    `gold_path`: a file, a folder of gold files, or a list of either. `loaded_only`: the gold of the pages this
    warehouse holds only (a page cache rebuilt in part): the others are left out, not counted as missed."""
    gold = load_gold(gold_path)
    if loaded_only and gold["pages"]:
        gold = cut_gold_to(gold, set(doc_keys(con).values()))
    scoped = bool(gold["pages"])
    keys = doc_keys(con, {p["doc"] for p in gold["pages"]} if scoped else None)
    people, n1 = score_people(con, gold, keys if scoped else None)
    releases, rel_acc, n2, matched, found = score_releases(con, gold, keys, scoped)
    sanctions, act_acc, n3, country_acc = score_sanctions(con, gold, keys, scoped)
    merges = score_people_merges(con, gold, keys, scoped)
    result = {"people": people, "releases": releases, "sanctions": sanctions, "people_merges": merges,
              "release_count_accuracy": rel_acc, "sanction_action_accuracy": act_acc,
              "sanction_country_accuracy": country_acc, "notes": n1 + n2 + n3}
    if scoped:
        dates, n4 = score_release_dates(gold, matched)
        tallies, n5 = score_tallies_as_releases(con, gold, keys, found, matched)
        merged, n6 = score_merged_releases(gold, found)
        published, n7 = score_published(con, gold, keys)
        n_docs = len(keys)
        by_kind: dict[str, dict] = {}  # the gold's kind of release (release, swap, pardon, amnesty) -> right / total
        for g in gold["prisoner_releases"]:
            row = matched.get(g["key"])
            kind = g.get("kind") if g.get("kind") in RELEASE_KINDS else "other"
            slot = by_kind.setdefault(kind, {"right": 0, "found": 0, "total": 0})
            slot["total"] += 1
            slot["found"] += row is not None
            slot["right"] += row is not None and row[1] == g["count"] and row[2] == g.get("qualifier", "exact")
        result.update({
            "releases_by_kind": dict(sorted(by_kind.items())),
            "n_documents": n_docs, "release_dates": dates,
            "extra_release_rows": {"rows": releases["fp"],
                                   "per_20_documents": round(20 * releases["fp"] / n_docs, 2) if n_docs else 0.0},
            "tallies_as_releases": tallies, "merged_releases": merged, "published_dates": published,
        })
        result["notes"] += n4 + n5 + n6 + n7
    return result


def format_report(result: dict) -> str:
    lines = [f"{'table':<10} {'precision':>9} {'recall':>7} {'f1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
    for table in ("people", "releases", "sanctions"):
        r = result[table]
        lines.append(f"{table:<10} {r['precision']:>9.3f} {r['recall']:>7.3f} {r['f1']:>6.3f} {r['tp']:>4} {r['fp']:>4} {r['fn']:>4}")
    pm = result["people_merges"]
    lines.append(f"{'merges':<10} {pm['precision']:>9.3f} {pm['recall']:>7.3f} {pm['f1']:>6.3f} {pm['tp']:>4} {pm['fp']:>4} {pm['fn']:>4}"
                 "   (pairs of one person across documents)")
    ra, sa = result["release_count_accuracy"], result["sanction_action_accuracy"]
    lines.append(f"release count+qualifier accuracy: {ra['accuracy']:.3f} ({ra['correct']}/{ra['total']})")
    lines.append(f"sanction action accuracy:         {sa['accuracy']:.3f} ({sa['correct']}/{sa['total']} found sanctions)")
    sc = result.get("sanction_country_accuracy")
    if sc and sc["total"]:  # only gold that says whose target it is
        lines.append(f"sanction target country accuracy: {sc['accuracy']:.3f} ({sc['correct']}/{sc['total']} found sanctions)")
    if "n_documents" in result:  # a gold that lists its pages (the real-news set)
        rel, ex, dd, pd = result["releases"], result["extra_release_rows"], result["release_dates"], result["published_dates"]
        found_total = rel["tp"] + rel["fn"]
        lines += [
            f"documents scored:                 {result['n_documents']}",
            f"releases found (count+qualifier): {ra['correct']} of {found_total} (found at all: {rel['tp']})",
            f"extra release rows:               {ex['rows']} ({ex['per_20_documents']:.2f} per 20 documents)",
            f"tallies turned into releases:     {result['tallies_as_releases']}",
            f"release dates right:              {dd['correct']} of {dd['total']} (dated where the gold has no date: "
            f"{dd['dated_without_gold_date']})",
            f"release dates not right:          " + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in dd["wrong"].items()),
            f"gold releases merged into one:    {result['merged_releases']}",
            f"sanctions found:                  {result['sanctions']['tp']} of {result['sanctions']['tp'] + result['sanctions']['fn']}"
            f" (action accuracy {sa['accuracy']:.3f})",
            f"publication date from the page:   {pd['correct']} of {pd['total']} (dated where the page states none: "
            f"{pd['dated_without_page_date']})",
        ]
        kinds = result.get("releases_by_kind") or {}
        if kinds:
            lines.append("releases right by kind:           " + ", ".join(
                f"{k} {v['right']}/{v['total']}" for k, v in kinds.items()))
        why = sa.get("missed_by_reason")
        if why:
            lines.append(f"sanctions missed:                 {why['no_move_in_document']} in a document with no move read, "
                         f"{why['moves_there_not_this_target']} beside moves on other targets (a person read in that "
                         f"document but not as a target: {why['person_read_in_document']})")
        types = sa.get("found_by_target_type") or {}
        if types:
            lines.append("sanctions found by target type:   " + ", ".join(
                f"{k} {v['found']}/{v['total']}" for k, v in types.items()))
    if result["notes"]:
        lines.append("")
        lines += [f"  - {n}" for n in result["notes"]]
    return "\n".join(lines)
