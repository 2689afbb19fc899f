#!/usr/bin/env bash
# Installs what castkit needs to build and test on Debian 12: the packages in .ci/packages.txt
# (as root, or through sudo) and the pinned npm packages the consumer tests use.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root=()
if [ "$(id -u)" -ne 0 ]; then as_root=(sudo); fi

mapfile -t packages < <(grep -v '^\s*#' .ci/packages.txt | grep -v '^\s*$')
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null

# Node.js comes with the machine; Debian's nodejs/npm are the fallback.
if ! command -v npm >/dev/null 2>&1; then
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
if [ -f tests/consumers/node/package-lock.json ]; then
  (cd tests/consumers/node && npm ci --no-audit --no-fund --loglevel=error)
fi
echo "castkit: dependencies installed"
