#!/usr/bin/env python3
"""gen_monorepo.py OUT N: a monorepo of N services for `restage scan` benchmarks.

Service i gets the i-th of the golden cases (with their build context) and the bulk corpus
files, in turn: golden cases are rewritten, most corpus files are refused or unchanged, as in a
real monorepo. Files keep their names (Dockerfile, Dockerfile.jvm, base.Dockerfile, ...).
OUT is emptied first; it holds a root .restage.yaml (root: true) and a .gitignore.
"""
import os
import shutil
import sys
from pathlib import Path

here = Path(__file__).resolve().parent.parent
out, n = Path(sys.argv[1]), int(sys.argv[2])
corpus = Path(os.environ.get("CORPUS", here.parent / "shared" / "corpus" / "bulk"))

sources = []  # (dockerfile path, file name, context folder or None)
for case in sorted((here / "golden").glob("*/*/Dockerfile")):
    ctx = case.parent / "context"
    sources.append((case, "Dockerfile", ctx if ctx.is_dir() else None))
for f in sorted(corpus.iterdir()) if corpus.is_dir() else []:
    sources.append((f, f.name.split("__")[-1], None))
if not sources:
    sys.exit("no sources: golden/ and the corpus are empty")

if out.exists():
    shutil.rmtree(out)
out.mkdir(parents=True)
(out / ".restage.yaml").write_text("root: true\n")
(out / ".gitignore").write_text("build/\n")
for i in range(n):
    src, name, ctx = sources[i % len(sources)]
    svc = out / f"services/group-{i // 100:03d}/svc-{i:05d}"
    if ctx is not None:
        shutil.copytree(ctx, svc)
    else:
        svc.mkdir(parents=True)
    shutil.copyfile(src, svc / name)
print(f"{n} services in {out}")
