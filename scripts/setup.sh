#!/usr/bin/env bash
# Installs what storyfuse needs to build and test on Debian 12, from
# Debian's own packages. Safe to run twice: installs only what is missing.
# Runs apt-get as root, or through sudo.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libicu-dev libsqlite3-dev libstemmer-dev libxml2-dev zlib1g-dev libxxhash-dev
  libcpp-httplib-dev nlohmann-json3-dev libcli11-dev libfmt-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev
)
if [ "${STORYFUSE_WITH_BROWSER:-0}" = 1 ]; then
  packages+=(chromium nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || { echo "setup: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
