#!/usr/bin/env bash
# Sets up everything amlfw needs on Debian 12 / Ubuntu 24.04 and builds it, then:
#   scripts/bootstrap.sh wizard   starts amlfw-wizard
#   scripts/bootstrap.sh test     runs every test (ctest)
#   scripts/bootstrap.sh build    only builds
#   scripts/bootstrap.sh deps     only installs the packages (CI then builds with another preset)
#   scripts/bootstrap.sh fuzz-deps  also installs clang and its libFuzzer runtime (the "fuzz" preset)
# Installs missing packages with apt-get (as root, or through sudo), configures with the
# "default" CMake preset (build/), and uses ccache when it is installed.
set -euo pipefail

cd "$(dirname "$(readlink -f "$0")")/.."
action=${1:-build}
case "$action" in
  wizard|test|build|deps|fuzz-deps) ;;
  *) echo "usage: $0 wizard|test|build|deps|fuzz-deps" >&2; exit 2 ;;
esac

packages=(
  cmake g++ make pkg-config ccache
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n libgl-dev
  libxlsxwriter-dev qt6-declarative-dev libssl-dev
  fonts-noto-cjk openssl squid python3 python3-jsonschema python3-openpyxl python3-yaml
  dpkg-dev file fakeroot lintian appstream desktop-file-utils
)
install_missing() {
  local missing=() p sudo=""
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  echo "bootstrap: installing ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "bootstrap: run as root or install sudo" >&2; exit 1; }
    sudo="sudo"
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
# Node.js and npm run the offline Terraform validator in the tests (never the product). A Node.js
# from elsewhere (nodesource, nvm) is used as it is: Debian's npm package would conflict with it.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  packages+=(nodejs npm)
fi
install_missing "${packages[@]}"
[ "$action" = deps ] && exit 0
if [ "$action" = fuzz-deps ]; then
  # libFuzzer and the sanitizer runtimes come with clang's compiler-rt, per clang version.
  install_missing clang
  clang_major=$(clang++ -dumpversion | cut -d. -f1)
  install_missing "libclang-rt-${clang_major}-dev"
  exit 0
fi

cmake --preset default >/dev/null
cmake --build --preset default

case "$action" in
  wizard)
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
      echo "bootstrap: no display (DISPLAY/WAYLAND_DISPLAY unset); start amlfw-wizard from a desktop session." >&2
      echo "bootstrap: the build is ready: build/app/wizard/amlfw-wizard" >&2
      exit 1
    fi
    exec build/app/wizard/amlfw-wizard
    ;;
  test)
    ctest --preset default
    ;;
esac
