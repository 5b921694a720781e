#!/usr/bin/env bash
# seeds.sh [OUT]: the fuzz targets' seed folders, built at run time (never committed).
#
# OUT (default build-fuzz/seeds) gets:
#   dockerfiles/  every input of grammar/test/corpus/*.txt, golden/**/{Dockerfile,expected.Dockerfile},
#                 and ../shared/corpus/{bulk/*,cases/*/Dockerfile} when that corpus is present;
#   rewrite/      the files that carry a build (golden, corpus cases, grammar FROM examples), each
#                 also behind a leading white-space byte: fuzz_rewrite picks its context and
#                 options from the first byte, and BuildKit ignores leading white space;
#   diff/         pairs "a\xFFb" for fuzz_diff: each golden input with its expected output, and
#                 neighbouring seeds with each other.
# Each file is named by the SHA-1 of its bytes, as libFuzzer names corpus files.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-build-fuzz/seeds}
rm -rf "$out"
mkdir -p "$out"

python3 - "$out" <<'PY'
import glob, hashlib, os, re, sys

out = sys.argv[1]

def put(folder, data):
    os.makedirs(os.path.join(out, folder), exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(out, folder, name), "wb") as f:
        f.write(data)

def read(path):
    with open(path, "rb") as f:
        return f.read()

def grammar_inputs(path):
    # tree-sitter corpus: "===\nname\n===\n" then the input, then a "---" line, then the tree.
    # tree-sitter drops the input's last line ending; keep both spellings as seeds.
    text = read(path)
    parts = re.split(rb"(?m)^=+[^\n]*\r?\n[^\n]*\r?\n=+[^\n]*\r?\n", text)
    for part in parts[1:]:
        m = re.search(rb"(?m)^-{3,}[^\n]*\r?\n", part)
        if not m:
            continue
        body = part[:m.start()]
        yield body
        if body.endswith(b"\r\n"):
            yield body[:-2]
        elif body.endswith(b"\n"):
            yield body[:-1]

grammar = [b for p in sorted(glob.glob("grammar/test/corpus/*.txt")) for b in grammar_inputs(p)]
golden_pairs = []
for d in sorted(glob.glob("golden/**/Dockerfile", recursive=True)):
    case = os.path.dirname(d)
    expected = os.path.join(case, "expected.Dockerfile")
    golden_pairs.append((read(d), read(expected) if os.path.exists(expected) else read(d)))
shared = "../shared/corpus"
bulk = [read(p) for p in sorted(glob.glob(shared + "/bulk/*")) if os.path.isfile(p)]
cases = [read(p) for p in sorted(glob.glob(shared + "/cases/*/Dockerfile"))]

everything = grammar + [x for pair in golden_pairs for x in pair] + bulk + cases
for data in everything:
    put("dockerfiles", data)

builds = [x for pair in golden_pairs for x in pair] + cases + [g for g in grammar if b"FROM" in g.upper()]
prefixes = [b"", b" ", b"\t", b"\n", b"\x0b", b"\x0c", b"\r\n"]
for i, data in enumerate(builds):
    put("rewrite", data)
    put("rewrite", prefixes[1 + i % (len(prefixes) - 1)] + data)

for a, b in golden_pairs:
    put("diff", a + b"\xff" + b)
small = [x for x in grammar + cases if len(x) < 4096]
for a, b in zip(small, small[1:]):
    put("diff", a + b"\xff" + b)

for folder in ("dockerfiles", "rewrite", "diff"):
    print(f"seeds: {folder}: {len(os.listdir(os.path.join(out, folder)))} files")
PY
