#!/usr/bin/env bash
# Installs what storyfuse needs to build and test on Debian 12: Debian's own
# packages, including Chromium, Node.js and npm for the browser test, then
# the browser test's one npm package (e2e/node_modules, playwright-core,
# from the npm registry; it downloads no browser). Safe to run twice:
# installs only what is missing. Runs apt-get as root, or through sudo.
# STORYFUSE_WITHOUT_BROWSER=1 skips Chromium, Node.js, npm and e2e/.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake pkg-config git
  libicu-dev libsqlite3-dev libstemmer-dev libxml2-dev zlib1g-dev libxxhash-dev
  libcpp-httplib-dev libcurl4-openssl-dev nlohmann-json3-dev libcli11-dev libfmt-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  # Issue #25's shared store and queue: the client libraries to build
  # against, the servers for the tests' throwaway instances (the tests
  # start their own on loopback ports; no system service is needed).
  postgresql-15 libpq-dev redis-server libhiredis-dev
  # The sonames storyfuse dlopens on first use (libpq.so.5,
  # libhiredis.so.0.14, libcurl.so.4; base/shared_library.h): the -dev
  # packages pull them in, named here for a machine that only runs it.
  libpq5 libhiredis0.14 libcurl4
)
browser=1
[ "${STORYFUSE_WITHOUT_BROWSER:-0}" = 1 ] && browser=0
if [ "$browser" = 1 ]; then
  packages+=(chromium)
  # Node.js and npm by command, not by package: a machine with another
  # Node.js (NodeSource's nodejs bundles npm and conflicts with Debian's npm
  # package) keeps its own.
  command -v node >/dev/null || packages+=(nodejs)
  command -v npm >/dev/null || packages+=(npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
else
  sudo_cmd=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "setup: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo_cmd=(sudo)
  fi
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -q
  "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The browser test's npm package, exactly as e2e/package-lock.json pins it;
# again only when e2e/node_modules does not already match the lock file.
if [ "$browser" = 1 ]; then
  if [ ! -f e2e/node_modules/.package-lock.json ] || [ e2e/package-lock.json -nt e2e/node_modules/.package-lock.json ]; then
    echo "setup: npm ci in e2e/"
    (cd e2e && npm ci --no-audit --no-fund)
  else
    echo "setup: e2e/node_modules up to date"
  fi
fi
