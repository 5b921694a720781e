#!/usr/bin/env bash
# limits.sh [RESTAGE]: time and peak RSS of restage (default build/restage, the RelWithDebInfo build
# of `scripts/build.sh plain`) on pathological inputs, as a Markdown table (the README's "Limits").
# The inputs are generated in a temp folder; nothing is kept.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-build/restage}")
[[ -x $bin ]] || { echo "limits: $bin not built (bash scripts/build.sh plain)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$tmp" <<'PY'
import os, sys
out = sys.argv[1]
def put(name, text):
    with open(os.path.join(out, name), "w") as f:
        f.write(text)
limit = 8 << 20
line = "RUN echo 0123456789abcdefghijklmnopqrstuvwxyz\n"
put("8-mib-of-run-lines", "FROM alpine\n" + line * ((limit - 20) // len(line)))
put("65535-byte-line", "FROM alpine\nRUN echo " + "a" * (65535 - 9) + "\n")
put("100k-line-continuation", "FROM alpine\nRUN echo \\\n" + "    a \\\n" * 100000 + "    end\n")
put("8-mib-continuation", "FROM alpine\nRUN echo \\\n" + "    a \\\n" * (limit // 8 - 10) + "    end\n")
put("7-mib-heredoc", "FROM alpine\nRUN <<EOF\n" + "echo hello world\n" * (7 * 2**20 // 17) + "EOF\n")
put("10k-stages", "".join(f"FROM alpine AS s{i}\nRUN echo {i}\n" for i in range(10000)))
put("10k-nested-expansions", "FROM alpine\nARG A=" + "${A:-" * 10000 + "x" + "}" * 10000 + "\n")
put("60k-line-of-quotes", "FROM alpine\nRUN echo " + "\"'" * 30000 + "\n")
put("30k-flags", "FROM alpine\nCOPY " + "--chown=1 " * 6000 + "a b\n")
PY

echo "| input | bytes | parse --json | fmt | rewrite |"
echo "|---|---:|---:|---:|---:|"
for f in "$tmp"/*; do
    row="| $(basename "$f") | $(stat -c %s "$f")"
    for cmd in "parse --json" "fmt" ""; do
        # shellcheck disable=SC2086
        /usr/bin/time -f '%e %M' -o "$tmp/.time" "$bin" $cmd "$f" >/dev/null 2>&1 || true
        read -r secs kb < <(tail -n 1 "$tmp/.time")
        row+=" | ${secs} s, $((kb / 1024)) MB"
    done
    echo "$row |"
done
