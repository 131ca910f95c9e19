#!/usr/bin/env python3
"""Writes data/eval/roundups-dev.jsonl: the development set of statistical roundups and editorials.

Written by the team (no real article's prose): the STRUCTURES follow institutes' monthly security reports and
newspapers' write-ups of them, and editorials. Institutes are fictional. Fixed seed: the file is reproducible.
It is a development set; a held-back set of real roundups is the measure.
"""
import json, os, random, sys

R = random.Random(16)
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
ORD = ["1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th", "11th", "12th"]
INST = ["the Centre for Conflict and Security Studies", "the Institute for Peace Research", "the Islamabad Policy Forum",
        "the South Asia Security Observatory", "the Frontier Studies Institute"]
KP, BA, PB, SD = "Khyber Pakhtunkhwa", "Balochistan", "Punjab", "Sindh"
PROV_NAMES = {KP: ["Khyber Pakhtunkhwa", "KP"], BA: ["Balochistan"], PB: ["Punjab"], SD: ["Sindh"]}
FATA_NAMES = ["the former tribal districts", "the merged districts", "the erstwhile FATA", "the tribal districts"]
out = []


def n(lo, hi):
    return R.randint(lo, hi)


def pick(xs):
    return R.choice(xs)


def month_pub():
    y = pick([2021, 2022, 2023, 2024])
    m = n(1, 12)
    py, pm = (y, m + 1) if m < 12 else (y + 1, 1)
    return y, m, f"{py:04d}-{pm:02d}-{n(1, 5):02d}", f"{y:04d}-{m:02d}"


def S(period, metric, scope, value):
    return {"period": period, "metric": metric, "scope": scope, "value": value}


def add(kind, text, stats, published, title=None, incident=False):
    item = {"id": f"dev-{len(out) + 1:03d}", "published": published, "kind": kind, "text": text, "statistics": stats, "incident": incident}
    if title:
        item["title"] = title
    out.append(item)


def dateline():
    return pick(["ISLAMABAD: ", "PESHAWAR: ", "", "", "KARACHI: ", "QUETTA: "])


# 1. One sentence, month and year stated.
for _ in range(8):
    y, m, pub, p = month_pub()
    a, k, i = n(20, 110), n(30, 220), n(20, 260)
    inst = pick(INST)
    text = pick([
        f"{dateline()}Militants carried out {a} attacks across the country in {MONTHS[m-1]} {y}, killing {k} people and injuring {i} others, according to data compiled by {inst}.",
        f"{dateline()}Pakistan witnessed {a} militant attacks in {MONTHS[m-1]} {y} in which {k} people were killed and {i} injured, {inst} said in its monthly security report.",
        f"{dateline()}According to {inst}, {a} militant attacks took place in {MONTHS[m-1]} {y}, leaving {k} people dead and {i} injured.",
    ])
    add("statistical-roundup", text, [S(p, "attacks", "Pakistan", a), S(p, "killed", "Pakistan", k), S(p, "injured", "Pakistan", i)], pub)

# 2. Bare month, figures across sentences tied by reference.
for _ in range(10):
    y, m, pub, p = month_pub()
    a, k, i = n(20, 110), n(30, 220), n(20, 260)
    inst = pick(INST)
    first = pick([
        f"{dateline()}The country saw {a} militant attacks in {MONTHS[m-1]}, {inst} said in a report released on {pick(['Monday', 'Tuesday', 'Saturday'])}.",
        f"{dateline()}{inst[0].upper() + inst[1:]} recorded {a} militant attacks during {MONTHS[m-1]}, according to its monthly security report.",
        f"{dateline()}Militant violence continued in {MONTHS[m-1]}, with {inst} recording {a} militant attacks across the country.",
    ])
    second = pick([f"These attacks claimed {k} lives and injured {i} people.", f"These claimed {k} lives and left {i} injured.",
                   f"The attacks killed {k} people and wounded {i} others."])
    add("statistical-roundup", first + " " + second, [S(p, "attacks", "Pakistan", a), S(p, "killed", "Pakistan", k), S(p, "injured", "Pakistan", i)], pub)

# 3. Period in the headline only; "the month saw".
for _ in range(8):
    y, m, pub, p = month_pub()
    a, k, i = n(20, 110), n(30, 220), n(20, 260)
    title = pick([f"{MONTHS[m-1]} {y} security report: {k} killed in militant attacks", f"Militancy in {MONTHS[m-1]} {y}: a monthly review",
                  f"Monthly security report for {MONTHS[m-1]} {y}"])
    text = f"The month saw {a} militant attacks. These claimed {k} lives and injured {i}. " + pick([
        "Most of the violence was concentrated in the north-west.", "The institute said the trend was worrying.", ""])
    add("statistical-roundup", text.strip(), [S(p, "attacks", "Pakistan", a), S(p, "killed", "Pakistan", k), S(p, "injured", "Pakistan", i)], pub, title)

# 4. Per province, sentences.
for _ in range(8):
    y, m, pub, p = month_pub()
    a1, k1, a2, k2 = n(10, 60), n(20, 140), n(5, 30), n(5, 60)
    inst = pick(INST)
    kp = pick(PROV_NAMES[KP])
    text = (f"{dateline()}Pakistan saw {a1 + a2} militant attacks in {MONTHS[m-1]} {y}, {inst} said. "
            f"In {kp}, {a1} attacks took place, in which {k1} people died. "
            f"Balochistan saw {a2} attacks and {k2} deaths.")
    add("statistical-roundup", text, [S(p, "attacks", "Pakistan", a1 + a2), S(p, "attacks", KP, a1), S(p, "killed", KP, k1),
                                      S(p, "attacks", BA, a2), S(p, "killed", BA, k2)], pub)

# 5. Per-province list in one sentence.
for _ in range(6):
    y, m, pub, p = month_pub()
    a1, k1, a2, k2, a3, k3 = n(10, 60), n(20, 140), n(5, 30), n(5, 60), n(1, 9), n(1, 20)
    text = (f"The {MONTHS[m-1]} {y} figures by province: KP {a1} attacks, {k1} deaths; Balochistan {a2}, {k2}; Punjab {a3}, {k3}.")
    add("statistical-roundup", text, [S(p, "attacks", KP, a1), S(p, "killed", KP, k1), S(p, "attacks", BA, a2), S(p, "killed", BA, k2),
                                      S(p, "attacks", PB, a3), S(p, "killed", PB, k3)], pub)

# 6. Violent incidents including security-force actions, and victims by category.
for _ in range(6):
    y, m, pub, p = month_pub()
    v, k, sf, mil, civ = n(60, 140), n(80, 300), n(10, 60), n(20, 120), n(10, 90)
    text = pick([
        f"{dateline()}There were {v} violent incidents (militant attacks and security-force actions combined) in {MONTHS[m-1]} {y}, in which {k} people were killed. Of them, {sf} were security personnel, {mil} militants and {civ} civilians.",
        f"{dateline()}In {MONTHS[m-1]} {y}, {v} violent incidents, including militant attacks and security-force actions, left {k} people dead. Security forces lost {sf} personnel, {mil} militants were killed and {civ} civilians lost their lives.",
    ])
    add("statistical-roundup", text, [S(p, "violent-incidents", "Pakistan", v), S(p, "killed", "Pakistan", k), S(p, "killed-security-forces", "Pakistan", sf),
                                      S(p, "killed-militants", "Pakistan", mil), S(p, "killed-civilians", "Pakistan", civ)], pub)

# 7. "N out of M deaths took place in the province".
for _ in range(4):
    y, m, pub, p = month_pub()
    k, x = n(40, 120), 0
    x = n(10, k - 5)
    text = f"A total of {k} people were killed in militant attacks in {MONTHS[m-1]} {y}. Khyber Pakhtunkhwa remained the worst-hit province: {x} out of {k} deaths took place in the province."
    add("statistical-roundup", text, [S(p, "killed", "Pakistan", k), S(p, "killed", KP, x)], pub)

# 8. A region named earlier (former FATA) and "in this region".
for _ in range(6):
    y, m, pub, p = month_pub()
    a, r, rk = n(30, 90), n(5, 25), n(5, 50)
    region = pick(FATA_NAMES)
    text = (f"{dateline()}Militants carried out {a} attacks in {MONTHS[m-1]} {y}. {region[0].upper() + region[1:]} remained the most affected. "
            f"The month saw {r} militant attacks in this region, which killed {rk} people.")
    add("statistical-roundup", text, [S(p, "attacks", "Pakistan", a), S(p, "attacks", "former-fata", r), S(p, "killed", "former-fata", rk)], pub)

# 9. Comparisons: up from / a percent increase / from N in the month before.
for _ in range(6):
    y, m, pub, p = month_pub()
    a, b, k = n(40, 110), n(20, 60), n(40, 200)
    prev = MONTHS[m - 2]
    text = pick([
        f"Militant attacks rose to {a} in {MONTHS[m-1]} {y}, up from {b} in {prev}, while {k} people were killed.",
        f"The number of militant attacks in {MONTHS[m-1]} {y} increased to {a} from {b} in {prev}, a {round((a - b) / b * 100)} percent increase. The attacks killed {k} people.",
    ])
    add("statistical-roundup", text, [S(p, "attacks", "Pakistan", a), S(p, "killed", "Pakistan", k)], pub)

# 10. Last month, ordinal month, quarter.
for _ in range(3):
    y, m, pub, p = month_pub()
    a, k = n(20, 90), n(30, 180)
    add("statistical-roundup", f"{dateline()}Militants carried out {a} attacks in the country last month, killing {k} people, {pick(INST)} said in its monthly report.",
        [S(p, "attacks", "Pakistan", a), S(p, "killed", "Pakistan", k)], pub)
for _ in range(3):
    y, m, pub, p = month_pub()
    a, k = n(20, 90), n(30, 180)
    add("statistical-roundup", f"Pakistan saw {a} militant attacks in the {ORD[m-1]} month of {y}, which claimed {k} lives, according to the institute's data.",
        [S(p, "attacks", "Pakistan", a), S(p, "killed", "Pakistan", k)], pub)
for q in range(1, 4):
    y = pick([2022, 2023])
    a, k = n(100, 250), n(150, 500)
    add("statistical-roundup", f"In the {['first', 'second', 'third'][q-1]} quarter of {y}, the country recorded {a} militant attacks, which killed {k} people, the institute's quarterly security report said.",
        [S(f"{y}-Q{q}", "attacks", "Pakistan", a), S(f"{y}-Q{q}", "killed", "Pakistan", k)], f"{y}-{q*3+1:02d}-03")

# 11. Annual and half-year.
for _ in range(5):
    y = pick([2021, 2022, 2023])
    a, b, k, i = n(250, 700), n(200, 600), n(400, 1500), n(500, 2000)
    text = pick([
        f"{dateline()}Pakistan saw {a} militant attacks in {y}, up from {b} the year before, {pick(INST)} said in its annual security report. The attacks killed {k} people and injured {i}.",
        f"According to the annual report, {k} people were killed and {i} injured in {a} militant attacks during {y}.",
    ])
    add("statistical-roundup", text, [S(str(y), "attacks", "Pakistan", a), S(str(y), "killed", "Pakistan", k), S(str(y), "injured", "Pakistan", i)], f"{y + 1}-01-0{n(2, 9)}")
for _ in range(3):
    y = pick([2022, 2023])
    a, k = n(120, 300), n(200, 700)
    add("statistical-roundup", f"In the first half of {y}, militants carried out {a} attacks that killed {k} people, the institute said.",
        [S(f"{y}-H1", "attacks", "Pakistan", a), S(f"{y}-H1", "killed", "Pakistan", k)], f"{y}-07-0{n(2, 9)}")

# 12. Countrywide and "of 2023".
for _ in range(4):
    y, m, pub, p = month_pub()
    k, a = n(40, 200), n(20, 90)
    add("statistical-roundup", f"Countrywide, {k} people lost their lives in {a} militant attacks in {MONTHS[m-1]}, the deadliest month of {y} so far.",
        [S(p, "killed", "Pakistan", k), S(p, "attacks", "Pakistan", a)], pub)

# Editorials and analyses: opinion, an engagement or a commitment, at most a statistic or two, no incident.
ED_OPEN = [
    "The government must rethink its approach to the militancy in the north-west.",
    "It remains to be seen whether the latest round of talks will bring any relief.",
    "The fact of the matter is that our security policy has not kept pace with the threat.",
    "We have said before that talks without accountability achieve little.",
    "Islamabad should not mistake promises for results.",
]
ED_MID = [
    "A delegation visited Kabul this week to discuss border security with Afghan officials.",
    "The interim authorities in Kabul gave assurances that their soil would not be used against Pakistan.",
    "The closure of the Torkham crossing has hurt traders on both sides.",
    "The provincial government needs to fund its counter-terrorism department properly.",
    "Our policymakers ought to listen to the people of the tribal districts.",
]
ED_CLOSE = [
    "It is high time the state put its house in order.",
    "We cannot afford another decade of half-measures.",
    "The country needs a policy, not slogans.",
    "One hopes that the lessons of the past will not be forgotten.",
]
for j in range(20):
    y, m, pub, p = month_pub()
    parts = [pick(ED_OPEN), pick(ED_MID)]
    stats = []
    if j % 2 == 0:
        k = n(40, 200)
        parts.append(f"Recent statistics show that {k} people were killed in militant attacks in {MONTHS[m-1]} {y}.")
        stats.append(S(p, "killed", "Pakistan", k))
    if j % 4 == 1:
        a = n(20, 80)
        parts.append(f"Militants carried out {a} attacks in {MONTHS[m-1]} {y}, and the trend must worry everyone.")
        stats.append(S(p, "attacks", "Pakistan", a))
    parts += [pick(ED_MID), pick(ED_CLOSE)]
    add("analysis-or-editorial", " ".join(dict.fromkeys(parts)), stats, pub,
        title=pick(["Editorial: a policy adrift", "Talks are not enough", "The cost of inaction", None, None]))

# Items written one by one after the generated ones (ranks, baselines, half years, periods of their own clauses):
# kept in their own file so that regenerating the set keeps them.
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "roundups-handwritten.jsonl")) as hand:
    out += [json.loads(line) for line in hand if line.strip()]

assert sum(o["kind"] == "statistical-roundup" for o in out) >= 60 and sum(o["kind"] == "analysis-or-editorial" for o in out) >= 20
with open(sys.argv[1] if len(sys.argv) > 1 else "data/eval/roundups-dev.jsonl", "w") as f:
    for o in out:
        f.write(json.dumps(o, ensure_ascii=False) + "\n")
print(len(out), "items,", sum(len(o["statistics"]) for o in out), "statistics")
