#!/usr/bin/env bash
# Installs the Debian 12 packages newsdex needs to build, test and benchmark, skipping those
# already present. Needs root (or sudo) only when something is missing.
set -euo pipefail

packages=(
  build-essential cmake pkg-config ccache
  libxapian-dev xapian-tools python3-xapian
  libstemmer-dev libboost-program-options-dev nlohmann-json3-dev rapidjson-dev zlib1g-dev
  libgtest-dev libgmock-dev libbenchmark-dev libsqlite3-dev
  iso-codes libgweather-4-common
  clang libclang-rt-14-dev
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
