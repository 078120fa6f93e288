"""Scoring releases against a gold file: counts and qualifiers, dates, tallies taken for releases, releases merged across years."""

from __future__ import annotations

import re


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}



def release_rows(con, keys: dict[str, str], scoped: bool) -> list[tuple]:
    """(event_id, count, qualifier, country, doc keys, event_date, date_precision, [(doc key, start, end)])
    of every release event (with evidence in the scored documents, when scoped)."""
    rows = con.execute("""
        select v.event_id, v.prisoner_count, v.count_qualifier, v.country, v.event_date, v.date_precision,
               list(distinct e.doc_id) as docs, list({'doc_id': e.doc_id, 'char_start': e.char_start, 'char_end': e.char_end}) as spans
        from events v join evidence e on e.fact_table = 'events' and e.fact_id = v.event_id
        where v.event_type = 'prisoner_release' group by all order by v.event_id""").fetchall()  # matching takes
    # the first row that fits: in a fixed order, the score is the same run after run
    found = []
    for eid, count, qual, country, date, precision, docs, spans in rows:
        if scoped:
            docs = [d for d in docs if d in keys]
            if not docs:
                continue
        found.append((eid, count, qual, country, {keys.get(d, d) for d in docs}, date, precision,
                      [(keys.get(sp["doc_id"], sp["doc_id"]), sp["char_start"], sp["char_end"]) for sp in spans]))
    return found


def score_releases(con, gold: dict, keys: dict[str, str], scoped: bool = False
                   ) -> tuple[dict, dict, list[str], dict[str, tuple], list[tuple]]:
    """(P/R, count+qualifier accuracy, notes, gold key -> matched found row, found rows)."""
    notes = []
    found = release_rows(con, keys, scoped)
    matched, used = {}, set()
    correct_count = 0
    # first every gold release that a row of its count shares documents with, then the rest by shared
    # documents alone: a row found for one release cannot be taken by an earlier gold of another count
    best_of: dict[str, tuple] = {}
    for same_count in (True, False):
        for g in gold["prisoner_releases"]:
            if g["key"] in best_of:
                continue
            best = None
            for row in found:
                eid, count, qual, country, docs = row[:5]
                if eid in used or (same_count and count != g["count"]):
                    continue
                overlap = len(docs & set(g["docs"]))  # the row sharing most sources
                if overlap and (best is None or overlap > best[0]):
                    best = (overlap, row)
            if best:
                best_of[g["key"]] = best
                used.add(best[1][0])
    used = set()
    for g in gold["prisoner_releases"]:
        best = best_of.get(g["key"])
        if best:
            row = best[1]
            used.add(row[0])
            matched[g["key"]] = row
            ok = row[1] == g["count"] and row[2] == g.get("qualifier", "exact")
            correct_count += ok
            if not ok:
                notes.append(f"releases: {g['key']} has count {row[1]} {row[2]}, gold {g['count']} {g.get('qualifier')}")
            if row[4] != set(g["docs"]):
                notes.append(f"releases: {g['key']} sources {sorted(row[4])}, gold {sorted(g['docs'])}")
        else:
            notes.append(f"releases: missed {g['key']}")
    fp = [f for f in found if f[0] not in used]
    notes += [f"releases: extra release of {f[1]} ({f[2]}) in docs {sorted(f[4])}" for f in fp]
    scores = prf(len(matched), len(fp), len(gold["prisoner_releases"]) - len(matched))
    accuracy = {"correct": correct_count, "total": len(gold["prisoner_releases"]),
                "accuracy": round(correct_count / len(gold["prisoner_releases"]), 3) if gold["prisoner_releases"] else 1.0}
    return scores, accuracy, notes, matched, found


def _date_string(date, precision: str | None) -> str | None:
    """An event date written to its precision: 2025-06-21, 2025-06 or 2025."""
    if date is None:
        return None
    iso = date.isoformat()
    return {"month": iso[:7], "year": iso[:4]}.get(precision or "day", iso)


def score_release_dates(gold: dict, matched: dict[str, tuple]) -> tuple[dict, list[str]]:
    """Found release dates against the gold's `date` (where a reader can date the release): right when
    the found date, written to its precision, starts with the gold's (2025-06-21 is right for 2025-06).
    Also counts matched releases dated although the gold has no date (a year borrowed or invented)."""
    right = total = invented = 0
    notes = []
    # why a dated gold release is not right: not found, found without a date, dated in another year, dated to
    # the year or month only where the gold knows more, or the same year's other month or day
    wrong = {"release_missed": 0, "undated": 0, "other_year": 0, "too_coarse": 0, "same_year_other_day": 0}
    for g in gold["prisoner_releases"]:
        row = matched.get(g["key"])
        found = _date_string(row[5], row[6]) if row else None
        if g.get("date"):
            total += 1
            if found and found.startswith(g["date"]):
                right += 1
            else:
                notes.append(f"release dates: {g['key']} dated {found}, gold {g['date']}")
                wrong["release_missed" if row is None else "undated" if not found else
                      "other_year" if found[:4] != g["date"][:4] else
                      "too_coarse" if g["date"].startswith(found) else "same_year_other_day"] += 1
        elif "date" in g and found:
            invented += 1
            notes.append(f"release dates: {g['key']} dated {found}, gold has no date")
    return {"correct": right, "total": total, "accuracy": round(right / total, 3) if total else 1.0,
            "dated_without_gold_date": invented, "wrong": wrong}, notes


_NUMBER_RE = re.compile(r"\b(\d{1,3}(?:,\d{3})+|\d+|[A-Za-z]+(?:-[A-Za-z]+)?)\b")


def _numbers_in(text: str) -> set[int]:
    from flows.extraction.count_numbers import parse_number

    out = set()
    for m in _NUMBER_RE.finditer(text):
        n = parse_number(m.group(1))
        if n:
            out.add(n)
    return out


def score_tallies_as_releases(con, gold: dict, keys: dict[str, str], found: list[tuple],
                              matched: dict[str, tuple]) -> tuple[int, list[str]]:
    """Found releases, not matched to a gold release, whose evidence overlaps a gold not_release_events
    text (a tally, arrests, a rescue ...) and whose count is a number of that text (or the text has none)."""
    texts = {}
    by_key = {k: d for d, k in keys.items()}
    for doc_key in {n["doc"] for n in gold.get("not_release_events", [])}:
        doc_id = by_key.get(doc_key)
        if doc_id:
            texts[doc_key] = con.execute("select text from documents where doc_id = ?", [doc_id]).fetchone()[0] or ""
    spans = []  # (doc key, start, end, numbers, text)
    for n in gold.get("not_release_events", []):
        text = texts.get(n["doc"], "")
        start = text.find(n["text"])
        if start < 0:
            continue
        spans.append((n["doc"], start, start + len(n["text"]), _numbers_in(n["text"]), n["text"]))
    matched_ids = {row[0] for row in matched.values()}
    hits, notes = 0, []
    for row in found:
        if row[0] in matched_ids:
            continue
        for doc, s, e in row[7]:
            hit = next((sp for sp in spans if sp[0] == doc and s < sp[2] and sp[1] < e
                        and (not sp[3] or row[1] in sp[3])), None)
            if hit:
                hits += 1
                notes.append(f"tallies: release of {row[1]} in {doc} from {hit[4]!r}")
                break
    return hits, notes


def score_merged_releases(gold: dict, found: list[tuple]) -> tuple[int, list[str]]:
    """Found events that join two different gold releases of the same count from different documents (one
    release annotated in two gold files, same country and no conflicting date, is one release)."""
    merged, notes = 0, []

    def distinct(a: dict, b: dict) -> bool:
        if a.get("_file") == b.get("_file") or a.get("country") != b.get("country"):
            return True
        da, db = a.get("date") or "", b.get("date") or ""
        return bool(da and db and not (da.startswith(db) or db.startswith(da)))

    for row in found:
        docs = row[4]
        same = [g for g in gold["prisoner_releases"] if g["count"] == row[1] and set(g["docs"]) & docs]
        pair = next(((a, b) for i, a in enumerate(same) for b in same[i + 1:]
                     if distinct(a, b) and any(d1 != d2 and d1 not in b["docs"] and d2 not in a["docs"]
                            for d1 in set(a["docs"]) & docs for d2 in set(b["docs"]) & docs)), None)
        if pair:
            merged += 1
            notes.append(f"merges: one event of {row[1]} joins {pair[0]['key']} and {pair[1]['key']}")
    return merged, notes
