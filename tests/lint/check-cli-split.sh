#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The command line never loads GTK (issue 18):
# - `lightsout` needs no libgtk-4, libgdk or libadwaita, neither directly
#   (readelf -d) nor through another library (ldd); nor cairo, pango or
#   fontconfig, which only report and chart use (in the lightsout-draw module,
#   which needs no GTK either);
# - nor does anything a PDF report loads need the office libraries
#   (libxlsxwriter, libarchive and what they bring): only the lightsout-office
#   module, which report loads for -o X.docx and -o X.xlsx, links them;
# - a mistyped command says "unknown command" and exits non-zero instead of
#   opening the window;
# - with the window built, `lightsout` without a command becomes
#   lightsout-gui (its GApplication options answer).
# Usage: check-cli-split.sh LIGHTSOUT LIGHTSOUT_DRAW_MODULE LIGHTSOUT_OFFICE_MODULE GUI(true|false)
set -u
lightsout=$1 module=$2 office=$3 gui=$4
fail () { echo "FAIL: $*" >&2; exit 1; }
gtk_pattern='libgtk-4|libgdk|libadwaita|libgtk-3|libgdk_pixbuf'

[ -x "$lightsout" ] || fail "$lightsout is not an executable"

needed=$(readelf -d "$lightsout" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
[ -n "$needed" ] || fail "readelf -d $lightsout lists no NEEDED libraries"
echo "NEEDED: $(echo $needed)"
echo "$needed" | grep -E "$gtk_pattern" && fail "lightsout links GTK directly"

all=$(ldd "$lightsout") || fail "ldd $lightsout"
echo "ldd: $(echo "$all" | wc -l) libraries"
echo "$all" | grep -E "$gtk_pattern" && fail "lightsout loads GTK through another library"
echo "$all" | grep -E 'libcairo|libpango|libfontconfig|libfreetype' \
  && fail "lightsout loads a drawing library (report and chart draw in the lightsout-draw module)"

ldd "$module" | grep -E "$gtk_pattern" && fail "the lightsout-draw module loads GTK"

# The office libraries: in the lightsout-office module only.
office_pattern='libxlsxwriter|libarchive|libminizip'
for f in "$lightsout" "$module"; do
  readelf -d "$f" | grep NEEDED | grep -E "$office_pattern" \
    && fail "$(basename "$f") links an office library (they are the lightsout-office module's)"
  ldd "$f" | grep -E "$office_pattern" \
    && fail "$(basename "$f") loads an office library through another one"
done
readelf -d "$office" | grep NEEDED | grep -q libxlsxwriter \
  || fail "the lightsout-office module does not link libxlsxwriter (what writes the workbook?)"
echo "office libraries: only in $(basename "$office")"

# At run time too: `score` loads neither GTK nor cairo (ld.so's own log of
# what it opens).
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$lightsout" demo -o "$tmp/demo.lightsout" || fail "lightsout demo exited $?"
loaded=$(LD_DEBUG=files "$lightsout" score "$tmp/demo.lightsout" 2>&1 >/dev/null | grep 'file=' | grep -v 'generating link map')
echo "lightsout score opened $(echo "$loaded" | grep -c 'needed by') libraries"
echo "$loaded" | grep -E "$gtk_pattern|libcairo|libpango" && fail "lightsout score loaded a GTK or drawing library"

# A PDF report opens the drawing module and no office library; a workbook
# opens the office module.
loaded=$(LD_DEBUG=files "$lightsout" report "$tmp/demo.lightsout" -o "$tmp/report.pdf" 2>&1 >/dev/null | grep 'file=')
[ -s "$tmp/report.pdf" ] || fail "lightsout report -o report.pdf wrote nothing"
echo "$loaded" | grep -q 'lightsout-draw\.so' || fail "lightsout report -o report.pdf did not open the lightsout-draw module"
echo "$loaded" | grep -E "$office_pattern|lightsout-office" && fail "lightsout report -o report.pdf loaded an office library"
echo "lightsout report -o report.pdf opened $(echo "$loaded" | grep -c 'needed by') libraries, none of the office ones"
loaded=$(LD_DEBUG=files "$lightsout" report "$tmp/demo.lightsout" -o "$tmp/report.xlsx" 2>&1 >/dev/null | grep 'file=')
[ -s "$tmp/report.xlsx" ] || fail "lightsout report -o report.xlsx wrote nothing"
echo "$loaded" | grep -q 'lightsout-office\.so' || fail "lightsout report -o report.xlsx did not open the lightsout-office module"

# Without the office module beside it (and none installed), a PDF report is
# still written, and a Word document is an error naming the module's file.
mkdir "$tmp/alone"
cp "$lightsout" "$module" "$tmp/alone/" || fail "cp $lightsout $module $tmp/alone/"
"$tmp/alone/lightsout" report "$tmp/demo.lightsout" -o "$tmp/alone/report.pdf" \
  || fail "lightsout report -o report.pdf without the office module exited $?"
err=$("$tmp/alone/lightsout" report "$tmp/demo.lightsout" -o "$tmp/alone/report.docx" 2>&1 >/dev/null)
status=$?
if [ $status -eq 0 ]; then
  echo "lightsout report -o report.docx without the module beside it: an installed one answered"
else
  case $err in
    *lightsout-office.so*) ;;
    *) fail "lightsout report -o report.docx without the office module did not name it: $err" ;;
  esac
  [ ! -e "$tmp/alone/report.docx" ] || fail "lightsout report -o report.docx without the office module wrote a file"
  echo "lightsout report -o report.docx without the office module: exit $status, $err"
fi

# report and chart reach the module.
"$lightsout" chart --list >/dev/null || fail "lightsout chart --list exited $?"
echo "lightsout chart --list: answered by the lightsout-draw module"

# A mistyped command: an error, never the window (no display is needed to
# tell: the window program would fail differently, or wait).
err=$(DISPLAY= WAYLAND_DISPLAY= timeout 20 "$lightsout" scroe f 2>&1 >/dev/null)
status=$?
[ $status -ne 0 ] || fail "lightsout scroe f exited 0"
[ $status -ne 124 ] || fail "lightsout scroe f did not return (window?)"
case $err in
  *scroe*) ;;
  *) fail "lightsout scroe f did not name the unknown command: $err" ;;
esac
echo "lightsout scroe f: exit $status"

if [ "$gui" = true ]; then
  out=$(DISPLAY= WAYLAND_DISPLAY= timeout 20 "$lightsout" --help-gapplication 2>&1) \
    || fail "lightsout --help-gapplication exited $? ($out)"
  case $out in
    *--gapplication-service*) ;;
    *) fail "lightsout --help-gapplication did not reach the window program: $out" ;;
  esac
  echo "lightsout --help-gapplication: answered by the window program"
fi
