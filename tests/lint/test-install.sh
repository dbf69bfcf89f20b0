#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# meson install into a temporary directory, then run the installed program:
# `lightsout --version` and `lightsout demo`, and check the desktop files landed
# where the desktop looks for them.
# Usage: test-install.sh MESON BUILD_ROOT SOURCE_ROOT APP_ID VERSION
set -u
meson=$1 build=$2 src=$3 app_id=$4 version=$5

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail () { echo "FAIL: $*" >&2; exit 1; }

"$meson" install -C "$build" --no-rebuild --quiet --destdir "$tmp/dest" \
  || fail "meson install --destdir $tmp/dest"

bin=$(find "$tmp/dest" -path '*/bin/lightsout' -type f | head -n 1)
[ -n "$bin" ] && [ -x "$bin" ] || fail "no executable bin/lightsout installed"
prefix=$(dirname "$(dirname "$bin")")
share=$prefix/share
echo "installed into $prefix"

# `lightsout` loads <libdir>/lightsout/lightsout-draw.so (report, chart), which
# loads lightsout-office.so beside it (report -o X.docx|X.xlsx), and, with the
# window built, execs lightsout-gui from libexecdir.
draw=$(find "$prefix" -path '*/lightsout/lightsout-draw.so' -type f | head -n 1)
[ -n "$draw" ] || fail "no <libdir>/lightsout/lightsout-draw.so installed (lightsout report loads it)"
[ -f "$(dirname "$draw")/lightsout-office.so" ] \
  || fail "no <libdir>/lightsout/lightsout-office.so installed (lightsout report -o X.docx loads it)"
if [ -x "$build/src/lightsout-gui" ]; then
  [ -n "$(find "$prefix" -path '*/libexec/lightsout-gui' -type f)" ] \
    || fail "no libexec/lightsout-gui installed (lightsout opens the window through it)"
fi

for f in \
  "applications/$app_id.desktop" \
  "metainfo/$app_id.metainfo.xml" \
  "icons/hicolor/scalable/apps/$app_id.svg" \
  "icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
  "glib-2.0/schemas/$app_id.gschema.xml" \
  "mime/packages/$app_id.xml" \
  "lightsout/question-banks/default.xml" "lightsout/question-banks/default-1.xml"; do
  [ -f "$share/$f" ] || fail "share/$f is not installed"
done
for po in "$src"/po/*.po; do
  [ -f "$po" ] || continue
  lang=$(basename "$po" .po)
  # LL-what.po: translations of LL waiting to be merged into LL.po
  case $lang in *-*) continue ;; esac
  [ -f "$share/locale/$lang/LC_MESSAGES/lightsout.mo" ] \
    || fail "share/locale/$lang/LC_MESSAGES/lightsout.mo is not installed"
done

# The installed schema compiles and holds the keys the app reads.
glib-compile-schemas --strict "$share/glib-2.0/schemas" || fail "installed schema does not compile"
keys=$(gsettings --schemadir "$share/glib-2.0/schemas" list-keys "$app_id" | sort | tr '\n' ' ')
for k in window-width window-height window-maximized currency paper-size default-hourly-cost \
         hours-per-week horizon-months discount-rate consultant-name consultant-logo \
         workshop-show-spread last-client; do
  case " $keys" in *" $k "*) ;; *) fail "schema key $k is missing (have: $keys)" ;; esac
done

# Run the installed program in an empty home.
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/data" XDG_CONFIG_HOME="$tmp/home/config" \
       XDG_CACHE_HOME="$tmp/home/cache" XDG_STATE_HOME="$tmp/home/state"
mkdir -p "$HOME"
cd "$tmp" || fail "cd $tmp"

out=$("$bin" --version) || fail "lightsout --version exited $?"
[ "$out" = "lightsout $version" ] || fail "lightsout --version printed '$out', not 'lightsout $version'"
echo "$out"

"$bin" demo -o "$tmp/demo.lightsout" || fail "lightsout demo -o demo.lightsout exited $?"
[ -s "$tmp/demo.lightsout" ] || fail "lightsout demo wrote nothing"
xmllint --noout --nonet --relaxng "$src/data/schemas/engagement.rng" "$tmp/demo.lightsout" \
  || fail "the demo the installed program wrote is not a valid engagement file"
echo "lightsout demo wrote a valid engagement file ($(wc -c < "$tmp/demo.lightsout") bytes)"
