#!/usr/bin/env python3
"""Structural and editorial checks for content/kintone-municipal.json.

Usage: python3 /tmp/content_check.py [path]
Exits 1 and lists every problem if anything fails.
"""
import json
import sys
from collections import Counter, defaultdict

PATH = sys.argv[1] if len(sys.argv) > 1 else "/work/main/content/kintone-municipal.json"
SIZE_LIMIT = 57000
BLOCKED = {"4": 3, "3": 1, "2": 0, "1": 0}
HEALTHY = {"4": 0, "3": 0, "2": 1, "1": 3}
CHECKLIST_IDS = ["ecosystem_overview", "other_cases", "security",
                 "plugin_comparison", "plan_schedule", "draft_spec"]
OWNERS = {"executives": ["manager"], "section_chief": ["manager"],
          "promotion": ["promoter"], "finance": ["finance"], "hr": [],
          "departments": ["staff"]}

problems = []


def bad(msg):
    problems.append(msg)


raw = open(PATH, encoding="utf-8").read()
try:
    d = json.loads(raw)
except json.JSONDecodeError as e:
    print(f"invalid JSON: {e}")
    sys.exit(1)

# ---------- formatting and size
if json.dumps(d, ensure_ascii=False, indent=2) + "\n" != raw and json.dumps(d, ensure_ascii=False, indent=2) != raw:
    bad("file is not pretty-printed with 2-space indentation (json.dumps indent=2, ensure_ascii=False)")
size = len(json.dumps(d, ensure_ascii=False, separators=(",", ":")).encode())
if size > SIZE_LIMIT:
    bad(f"minified size {size} > {SIZE_LIMIT}")

langs = d.get("languages", [])
if langs != ["ja", "en"]:
    bad(f"languages {langs}")


# ---------- every text has ja and en, non-empty
def walk_texts(node, path):
    if isinstance(node, dict):
        keys = set(node)
        if keys & {"ja", "en"}:
            for l in langs:
                v = node.get(l)
                if not isinstance(v, str) or not v.strip():
                    bad(f"{path}: missing/empty '{l}'")
            if keys - set(langs):
                bad(f"{path}: unexpected keys {sorted(keys - set(langs))}")
            return
        for k, v in node.items():
            walk_texts(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            walk_texts(v, f"{path}[{i}]")


walk_texts(d, "$")

# ---------- top level settings
expect = {"content_version": "2026.12.1", "min_share": 50, "few_answers": 4,
          "max_steps": 12, "min_answers": 3, "primary_margin": 5, "max_primary": 3}
for k, v in expect.items():
    if d.get(k) != v:
        bad(f"{k} = {d.get(k)!r}, expected {v!r}")
bands = d["bands"]
if [(b["id"], b["min"]) for b in bands] != [("low", 0), ("moderate", 30), ("high", 60)]:
    bad(f"bands {[(b['id'], b['min']) for b in bands]}")
band_ids = {b["id"] for b in bands}


def unique(kind, items):
    ids = [x["id"] for x in items]
    for i, c in Counter(ids).items():
        if c > 1:
            bad(f"duplicate {kind} id {i}")
    return set(ids)


role_ids = unique("role", d["roles"])
if role_ids != {"promoter", "staff", "manager", "finance"}:
    bad(f"roles {role_ids}")
group_ids = unique("group", d["groups"])
dim_ids = unique("dimension", d["dimensions"])
for dim in d["dimensions"]:
    if dim["group"] not in group_ids:
        bad(f"dimension {dim['id']}: unknown group {dim['group']}")
section_ids = unique("section", d["sections"])
scales = {s["id"]: s for s in d["scales"]}
unique("timeframe", d["timeframes"])
tf_ids = {t["id"] for t in d["timeframes"]}

# ---------- owners
owner_ids = unique("owner", d["owners"])
if owner_ids != set(OWNERS):
    bad(f"owners {sorted(owner_ids)} != {sorted(OWNERS)}")
for o in d["owners"]:
    if o.get("roles") != OWNERS.get(o["id"]):
        bad(f"owner {o['id']}: roles {o.get('roles')} expected {OWNERS.get(o['id'])}")
    for r in o.get("roles", []):
        if r not in role_ids:
            bad(f"owner {o['id']}: unknown role {r}")

# ---------- questions
qids = unique("question", d["questions"])
questions = {q["id"]: q for q in d["questions"]}
per_role_dim = defaultdict(Counter)
per_role_total = Counter()
dim_directions = defaultdict(set)
for q in d["questions"]:
    qi = q["id"]
    if q["section"] not in section_ids:
        bad(f"question {qi}: unknown section {q['section']}")
    sc = scales.get(q["scale"])
    if sc is None:
        bad(f"question {qi}: unknown scale {q['scale']}")
        continue
    values = [c["value"] for c in sc["choices"]]
    if [c["value"] for c in q["choices"]] != values:
        bad(f"question {qi}: choices {[c['value'] for c in q['choices']]} != scale {values}")
    roles = q.get("roles") or sorted(role_ids)
    for r in roles:
        if r not in role_ids:
            bad(f"question {qi}: unknown role {r}")
    for r in q.get("wording", {}):
        if r not in roles:
            bad(f"question {qi}: wording for role {r} not asked")
    texts = [q["text"]] + list(q.get("wording", {}).values())
    for t in texts:
        if "わからない" in t["ja"]:
            bad(f"question {qi}: statement contains わからない")
        if "内製" in t["ja"]:
            bad(f"question {qi}: jargon 内製")
    if "promoter" in q.get("wording", {}):
        pass  # reviewed by hand: promoter wording must not be self-incriminating
    # weights
    table = defaultdict(dict)
    for c in q["choices"]:
        for dim, w in c["weights"].items():
            if dim not in dim_ids:
                bad(f"question {qi}: unknown dimension {dim}")
            table[dim][c["value"]] = w
    if not table:
        bad(f"question {qi}: no weights")
        continue
    first = next(iter(q["choices"][0]["weights"]))
    for n, (dim, ws) in enumerate(table.items()):
        if set(ws) != set(values):
            bad(f"question {qi}: weights for {dim} not on every choice")
            continue
        if n == 0 or dim == first:
            if ws == BLOCKED:
                direction = "blocked"
            elif ws == HEALTHY:
                direction = "healthy"
            else:
                bad(f"question {qi}: weights {ws} for {dim} follow neither calibration")
                continue
            dim_directions[dim].add(direction)
            primary_dir = direction
            for r in roles:
                per_role_dim[r][dim] += 1
        else:
            # secondary dimension: lighter, same direction
            ref = BLOCKED if primary_dir == "blocked" else HEALTHY
            if any(ws[v] > ref[v] for v in values) or max(ws.values()) >= 3:
                bad(f"question {qi}: secondary weights {ws} for {dim} not lighter than primary")
            order = ["4", "3", "2", "1"] if primary_dir == "blocked" else ["1", "2", "3", "4"]
            if any(ws[order[i]] < ws[order[i + 1]] for i in range(3)):
                bad(f"question {qi}: secondary weights for {dim} not monotone")
            for r in roles:
                per_role_dim[r][dim] += 1
    for r in roles:
        per_role_total[r] += 1

for dim in dim_ids:
    if dim_directions[dim] != {"blocked", "healthy"}:
        bad(f"dimension {dim}: directions {dim_directions[dim]} (need both)")
for r in sorted(role_ids):
    n = per_role_total[r]
    if not 28 <= n <= 40:
        bad(f"role {r}: {n} statements (want 28-40)")
    for dim in sorted(dim_ids):
        if per_role_dim[r][dim] < 3:
            bad(f"role {r}: only {per_role_dim[r][dim]} statements on {dim}")

# ---------- checklist
cl = d["checklist"]
if cl.get("dimension") not in dim_ids:
    bad(f"checklist dimension {cl.get('dimension')}")
item_ids = unique("checklist item", cl["items"])
if [i["id"] for i in cl["items"]] != CHECKLIST_IDS:
    bad(f"checklist items {[i['id'] for i in cl['items']]}")
seen_q = set()
for it in cl["items"]:
    q = questions.get(it.get("question"))
    if q is None:
        bad(f"checklist {it['id']}: question {it.get('question')} missing")
        continue
    if it["question"] in seen_q:
        bad(f"checklist {it['id']}: question reused")
    seen_q.add(it["question"])
    roles = q.get("roles") or sorted(role_ids)
    if "staff" in roles:
        bad(f"checklist {it['id']}: question {q['id']} asked of staff")
    if sorted(roles) != ["finance", "manager", "promoter"]:
        bad(f"checklist {it['id']}: question roles {roles}")
    vals = {c["value"] for c in scales[q["scale"]]["choices"]}
    if it.get("has") != ["4", "3"] or it.get("lacks") != ["2", "1"]:
        bad(f"checklist {it['id']}: has/lacks {it.get('has')} {it.get('lacks')}")
    for v in it.get("has", []) + it.get("lacks", []):
        if v not in vals:
            bad(f"checklist {it['id']}: value {v} not on scale")
    if q["choices"][0]["weights"].get(cl.get("dimension")) != 0:
        bad(f"checklist {it['id']}: question not healthy-direction on {cl.get('dimension')}")

# ---------- steps
step_ids = unique("step", d["steps"])
steps = {s["id"]: s for s in d["steps"]}
if not 26 <= len(steps) <= 32:
    bad(f"{len(steps)} steps (want 26-32)")
for s in d["steps"]:
    si = s["id"]
    if s.get("owner") not in owner_ids:
        bad(f"step {si}: owner {s.get('owner')}")
    if not s.get("family"):
        bad(f"step {si}: no family")
    if "to" in s:
        if s["to"] not in owner_ids:
            bad(f"step {si}: to {s['to']} unknown")
        if s["to"] == s.get("owner"):
            bad(f"step {si}: to == owner")
    if s.get("timeframe") not in tf_ids:
        bad(f"step {si}: timeframe {s.get('timeframe')}")
    for k in ("text", "rationale", "ask"):
        if k not in s:
            bad(f"step {si}: no {k}")
    for k in ("text", "rationale", "ask"):
        if k in s and "あなた" in s[k]["ja"]:
            bad(f"step {si}: {k} contains あなた")
    if "text" in s:
        ja = s["text"]["ja"]
        if ja.count("。") != 1 or not ja.endswith("。"):
            bad(f"step {si}: text is not one sentence")
    if "ask" in s:
        ja = s["ask"]["ja"]
        if ja.count("。") != 1 or not ja.endswith("。"):
            bad(f"step {si}: ask is not one sentence")
        if not s["ask"]["en"].endswith("?"):
            bad(f"step {si}: ask (en) is not a question")
    for k in ("text", "rationale", "ask"):
        if k in s and ("同等の代替" in s[k]["ja"] or "大手" in s[k]["ja"]):
            bad(f"step {si}: vendor claim / sales-pitch wording")

# ---------- recommendations
def check_cond(c, path):
    if not isinstance(c, dict) or len(c) != 1:
        bad(f"{path}: condition must have exactly one kind")
        return
    (kind, v), = c.items()
    if kind in ("all", "any"):
        if not v:
            bad(f"{path}: empty {kind}")
        for i, x in enumerate(v):
            check_cond(x, f"{path}.{kind}[{i}]")
    elif kind == "severity":
        if v.get("dimension") not in dim_ids:
            bad(f"{path}: unknown dimension {v.get('dimension')}")
        for b in ("at_least", "at_most"):
            if b in v and v[b] not in band_ids:
                bad(f"{path}: unknown band {v[b]}")
        if not ({"at_least", "at_most"} & set(v)):
            bad(f"{path}: severity without bound")
    elif kind == "answer":
        q = questions.get(v.get("question"))
        if q is None:
            bad(f"{path}: unknown question {v.get('question')}")
        else:
            vals = {x["value"] for x in scales[q["scale"]]["choices"]}
            for x in v.get("in", []):
                if x not in vals:
                    bad(f"{path}: value {x} not on scale of {q['id']}")
            if not v.get("in"):
                bad(f"{path}: empty in")
    elif kind in ("missing", "unknown"):
        if v not in item_ids:
            bad(f"{path}: unknown checklist item {v}")
    elif kind == "role":
        if v not in role_ids:
            bad(f"{path}: unknown role {v}")
    else:
        bad(f"{path}: unknown condition kind {kind}")


def flat(c):
    (kind, v), = c.items()
    if kind in ("all", "any"):
        out = []
        for x in v:
            out += flat(x)
        return out
    return [(kind, v)]


rec_ids = unique("recommendation", d["recommendations"])
moderate_for = set()
used_steps = set()
for r in d["recommendations"]:
    ri = r["id"]
    check_cond(r["when"], f"rule {ri}")
    if r["step"] not in steps:
        bad(f"rule {ri}: unknown step {r['step']}")
        continue
    used_steps.add(r["step"])
    if "dimension" in r and r["dimension"] not in dim_ids:
        bad(f"rule {ri}: unknown dimension {r['dimension']}")
    if r.get("priority") not in (1, 2, 3):
        bad(f"rule {ri}: priority {r.get('priority')}")
    w = r["when"]
    if "severity" in w and w["severity"].get("at_least") == "moderate" and r.get("dimension") == w["severity"]["dimension"]:
        moderate_for.add(r["dimension"])
    fam = steps[r["step"]]["family"]
    conds = flat(w)
    if fam == "partner_criteria":
        sev = [v for k, v in conds if k == "severity"]
        if w != {"severity": {"dimension": "ecosystem_understanding", "at_least": "moderate"}}:
            bad(f"rule {ri}: partner criteria must fire only on ecosystem_understanding >= moderate")
    if fam.startswith("materials_") and fam != "materials_check":
        item = fam[len("materials_"):]
        if {"missing": item} == w:
            pass
for dim in dim_ids:
    if dim not in moderate_for:
        bad(f"dimension {dim}: no at_least moderate rule pointing at its own step")

for s in steps:
    if s not in used_steps:
        bad(f"step {s}: no rule uses it")

# materials_check rule
mc = [r for r in d["recommendations"] if steps.get(r["step"], {}).get("family") == "materials_check"]
want = {"all": [{"severity": {"dimension": "justification", "at_least": "moderate"}},
                {"any": [{"unknown": i} for i in CHECKLIST_IDS]}]}
if len(mc) != 1 or mc[0]["when"] != want:
    bad("materials_check rule missing or not in the required form")
# one rule per material on {missing} alone
for item in CHECKLIST_IDS:
    rs = [r for r in d["recommendations"] if r["when"] == {"missing": item}]
    if len(rs) != 1:
        bad(f"material {item}: {len(rs)} rules firing on missing alone")
# healthy keep_sharing: one step, text does not list blockers
ks = steps.get("keep_sharing")
if not ks:
    bad("no keep_sharing step")
else:
    hr = [r for r in d["recommendations"] if r["step"] == "keep_sharing"]
    if len(hr) != 1:
        bad("keep_sharing should have exactly one rule")
    else:
        sev = [v for k, v in flat(hr[0]["when"]) if k == "severity"]
        if sorted(v["dimension"] for v in sev) != sorted(dim_ids) or any(v.get("at_most") != "low" for v in sev):
            bad("keep_sharing rule is not 'every dimension at most low'")

# ---------- summary
print(f"minified size: {size} bytes")
print(f"questions: {len(questions)}; per role: " + ", ".join(f"{r}={per_role_total[r]}" for r in sorted(role_ids)))
for r in sorted(role_ids):
    print(f"  {r}: " + ", ".join(f"{dim}={per_role_dim[r][dim]}" for dim in sorted(dim_ids)))
print(f"steps: {len(steps)}; families: {len({s['family'] for s in steps.values()})}; rules: {len(rec_ids)}")
if problems:
    print(f"\n{len(problems)} problem(s):")
    for p in problems:
        print("  -", p)
    sys.exit(1)
print("ok")
