#!/usr/bin/env python3
"""Build Vigil's bundled gazetteer (Pakistan and Afghanistan) from the raw third-party files.

Run from the repository root:

    python3 tools/gazetteer/build_gazetteer.py --raw ../shared/data/raw

Writes (and overwrites):

    data/gazetteer/admin1.csv    provinces / territories, current and historical
    data/gazetteer/admin2.csv    districts (geoBoundaries shapes + GeoNames districts without a shape)
    data/gazetteer/places.csv    towns, villages, areas and border crossings that are not districts
    data/boundaries/*            byte-for-byte copies of the geoBoundaries files
    data/ATTRIBUTION.md          sources, licences, citations, what was derived from each

Python 3 standard library only.  The output depends only on the raw files and on the curated tables
in this file, so running it twice gives byte-identical files (no timestamps, every collection sorted).

How names are matched everywhere (the same rule is used by check_gazetteer.py): lower-case, strip
diacritics, treat every run of non-alphanumeric characters as one space, trim.  A variant that
normalises to the same string as the unit's name or another variant of the same unit is not listed
twice; the spelling kept is chosen by source, in the order UCDP adm_1/adm_2, PBC, curated, GeoNames
(name, then ASCII name), UN/LOCODE, geoBoundaries, UCDP where_coordinates.

Inputs (see each folder's SOURCE.md):
    geoboundaries-pak-adm2/geoBoundaries-PAK-ADM2.geojson           126 district shapes (canonical set)
    geoboundaries-afg-adm2/geoBoundaries-AFG-ADM2_simplified.geojson 398 district shapes
    geonames-admin-codes/admin1CodesASCII.PK-AF.txt, admin2Codes.PK-AF.txt
    unlocode-subdivisions/subdivision-codes.csv                     ISO-3166-2-style codes
    ucdp-ged-pakistan-hdx/conflict_data_pak.csv                     adm_1 / adm_2 / where_coordinates
    ucdp-candidate-2026/ucdp_candidate_2026_afpak.csv               adm_1 / adm_2 (Afghan and Pakistani events)
    pbc-pakistan-suicide-drone/Pakistan*Attacks.csv                 Province / City spellings only
                                                                    (no PBC numbers or text are copied)
"""

from __future__ import annotations

import argparse
import collections
import csv
import difflib
import io
import json
import math
import os
import re
import shutil
import sys
import unicodedata

# ---------------------------------------------------------------------------------------------
# Normalisation (must stay identical to check_gazetteer.py)
# ---------------------------------------------------------------------------------------------


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-z]+", " ", s.lower()).strip()


def clean_space(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


# ---------------------------------------------------------------------------------------------
# Curated tables
# ---------------------------------------------------------------------------------------------

# Pakistan admin-1.  (ISO-3166-2 code suffix, GeoNames admin1 code, canonical name, curated variants)
# NWFP -> Khyber Pakhtunkhwa (renamed April 2010) and Northern Areas -> Gilgit-Baltistan (2009) are
# pure renamings: they are variants of the current row, not historical rows.
PK_ADMIN1 = [
    ("BA", "02", "Balochistan", ["Baluchistan", "Baluchistan province", "Beluchistan"]),
    ("GB", "07", "Gilgit-Baltistan", ["Northern Areas", "Federally Administered Northern Areas", "FANA", "GB"]),
    ("IS", "08", "Islamabad Capital Territory", ["ICT", "Capital", "Federal Capital", "Federal Capital Territory"]),
    ("JK", "06", "Azad Jammu and Kashmir", ["AJK", "AJ&K", "Azad Jammu & Kashmir", "Pakistan-administered Kashmir",
                                            "Azad Kashmir"]),
    ("KP", "03", "Khyber Pakhtunkhwa", ["KPK", "KP", "NWFP", "N.W.F.P.", "North-West Frontier Province",
                                        "North West Frontier", "Khyber Pukhtunkhwa", "Pakhtunkhwa", "Sarhad",
                                        # UCDP spells it without the second 'h' ("Khyber Pakhtunkwa province")
                                        "Khyber Pakhtunkwa"]),
    ("PB", "04", "Punjab", ["Punjab province"]),
    ("SD", "05", "Sindh", ["Sind", "Sindh province"]),
]

# Historical admin-1 units: (code, name, successor code, valid_until, variants)
# FATA was merged into Khyber Pakhtunkhwa by the 25th Amendment, signed 31 May 2018.
PK_HISTORICAL_ADMIN1 = [
    ("PK-TA", "Federally Administered Tribal Areas", "PK-KP", "2018-05-31",
     ["FATA", "Federally Administered Tribal Area", "Tribal Areas", "F.A.T.A."]),
]

# Afghanistan admin-1: (GeoNames admin1 code, UN/LOCODE subdivision code, canonical name, curated variants).
# GeoNames and UN/LOCODE spellings are added automatically.
AF_ADMIN1 = [
    ("01", "BDS", "Badakhshan", []),
    ("02", "BDG", "Badghis", []),
    ("03", "BGL", "Baghlan", []),
    ("05", "BAM", "Bamyan", ["Bamiyan", "Bamian"]),
    ("06", "FRA", "Farah", []),
    ("07", "FYB", "Faryab", ["Fariab", "Faryob"]),
    ("08", "GHA", "Ghazni", []),
    ("09", "GHO", "Ghor", ["Ghur"]),
    ("10", "HEL", "Helmand", ["Hilmand"]),
    ("11", "HER", "Herat", ["Hirat"]),
    ("13", "KAB", "Kabul", ["Kabol"]),
    ("14", "KAP", "Kapisa", []),
    ("17", "LOG", "Logar", ["Lowgar"]),
    ("18", "NAN", "Nangarhar", ["Ningarhar", "Nangrahar", "Nangahar"]),
    ("19", "NIM", "Nimroz", ["Nimruz"]),
    ("23", "KAN", "Kandahar", ["Qandahar"]),
    ("24", "KDZ", "Kunduz", ["Kondoz", "Konduz", "Qunduz"]),
    ("26", "TAK", "Takhar", []),
    ("27", "WAR", "Wardak", ["Maidan Wardak", "Maydan Wardak"]),
    ("28", "ZAB", "Zabul", ["Zabol"]),
    ("29", "PKA", "Paktika", []),
    ("30", "BAL", "Balkh", []),
    ("31", "JOW", "Jowzjan", ["Jawzjan", "Jozjan", "Jauzjan"]),
    ("32", "SAM", "Samangan", []),
    ("33", "SAR", "Sar-e Pul", ["Sari Pul", "Saripul", "Sar-i-Pul"]),
    ("34", "KNR", "Kunar", ["Konar"]),
    ("35", "LAG", "Laghman", []),
    ("36", "PIA", "Paktia", ["Paktya", "Paktiya"]),   # not Paktika (AF-PKA), a province of its own
    ("37", "KHO", "Khost", []),
    ("38", "NUR", "Nuristan", ["Nooristan", "Nurestan"]),
    ("39", "URU", "Uruzgan", ["Urozgan", "Orozgan"]),
    ("40", "PAR", "Parwan", ["Parvan"]),
    ("41", "DAY", "Daykundi", ["Daikundi", "Day Kundi", "Daikondi"]),
    ("42", "PAN", "Panjshir", ["Panjsher"]),
]

# --- Pakistan districts --------------------------------------------------------------------------
# The 126 geoBoundaries PAK ADM2 shapes are the canonical district set.  The canonical name is the
# shapeName unless overridden here (official or commonly used spelling; the shapeName stays a variant).
PK_CANONICAL = {
    "Islamabad Capital Territory": "Islamabad",
    "Mirpurkhas": "Mirpur Khas",
    "Naushehro Feroze": "Naushahro Feroze",
    "Nawabshah": "Shaheed Benazirabad",      # renamed 2008
    "Qilla Abdullah": "Killa Abdullah",
    "Qilla Saifullah": "Killa Saifullah",
    "Sheikhpura": "Sheikhupura",
    "Vihari": "Vehari",
}

# Province of shapes that have no GeoNames admin-2 line (all others take it from GeoNames).
PK_SHAPE_ADMIN1 = {
    "Azad Kashmir": "PK-JK",
    "Hunza": "PK-GB",
    "Islamabad Capital Territory": "PK-IS",
    "Karachi": "PK-SD",
    "Kohistan": "PK-KP",
}

# Former FATA agencies: current province PK-KP, historical_admin1_code PK-TA.
PK_FATA_SHAPES = {"Bajaur", "Khyber", "Kurram", "Mohmand", "North Waziristan", "Orakzai", "South Waziristan"}

# GeoNames admin-2 lines whose name differs from the shapeName (GeoNames id -> shapeName).
PK_GEONAMES_TO_SHAPE = {
    "8309748": "Astore",              # Astor
    "8358421": "Diamer",              # Diamir
    "1171388": "Malakand",            # Malakand Protected Area
    "1376894": "Mirpurkhas",          # Mirpur Khas District
    "6641955": "Musakhel",            # Musa Khel District
    "7352189": "Naushehro Feroze",    # Naushahro Firoz District
    "1169115": "Nawabshah",           # Shaheed Benazirabad District
    "9034783": "Qambar Shahdadkot",   # Qamber Shahdadkot District
    "6641961": "Qilla Abdullah",      # Qila Abdullah District
    "6641963": "Qilla Saifullah",     # Qila Saifullah District
    "1167458": "Rahim Yar Khan",      # Rahimyar Khan District
    "1165218": "Sheikhpura",          # Shekhupura District
    "9625902": "Tando Muhammad Khan",  # Tando Mohammad Khan District
    "1163602": "Tharparkar",          # Thar Parkar District
    "10344547": "Vihari",             # Vehari District
}

# GeoNames Pakistan districts that are NOT a geoBoundaries shape, decision 1 of 2:
# they become VARIANTS of the shape that contains them (their GeoNames id is not used as the row's id).
#   - Karachi's six districts (Central, East, South, West, Korangi, Malir): geoBoundaries, UCDP
#     ("Karachi district") and PBC ("Karachi") all treat Karachi as one unit, and "Korangi"/"Malir" are
#     used as locality names inside the city; folding them in keeps every Karachi report in one unit.
#   - GeoNames lists Gilgit twice (1178336 "Gilgit District" and 8358419 "Gilgit"); the second is the
#     same unit.
PK_GEONAMES_AS_VARIANT = {
    "11744831": "Karachi",   # Karachi Central District
    "11744832": "Karachi",   # Karachi East District
    "11744833": "Karachi",   # Karachi South District
    "12105033": "Karachi",   # District of West Karachi
    "11744835": "Karachi",   # Korangi District
    "11744837": "Karachi",   # Malir District
    "8358419": "Gilgit",     # duplicate GeoNames line
}

# Decision 2 of 2: GeoNames Pakistan districts that are NOT a geoBoundaries shape and get their OWN
# ROW with an empty boundary_name.  They are (or were) districts in their own right and the sources
# name them (UCDP codes events to Harnai, Sherani, Nankana Sahib and nine Azad Kashmir districts), so
# folding them into a bigger unit would lose what the source said.  "parents" is the shape (or shapes)
# whose area contains them in the geoBoundaries layout; it is used for map roll-ups and for the
# point-in-polygon sanity check of places.
#   geonames id: (canonical name, admin1, historical admin1, parent shapes, curated variants)
PK_EXTRA_DISTRICTS = {
    # Balochistan: later splits
    "6641965": ("Washuk", "PK-BA", "", ["Kharan"], []),                        # 2005, from Kharan
    "8309758": ("Harnai", "PK-BA", "", ["Sibi"], []),                          # 2007, from Sibi
    "8309759": ("Sherani", "PK-BA", "", ["Zhob"], ["Shirani"]),                # 2006, from Zhob
    "11744842": ("Sohbatpur", "PK-BA", "", ["Jafarabad"], ["Sohbat Pur"]),     # 2013, from Jafarabad
    # Khyber Pakhtunkhwa: later splits
    "8061265": ("Tor Ghar", "PK-KP", "", ["Mansehra"], ["Torghar", "Kala Dhaka"]),  # 2011, from Mansehra
    "12105028": ("Lower Kohistan", "PK-KP", "", ["Kohistan"], []),             # 2014, from Kohistan
    "12105031": ("Upper Kohistan", "PK-KP", "", ["Kohistan"], []),             # 2014, from Kohistan
    # Punjab / Sindh: later splits
    "7419159": ("Nankana Sahib", "PK-PB", "", ["Sheikhpura"], ["Nankana"]),    # 2005, from Sheikhupura
    "11886901": ("Chiniot", "PK-PB", "", ["Jhang"], []),                       # 2009, from Jhang
    "10300608": ("Sujawal", "PK-SD", "", ["Thatta"], []),                      # 2013, from Thatta
    # Larkana is a district since long before the data period, but this 126-shape layer has no
    # Larkana shape: its "Qambar Shahdadkot" shape (~7,000 km2, containing Larkana city and all UCDP
    # "Larkana district" points) covers both districts.
    "1172127": ("Larkana", "PK-SD", "", ["Qambar Shahdadkot"], []),
    # Gilgit-Baltistan: the combined district of 2009-2015, split into the Hunza and Nagar shapes
    "1176775": ("Hunza-Nagar", "PK-GB", "", ["Hunza", "Nagar"], []),
    # Azad Jammu and Kashmir: geoBoundaries has one "Azad Kashmir" shape for the whole territory
    "1167717": ("Poonch", "PK-JK", "", ["Azad Kashmir"], []),
    "1169606": ("Muzaffarabad", "PK-JK", "", ["Azad Kashmir"], []),
    "1170297": ("Mirpur", "PK-JK", "", ["Azad Kashmir"], []),
    "1173037": ("Kotli", "PK-JK", "", ["Azad Kashmir"], []),
    "7536187": ("Bhimber", "PK-JK", "", ["Azad Kashmir"], ["Bhimbar"]),
    "7536188": ("Bagh", "PK-JK", "", ["Azad Kashmir"], []),
    "8199376": ("Neelum", "PK-JK", "", ["Azad Kashmir"], ["Neelam"]),
    "8309754": ("Haveli", "PK-JK", "", ["Azad Kashmir"], []),
    "8309755": ("Hattian Bala", "PK-JK", "", ["Azad Kashmir"], ["Hattian", "Jhelum Valley"]),
    "8986039": ("Sudhanoti", "PK-JK", "", ["Azad Kashmir"], ["Sudhnoti", "Sudhnuti"]),
    # Frontier Regions (part of FATA until 2018).  In this geoBoundaries vintage their area is drawn
    # inside neighbouring shapes (UCDP's FR Kohat points fall in "Khyber"/"Orakzai", FR Tank's in
    # "South Waziristan"), hence the parent lists.
    "7419043": ("Frontier Region Bannu", "PK-KP", "PK-TA", ["Bannu", "North Waziristan"],
                ["FR Bannu", "F.R. Bannu"]),
    "1180280": ("Frontier Region Dera Ismail Khan", "PK-KP", "PK-TA", ["Dera Ismail Khan", "South Waziristan"],
                ["FR Dera Ismail Khan", "FR D.I. Khan", "FR DI Khan"]),
    "7419050": ("Frontier Region Kohat", "PK-KP", "PK-TA", ["Kohat", "Khyber", "Orakzai", "Peshawar"],
                ["FR Kohat", "F.R. Kohat"]),
    "7419044": ("Frontier Region Lakki Marwat", "PK-KP", "PK-TA", ["Lakki Marwat"],
                ["FR Lakki Marwat", "FR Lakki"]),
    "7419049": ("Frontier Region Peshawar", "PK-KP", "PK-TA", ["Peshawar", "Orakzai", "Khyber"],
                ["FR Peshawar", "F.R. Peshawar"]),
    "7419041": ("Frontier Region Tank", "PK-KP", "PK-TA", ["Tank", "South Waziristan"],
                ["FR Tank", "F.R. Tank"]),
}

# Curated variants of Pakistan shapes (keyed by shapeName): usual alternative spellings and the forms
# the raw files use that the generic suffix rule cannot find.
PK_SHAPE_VARIANTS = {
    "Abbottabad": ["Abbotabad"],
    "Azad Kashmir": [],
    "Bajaur": ["Bajaur Agency", "Bajour", "Bajaur District"],
    "Battagram": ["Batagram"],
    "Chagai": ["Chaghi"],
    "Charsadda": ["Charsada"],     # UCDP "Charsada town" is the district seat
    "Dera Ghazi Khan": ["D.G. Khan", "DG Khan", "Dera Ghazi Khan District"],
    "Dera Ismail Khan": ["D.I. Khan", "DI Khan", "Dera Ismail Khan District"],
    "Faisalabad": ["Lyallpur"],
    "Gwadar": ["Gawadar"],
    "Hangu": ["Hungu"],
    "Islamabad Capital Territory": ["Islamabad Capital Territory", "ICT"],
    "Jafarabad": ["Jaffarabad"],
    "Kachhi": ["Bolan", "Kachhi (Bolan)"],
    "Karachi": ["Karachi Central", "Karachi East", "Karachi South", "Karachi West", "Korangi", "Malir"],
    "Khyber": ["Khyber Agency", "Khyber District", "Khyber Tribal District"],
    "Kurram": ["Kurram Agency", "Kuram Agency", "Kuram", "Lower Kurram", "Upper Kurram", "Central Kurram"],
    "Lakki Marwat": ["Lakki"],
    "Lasbela": ["Las Bela"],
    "Lower Dir": ["Dir Lower"],
    "Malakand": ["Malakand Agency"],
    "Mohmand": ["Mohmand Agency", "Mohmand District"],
    "Musakhel": ["Musa Khel"],
    "Naushehro Feroze": ["Naushahro Firoz", "Naushero Feroze", "Noshero Feroze"],
    "Nawabshah": ["Benazirabad", "Nawab Shah"],
    "North Waziristan": ["North Waziristan Agency", "N. Waziristan", "North Waziristan District"],
    "Nowshera": ["Nowshehra", "Naushera"],
    "Nushki": ["Noshki"],
    "Orakzai": ["Orakzai Agency", "Orakzai District"],
    "Qambar Shahdadkot": ["Kambar Shahdadkot", "Qamber Shahdadkot", "Kambar"],
    "Qilla Abdullah": ["Qila Abdullah"],
    "Qilla Saifullah": ["Qila Saifullah"],
    "Rahim Yar Khan": ["Rahimyar Khan"],
    "South Waziristan": ["South Waziristan Agency", "S. Waziristan", "South Waziristan District",
                         "Upper South Waziristan", "Lower South Waziristan"],
    "Tando Muhammad Khan": ["Tando Mohammad Khan"],
    "Tharparkar": ["Thar Parkar", "Thar"],
    "Upper Dir": ["Dir Upper"],
}

# Raw spellings that need an explicit target (level, normalised raw value) -> target unit key.
# Everything else is resolved generically: exact name/variant, then with a trailing
# "district"/"agency"/"province"/"distrcit" removed.
RAW_ALIASES = {
    ("admin2", "fr bannu mir ali"): ("PAK", "Frontier Region Bannu"),    # UCDP adm_2
    ("admin2", "fr tank jandola"): ("PAK", "Frontier Region Tank"),      # UCDP adm_2 (Jandola is FR Tank's seat)
    ("admin2", "jafarabad distrcit"): ("PAK", "Jafarabad"),              # UCDP adm_2, typo kept as a variant
}

# --- Afghanistan districts -----------------------------------------------------------------------
# Shape names that occur twice in geoBoundaries-AFG (and GeoNames): which shape is in which province.
# Decided by position (the shape's centroid among its neighbours, see vote_province) and fixed here by
# shapeID so the result never depends on the matcher.
AF_SHAPEID_TO_GEONAMES = {
    "17698898B64879556076818": "AF.23.2404",  # Arghandab, Kandahar (centroid 65.65E 31.76N)
    "17698898B65639983209731": "AF.28.2503",  # Arghandab, Zabul (66.99E 32.51N)
    "17698898B92283953739248": "AF.01.1108",  # Baharak, Badakhshan (70.90E 37.04N)
    "17698898B80624423467641": "AF.26.1213",  # Baharak, Takhar (69.39E 36.83N)
    "17698898B78823885330812": "AF.07.1809",  # Dawlatabad, Faryab (65.06E 36.54N)
    "17698898B77647475536898": "AF.30.1605",  # Dawlatabad, Balkh (66.80E 37.06N)
    "17698898B13673571865374": "AF.01.1101",  # Fayzabad, Badakhshan (70.61E 37.21N)
    "17698898B33300576741298": "AF.31.1708",  # Fayzabad, Jowzjan (66.33E 36.70N)
    "17698898B26989253690642": "AF.01.1119",  # Kohistan, Badakhshan (70.68E 37.43N)
    "17698898B67216790829009": "AF.07.1805",  # Kohistan, Faryab (64.93E 35.34N)
    "17698898B64553162233341": "AF.02.1907",  # Muqur, Badghis (63.09E 35.18N)
    "17698898B49767340950773": "AF.08.608",   # Muqur (GeoNames "Muqer"), Ghazni (67.78E 32.95N)
    "17698898B40546749525056": "AF.08.613",   # Qarabagh, Ghazni (68.00E 33.22N)
    "17698898B97748995377228": "AF.13.105",   # Qarabagh, Kabul (69.20E 34.84N)
    "17698898B88758953841617": "AF.14.205",   # Tagab, Kapisa (69.68E 34.80N)
    "17698898B12331044799427": "AF.01.1123",  # Tagab (Kishmi Bala), Badakhshan (70.35E 36.49N)
    "17698898B50071469520952": "AF.36.706",   # Jani Khail = Jani Khel, Paktia (69.79E 33.66N)
    "17698898B85546935814968": "AF.29.2916",  # Jani Khel, Paktika (68.48E 32.67N)
}

# Shapes the fuzzy matcher leaves open (similarity < 0.8, or no neighbouring shape matched in that
# province yet -- e.g. none of Samangan's or Uruzgan's district names match GeoNames exactly), checked
# by hand: shapeName (whitespace-cleaned) -> GeoNames code.  An entry the matcher does resolve must
# agree with it (the build stops otherwise).
AF_CURATED_MATCH = {
    "Ali Khail (Jaji)": "AF.36.711",          # Jaji, Paktia
    "Dihrawud": "AF.39.2605",                 # Deh Rawud, Uruzgan
    "Shahidi Hassas": "AF.39.2604",           # Shahid-e Hasas, Uruzgan
    "Hazrati Sultan": "AF.32.1502",           # Hazrat-e Sultan, Samangan
    "Aybak": "AF.32.1501",                    # Aibak, Samangan
    "Ruyi Du Ab": "AF.32.1505",               # Ruy Duab, Samangan
    "Khuram Wa Sarbagh": "AF.32.1506",        # Khuram wa Sar Bagh, Samangan
    "Feroz Nakhchir": "AF.32.1507",           # Fayroz Nakhchir, Samangan
    "Dara-I-Sufi Payin": "AF.32.1504",        # Darah-ye Suf-e Pa'in, Samangan
    "Dara-I-Sufi Bala": "AF.32.1503",         # Darah-ye Suf-e Bala, Samangan
    "Lal Wa Sarjangal": "AF.09.2707",         # La'l wa Sar Jangal, Ghor
    "Darwaz": "AF.01.1110",                   # Darwaz-e Pa'in (Nusay), Badakhshan
    "Khost(Matun)": "AF.37.3201",             # Khost (Matun), Khost
    "Tirin Kot": "AF.39.2601",                # Tarin Kot, Uruzgan
    "Qala Ka": "AF.06.2108",                  # Qal'ah-ye Kah, Farah
    "Sar Hawza": "AF.29.2914",                # Sar Rowzah, Paktika
    "Shaygal wa shital": "AF.34.1007",        # Shigal wa Sheltan, Kunar
}

# Canonical-name overrides for Afghan shapes (otherwise the whitespace-cleaned shapeName).
AF_CANONICAL = {
    "Acheen": "Achin",
    "Hirat": "Herat",
    "Mazari Sharif": "Mazar-i-Sharif",
    "Khost(Matun)": "Khost (Matun)",
    "Reg(Khanshin)": "Reg (Khanshin)",
}

# Curated common variants of Afghan districts, keyed by (GeoNames admin1 code, shapeName stripped).
AF_DISTRICT_VARIANTS = {
    ("10", "Lashkar Gah"): ["Lashkargah"],
    ("10", "Nad Ali"): ["Nad-e Ali", "Nadali"],
    ("10", "Reg(Khanshin)"): ["Khanashin", "Khan Neshin"],
    ("11", "Hirat"): ["Herat City"],
    ("18", "Deh Bala"): ["Haska Mina", "Haska Meyna"],
    ("18", "Khogayani"): ["Khogyani", "Khogiani"],   # UCDP Candidate "Khogyani district"
    ("18", "Lal Por"): ["Lalpur", "Lal Pur"],        # UCDP Candidate "Lal Pur district"
    ("23", "Panjwayi"): ["Panjwai"],
    ("23", "Spin Boldak"): ["Spin Buldak"],
    ("30", "Mazari Sharif"): ["Mazar-e-Sharif", "Mazar"],
    ("29", "Urgun"): ["Urgoon"],
    ("34", "Shaygal wa shital"): ["Shaygal wa Shiltan"],   # UCDP Candidate
    ("36", "Dand Patan"): ["Dand wa Patan"],                # UCDP Candidate "Dand Wa Patan district"
    ("37", "Jaji Maidan"): ["Jaji Maydan"],                 # UCDP Candidate
    ("37", "Spira"): ["Spera"],                             # UCDP Candidate
    ("37", "Tere Zayi"): ["Terezai"],
    ("37", "Mando Zayi"): ["Mandozai"],
    ("37", "Khost(Matun)"): ["Khost City", "Matun"],
    ("39", "Tirin Kot"): ["Tarinkot", "Tarin Kowt"],
    ("40", "Sia Gird ( Ghorbund)"): ["Ghorband", "Ghorbund", "Siagird"],
}

# --- Places --------------------------------------------------------------------------------------
# The five crossings of PRODUCT.md ("Border crossings", coordinates as geocoded in UCDP GED rows).
# (name, admin1, admin2, lat, lon, variants).  UCDP spellings of the same points are variants, so the
# UCDP places "Ghulam Khan town" and "Angor Adda town" are folded into these rows.
CROSSINGS = [
    ("Torkham", "PK-KP", "Khyber", "34.190457", "71.069264",
     ["Torkham Border Crossing", "Torkham border", "Torkham crossing"]),
    # Afghan-side names as news writes them (never the bare district names Barmal or Dand-e-Patan, which are districts).
    ("Chaman / Spin Boldak", "PK-BA", "Killa Abdullah", "30.922222", "66.444722",
     ["Chaman border", "Chaman border crossing", "Chaman crossing", "Spin Boldak crossing",
      "Chaman-Spin Boldak", "Friendship Gate", "Bab-e-Dosti"]),
    ("Ghulam Khan", "PK-KP", "North Waziristan", "33.143889", "70.023889",
     ["Ghulam Khan town", "Ghulam Khan border", "Ghulam Khan crossing"]),
    ("Angoor Adda", "PK-KP", "South Waziristan", "32.517778", "69.274167",
     ["Angor Adda", "Angor Adda town", "Angoor Adda border", "Barmal crossing", "Barmal border crossing"]),
    ("Kharlachi", "PK-KP", "Kurram", "33.827960", "69.964770",
     ["Kharlāchi Kili village", "Kharlachi Kili", "Kharlachi border", "Kharlachi crossing", "Dand-e-Patan crossing",
      "Dand-e-Patan border crossing", "Dand Patan crossing"]),
]

# UCDP where_coordinates suffixes moved out of the place name into `kind` (the original stays a variant).
UCDP_SUFFIX_KIND = [
    (" town", "town"), (" village", "village"), (" city", "city"), (" suburb", "suburb"),
    (" locality", "locality"), (" Area", "area"), (" area", "area"),
]

# UCDP place strings that get a curated name (original kept as a variant).
UCDP_PLACE_RENAME = {
    "Spinkai village, Raghzai locality": ("Spinkai Raghzai", "village"),
    "Upper tehsil": ("Upper Orakzai tehsil", "tehsil"),   # UCDP adm_2 Orakzai agency
}

# UCDP coordinates rejected (the place row keeps an empty lat/lon): the point is far outside the
# district that UCDP itself gives for it.
UCDP_COORD_REJECT = {
    # UCDP gives 25.648076, 62.049546 for all 24 "Sui town" events, whose adm_2 is Dera Bugti district;
    # that point lies in the "Gwadar" shape near the Iranian border, about 720 km from the nearest
    # point of the Dera Bugti shape.
    "Sui town": "point lies in the Gwadar shape, ~720 km from Dera Bugti district (UCDP's own adm_2)",
}

# Places named in the PBC `City` columns that are neither a district nor a UCDP place with >= 5
# events.  (name, admin1, admin2, kind, UCDP where_coordinates string to take the point from or None,
# variants).  Only the place name is taken from PBC.
PBC_PLACES = [
    ("Dalbandin", "PK-BA", "Chagai", "town", "Dalbandin town", []),
    ("Taftan", "PK-BA", "Chagai", "town", "Taftan town", []),
    ("Totalai", "PK-KP", "Buner", "town", None, []),
    ("Fateh Jang", "PK-PB", "Attock", "town", "Fateh Jang town", []),
    ("Taunsa", "PK-PB", "Dera Ghazi Khan", "town", None, ["Taunsa Sharif"]),
    ("Wagah", "PK-PB", "Lahore", "border", "Wagah border", ["Wagah-Attari", "Attari-Wagah"]),
    ("Sehwan", "PK-SD", "Jamshoro", "town", None, ["Sehwan town", "Sehwan Sharif"]),
    ("Hayatabad", "PK-KP", "Peshawar", "town", "Hayatabad town", []),
    ("Tangi", "PK-KP", "Charsadda", "town", "Tangi town", ["Tangi, Charsadda District"]),
    ("Mosal Kor", "PK-KP", "Mohmand", "village", None, ["Mosal Kor, Mohmand Agency"]),
]

# Extra variants of UCDP places (keyed by the UCDP where_coordinates string): PBC spellings and usual
# alternatives.
UCDP_PLACE_VARIANTS = {
    "Darra Adam Khel town": ["Dara Adam Khel"],
    "Ghalanai town": ["Ghallanai", "Ghallanai, Mohmand Agency"],
    "Shabqadar town": ["Shabqadar-Charsadda"],
    "Tirah valley": ["Tirah"],
    "Miranshah town": ["Miramshah", "Miran Shah"],
    "Mingora town": ["Mingaora"],
    "Khar town": ["Khar Bajaur"],
    "LoC": ["Line of Control"],
}

# Places that must NOT be derived from UCDP (stripped name equals a district / province name, e.g.
# "Quetta town", "Karachi town", "Islamabad city"): they are the district itself and their UCDP
# spelling is added to the district's variants instead.  This is computed, not listed.

MIN_UCDP_EVENTS = 5

SUFFIX_RE = re.compile(r"\s+(district|distrcit|agency|province)$")

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


# Source priority of a spelling: when two spellings of one unit normalise alike, the one with the
# lower number is kept.
P_UCDP, P_PBC, P_CURATED, P_GEONAMES, P_GEONAMES_ASCII, P_LOCODE, P_GEOBOUNDARIES, P_UCDP_WHERE = range(1, 9)


class Unit:
    """One gazetteer row (admin1, admin2 or place)."""

    def __init__(self, level, country, name, **kw):
        self.level = level
        self.country = country
        self.name = name
        self.attrs = kw
        self._name_norm = norm(name)
        self._variants = {}        # normalised -> (priority, spelling)

    def add(self, spelling, prio=P_CURATED):
        if spelling is None:
            return
        s = clean_space(spelling)
        if not s:
            return
        if "|" in s:
            raise SystemExit(f"variant contains '|': {s!r}")
        n = norm(s)
        if not n or n == self._name_norm:
            return
        old = self._variants.get(n)
        if old is None or prio < old[0]:
            self._variants[n] = (prio, s)

    def norms(self):
        return {self._name_norm} | set(self._variants)

    def variants(self):
        return sorted((v for _p, v in self._variants.values()), key=lambda v: (norm(v), v))


def read_lines(path, encoding="utf-8"):
    with open(path, encoding=encoding, newline="") as f:
        return f.read()


def load_geojson(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def rings(geom):
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    return polys


def centroid(geom):
    a = cx = cy = 0.0
    for poly in rings(geom):
        r = poly[0]
        for i in range(len(r) - 1):
            x0, y0 = r[i][:2]
            x1, y1 = r[i + 1][:2]
            c = x0 * y1 - x1 * y0
            a += c
            cx += (x0 + x1) * c
            cy += (y0 + y1) * c
    return (cx / (3 * a), cy / (3 * a))


def point_in(geom, lon, lat):
    inside = False
    for poly in rings(geom):
        for r in poly:
            for i in range(len(r) - 1):
                x0, y0 = r[i][:2]
                x1, y1 = r[i + 1][:2]
                if (y0 > lat) != (y1 > lat) and lon < (x1 - x0) * (lat - y0) / (y1 - y0) + x0:
                    inside = not inside
    return inside


def skeleton(s):
    """Rough transliteration-insensitive key: drops vowels, ezafe particles and doubled letters."""
    s = norm(s)
    s = re.sub(r"\bdistrict\b", " ", s)
    s = re.sub(r"\b(e|ye|i|y)\b", " ", s)
    s = s.replace(" ", "")
    for a, b in (("ts", "ch"), ("dz", "z"), ("kh", "K"), ("gh", "G"), ("sh", "S"), ("ch", "C")):
        s = s.replace(a, b)
    s = re.sub(r"[aeiouyw]", "", s)
    return re.sub(r"(.)\1+", r"\1", s)


def name_forms(s):
    """A name, its part before a parenthesis and the parenthesised part."""
    s = clean_space(s)
    out = [s]
    m = re.match(r"^(.*?)\s*\(\s*(.*?)\s*\)\s*$", s)
    if m:
        out += [m.group(1), m.group(2)]
    return [x for x in out if x]


def similarity(a, b):
    best = 0.0
    for x in name_forms(a):
        for y in name_forms(b):
            best = max(best,
                       difflib.SequenceMatcher(None, skeleton(x), skeleton(y)).ratio(),
                       difflib.SequenceMatcher(None, norm(x), norm(y)).ratio())
    return best


def tidy_af(s):
    """Whitespace/punctuation tidying of AIMS district names: "Qala-I- Naw" -> "Qala-i-Naw",
    "Sia Gird ( Ghorbund)" -> "Sia Gird (Ghorbund)", "Hese- Awal" -> "Hese-Awal"."""
    s = clean_space(s)
    s = re.sub(r"\(\s+", "(", s)
    s = re.sub(r"\s+\)", ")", s)
    s = re.sub(r"\s*-\s*I\s*-\s*", "-i-", s)
    return re.sub(r"(\w)-\s+(\w)", r"\1-\2", s)


def write_csv(path, header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    data = buf.getvalue().encode("utf-8")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    return len(rows)


def copy_exact(src, dst):
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    shutil.copyfile(src, dst)
    with open(src, "rb") as a, open(dst, "rb") as b:
        if a.read() != b.read():
            raise SystemExit(f"copy of {src} differs")


# ---------------------------------------------------------------------------------------------
# Loading raw inputs
# ---------------------------------------------------------------------------------------------


def load_raw(raw):
    p = lambda *a: os.path.join(raw, *a)  # noqa: E731
    need = [
        p("geoboundaries-pak-adm2", "geoBoundaries-PAK-ADM2.geojson"),
        p("geoboundaries-afg-adm2", "geoBoundaries-AFG-ADM2_simplified.geojson"),
        p("geoboundaries-afg-adm2", "CITATION-AND-USE-geoBoundaries.txt"),
        p("geonames-admin-codes", "admin1CodesASCII.PK-AF.txt"),
        p("geonames-admin-codes", "admin2Codes.PK-AF.txt"),
        p("unlocode-subdivisions", "subdivision-codes.csv"),
        p("ucdp-ged-pakistan-hdx", "conflict_data_pak.csv"),
        p("pbc-pakistan-suicide-drone", "PakistanSuicideAttacks.csv"),
        p("pbc-pakistan-suicide-drone", "PakistanDroneAttacks.csv"),
        p("ucdp-candidate-2026", "ucdp_candidate_2026_afpak.csv"),
    ]
    missing = [x for x in need if not os.path.isfile(x)]
    if missing:
        raise SystemExit("missing raw input(s):\n  " + "\n  ".join(missing))
    r = {}
    r["pak_geo"] = load_geojson(need[0])
    r["afg_geo"] = load_geojson(need[1])
    r["gn_admin1"] = [l.split("\t") for l in read_lines(need[3]).splitlines() if l.strip()]
    r["gn_admin2"] = [l.split("\t") for l in read_lines(need[4]).splitlines() if l.strip()]
    with open(need[5], encoding="utf-8", newline="") as f:
        r["locode"] = [row for row in csv.DictReader(f) if row["SUCountry"] in ("PK", "AF")]
    with open(need[6], encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    # row 2 is the HXL hashtag row ("#date+year", "#adm1+name", ...): drop it
    r["ucdp"] = [x for x in rows if not any(v.startswith("#") for v in x.values() if v)]
    if len(r["ucdp"]) != len(rows) - 1:
        raise SystemExit("UCDP file: expected exactly one HXL tag row")
    pbc = []
    for fn in need[7:9]:
        with open(fn, encoding="latin-1", newline="") as f:  # legacy bytes; see SOURCE.md
            for row in csv.DictReader(f):
                pbc.append((os.path.basename(fn), row.get("Province", ""), row.get("City", "")))
    r["pbc"] = pbc
    with open(need[9], encoding="utf-8", newline="") as f:
        r["ucdp_candidate"] = list(csv.DictReader(f))   # GED layout without the HXL row
    r["paths"] = need
    return r


# ---------------------------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------------------------


class Gazetteer:
    def __init__(self):
        self.admin1 = {}   # code -> Unit
        self.admin2 = []   # Units
        self.places = []   # Units
        self.log = []

    def note(self, msg):
        self.log.append(msg)

    # index: (country, level, normalised) -> set of units
    def index(self, level):
        units = {"admin1": list(self.admin1.values()), "admin2": self.admin2, "place": self.places}[level]
        idx = collections.defaultdict(list)
        for u in units:
            for n in u.norms():
                idx[(u.country, n)].append(u)
        return idx


def build_admin1(g, raw):
    gn1 = {c: (name, gid) for c, name, _ascii, gid in raw["gn_admin1"]}
    loc = {(r["SUCountry"], r["SUCode"]): r["SUName"] for r in raw["locode"]}
    # Pakistan
    for code, gcode, name, variants in PK_ADMIN1:
        full = "PK-" + code
        if ("PK", code) not in loc:
            raise SystemExit(f"UN/LOCODE has no PK {code}")
        u = Unit("admin1", "PAK", name, code=full, status="current", successor="", valid_until="")
        for v in variants:
            u.add(v)
        u.add(gn1["PK." + gcode][0], P_GEONAMES)
        u.add(loc[("PK", code)], P_LOCODE)
        g.admin1[full] = u
    for code, name, succ, until, variants in PK_HISTORICAL_ADMIN1:
        u = Unit("admin1", "PAK", name, code=code, status="historical", successor=succ, valid_until=until)
        for v in variants:
            u.add(v)
        g.admin1[code] = u
    # Afghanistan
    seen_loc = set()
    for gcode, lcode, name, variants in AF_ADMIN1:
        if ("AF", lcode) not in loc:
            raise SystemExit(f"UN/LOCODE has no AF {lcode}")
        seen_loc.add(lcode)
        full = "AF-" + lcode
        u = Unit("admin1", "AFG", name, code=full, status="current", successor="", valid_until="", gn=gcode)
        for v in variants:
            u.add(v)
        u.add(gn1["AF." + gcode][0], P_GEONAMES)
        u.add(loc[("AF", lcode)], P_LOCODE)
        g.admin1[full] = u
    extra = sorted(c for (cc, c) in loc if cc == "AF" and c not in seen_loc)
    if extra or len(AF_ADMIN1) != 34:
        raise SystemExit(f"Afghan provinces do not match UN/LOCODE: {extra}")
    gn_af = sorted(c for c in gn1 if c.startswith("AF."))
    if sorted("AF." + x[0] for x in AF_ADMIN1) != gn_af:
        raise SystemExit("Afghan provinces do not match GeoNames admin1")


def build_pak_admin2(g, raw):
    shapes = [f["properties"]["shapeName"] for f in raw["pak_geo"]["features"]]
    if len(shapes) != 126 or len(set(shapes)) != 126:
        raise SystemExit("expected 126 distinct PAK shapes")
    gn = [x for x in raw["gn_admin2"] if x[0].startswith("PK.")]
    gn_admin1 = {"02": "PK-BA", "03": "PK-KP", "04": "PK-PB", "05": "PK-SD", "06": "PK-JK", "07": "PK-GB",
                 "08": "PK-IS"}
    shape_key = {norm(s): s for s in shapes}
    by_shape = {}
    as_variant = collections.defaultdict(list)
    extra_rows = {}
    for code, name, asciiname, gid in gn:
        prov = gn_admin1[code.split(".")[1]]
        if gid in PK_GEONAMES_AS_VARIANT:
            as_variant[PK_GEONAMES_AS_VARIANT[gid]].append((name, asciiname))
            continue
        if gid in PK_EXTRA_DISTRICTS:
            extra_rows[gid] = (name, asciiname, prov)
            continue
        shape = PK_GEONAMES_TO_SHAPE.get(gid)
        if shape is None:
            base = re.sub(r" (district|agency)$", "", norm(asciiname))
            shape = shape_key.get(base)
        if shape is None:
            raise SystemExit(f"GeoNames PK admin2 line not classified: {code} {asciiname} {gid}")
        if shape in by_shape:
            raise SystemExit(f"two GeoNames lines for shape {shape}: {by_shape[shape]} and {gid}")
        by_shape[shape] = (gid, name, asciiname, prov)
    for gid in PK_EXTRA_DISTRICTS:
        if gid not in extra_rows:
            raise SystemExit(f"curated GeoNames id {gid} not in GeoNames admin2")
    for s in shapes:
        gid, name, asciiname, prov = by_shape.get(s, ("", None, None, None))
        admin1 = prov or PK_SHAPE_ADMIN1.get(s)
        if admin1 is None:
            raise SystemExit(f"no province for PAK shape {s}")
        if s in PK_SHAPE_ADMIN1 and prov and PK_SHAPE_ADMIN1[s] != prov:
            raise SystemExit(f"province conflict for {s}")
        canon = PK_CANONICAL.get(s, s)
        hist = "PK-TA" if s in PK_FATA_SHAPES else ""
        if hist and admin1 != "PK-KP":
            raise SystemExit(f"FATA shape {s} not in KP")
        u = Unit("admin2", "PAK", canon, admin1=admin1, hist=hist, geonames_id=gid, boundary=s, parents=[s])
        for v in PK_SHAPE_VARIANTS.get(s, []):
            u.add(v)
        u.add(s, P_GEOBOUNDARIES)
        if name:
            u.add(name, P_GEONAMES)
            u.add(asciiname, P_GEONAMES_ASCII)
        for n, a in as_variant.get(s, []):
            u.add(n, P_GEONAMES)
            u.add(a, P_GEONAMES_ASCII)
        g.admin2.append(u)
    for gid, (canon, admin1, hist, parents, variants) in PK_EXTRA_DISTRICTS.items():
        name, asciiname, prov = extra_rows[gid]
        if prov != admin1:
            raise SystemExit(f"province conflict for {canon}: GeoNames {prov}, curated {admin1}")
        for p in parents:
            if p not in shapes:
                raise SystemExit(f"parent shape {p} of {canon} unknown")
        u = Unit("admin2", "PAK", canon, admin1=admin1, hist=hist, geonames_id=gid, boundary="", parents=parents)
        for v in variants:
            u.add(v)
        u.add(name, P_GEONAMES)
        u.add(asciiname, P_GEONAMES_ASCII)
        g.admin2.append(u)
    g.note(f"PAK admin2: {len(shapes)} shapes, {len(PK_EXTRA_DISTRICTS)} GeoNames districts as own rows, "
           f"{len(PK_GEONAMES_AS_VARIANT)} GeoNames districts folded in as variants")


def vote_province(sid, cent, prov, k=6):
    c = cent[sid]
    near = sorted((math.hypot(c[0] - cent[o][0], c[1] - cent[o][1]), o) for o in prov if o != sid)[:k]
    v = collections.Counter(prov[o] for _, o in near)
    return v


def build_afg_admin2(g, raw):
    feats = raw["afg_geo"]["features"]
    if len(feats) != 398:
        raise SystemExit("expected 398 AFG shapes")
    gn = {x[0]: x for x in raw["gn_admin2"] if x[0].startswith("AF.")}
    if len(gn) != 398:
        raise SystemExit("expected 398 GeoNames AF admin2 lines")
    shapes = {f["properties"]["shapeID"]: f["properties"]["shapeName"] for f in feats}
    cent = {f["properties"]["shapeID"]: centroid(f["geometry"]) for f in feats}
    gn_by_norm = collections.defaultdict(list)
    for code, (c, name, asciiname, gid) in gn.items():
        gn_by_norm[re.sub(r" district$", "", norm(asciiname))].append(code)
    assign = {}
    how = {}
    # 1. names that occur twice (in two provinces): pinned by shapeID
    for sid, code in AF_SHAPEID_TO_GEONAMES.items():
        if sid not in shapes:
            raise SystemExit(f"curated shapeID {sid} unknown")
        assign[sid] = code
        how[sid] = "curated-id"
    by_clean = collections.defaultdict(list)
    for sid, n in shapes.items():
        by_clean[clean_space(n)].append(sid)
    # 2. exact ASCII match (unique on both sides)
    for sid in sorted(shapes):
        if sid in assign:
            continue
        cands = [c for c in gn_by_norm.get(norm(shapes[sid]), []) if c not in assign.values()]
        if len(cands) == 1 and len(by_clean[clean_space(shapes[sid])]) == 1:
            assign[sid] = cands[0]
            how[sid] = "exact"
    # 3. fuzzy ASCII match.  Candidates are scored by spelling similarity plus a bonus for the province
    #    of the 6 nearest already-matched shapes; pairs are taken best-first.  A pair is accepted only if
    #    the similarity is >= 0.8 and that province occurs among the neighbours; the rest is left to
    #    the curated table.
    prov = {sid: code[:5] for sid, code in assign.items()}
    free_gn = sorted(set(gn) - set(assign.values()))
    pairs = []
    for sid in sorted(set(shapes) - set(assign)):
        v = vote_province(sid, cent, prov)
        tot = sum(v.values()) or 1
        for code in free_gn:
            s = similarity(shapes[sid], gn[code][2])
            if s < 0.6:
                continue
            pairs.append((-(s + 0.25 * v.get(code[:5], 0) / tot), sid, code, s, v.get(code[:5], 0)))
    pairs.sort()
    taken = set()
    for _neg, sid, code, s, support in pairs:
        if sid in assign or code in taken:
            continue
        if s < 0.8 or support == 0:
            continue
        assign[sid] = code
        taken.add(code)
        how[sid] = f"fuzzy {s:.2f}"
    # 4. curated table: matches the fuzzy step must not contradict, and the ones it left open
    for n, code in AF_CURATED_MATCH.items():
        sids = by_clean.get(n, [])
        if len(sids) != 1:
            raise SystemExit(f"curated AF name {n!r} matches {len(sids)} shapes")
        sid = sids[0]
        if sid in assign:
            if assign[sid] != code:
                raise SystemExit(f"AF {n!r}: matcher says {assign[sid]}, curated table says {code}")
            g.note(f"AFG curated entry {n!r} agrees with the {how[sid]} match (kept as a pin)")
            continue
        if code in assign.values():
            raise SystemExit(f"AF {n!r}: curated GeoNames code {code} already taken")
        assign[sid] = code
        how[sid] = "curated-name"
    left = sorted(set(shapes) - set(assign))
    if left:
        raise SystemExit("unmatched AFG shapes: " + ", ".join(repr(shapes[s]) for s in left))
    if len(set(assign.values())) != 398:
        raise SystemExit("AFG matching is not one-to-one")
    # sanity: the province of every shape should occur among its 6 nearest neighbours
    prov = {sid: code[:5] for sid, code in assign.items()}
    odd = []
    for sid in sorted(shapes):
        v = vote_province(sid, cent, prov)
        if prov[sid] not in v:
            odd.append(f"{shapes[sid].strip()} ({assign[sid]}, neighbours {dict(v)})")
    for sid in sorted(shapes):
        if how[sid].startswith("fuzzy"):
            g.note(f"AFG fuzzy: {shapes[sid].strip()!r} -> {assign[sid]} {gn[assign[sid]][2]!r} ({how[sid]})")
    for o in odd:
        g.note(f"AFG check: province not among neighbours: {o}")
    g.note("AFG admin2 matching: " + ", ".join(
        f"{k} {v}" for k, v in sorted(collections.Counter(h.split()[0] for h in how.values()).items())))
    gcode_to_iso = {x[0]: "AF-" + x[1] for x in AF_ADMIN1}
    for sid in sorted(shapes, key=lambda s: (assign[s], s)):
        raw_name = shapes[sid]
        stripped = clean_space(raw_name)
        code, name, asciiname, gid = gn[assign[sid]]
        pcode = code.split(".")[1]
        canon = tidy_af(AF_CANONICAL.get(stripped, stripped))
        u = Unit("admin2", "AFG", canon, admin1=gcode_to_iso[pcode], hist="", geonames_id=gid, boundary=raw_name,
                 parents=[], shape_id=sid)
        for v in AF_DISTRICT_VARIANTS.get((pcode, stripped), []):
            u.add(v)
        u.add(stripped, P_GEOBOUNDARIES)
        for f in name_forms(stripped)[1:]:
            u.add(tidy_af(f), P_GEOBOUNDARIES)
        u.add(name, P_GEONAMES)
        u.add(asciiname, P_GEONAMES_ASCII)
        u.add(re.sub(r" District$", "", asciiname), P_GEONAMES_ASCII)
        g.admin2.append(u)
    used = {(k[0], k[1]) for k in AF_DISTRICT_VARIANTS}
    have = {(u.attrs["admin1"], clean_space(u.attrs["boundary"])) for u in g.admin2 if u.country == "AFG"}
    iso_to_g = {v: k for k, v in gcode_to_iso.items()}
    have = {(iso_to_g[a], b) for a, b in have}
    if used - have:
        raise SystemExit(f"curated AF variants for unknown districts: {sorted(used - have)}")


def resolve(g, level, country, raw_value):
    """Find the unit a raw spelling denotes; returns a Unit or None."""
    n = norm(raw_value)
    if not n:
        return None
    units = list(g.admin1.values()) if level == "admin1" else g.admin2
    units = [u for u in units if u.country == country]
    alias = RAW_ALIASES.get((level, n))
    if alias:
        hit = [u for u in units if u.name == alias[1]]
        return hit[0]
    for key in (n, SUFFIX_RE.sub("", n)):
        hit = [u for u in units if key in u.norms()]
        if level == "admin1":
            cur = [u for u in hit if u.attrs["status"] == "current"]
            hit = hit if len(hit) == 1 else cur
        if len(hit) == 1:
            return hit[0]
        if len(hit) > 1:
            raise SystemExit(f"{level} spelling {raw_value!r} is ambiguous: {[u.name for u in hit]}")
    return None


def resolve_in_province(g, country, admin1_code, raw_value):
    """The district of one province a raw spelling denotes: as given, without a "district" suffix, then
    without a trailing bracket ("Fayzabad district (Badakhshan)", "Tere Zayi district (Alisher)")."""
    units = [u for u in g.admin2 if u.country == country
             and admin1_code in (u.attrs["admin1"], u.attrs["hist"])]
    forms = [raw_value]
    m = re.match(r"^(.*?)\s*\([^()]*\)\s*$", raw_value)
    if m:
        forms.append(m.group(1))
    for form in forms:
        n = norm(form)
        for key in (n, SUFFIX_RE.sub("", n)):
            hit = [u for u in units if key in u.norms()]
            if len(hit) == 1:
                return hit[0]
            if len(hit) > 1:
                raise SystemExit(f"admin2 spelling {raw_value!r} is ambiguous in {admin1_code}: {[u.name for u in hit]}")
    return None


def add_raw_spellings(g, raw):
    # UCDP adm_1 / adm_2
    unresolved = []
    for col, level in (("adm_1", "admin1"), ("adm_2", "admin2")):
        for v in sorted({x[col] for x in raw["ucdp"] if x[col].strip()}):
            u = resolve(g, level, "PAK", v)
            if u is None:
                unresolved.append(f"UCDP {col} {v!r}")
            else:
                u.add(v, P_UCDP)
    # UCDP Candidate adm_1 / adm_2 of the Afghan events: the province, then the district within it
    # (Afghan district names repeat across provinces; UCDP adds the province in brackets). Events at
    # country or border precision name neither. The Pakistani events are left out: their four unknown
    # districts (Chaman, Dukki, Sorab, Taunsa) were created after the bundled 2018 district layout.
    for adm1, adm2 in sorted({(x["adm_1"], x["adm_2"]) for x in raw["ucdp_candidate"] if x["country"] == "Afghanistan"}):
        if not adm1.strip():
            continue
        u1 = resolve(g, "admin1", "AFG", adm1)
        if u1 is None:
            unresolved.append(f"UCDP Candidate adm_1 {adm1!r}")
            continue
        u1.add(adm1, P_UCDP)
        if not adm2.strip():
            continue
        u2 = resolve_in_province(g, "AFG", u1.attrs["code"], adm2)
        if u2 is None:
            unresolved.append(f"UCDP Candidate adm_2 {adm2!r} in {adm1!r}")
        else:
            u2.add(adm2, P_UCDP)
    # PBC Province -> admin1; City -> admin2 (places are attached later)
    for _f, prov, _city in raw["pbc"]:
        if prov.strip():
            u = resolve(g, "admin1", "PAK", prov)
            if u is None:
                unresolved.append(f"PBC Province {prov!r}")
            else:
                u.add(prov, P_PBC)
    pbc_city_left = set()
    for _f, _prov, city in raw["pbc"]:
        if city.strip():
            u = resolve(g, "admin2", "PAK", city)
            if u is None:
                pbc_city_left.add(clean_space(city))
            else:
                u.add(city, P_PBC)
    if unresolved:
        raise SystemExit("unresolved raw spellings:\n  " + "\n  ".join(unresolved))
    return pbc_city_left


def strip_ucdp_suffix(s):
    if s in UCDP_PLACE_RENAME:
        return UCDP_PLACE_RENAME[s]
    for suf, kind in UCDP_SUFFIX_KIND:
        if s.endswith(suf) and len(s) > len(suf):
            return s[: -len(suf)], kind
    low = s.lower()
    if low.startswith("loc") or low.startswith("ib in") or "border" in low:
        return s, "border"
    for word in ("valley", "tehsil", "sector", "pass", "field"):
        if low.endswith(" " + word):
            return s, {"field": "site", "pass": "pass"}.get(word, word)
    return s, "site"


def build_places(g, raw, pbc_city_left):
    feats = {f["properties"]["shapeName"]: f["geometry"] for f in raw["pak_geo"]["features"]}
    admin2_by_name = {(u.country, u.name): u for u in g.admin2}
    ucdp = raw["ucdp"]
    by_where = collections.defaultdict(list)
    for x in ucdp:
        if x["where_coordinates"].strip():
            by_where[x["where_coordinates"]].append(x)

    def ucdp_point(where):
        rows = by_where.get(where, [])
        if not rows:
            return "", ""
        if where in UCDP_COORD_REJECT:
            return "", ""
        c = collections.Counter((x["latitude"], x["longitude"]) for x in rows)
        (lat, lon), _ = sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        return lat, lon

    def majority(rows, col):
        c = collections.Counter(x[col] for x in rows)
        return sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]

    crossing_norms = {}
    # 1. crossings from PRODUCT.md
    for name, a1, a2, lat, lon, variants in CROSSINGS:
        u = Unit("place", "PAK", name, admin1=a1, admin2=a2, lat=lat, lon=lon, kind="crossing", source="product")
        for v in variants:
            u.add(v)
        g.places.append(u)
        for n in u.norms():
            crossing_norms[n] = u
    # 2. UCDP places with >= MIN_UCDP_EVENTS events
    a1_idx = g.index("admin1")
    a2_idx = g.index("admin2")
    folded_into_admin = []
    for where in sorted(by_where, key=lambda w: (-len(by_where[w]), w)):
        rows = by_where[where]
        if len(rows) < MIN_UCDP_EVENTS:
            continue
        if norm(where) in crossing_norms:
            continue
        if norm(where) in ("pakistan", "afghanistan"):   # the country itself (UCDP where_prec 6)
            continue
        name, kind = strip_ucdp_suffix(where)
        n = norm(name)
        # the district or province itself (e.g. "Swat district", "Quetta town", "Balochistan province")
        a2 = a2_idx.get(("PAK", n)) or a2_idx.get(("PAK", norm(where)))
        a1 = a1_idx.get(("PAK", n)) or a1_idx.get(("PAK", norm(where)))
        if a2 or a1:
            target = (a2 or a1)
            if len(target) == 1:
                target[0].add(where, P_UCDP_WHERE)
                folded_into_admin.append(f"{where!r} -> {target[0].name}")
                continue
        adm1 = majority(rows, "adm_1")
        adm2 = majority(rows, "adm_2")
        u1 = resolve(g, "admin1", "PAK", adm1) if adm1 else None
        u2 = resolve(g, "admin2", "PAK", adm2) if adm2 else None
        a1code = u2.attrs["admin1"] if u2 else (u1.attrs["code"] if u1 else "")
        if u1 is not None and u1.attrs["status"] == "historical":
            a1code = u2.attrs["admin1"] if u2 else u1.attrs["successor"]
        lat, lon = ucdp_point(where)
        u = Unit("place", "PAK", name, admin1=a1code, admin2=u2.name if u2 else "", lat=lat, lon=lon, kind=kind,
                 source="ucdp-ged", ucdp=where)
        u.add(where, P_UCDP_WHERE)
        for v in UCDP_PLACE_VARIANTS.get(where, []):
            u.add(v)
        g.places.append(u)
    for w in UCDP_PLACE_VARIANTS:
        if w not in by_where or len(by_where[w]) < MIN_UCDP_EVENTS:
            raise SystemExit(f"curated UCDP place variant key {w!r} is not a UCDP place")
    g.note(f"UCDP where_coordinates with >= {MIN_UCDP_EVENTS} events that are a district/province itself "
           f"(added as that unit's variant, not a place): {len(folded_into_admin)}")
    for f in folded_into_admin:
        g.note("  folded: " + f)
    # 3. PBC places (name only)
    for name, a1, a2, kind, where, variants in PBC_PLACES:
        lat, lon = ucdp_point(where) if where else ("", "")
        u = Unit("place", "PAK", name, admin1=a1, admin2=a2, lat=lat, lon=lon, kind=kind,
                 source="curated", ucdp=where or "")
        for v in variants:
            u.add(v)
        if where:
            u.add(where, P_UCDP_WHERE)
        g.places.append(u)
    # every PBC City value must now be an admin2 or a place
    pidx = g.index("place")
    for _f, _prov, city in raw["pbc"]:
        if not city.strip():
            continue
        n = norm(city)
        hit = pidx.get(("PAK", n), [])
        if len(hit) == 1:
            hit[0].add(city, P_PBC)
    still = sorted(c for c in pbc_city_left if len(pidx.get(("PAK", norm(c)), [])) != 1)
    if still:
        raise SystemExit("PBC City values neither district nor place: " + ", ".join(map(repr, still)))
    # validate admin links and sanity-check coordinates against the district shapes
    for u in g.places:
        a2 = u.attrs["admin2"]
        if a2:
            d = admin2_by_name.get((u.country, a2))
            if d is None:
                raise SystemExit(f"place {u.name}: unknown admin2 {a2}")
            if d.attrs["admin1"] != u.attrs["admin1"]:
                raise SystemExit(f"place {u.name}: admin1 {u.attrs['admin1']} != district's {d.attrs['admin1']}")
        if u.attrs["lat"] and a2:
            lat, lon = float(u.attrs["lat"]), float(u.attrs["lon"])
            inside = [s for s, geom in feats.items() if point_in(geom, lon, lat)]
            parents = admin2_by_name[(u.country, a2)].attrs["parents"]
            if not inside:
                g.note(f"coordinate check: {u.name} ({a2}) lies outside every PAK shape (border simplification)")
            elif not set(inside) & set(parents):
                g.note(f"coordinate check: {u.name} ({a2}) lies in shape {inside[0]!r}")
    for w, why in sorted(UCDP_COORD_REJECT.items()):
        g.note(f"UCDP coordinates rejected for {w!r}: {why}")


def ambiguity_report(g):
    out = []
    for level in ("admin1", "admin2", "place"):
        for (country, n), units in sorted(g.index(level).items()):
            if len(units) > 1:
                out.append((country, level, n, sorted(f"{u.name} ({u.attrs.get('admin1') or u.attrs.get('code')})"
                                                      for u in units)))
    return out


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------

ATTRIBUTION = """\
# Data bundled with Vigil: sources, licences and attribution

Vigil ships the files below so that a fresh install works offline. Each entry says where the data came
from, under which terms, how to credit it, and what Vigil made from it. The wording is ours; the
licences themselves are linked, not reproduced. Files under `data/gazetteer/` are generated by
`tools/gazetteer/build_gazetteer.py` from the raw files named here plus curated tables kept in that
script; `tools/gazetteer/check_gazetteer.py` checks them.

## geoBoundaries — Pakistan ADM2 (districts)

- Bundled: `data/boundaries/geoBoundaries-PAK-ADM2.geojson` (unchanged copy; {pak_size} bytes,
  SHA-256 `{pak_sha}`).
- Upstream: the geoBoundaries project (William & Mary geoLab), https://www.geoboundaries.org —
  the gbOpen PAK ADM2 layer, an older district layout with 126 units (former FATA agencies as districts,
  Azad Kashmir as one unit, no post-2018 splits). Our copy was taken from a public GitHub repository
  (beckettmcd/pakistan-climate-dashboard, blob f122597f685709636074300e0e45bf6236b72fff); no
  geoBoundaries metadata file travelled with it.
- Licence: the boundary layer is described as public domain by a third-party repository that pins the
  same layer; this was not confirmed against geoBoundaries' own metadata. geoBoundaries' own
  derivative work is released under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).
- How to credit: name geoBoundaries and link https://www.geoboundaries.org; in academic work cite
  Runfola et al. (2020), "geoBoundaries: A global database of political administrative boundaries",
  PLoS ONE 15(4): e0231866, doi:10.1371/journal.pone.0231866.
- Derived: the canonical Pakistan district list of `data/gazetteer/admin2.csv` (one row per shape,
  `boundary_name` = the shape's `shapeName`) and a point-in-polygon sanity check of place coordinates.

## geoBoundaries — Afghanistan ADM2 (districts), simplified

- Bundled: `data/boundaries/geoBoundaries-AFG-ADM2_simplified.geojson` (unchanged copy; {afg_size}
  bytes, SHA-256 `{afg_sha}`) and
  `data/boundaries/CITATION-AND-USE-geoBoundaries.txt` (geoBoundaries' own citation and use notice,
  unchanged).
- Upstream: geoBoundaries, https://www.geoboundaries.org, AFG ADM2 ("wuleswali"), boundary year 2014,
  built 12 Dec 2023, 398 units. The underlying boundaries come from Afghanistan Information Management
  Services (AIMS) and the Esri Disaster Response Program. Copied from a public GitHub repository
  (vict910/climate-gis-analysis, blob 66840836d15f4c25e21ef32b8cc25574f8fed2df).
- Licence: geoBoundaries' metadata lists the boundaries as public domain (the source's ArcGIS Hub
  licence was a generic "open" one); geoBoundaries' derivative work is CC BY 4.0.
- How to credit: as for Pakistan (geoBoundaries link or Runfola et al. 2020); geoBoundaries also asks
  users to credit the original source, AIMS / Esri Disaster Response Program.
- Derived: the Afghan district rows of `data/gazetteer/admin2.csv` (district names and the link
  between each shape and its province, made by joining the shapes to GeoNames by name).

## GeoNames — admin-1 and admin-2 code lists

- Not bundled as files; used at build time (the `admin1CodesASCII.txt` and `admin2Codes.txt` dumps,
  Pakistan and Afghanistan lines only, as kept by openeventdata/es-geonames at commit
  341083fe90995e2fa80fc166d80828c34be88a9e).
- Upstream: GeoNames, https://www.geonames.org.
- Licence: CC BY 4.0.
- How to credit: "GeoNames, www.geonames.org", with a link to the licence.
- Derived: `geonames_id` in `admin2.csv`; the province of each Afghan district; GeoNames spellings
  (with and without diacritics) as variants in `admin1.csv` and `admin2.csv`.

## UN/LOCODE — subdivision codes

- Not bundled as a file; used at build time (`data/subdivision-codes.csv` of the datasets/un-locode
  package, commit b1309b37edea63334a819a78c22b8967f61c37ad).
- Upstream: UNECE, United Nations Code for Trade and Transport Locations.
- Licence: Open Data Commons Public Domain Dedication and Licence (ODC-PDDL 1.0); no attribution is
  required, we give it as a courtesy.
- How to credit: "UN/LOCODE, UNECE".
- Derived: the ISO-3166-2-style province codes in `admin1.csv` (`PK-KP`, `AF-NAN`, ...) and their
  UN/LOCODE names as variants.

## UCDP Georeferenced Event Dataset (GED) — Pakistan events

- Bundled by the project at `data/ucdp/conflict_data_pak.csv` (the HDX export of UCDP GED events in
  Pakistan, 1989-2021, 6,416 events; GED version not stated in the file, consistent with 22.1).
- Upstream: Uppsala Conflict Data Program, https://ucdp.uu.se.
- Licence: CC BY 4.0.
- How to credit: name UCDP and cite Sundberg, R. and Melander, E. (2013), "Introducing the UCDP
  Georeferenced Event Dataset", Journal of Peace Research 50(4); for version 22.1 also Davies, S.,
  Pettersson, T. and Öberg, M. (2022), Journal of Peace Research 59(4).
- Derived: the UCDP spellings of provinces and districts (`adm_1`, `adm_2`, and `where_coordinates`
  values that name a district or province) as variants; the places of `places.csv` with source
  `ucdp-ged` (every `where_coordinates` value with at least {min_events} events that is not a district,
  a province or the country), with UCDP's latitude and longitude; the coordinates of the `curated`
  places that UCDP also locates. The border-crossing coordinates listed in PRODUCT.md (source
  `product`) are UCDP's as well.
- Derived: `data/eval/ucdp-headlines.jsonl`, the extraction development set (each row's headline with
  its `best` deaths, district and side B where the headline states them), built by `vigil eval ucdp-set`.

## UCDP Candidate Events 2026 — Afghanistan and Pakistan

- Bundled: `data/ucdp-candidate/ucdp_candidate_2026_afpak.csv` (unchanged copy of the project's raw file;
  895,889 bytes, SHA-256 `68d598bf8fb767980e8fcaa458d915686fbc656da5e63affd482930720475a5f`): 914 events,
  Afghanistan 115 and Pakistan 799, January–July 2026, in GED's 49 columns with no HXL row.
- Upstream: Uppsala Conflict Data Program, https://ucdp.uu.se (Candidate Events Dataset, the monthly
  release that precedes the yearly GED). Our rows come from UCDP's Candidate files `GEDEvent_v26_01_26_06.csv`
  (January–June 2026) and `GEDEvent_v26_0_7.csv` (July 2026), as kept by the GitHub repository
  jxck-j/project-atlas at commit 1043ab49aa3ab075922ceb9bd496250be1618a2a.
- **A filtered, reconstructed copy of provisional data.** It holds only the rows of those two releases whose
  country is Afghanistan or Pakistan (an event both releases carry, identically, is kept once). The upstream
  files were too large to copy whole, so the rows were rebuilt from page-by-page reads of a stored copy: the
  file is not byte-identical to UCDP's. Numbers, dates, names and codes are intact; in four places two
  invisible or whitespace characters were lost in a free-text column (`source_*` or `where_description`) of
  one row. The data are provisional: UCDP checks Candidate events (`code_status`) and may revise or drop
  them before the yearly GED release.
- Licence: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).
- How to credit: name UCDP, say the figures are provisional Candidate data, and cite Hegre, H., Croicu, M.,
  Eck, K. and Högbladh, S. (2020), "Introducing the UCDP Candidate Events Dataset", Research & Politics
  7(3), and Sundberg, R. and Melander, E. (2013), "Introducing the UCDP Georeferenced Event Dataset",
  Journal of Peace Research 50(4).
- Used: the first run of `vigil start` and `vigil serve` imports it after the GED file, as its own dataset
  (`ucdp-candidate`, with its own coverage: January–July 2026, Afghanistan and Pakistan); it does not
  overlap the GED file in time, so no event is counted twice. Placeholder actors (`XXX770`, `XXX700`) are
  kept as UCDP wrote them: an actor not yet identified.
- Derived: the UCDP spellings of Afghan provinces and districts (`adm_1`, `adm_2` of the 115 Afghan
  events, e.g. "Paktya province", "Fayzabad district (Badakhshan)", "Khogyani district") as variants
  in `admin1.csv` and `admin2.csv`.

## DejaVu Sans — the font of reports and charts

- Bundled: `data/fonts/DejaVuSans.ttf` and `data/fonts/DejaVuSans-Bold.ttf` (unchanged copies of DejaVu
  fonts 2.37 from Debian's `fonts-dejavu-core` package; SHA-256
  `abdc775b21b1bc470d50c97e790d276f2054b7504e56e5bd3e64f48d68582322` and
  `0d977336a6d5fba34eab8e3199eb218327161b5143749f802982c2bc34df0c96`), embedded in `Vigil.Reports` so that
  PDFs and chart images look the same on a machine with no fonts installed.
- Upstream: the DejaVu fonts project, https://dejavu-fonts.github.io, derived from Bitstream Vera (and, for
  some glyphs, Arev).
- Licence: the Bitstream Vera licence with the Arev licence; DejaVu's own changes are in the public domain.
  Unlike the other entries, the licence text travels with the files, as it requires:
  `data/fonts/LICENSE-DejaVu.txt`. The fonts may be redistributed as part of a larger package, not sold
  by themselves, and a modified copy must not be called "Bitstream", "Vera" or "Arev".
- How to credit: keep the licence file beside the fonts; no credit line is needed in a report.
- Used: PDF reports embed subsets of both faces; chart and map images are drawn with them.

## Curated by the project

The canonical English names, the historical-unit rows (FATA), the variant spellings in common use
(e.g. NWFP, D.I. Khan, Killa/Qilla Abdullah, Nangahar, Faryob, Paktiya), the decisions on districts
without a boundary shape and the matching of Afghan shapes to provinces are the project's own work,
recorded as tables in `tools/gazetteer/build_gazetteer.py`. In `places.csv` the `source` column says where a
row comes from: `ucdp-ged` (a UCDP GED event location; coordinates are UCDP's, or empty where UCDP's
point is clearly wrong), `product` (the crossing table of PRODUCT.md, itself taken from UCDP rows) or
`curated` (a place named in another source; its coordinates, if any, are those of the same place in
UCDP GED).

## Not bundled: Pakistan Body Count

The Pakistan Body Count CSVs (suicide attacks, drone strikes) carry no licence and are not shipped.
The gazetteer contains only the spellings of province and place names that appear in them (as
variants, and a few place names); none of their figures or descriptions.
"""


def sha256(path):
    import hashlib
    h = hashlib.sha256()
    with open(path, "rb") as f:
        h.update(f.read())
    return h.hexdigest()


def write_outputs(g, raw, root):
    gz = os.path.join(root, "data", "gazetteer")
    # admin1
    rows = []
    for code in sorted(g.admin1, key=lambda c: (g.admin1[c].country != "PAK", g.admin1[c].attrs["status"], c)):
        u = g.admin1[code]
        rows.append([u.country, code, u.name, u.attrs["status"], u.attrs["successor"], u.attrs["valid_until"],
                     "|".join(u.variants())])
    n1 = write_csv(os.path.join(gz, "admin1.csv"),
                   ["country", "code", "name", "status", "successor", "valid_until", "variants"], rows)
    # admin2
    rows = []
    # boundary_id is the shape's shapeID: Afghan shape names repeat (Arghandab, Kohistan, ...), ids do not.
    with open(raw["paths"][0], encoding="utf-8") as fh:
        pak_ids = {ft["properties"]["shapeName"]: ft["properties"]["shapeID"] for ft in json.load(fh)["features"]}
    for u in sorted(g.admin2, key=lambda u: (u.country != "PAK", u.attrs["admin1"], u.name, u.attrs["boundary"],
                                             u.attrs.get("shape_id", ""))):
        bid = u.attrs.get("shape_id", "") if u.country == "AFG" else pak_ids.get(u.attrs["boundary"], "")
        if u.attrs["boundary"] and not bid:
            raise SystemExit(f"no shapeID for boundary {u.attrs['boundary']!r}")
        rows.append([u.country, u.attrs["admin1"], u.name, u.attrs["hist"], u.attrs["geonames_id"],
                     u.attrs["boundary"], bid, "|".join(u.variants())])
    n2 = write_csv(os.path.join(gz, "admin2.csv"),
                   ["country", "admin1_code", "name", "historical_admin1_code", "geonames_id", "boundary_name",
                    "boundary_id", "variants"], rows)
    # places
    rows = []
    for u in sorted(g.places, key=lambda u: (u.country, u.attrs["admin1"], u.attrs["admin2"], u.name)):
        rows.append([u.country, u.name, "|".join(u.variants()), u.attrs["admin1"], u.attrs["admin2"],
                     u.attrs["lat"], u.attrs["lon"], u.attrs["kind"], u.attrs["source"]])
    n3 = write_csv(os.path.join(gz, "places.csv"),
                   ["country", "name", "variants", "admin1_code", "admin2", "latitude", "longitude", "kind",
                    "source"], rows)
    # boundaries
    bd = os.path.join(root, "data", "boundaries")
    pak_src, afg_src, cit_src = raw["paths"][0], raw["paths"][1], raw["paths"][2]
    copy_exact(pak_src, os.path.join(bd, "geoBoundaries-PAK-ADM2.geojson"))
    copy_exact(afg_src, os.path.join(bd, "geoBoundaries-AFG-ADM2_simplified.geojson"))
    copy_exact(cit_src, os.path.join(bd, "CITATION-AND-USE-geoBoundaries.txt"))
    text = ATTRIBUTION.format(pak_size=f"{os.path.getsize(pak_src):,}", pak_sha=sha256(pak_src),
                              afg_size=f"{os.path.getsize(afg_src):,}", afg_sha=sha256(afg_src),
                              min_events=MIN_UCDP_EVENTS)
    with open(os.path.join(root, "data", "ATTRIBUTION.md"), "wb") as f:
        f.write(text.encode("utf-8"))
    return n1, n2, n3


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--raw", default=os.path.join("..", "shared", "data", "raw"),
                    help="folder with the raw third-party files (default: ../shared/data/raw)")
    ap.add_argument("--out", default=".", help="repository root to write data/ into (default: .)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every matching/QA note")
    args = ap.parse_args(argv)
    raw = load_raw(args.raw)
    g = Gazetteer()
    build_admin1(g, raw)
    build_pak_admin2(g, raw)
    build_afg_admin2(g, raw)
    left = add_raw_spellings(g, raw)
    build_places(g, raw, left)
    n1, n2, n3 = write_outputs(g, raw, args.out)
    for line in g.log:
        if args.verbose or not line.startswith(("AFG fuzzy", "  folded", "coordinate check")):
            print(line)
    amb = ambiguity_report(g)
    print(f"names shared by several units of one level (see check_gazetteer.py allow-list): {len(amb)}")
    if args.verbose:
        for a in amb:
            print("  ", a)
    print(f"wrote admin1.csv ({n1} rows), admin2.csv ({n2} rows), places.csv ({n3} rows), "
          f"data/boundaries/ (3 files), data/ATTRIBUTION.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
