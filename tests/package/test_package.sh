#!/usr/bin/env bash
# Packages this build tree with CPack (DEB and TGZ) into a scratch directory, unpacks the packages
# into fresh roots and checks them as a user would meet them: the installed programs run, speak
# Japanese, the wizard renders its first page offscreen, the metadata validates, lintian reports no
# error. Linux only; the tools come from scripts/bootstrap.sh.
#
#   test_package.sh CPACK BUILD_DIR VERSION GUI(ON|OFF)
set -uo pipefail

cpack=$1 build_dir=$2 version=$3 gui=$4
checks=0

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
pass() {
  checks=$((checks + 1))
  echo "ok: $*"
}
need() { # need TOOL DEBIAN-PACKAGE
  command -v "$1" >/dev/null || fail "$1 is missing: apt-get install $2 (scripts/bootstrap.sh installs it)"
}

need dpkg-deb dpkg
need dpkg-shlibdeps dpkg-dev
# Without lintian every other check still runs; the test then ends as skipped (exit 77, CTest's
# SKIP_RETURN_CODE), not as passed: a package nobody linted has not passed.
skipped=""
command -v lintian >/dev/null || skipped="lintian is missing: apt-get install lintian (scripts/bootstrap.sh installs it)"
need desktop-file-validate desktop-file-utils
need appstreamcli appstream
need file file
[ -f "$build_dir/CPackConfig.cmake" ] || fail "$build_dir/CPackConfig.cmake not found: configure the project first"

work=$(mktemp -d "${TMPDIR:-/tmp}/amlfw-package.XXXXXX")
trap 'rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8 LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen
export HOME="$work/home" XDG_RUNTIME_DIR="$work/runtime" # no settings leak in or out
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

# --- Build the packages (separate output directory: the dev build stays as it is) -------------
if ! "$cpack" -G "DEB;TGZ" --config "$build_dir/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1; then
  cat "$work/cpack.log" >&2
  fail "cpack could not build the packages (log above)"
fi
deb=$(find "$work/out" -maxdepth 1 -name "amlfw_${version}-1_*.deb")
tgz=$(find "$work/out" -maxdepth 1 -name "amlfw-${version}-linux-*.tar.gz")
[ -f "$deb" ] || fail "no amlfw_${version}-1_<arch>.deb in: $(ls "$work/out" | tr "\n" " ")"
[ -f "$tgz" ] || fail "no amlfw-${version}-linux-<arch>.tar.gz in: $(ls "$work/out" | tr "\n" " ")"
pass "cpack built $(basename "$deb") and $(basename "$tgz")"

# --- Control fields ------------------------------------------------------------------------------
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = amlfw ] || fail "Package is '$(field Package)', expected amlfw"
[ "$(field Version)" = "${version}-1" ] || fail "Version is '$(field Version)', expected ${version}-1"
for f in Maintainer Section Homepage Description; do
  [ -n "$(field $f)" ] || fail "control field $f is empty"
done
depends=$(field Depends)
has_dep() { grep -Eq "(^|, )$1( |,|$)" <<<"$2"; }
# Qt's TLS plugin (plugins/tls/libqopensslbackend.so) must come with a dependency: it is in
# libqt6network6 (libqt6network6t64 on Ubuntu 24.04), which depends on libssl3.
has_dep 'libqt6network6(t64)?' "$depends" || fail "Depends lacks libqt6network6 (TLS plugin): $depends"
tls_pkg=$(dpkg -S 'plugins/tls/libqopensslbackend.so' 2>/dev/null | head -n 1 | cut -d: -f1)
[ -n "$tls_pkg" ] || fail "Qt's openssl TLS plugin (plugins/tls/libqopensslbackend.so) is not installed here"
has_dep "$tls_pkg" "$depends" || fail "$tls_pkg holds Qt's TLS plugin here but is not in Depends: $depends"
if [ "$gui" = ON ]; then
  has_dep 'libqt6widgets6(t64)?' "$depends" || fail "Depends lacks libqt6widgets6: $depends"
fi
# The Excel workbook export links libxlsxwriter (libxlsxwriter4 on Debian 12).
has_dep 'libxlsxwriter[0-9]+(t64)?' "$depends" || fail "Depends lacks libxlsxwriter (the XLSX export): $depends"
recommends=$(field Recommends)
for p in fonts-noto-cjk qt6-translations-l10n; do
  has_dep "$p" "$recommends" || fail "Recommends lacks $p: $recommends"
done
pass "control: version ${version}-1; Depends has $tls_pkg (Qt's TLS plugin); Recommends fonts-noto-cjk, qt6-translations-l10n"

# --- Unpack into a fresh root and check the layout ----------------------------------------------
root="$work/root"
dpkg-deb -x "$deb" "$root" || fail "dpkg-deb -x could not unpack $deb"
for f in usr/bin/amlfw usr/share/man/man1/amlfw.1.gz usr/share/doc/amlfw/copyright \
  usr/share/doc/amlfw/changelog.Debian.gz usr/share/doc/amlfw/THIRD-PARTY-NOTICES.md; do
  [ -f "$root/$f" ] || fail "/$f is not in the package"
done
gzip -t "$root/usr/share/man/man1/amlfw.1.gz" "$root/usr/share/doc/amlfw/changelog.Debian.gz" || fail "a compressed file is broken"
zcat "$root/usr/share/doc/amlfw/changelog.Debian.gz" | head -n 1 | grep -q "^amlfw (${version}-1) " ||
  fail "changelog.Debian.gz does not start with version ${version}-1"
pass "layout: amlfw, man page, copyright, changelog for ${version}-1, third-party notices"

if [ "$gui" = ON ]; then
  desktop_files=("$root"/usr/share/applications/*.desktop)
  [ ${#desktop_files[@]} -eq 1 ] && [ -f "${desktop_files[0]}" ] || fail "expected one .desktop file in /usr/share/applications"
  desktop=${desktop_files[0]}
  app_id=$(basename "$desktop" .desktop)
  metainfo="$root/usr/share/metainfo/$app_id.metainfo.xml"
  for f in usr/bin/amlfw-wizard usr/share/man/man1/amlfw-wizard.1.gz "usr/share/metainfo/$app_id.metainfo.xml" \
    "usr/share/icons/hicolor/scalable/apps/$app_id.svg"; do
    [ -f "$root/$f" ] || fail "/$f is not in the package"
  done
  for size in 16 24 32 48 64 128 256 512; do
    png="$root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
    [ -f "$png" ] || fail "icon ${size}x${size} missing: /${png#"$root"/}"
    file -b "$png" | grep -q "PNG image data, $size x $size," || fail "${png#"$root"/} is not a ${size}x${size} PNG: $(file -b "$png")"
  done
  grep -q "^Icon=$app_id$" "$desktop" || fail "the .desktop file's Icon= is not $app_id"
  grep -q "^Exec=amlfw-wizard" "$desktop" || fail "the .desktop file does not start amlfw-wizard"
  desktop-file-validate "$desktop" || fail "desktop-file-validate rejects ${desktop#"$root"/}"
  appstreamcli validate --no-net "$metainfo" >"$work/appstream.log" 2>&1 ||
    { cat "$work/appstream.log" >&2; fail "appstreamcli rejects the metainfo (log above)"; }
  grep -q "<id>$app_id</id>" "$metainfo" || fail "metainfo <id> is not $app_id"
  grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" ||
    fail "metainfo does not launch $app_id.desktop"
  grep -q "<release version=\"$version\"" "$metainfo" || fail "metainfo has no <release version=\"$version\">"
  pass "desktop integration ($app_id): .desktop and metainfo validate, hicolor icons 16-512 and SVG, release $version"
fi

# --- The installed programs -----------------------------------------------------------------------
cli="$root/usr/bin/amlfw"
out=$("$cli" --version) || fail "amlfw --version failed"
[ "$out" = "amlfw $version" ] || fail "amlfw --version printed '$out', expected 'amlfw $version'"
pass "amlfw --version: $out"

cat >"$work/profile.json" <<'EOF'
{
  "format": 1,
  "cloud": "public",
  "region": "japaneast",
  "storage": "mystore",
  "features": ["compute-instance"]
}
EOF
"$cli" rules --profile "$work/profile.json" --format json >"$work/rules.json" 2>"$work/rules.err" ||
  { cat "$work/rules.err" >&2; fail "amlfw rules --profile failed (stderr above)"; }
for needle in '"japaneast"' 'AzureMachineLearning' 'mystore'; do
  grep -q "$needle" "$work/rules.json" || fail "amlfw rules output lacks $needle"
done
pass "amlfw rules --profile (public, japaneast, mystore, compute-instance) lists the rules"

"$cli" export --profile "$work/profile.json" --format xlsx --output "$work/rules.xlsx" 2>"$work/xlsx.err" ||
  { cat "$work/xlsx.err" >&2; fail "amlfw export --format xlsx failed (stderr above)"; }
[ "$(head -c 2 "$work/rules.xlsx")" = PK ] || fail "amlfw export --format xlsx did not write a workbook (a ZIP file)"
pass "amlfw export --format xlsx writes a workbook (libxlsxwriter)"

"$cli" --lang ja features >"$work/features-ja.txt" 2>&1 || fail "amlfw --lang ja features failed: $(cat "$work/features-ja.txt")"
grep -q 'コンピューティング インスタンス' "$work/features-ja.txt" ||
  fail "amlfw --lang ja features is not in Japanese: $(head -n 3 "$work/features-ja.txt")"
# Qt's own messages (QCommandLineParser) come from qtbase_ja.qm, embedded under :/i18n with amlfw's
# translation: a qt.conf beside the program hides the system's Qt translations meanwhile.
printf '[Paths]\nTranslations=%s\n' "$work/no-translations" >"$root/usr/bin/qt.conf"
"$cli" --lang ja rules --no-such-option >/dev/null 2>"$work/error-ja.txt" && fail "amlfw accepted --no-such-option"
rm -f "$root/usr/bin/qt.conf"
grep -qP '[\p{Hiragana}\p{Katakana}\p{Han}]' "$work/error-ja.txt" ||
  fail "amlfw's error message is not in Japanese without the system's Qt translations: $(cat "$work/error-ja.txt")"
pass "amlfw --lang ja: catalog texts and Qt's messages in Japanese from the embedded translations"

if [ "$gui" = ON ]; then
  wizard="$root/usr/bin/amlfw-wizard"
  out=$("$wizard" --version) || fail "amlfw-wizard --version failed"
  [ "$out" = "amlfw-wizard $version" ] || fail "amlfw-wizard --version printed '$out', expected 'amlfw-wizard $version'"
  for lang in ja en; do
    png="$work/wizard-$lang.png"
    "$wizard" --lang "$lang" --screenshot "$png" >"$work/wizard-$lang.log" 2>&1 ||
      { cat "$work/wizard-$lang.log" >&2; fail "amlfw-wizard --lang $lang --screenshot failed offscreen (log above)"; }
    [ -f "$png" ] || fail "amlfw-wizard --lang $lang wrote no screenshot"
    info=$(file -b "$png")
    [[ $info =~ ^PNG\ image\ data,\ ([0-9]+)\ x\ ([0-9]+) ]] || fail "the $lang screenshot is not a PNG: $info"
    [ "${BASH_REMATCH[1]}" -ge 100 ] && [ "${BASH_REMATCH[2]}" -ge 30 ] || fail "the $lang screenshot is only $info"
    [ "$(stat -c %s "$png")" -gt 1000 ] || fail "the $lang screenshot is nearly empty ($(stat -c %s "$png") bytes)"
  done
  cmp -s "$work/wizard-ja.png" "$work/wizard-en.png" && fail "the Japanese and English first pages render identically"
  pass "amlfw-wizard $version renders its first page offscreen, in Japanese ($(file -b "$work/wizard-ja.png" | cut -d, -f2 | xargs))"
fi

# --- lintian: no errors (warnings are listed) ----------------------------------------------------
if [ -z "$skipped" ]; then
  lintian --fail-on error --tag-display-limit 0 "$deb" >"$work/lintian.log" 2>&1
  status=$?
  grep -v '^running with root privileges' "$work/lintian.log" | sed 's/^/lintian: /'
  [ $status -eq 0 ] || fail "lintian reports errors (above)"
  pass "lintian: no errors ($(grep -c '^W:' "$work/lintian.log") warnings)"
fi

# --- The tarball: same tree under amlfw-<version>-linux-<arch>/ ------------------------------------
mkdir -p "$work/tgz"
tar -xzf "$tgz" -C "$work/tgz" || fail "cannot unpack $tgz"
top="$work/tgz/$(basename "$tgz" .tar.gz)"
[ -x "$top/bin/amlfw" ] || fail "the tarball has no $(basename "$top")/bin/amlfw"
[ "$gui" = ON ] && { [ -x "$top/bin/amlfw-wizard" ] || fail "the tarball has no $(basename "$top")/bin/amlfw-wizard"; }
out=$("$top/bin/amlfw" --version) || fail "amlfw --version from the tarball failed"
[ "$out" = "amlfw $version" ] || fail "amlfw --version from the tarball printed '$out'"
pass "tarball: $(basename "$top")/bin/amlfw runs ($out)"

if [ -n "$skipped" ]; then
  echo "SKIP: $skipped ($checks other checks passed)"
  exit 77
fi
echo "package test: $checks passed, 0 failed"
