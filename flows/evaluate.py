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

import polars as pl

from flows.lexicon import fold


def _key(name: str) -> str:
    return re.sub(r"['’]s$", "", fold(name)).replace(".", "").strip()


def doc_keys(con) -> dict[str, str]:
    """doc_id -> gold doc key."""
    rows = con.execute("select doc_id, source_path from documents where status = 'loaded'").fetchall()
    return {d: Path(p).name.split("_")[0] for d, p in rows}


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def score_people(con, gold: dict) -> tuple[dict, list[str]]:
    people = con.execute("select person_id, canonical_name, aliases from people").fetchall()
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
    return _prf(len(matched_gold), len(fp) + max(split, 0), len(fn)), notes


def gold_person_of(canon: str, aliases: list[str], gold: dict) -> str | None:
    """The gold person a warehouse person stands for (by canonical name or a variant), if any."""
    keys = {_key(canon), *(_key(a) for a in aliases or [])}
    for g in gold["people"]:
        gkeys = {_key(v) for v in [g["canonical"], *g["variants"]]}
        if _key(canon) in gkeys or keys & gkeys:
            return g["canonical"]
    return None


def score_people_merges(con, gold: dict, keys: dict[str, str]) -> dict:
    """Pairwise merge precision/recall over (document, person) items across documents.

    An item is a person as found in one document. Two items from different
    documents are a true pair when the gold says they are the same person; a
    predicted pair when the warehouse gave them the same person_id.
    """
    people = con.execute("select person_id, canonical_name, aliases from people").fetchall()
    label = {pid: gold_person_of(c, a, gold) for pid, c, a in people}
    items = con.execute("select distinct doc_id, person_id from person_mentions").fetchall()
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
    return _prf(tp, fp, fn)


def score_releases(con, gold: dict, keys: dict[str, str]) -> tuple[dict, dict, list[str]]:
    rows = con.execute("""
        select v.event_id, v.prisoner_count, v.count_qualifier, v.country, list(distinct e.doc_id) as docs
        from events v join evidence e on e.fact_table = 'events' and e.fact_id = v.event_id
        where v.event_type = 'prisoner_release' group by all""").fetchall()
    notes = []
    found = [(eid, count, qual, country, {keys.get(d, d) for d in docs}) for eid, count, qual, country, docs in rows]
    matched, used = set(), set()
    correct_count = 0
    for g in gold["prisoner_releases"]:
        best = None
        for eid, count, qual, country, docs in found:
            if eid in used:
                continue
            # prefer the row with the gold's count, then the one sharing most sources
            overlap = len(docs & set(g["docs"])) + (100 if count == g["count"] else 0)
            if len(docs & set(g["docs"])) and (best is None or overlap > best[0]):
                best = (overlap, eid, count, qual, docs)
        if best:
            used.add(best[1])
            matched.add(g["key"])
            ok = best[2] == g["count"] and best[3] == g.get("qualifier", "exact")
            correct_count += ok
            if not ok:
                notes.append(f"releases: {g['key']} has count {best[2]} {best[3]}, gold {g['count']} {g.get('qualifier')}")
            if best[4] != set(g["docs"]):
                notes.append(f"releases: {g['key']} sources {sorted(best[4])}, gold {sorted(g['docs'])}")
        else:
            notes.append(f"releases: missed {g['key']}")
    fp = [f for f in found if f[0] not in used]
    notes += [f"releases: extra release of {c} ({q}) in docs {sorted(d)}" for _, c, q, _, d in fp]
    scores = _prf(len(matched), len(fp), len(gold["prisoner_releases"]) - len(matched))
    accuracy = {"correct": correct_count, "total": len(gold["prisoner_releases"]),
                "accuracy": round(correct_count / len(gold["prisoner_releases"]), 3) if gold["prisoner_releases"] else 1.0}
    return scores, accuracy, notes


def _target_match(found: str, found_type: str, gold: dict) -> bool:
    """Same target: equal names, or one inside the other ("aviation" / "aviation fuel") of the same type."""
    a, b = fold(found or ""), fold(gold["target"] or "")
    if not a or not b:
        return False
    if a == b:
        return True
    inside = re.search(rf"\b{re.escape(a)}\b", b) or re.search(rf"\b{re.escape(b)}\b", a)
    return bool(inside) and found_type == gold.get("target_type")


def score_sanctions(con, gold: dict, keys: dict[str, str]) -> tuple[dict, dict, list[str], dict]:
    has_country = bool(con.execute("select count(*) from information_schema.columns "
                                   "where table_name = 'sanctions' and column_name = 'target_country'").fetchone()[0])
    rows = con.execute(f"""
        select distinct e.doc_id, s.target, s.action, s.issuer, s.target_type,
               {'s.target_country' if has_country else 'null'}
        from sanctions s join evidence e on e.fact_table = 'sanctions' and e.fact_id = s.sanction_id""").fetchall()
    found = [(keys.get(d, d), t, a, i, tt, c) for d, t, a, i, tt, c in rows]
    notes, used = [], set()
    tp = action_ok = 0
    country_ok = country_total = 0
    unmatched = []
    # first every gold fact whose (document, target, action) was found, then the rest by target only,
    # so one found row cannot hide another gold fact's exact match
    for g in gold["sanctions"]:
        actions = {g["action"], *g.get("also_accept", [])}
        hit = next((f for f in found if f[0] == g["doc"] and _target_match(f[1], f[4], g)
                    and f[2] in actions and f not in used), None)
        if hit:
            tp += 1
            action_ok += 1
            used.add(hit)
        else:
            unmatched.append(g)
            continue
        country_total, country_ok = _score_country(hit, g, notes, country_total, country_ok)
    for g in unmatched:
        cands = [f for f in found if f[0] == g["doc"] and _target_match(f[1], f[4], g) and f not in used]
        if cands:
            tp += 1
            used.add(cands[0])
            notes.append(f"sanctions: {g['doc']} {g['target']} action {cands[0][2]}, gold {g['action']}")
            country_total, country_ok = _score_country(cands[0], g, notes, country_total, country_ok)
        else:
            notes.append(f"sanctions: missed {g['doc']} {g['target']} {g['action']}")
    fp = [f for f in found if f not in used]
    notes += [f"sanctions: extra {d} {t} {a}" for d, t, a, *_ in fp]
    total = len(gold["sanctions"])
    # action accuracy is judged where the sanction itself was found (its recall is reported above)
    return (_prf(tp, len(fp), total - tp),
            {"correct": action_ok, "total": tp, "accuracy": round(action_ok / tp, 3) if tp else 1.0}, notes,
            {"correct": country_ok, "total": country_total,
             "accuracy": round(country_ok / country_total, 3) if country_total else 1.0})


def _score_country(found: tuple, g: dict, notes: list[str], total: int, ok: int) -> tuple[int, int]:
    """Count one found sanction's target country against the gold's (when the gold gives one)."""
    if not g.get("target_country"):
        return total, ok
    if found[5] == g["target_country"]:
        return total + 1, ok + 1
    notes.append(f"sanctions: {g['doc']} {g['target']} target country {found[5]}, gold {g['target_country']}")
    return total + 1, ok


def evaluate(con, gold_path: Path) -> dict:
    """Precision/recall per table plus release-count, sanction-action and sanction-country accuracy."""
    gold = json.loads(Path(gold_path).read_text())
    keys = doc_keys(con)
    people, n1 = score_people(con, gold)
    releases, rel_acc, n2 = score_releases(con, gold, keys)
    sanctions, act_acc, n3, country_acc = score_sanctions(con, gold, keys)
    merges = score_people_merges(con, gold, keys)
    return {"people": people, "releases": releases, "sanctions": sanctions, "people_merges": merges,
            "release_count_accuracy": rel_acc, "sanction_action_accuracy": act_acc,
            "sanction_country_accuracy": country_acc, "notes": n1 + n2 + n3}


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
    if result["notes"]:
        lines.append("")
        lines += [f"  - {n}" for n in result["notes"]]
    return "\n".join(lines)
