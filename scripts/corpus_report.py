#!/usr/bin/env python3
"""corpus_report.py: restage on every case of ../shared/corpus/cases, as a table and totals.

Usage: python3 scripts/corpus_report.py [RESTAGE_BINARY] [CORPUS_DIR] > report.md
Runs `restage --format json --context CASE/context CASE/Dockerfile` per case and prints a Markdown
table (case, SOURCE ecosystem, detected, result, runtime base, reason) and the totals.
"""
import json
import os
import subprocess
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "build", "restage")
corpus = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "..", "shared", "corpus")
family = {"maven": "java", "gradle": "java"}

rows, totals = [], {}
with open(os.path.join(corpus, "INDEX.tsv")) as index:
    next(index)
    for line in index:
        name, eco, stages = line.rstrip("\n").split("\t")[:3]
        case = os.path.join(corpus, "cases", name)
        ctx = os.path.join(case, "context")
        args = [binary, "--format", "json"] + (["--context", ctx] if os.path.isdir(ctx) else [])
        p = subprocess.run(args + [os.path.join(case, "Dockerfile")], capture_output=True, text=True)
        try:
            f = json.loads(p.stdout)["files"][0]
        except (ValueError, KeyError, IndexError):
            f = {"status": "error", "ecosystem": "?", "refusals": [{"reason": p.stderr.strip()[:120]}]}
        detected = family.get(f.get("ecosystem", "?"), f.get("ecosystem", "?"))
        expected = eco if eco in ("go", "java", "node", "static") else "unknown"
        reason = ""
        if f["status"] == "refused" and f.get("refusals"):
            reason = f["refusals"][0]["reason"]
        elif f["status"] == "unchanged" and f.get("notes"):
            reason = f["notes"][0]
        rows.append((name, eco, stages, detected, f["status"], f.get("runtime_image") or "", reason))
        key = (expected if stages == "single" else "multi-stage", f["status"])
        totals[key] = totals.get(key, 0) + 1

print("| case | SOURCE | stages | detected | result | runtime base | reason |")
print("|---|---|---|---|---|---|---|")
for r in rows:
    print("| " + " | ".join((x or "").replace("|", "\\|") for x in r) + " |")
agree = sum(1 for r in rows if r[3] == (r[1] if r[1] in ("go", "java", "node", "static") else "unknown"))
print()
print(f"detection agrees with SOURCE on {agree} of {len(rows)} cases ({100.0 * agree / len(rows):.1f}%)")
for (group, status), n in sorted(totals.items()):
    print(f"- {group}: {status} {n}")
