#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The shared-mime-info package compiles and maps *.lightsout and the engagement
# root element to application/x-lightsout+xml.
# Usage: check-mime.sh MIME_XML
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/mime/packages"
cp "$1" "$tmp/mime/packages/lightsout-test.xml" || exit 1
xmllint --noout --nonet "$1" || exit 1
XDG_DATA_DIRS="$tmp" XDG_DATA_HOME="$tmp" update-mime-database "$tmp/mime" || exit 1
type=application/x-lightsout+xml
grep -q "^[0-9]*:$type:\*\.lightsout" "$tmp/mime/globs2" || {
  echo "globs2 does not map *.lightsout to $type:" >&2
  cat "$tmp/mime/globs2" >&2
  exit 1
}
grep -q "^urn:lightsout:engagement:1 engagement $type" "$tmp/mime/XMLnamespaces" || {
  echo "XMLnamespaces does not map the engagement root to $type" >&2
  exit 1
}
echo "*.lightsout and <engagement xmlns=\"urn:lightsout:engagement:1\"> are $type"
