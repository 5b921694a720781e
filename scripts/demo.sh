#!/usr/bin/env bash
# demo.sh: build restage and show it on examples/Dockerfile.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
bash scripts/build.sh plain

echo "\$ restage fmt examples/Dockerfile"
build/restage fmt examples/Dockerfile
echo
echo "\$ restage parse --json examples/Dockerfile"
build/restage parse --json examples/Dockerfile
