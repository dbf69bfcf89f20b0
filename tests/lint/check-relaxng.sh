#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Validates every shipped file against its RelaxNG schema.
# Usage: check-relaxng.sh SCHEMA.rng FILE...
# (the FILE list is a glob the shell expanded: an unexpanded pattern means none)
set -u
schema=$1
shift
n=0
for f in "$@"; do
  if [ ! -f "$f" ]; then
    echo "no file matches $f" >&2
    exit 1
  fi
  n=$((n + 1))
done
if [ "$n" -eq 0 ]; then
  echo "no files to validate against $schema" >&2
  exit 1
fi
xmllint --noout --nonet --relaxng "$schema" "$@" || exit 1
echo "$n file(s) valid against $(basename "$schema")"
