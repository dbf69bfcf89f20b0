#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# msgfmt --check on every translation; LINGUAS and the .po files must agree.
# Usage: check-po.sh PO_DIR
set -u
po_dir=$1
status=0
langs=$(sed -e 's/#.*//' "$po_dir/LINGUAS" | tr -s ' \t' '\n\n' | sed '/^$/d')
for lang in $langs; do
  if [ ! -f "$po_dir/$lang.po" ]; then
    echo "LINGUAS lists $lang but $po_dir/$lang.po does not exist" >&2
    status=1
  fi
done
for po in "$po_dir"/*.po; do
  [ -f "$po" ] || continue
  lang=$(basename "$po" .po)
  # LL-what.po: translations of LL waiting to be merged into LL.po
  lang=${lang%%-*}
  if ! printf '%s\n' $langs | grep -qx "$lang"; then
    echo "$po is not listed in LINGUAS" >&2
    status=1
  fi
  if msgfmt --check --check-accelerators=_ --statistics -o /dev/null "$po"; then
    :
  else
    echo "$po: msgfmt --check failed" >&2
    status=1
  fi
done
exit $status
