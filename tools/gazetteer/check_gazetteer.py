#!/usr/bin/env python3
"""Check Vigil's bundled gazetteer (data/gazetteer/*.csv) against the data it must cover.

Run from the repository root:

    python3 tools/gazetteer/check_gazetteer.py [--raw ../shared/data/raw]

Exits 0 when every check passes, 1 otherwise (every failure is listed).  Python 3 standard library only.

Checks
  * file format: UTF-8, LF line ends, exact headers, codes/links valid, names ASCII;
  * every UCDP `adm_1` / `adm_2` value resolves to exactly one admin1 / admin2 row (by name or variant);
  * every Afghan event of the UCDP Candidate file that names a province resolves to exactly one admin1
    row, and its `adm_2`, if any, to exactly one admin2 row of that province;
  * every PBC `Province` value resolves to exactly one admin1 row, every PBC `City` value to exactly one
    admin2 row or, failing that, exactly one place (skipped with a message when the PBC files are absent:
    they are not redistributable and are only read from the raw folder);
  * every geoBoundaries shape (data/boundaries/) is the boundary_name of exactly one admin2 row;
  * no normalised name/variant maps to two units of one country and level, unless it is in the
    AMBIGUOUS allow-list below (printed);
  * places: admin2 exists in the same country and province; coordinates come from PRODUCT.md (the five
    crossings, source "product") or from UCDP (the pair occurs in the UCDP file), never anything else.
Coverage figures are printed.

Matching rule (same as build_gazetteer.py): lower-case, strip diacritics, treat any run of
non-alphanumeric characters as one space, trim.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import os
import re
import sys
import unicodedata


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-z]+", " ", s.lower()).strip()


# Normalised names that legitimately denote two units of the same country and level.  All are
# Afghan districts that share a name with a district of another province (geoBoundaries and GeoNames
# both list them twice); a resolver must use the province to pick one.
AMBIGUOUS = {
    ("AFG", "admin2", "arghandab"): "Arghandab in Kandahar and in Zabul",
    ("AFG", "admin2", "baharak"): "Baharak in Badakhshan and in Takhar",
    ("AFG", "admin2", "dawlatabad"): "Dawlatabad in Balkh and in Faryab",
    ("AFG", "admin2", "dowlatabad"): "GeoNames spelling of the two Dawlatabads",
    ("AFG", "admin2", "fayzabad"): "Fayzabad in Badakhshan and in Jowzjan",
    ("AFG", "admin2", "faizabad"): "GeoNames spelling of the two Fayzabads",
    ("AFG", "admin2", "jaghatu"): "Jaghatu in Wardak; Ghazni's Bahrami Shahid is also called Jaghatu",
    ("AFG", "admin2", "jani khel"): "Jani Khel in Paktia (shape 'Jani Khail') and in Paktika",
    ("AFG", "admin2", "kohistan"): "Kohistan in Badakhshan and in Faryab",
    ("AFG", "admin2", "muqur"): "Muqur in Badghis and in Ghazni",
    ("AFG", "admin2", "qarabagh"): "Qarabagh in Ghazni and in Kabul",
    ("AFG", "admin2", "qarah bagh"): "GeoNames spelling of the two Qarabaghs",
    ("AFG", "admin2", "tagab"): "Tagab in Kapisa; Badakhshan's 'Tagab (Kishmi Bala)' is also called Tagab",
}

HEADERS = {
    "admin1.csv": ["country", "code", "name", "status", "successor", "valid_until", "variants"],
    "admin2.csv": ["country", "admin1_code", "name", "historical_admin1_code", "geonames_id", "boundary_name",
                   "boundary_id", "variants"],
    "places.csv": ["country", "name", "variants", "admin1_code", "admin2", "latitude", "longitude", "kind",
                   "source"],
}

# PRODUCT.md, "Border crossings": name -> (lat, lon)
PRODUCT_CROSSINGS = {
    "Torkham": ("34.190457", "71.069264"),
    "Chaman / Spin Boldak": ("30.922222", "66.444722"),
    "Ghulam Khan": ("33.143889", "70.023889"),
    "Angoor Adda": ("32.517778", "69.274167"),
    "Kharlachi": ("33.827960", "69.964770"),
}

BBOX = {"PAK": (23.5, 37.2, 60.8, 77.9), "AFG": (29.3, 38.6, 60.4, 75.0)}
KINDS = {"crossing", "town", "village", "city", "suburb", "locality", "area", "valley", "tehsil", "sector",
         "border", "pass", "site"}
SOURCES = {"ucdp-ged", "product", "curated"}


class Report:
    def __init__(self):
        self.failures = []

    def fail(self, msg):
        self.failures.append(msg)

    def section(self, title):
        print(f"\n== {title}")


def read_csv(path, rep, name):
    with open(path, "rb") as f:
        data = f.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        rep.fail(f"{name}: not UTF-8 ({e})")
        return []
    if b"\r" in data:
        rep.fail(f"{name}: contains CR characters (LF line ends required)")
    if data.startswith(b"\xef\xbb\xbf"):
        rep.fail(f"{name}: has a byte-order mark")
    if not data.endswith(b"\n"):
        rep.fail(f"{name}: no final newline")
    rows = list(csv.reader(text.splitlines(keepends=True)))
    if not rows or rows[0] != HEADERS[name]:
        rep.fail(f"{name}: header is {rows[0] if rows else None}, expected {HEADERS[name]}")
        return []
    out = []
    for i, r in enumerate(rows[1:], start=2):
        if len(r) != len(HEADERS[name]):
            rep.fail(f"{name} record {i}: {len(r)} fields")
            continue
        out.append(dict(zip(HEADERS[name], r)))
    return out


def variants(row):
    return [v for v in row["variants"].split("|") if v] if row["variants"] else []


def build_index(rows, key_fn):
    """(country, normalised spelling) -> list of unit keys"""
    idx = collections.defaultdict(list)
    for r in rows:
        k = key_fn(r)
        seen = set()
        for s in [r["name"]] + variants(r):
            n = norm(s)
            if n and n not in seen:
                seen.add(n)
                idx[(r["country"], n)].append(k)
    return idx


def main(argv=None):
    ap = argparse.ArgumentParser(description="Check data/gazetteer against UCDP, PBC and geoBoundaries.")
    ap.add_argument("--root", default=".", help="repository root (default: .)")
    ap.add_argument("--raw", default=os.path.join("..", "shared", "data", "raw"),
                    help="raw data folder, for PBC and GeoNames (default: ../shared/data/raw)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every shared name")
    args = ap.parse_args(argv)
    rep = Report()
    gz = os.path.join(args.root, "data", "gazetteer")

    # ------------------------------------------------------------------ files and structure
    rep.section("files")
    a1 = read_csv(os.path.join(gz, "admin1.csv"), rep, "admin1.csv")
    a2 = read_csv(os.path.join(gz, "admin2.csv"), rep, "admin2.csv")
    pl = read_csv(os.path.join(gz, "places.csv"), rep, "places.csv")
    print(f"admin1.csv {len(a1)} rows, admin2.csv {len(a2)} rows, places.csv {len(pl)} rows")

    codes = {}
    for r in a1:
        if r["code"] in codes:
            rep.fail(f"admin1: duplicate code {r['code']}")
        codes[r["code"]] = r
        if r["country"] not in ("PAK", "AFG"):
            rep.fail(f"admin1 {r['code']}: country {r['country']}")
        if not r["code"].startswith({"PAK": "PK-", "AFG": "AF-"}.get(r["country"], "?")):
            rep.fail(f"admin1 {r['code']}: code does not fit country {r['country']}")
        if r["status"] not in ("current", "historical"):
            rep.fail(f"admin1 {r['code']}: status {r['status']!r}")
    for r in a1:
        if r["status"] == "historical":
            s = codes.get(r["successor"])
            if not s or s["status"] != "current" or s["country"] != r["country"]:
                rep.fail(f"admin1 {r['code']}: successor {r['successor']!r} is not a current unit")
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["valid_until"]):
                rep.fail(f"admin1 {r['code']}: valid_until {r['valid_until']!r} is not an ISO date")
        elif r["successor"] or r["valid_until"]:
            rep.fail(f"admin1 {r['code']}: current unit with successor/valid_until")
    n_cur = collections.Counter(r["country"] for r in a1 if r["status"] == "current")
    if n_cur.get("PAK") != 7 or n_cur.get("AFG") != 34:
        rep.fail(f"admin1: expected 7 current PAK and 34 AFG units, found {dict(n_cur)}")
    if "PK-TA" not in codes or codes["PK-TA"]["successor"] != "PK-KP" or codes["PK-TA"]["valid_until"] != "2018-05-31":
        rep.fail("admin1: FATA (PK-TA, successor PK-KP, valid until 2018-05-31) missing or wrong")

    gids = collections.Counter()
    for r in a2:
        u = codes.get(r["admin1_code"])
        if not u or u["status"] != "current" or u["country"] != r["country"]:
            rep.fail(f"admin2 {r['name']}: admin1_code {r['admin1_code']!r} is not a current unit of {r['country']}")
        h = r["historical_admin1_code"]
        if h and (h not in codes or codes[h]["status"] != "historical" or codes[h]["successor"] != r["admin1_code"]):
            rep.fail(f"admin2 {r['name']}: historical_admin1_code {h!r} is not a historical unit merged into "
                     f"{r['admin1_code']}")
        if r["geonames_id"]:
            if not r["geonames_id"].isdigit():
                rep.fail(f"admin2 {r['name']}: geonames_id {r['geonames_id']!r}")
            gids[r["geonames_id"]] += 1
    for g, n in gids.items():
        if n > 1:
            rep.fail(f"admin2: geonames_id {g} used {n} times")
    for name, rows in (("admin1", a1), ("admin2", a2), ("places", pl)):
        for r in rows:
            if not r["name"] or not r["name"].isascii() or r["name"] != r["name"].strip():
                rep.fail(f"{name}: name {r['name']!r} is empty, not ASCII or not trimmed")
            if any(norm(v) == "" for v in variants(r)):
                rep.fail(f"{name} {r['name']}: empty variant")
    a2_keys = collections.Counter((r["country"], r["admin1_code"], r["name"]) for r in a2)
    for k, n in a2_keys.items():
        if n > 1:
            rep.fail(f"admin2: {k} appears {n} times")
    pak_names = collections.Counter(r["name"] for r in a2 if r["country"] == "PAK")
    for k, n in pak_names.items():
        if n > 1:
            rep.fail(f"admin2: Pakistani district name {k!r} used {n} times (places refer to districts by name)")

    # ------------------------------------------------------------------ boundaries
    rep.section("geoBoundaries shapes")
    bdir = os.path.join(args.root, "data", "boundaries")
    for country, fn in (("PAK", "geoBoundaries-PAK-ADM2.geojson"),
                        ("AFG", "geoBoundaries-AFG-ADM2_simplified.geojson")):
        path = os.path.join(bdir, fn)
        if not os.path.isfile(path):
            rep.fail(f"missing {path}")
            continue
        with open(path, encoding="utf-8") as f:
            shapes = collections.Counter(ft["properties"]["shapeName"] for ft in json.load(f)["features"])
        rows = collections.Counter(r["boundary_name"] for r in a2 if r["country"] == country and r["boundary_name"])
        missing = shapes - rows
        extra = rows - shapes
        for s, n in sorted(missing.items()):
            rep.fail(f"{country} shape {s!r}: {n} occurrence(s) without an admin2 row")
        for s, n in sorted(extra.items()):
            rep.fail(f"{country} admin2 boundary_name {s!r}: {n} row(s) more than shapes")
        no_shape = sum(1 for r in a2 if r["country"] == country and not r["boundary_name"])
        print(f"{country}: {sum(shapes.values())} shapes, {sum((shapes & rows).values())} matched to exactly one "
              f"row each; {no_shape} admin2 rows without a shape")
        rawf = os.path.join(args.raw, {"PAK": "geoboundaries-pak-adm2", "AFG": "geoboundaries-afg-adm2"}[country], fn)
        if os.path.isfile(rawf):
            with open(rawf, "rb") as x, open(path, "rb") as y:
                if x.read() != y.read():
                    rep.fail(f"{path} is not a byte-for-byte copy of {rawf}")

    # ------------------------------------------------------------------ indexes and ambiguity
    idx1 = build_index(a1, lambda r: r["code"])
    idx2 = build_index(a2, lambda r: (r["admin1_code"], r["name"], r["boundary_name"]))
    idxp = build_index(pl, lambda r: (r["admin1_code"], r["admin2"], r["name"]))
    rep.section("ambiguity (one normalised spelling -> several units of one country and level)")
    found = set()
    for level, idx in (("admin1", idx1), ("admin2", idx2), ("place", idxp)):
        for (country, n), units in sorted(idx.items()):
            if len(units) > 1:
                key = (country, level, n)
                found.add(key)
                status = "allowed" if key in AMBIGUOUS else "NOT ALLOWED"
                print(f"  [{status}] {country} {level} {n!r}: {units}")
                if key not in AMBIGUOUS:
                    rep.fail(f"ambiguous {level} spelling {n!r} in {country}: {units}")
    for key in sorted(set(AMBIGUOUS) - found):
        print(f"  note: allow-listed {key} is no longer ambiguous")
    print(f"allow-list ({len(AMBIGUOUS)}):")
    for key, why in sorted(AMBIGUOUS.items()):
        print(f"  {key[0]} {key[1]} {key[2]!r}: {why}")
    shared = []
    for (country, n), units in sorted(idx2.items()):
        if (country, n) in idx1:
            shared.append(f"{country} {n!r} (admin1 {idx1[(country, n)]} / admin2 {[u[1] for u in units]})")
    for (country, n), units in sorted(idxp.items()):
        if (country, n) in idx2:
            shared.append(f"{country} {n!r} (admin2 {[u[1] for u in idx2[(country, n)]]} / "
                          f"place {[u[2] for u in units]})")
    print(f"spellings shared across levels (allowed; resolve by level): {len(shared)}")
    for s in shared if args.verbose else shared[:12]:
        print("  " + s)
    if not args.verbose and len(shared) > 12:
        print(f"  ... {len(shared) - 12} more (-v lists all)")

    # ------------------------------------------------------------------ UCDP
    rep.section("UCDP GED Pakistan")
    ucdp_path = os.path.join(args.root, "data", "ucdp", "conflict_data_pak.csv")
    if not os.path.isfile(ucdp_path):
        ucdp_path = os.path.join(args.raw, "ucdp-ged-pakistan-hdx", "conflict_data_pak.csv")
    ucdp = []
    if os.path.isfile(ucdp_path):
        with open(ucdp_path, encoding="utf-8", newline="") as f:
            ucdp = [x for x in csv.DictReader(f) if not any(v.startswith("#") for v in x.values() if v)]
        print(f"read {len(ucdp)} events from {ucdp_path}")
        for col, idx, level in (("adm_1", idx1, "admin1"), ("adm_2", idx2, "admin2")):
            vals = collections.Counter(x[col] for x in ucdp if x[col].strip())
            ok_vals = ok_ev = 0
            for v, n in sorted(vals.items()):
                hit = idx.get(("PAK", norm(v)), [])
                if len(hit) == 1:
                    ok_vals += 1
                    ok_ev += n
                else:
                    rep.fail(f"UCDP {col} {v!r} ({n} events) resolves to {len(hit)} {level} rows: {hit}")
            blank = sum(1 for x in ucdp if not x[col].strip())
            print(f"{col}: {ok_vals}/{len(vals)} distinct values resolve to exactly one {level} row "
                  f"({ok_ev}/{ok_ev + sum(n for v, n in vals.items() if len(idx.get(('PAK', norm(v)), [])) != 1)} "
                  f"events; {blank} events have no {col})")
        # where_coordinates: informational
        wc = collections.Counter(x["where_coordinates"] for x in ucdp if x["where_coordinates"].strip())
        got = {"place": 0, "admin2": 0, "admin1": 0}
        ev = {"place": 0, "admin2": 0, "admin1": 0}
        for v, n in wc.items():
            k = norm(v)
            for lvl, idx in (("place", idxp), ("admin2", idx2), ("admin1", idx1)):
                if len(idx.get(("PAK", k), [])) == 1:
                    got[lvl] += 1
                    ev[lvl] += n
                    break
        tot = sum(wc.values())

        def resolves(v):
            return any(len(i.get(("PAK", norm(v)), [])) == 1 for i in (idxp, idx2, idx1))

        big = [v for v, n in wc.items() if n >= 5 and norm(v) not in ("pakistan", "afghanistan")]
        print(f"where_coordinates (informational): {len(wc)} distinct values, {sum(ev.values())}/{tot} events "
              f"resolve (place {ev['place']}, admin2 {ev['admin2']}, admin1 {ev['admin1']}); values with >= 5 "
              f"events other than the country itself: {len(big)}, of which resolve {sum(map(resolves, big))}")
        for v in sorted(big):
            if not resolves(v):
                rep.fail(f"UCDP where_coordinates {v!r} ({wc[v]} events) resolves to no unit")
    else:
        rep.fail("UCDP file not found (data/ucdp/conflict_data_pak.csv or the raw folder)")

    # ------------------------------------------------------------------ UCDP Candidate (Afghanistan)
    rep.section("UCDP Candidate 2026, Afghan events (province, then the district within it)")
    cand_path = os.path.join(args.raw, "ucdp-candidate-2026", "ucdp_candidate_2026_afpak.csv")
    if os.path.isfile(cand_path):
        with open(cand_path, encoding="utf-8", newline="") as f:
            afg = [x for x in csv.DictReader(f) if x["country"] == "Afghanistan"]
        no_adm1 = sum(1 for x in afg if not x["adm_1"].strip())
        named2 = [x for x in afg if x["adm_1"].strip() and x["adm_2"].strip()]
        ok1 = ok2 = 0
        for x in afg:
            if not x["adm_1"].strip():
                continue
            hit1 = idx1.get(("AFG", norm(x["adm_1"])), [])
            if len(hit1) != 1:
                rep.fail(f"UCDP Candidate {x['id']}: adm_1 {x['adm_1']!r} resolves to {hit1}")
                continue
            ok1 += 1
            if not x["adm_2"].strip():
                continue
            hit2 = [u for u in idx2.get(("AFG", norm(x["adm_2"])), []) if u[0] == hit1[0]]
            if len(hit2) == 1:
                ok2 += 1
            else:
                rep.fail(f"UCDP Candidate {x['id']}: adm_2 {x['adm_2']!r} in {hit1[0]} resolves to {hit2}")
        print(f"{len(afg)} Afghan events: adm_1 resolves for {ok1}/{len(afg) - no_adm1} that name one "
              f"({no_adm1} at country or border precision name none); adm_2 resolves within that province "
              f"for {ok2}/{len(named2)} that name one")
    else:
        print(f"SKIPPED: {cand_path} not found")

    # ------------------------------------------------------------------ PBC
    rep.section("Pakistan Body Count (not redistributable; read from the raw folder)")
    pbc_dir = os.path.join(args.raw, "pbc-pakistan-suicide-drone")
    pbc_files = [os.path.join(pbc_dir, f) for f in ("PakistanSuicideAttacks.csv", "PakistanDroneAttacks.csv")]
    if all(os.path.isfile(f) for f in pbc_files):
        prov = collections.Counter()
        city = collections.Counter()
        for fn in pbc_files:
            with open(fn, encoding="latin-1", newline="") as f:
                for row in csv.DictReader(f):
                    if row.get("Province", "").strip():
                        prov[row["Province"]] += 1
                    if row.get("City", "").strip():
                        city[row["City"]] += 1
        ok = 0
        for v, n in sorted(prov.items()):
            hit = idx1.get(("PAK", norm(v)), [])
            if len(hit) == 1:
                ok += 1
            else:
                rep.fail(f"PBC Province {v!r} ({n} rows) resolves to {hit}")
        print(f"Province: {ok}/{len(prov)} distinct values resolve to exactly one admin1 row "
              f"({sum(prov.values())} rows)")
        ok_d = ok_p = 0
        for v, n in sorted(city.items()):
            h2 = idx2.get(("PAK", norm(v)), [])
            hp = idxp.get(("PAK", norm(v)), [])
            if len(h2) == 1:
                ok_d += 1
            elif not h2 and len(hp) == 1:
                ok_p += 1
            else:
                rep.fail(f"PBC City {v!r} ({n} rows) resolves to admin2 {h2} / places {hp}")
        print(f"City: {ok_d + ok_p}/{len(city)} distinct values resolve ({ok_d} to a district, {ok_p} to a place; "
              f"{sum(city.values())} rows)")
    else:
        print(f"SKIPPED: PBC files not found in {pbc_dir} (they are not shipped with Vigil)")

    # ------------------------------------------------------------------ places
    rep.section("places")
    a2_by_name = {(r["country"], r["name"]): r for r in a2}
    ucdp_points = {(x["latitude"], x["longitude"]) for x in ucdp}
    kinds = collections.Counter()
    for r in pl:
        kinds[(r["kind"], r["source"])] += 1
        where = f"place {r['name']!r}"
        if r["country"] not in BBOX:
            rep.fail(f"{where}: country {r['country']}")
            continue
        if r["admin2"]:
            d = a2_by_name.get((r["country"], r["admin2"]))
            if d is None:
                rep.fail(f"{where}: admin2 {r['admin2']!r} is not an admin2 name of {r['country']}")
            elif d["admin1_code"] != r["admin1_code"]:
                rep.fail(f"{where}: admin1_code {r['admin1_code']} but district {r['admin2']} is in {d['admin1_code']}")
        if r["admin1_code"] and (r["admin1_code"] not in codes or codes[r["admin1_code"]]["status"] != "current"):
            rep.fail(f"{where}: admin1_code {r['admin1_code']!r} is not a current unit")
        if r["kind"] not in KINDS:
            rep.fail(f"{where}: kind {r['kind']!r}")
        if r["source"] not in SOURCES:
            rep.fail(f"{where}: source {r['source']!r}")
        lat, lon = r["latitude"], r["longitude"]
        if bool(lat) != bool(lon):
            rep.fail(f"{where}: only one of latitude/longitude")
        if lat:
            try:
                y, x = float(lat), float(lon)
                b = BBOX[r["country"]]
                if not (b[0] <= y <= b[1] and b[2] <= x <= b[3]):
                    rep.fail(f"{where}: {lat},{lon} outside {r['country']}")
            except ValueError:
                rep.fail(f"{where}: bad coordinates {lat!r},{lon!r}")
            if r["source"] == "product":
                if PRODUCT_CROSSINGS.get(r["name"]) != (lat, lon):
                    rep.fail(f"{where}: source product but not a PRODUCT.md crossing point")
            elif ucdp and (lat, lon) not in ucdp_points:
                rep.fail(f"{where}: coordinates {lat},{lon} do not occur in the UCDP file "
                         f"(only UCDP or PRODUCT.md coordinates are allowed)")
    for name, (lat, lon) in PRODUCT_CROSSINGS.items():
        hit = [r for r in pl if r["name"] == name and r["kind"] == "crossing"]
        if len(hit) != 1 or (hit[0]["latitude"], hit[0]["longitude"]) != (lat, lon):
            rep.fail(f"crossing {name!r} missing or with other coordinates")
    print("kind/source: " + ", ".join(f"{k}/{s} {n}" for (k, s), n in sorted(kinds.items())))
    print(f"with coordinates: {sum(1 for r in pl if r['latitude'])}/{len(pl)}")

    # ------------------------------------------------------------------ GeoNames coverage (informational + ids)
    rep.section("GeoNames admin2 coverage")
    gn_path = os.path.join(args.raw, "geonames-admin-codes", "admin2Codes.PK-AF.txt")
    if os.path.isfile(gn_path):
        with open(gn_path, encoding="utf-8") as f:
            gn = [l.rstrip("\n").split("\t") for l in f if l.strip()]
        row_ids = set(gids)
        for cc, country in (("PK.", "PAK"), ("AF.", "AFG")):
            lines = [x for x in gn if x[0].startswith(cc)]
            by_id = sum(1 for x in lines if x[3] in row_ids)
            by_var = [x for x in lines if x[3] not in row_ids and idx2.get((country, norm(x[1])))]
            none = [x for x in lines if x[3] not in row_ids and not idx2.get((country, norm(x[1])))]
            print(f"{country}: {len(lines)} GeoNames lines; {by_id} are a row's geonames_id, {len(by_var)} are a "
                  f"variant of a row ({', '.join(x[2] for x in by_var)}), {len(none)} not covered")
            for x in none:
                rep.fail(f"GeoNames {x[0]} {x[2]} is neither a row nor a variant")
        bad = [g for g in gids if g not in {x[3] for x in gn}]
        for g in bad:
            rep.fail(f"admin2 geonames_id {g} is not in GeoNames admin2")
    else:
        print(f"SKIPPED: {gn_path} not found")

    # ------------------------------------------------------------------ result
    print()
    if rep.failures:
        print(f"FAILED: {len(rep.failures)} problem(s)")
        for f in rep.failures:
            print("  - " + f)
        return 1
    print("OK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
