#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks what Flathub requires of the metainfo and that one id is used everywhere.

Usage: check-metainfo.py APP_ID VERSION METAINFO DESKTOP GSCHEMA ICON_DIR

appstreamcli 0.16.1 without --strict lets a missing content rating or missing
releases pass; Flathub rejects both. This also checks that the metainfo, the
.desktop file, the icon and the GSettings schema agree on the application id.
"""

import configparser
import os
import re
import sys
import xml.etree.ElementTree as ET

failures = []


def check(ok, message):
    if not ok:
        failures.append(message)


def main():
    if len(sys.argv) != 7:
        print(__doc__, file=sys.stderr)
        return 2
    app_id, version, metainfo, desktop, gschema, icon_dir = sys.argv[1:]

    root = ET.parse(metainfo).getroot()
    name = os.path.basename(metainfo)

    check(root.tag == 'component' and root.get('type') == 'desktop-application',
          f'{name}: the root must be <component type="desktop-application">')
    check(root.findtext('id') == app_id, f'{name}: <id> must be {app_id}')
    check(root.findtext('metadata_license') == 'CC0-1.0', f'{name}: metadata_license must be CC0-1.0')
    check(root.findtext('project_license') == 'GPL-3.0-or-later',
          f'{name}: project_license must be GPL-3.0-or-later')

    # content rating
    rating = root.find('content_rating')
    check(rating is not None, f'{name}: no <content_rating> (Flathub requires one)')
    if rating is not None:
        check(rating.get('type') == 'oars-1.1', f'{name}: <content_rating> must be type oars-1.1')

    # releases
    releases = root.findall('releases/release')
    check(len(releases) >= 1, f'{name}: no <release> in <releases> (Flathub requires one)')
    for r in releases:
        check(re.fullmatch(r'\d{4}-\d{2}-\d{2}', r.get('date') or '') is not None,
              f'{name}: release {r.get("version")} needs a date YYYY-MM-DD')
        check(r.find('description') is not None,
              f'{name}: release {r.get("version")} has no description')
    if releases:
        check(releases[0].get('version') == version,
              f'{name}: the newest release is {releases[0].get("version")}, '
              f'the project version is {version}')
        dates = [r.get('date') or '' for r in releases]
        check(dates == sorted(dates, reverse=True), f'{name}: releases must be newest first')

    # description, screenshots, urls, branding
    paragraphs = root.findall('description/p')
    check(len(paragraphs) >= 1 and all(len((p.text or '').split()) >= 5 for p in paragraphs),
          f'{name}: the description needs real paragraphs')
    shots = root.findall('screenshots/screenshot')
    check(len(shots) >= 1, f'{name}: no screenshots')
    check(sum(1 for s in shots if s.get('type') == 'default') == 1,
          f'{name}: exactly one screenshot must be the default')
    for s in shots:
        url = s.findtext('image') or ''
        check(url.startswith('https://'), f'{name}: screenshot {url!r} is not an https URL')
        check(bool(s.findtext('caption')), f'{name}: screenshot {url!r} has no caption')
    # the pictures live in data/screenshots/ of the repository the URLs point into
    shot_dir = os.path.join(os.path.dirname(os.path.abspath(icon_dir)), 'screenshots')
    if os.path.isdir(shot_dir) and os.listdir(shot_dir):
        for s in shots:
            base = os.path.basename(s.findtext('image') or '')
            check(os.path.isfile(os.path.join(shot_dir, base)),
                  f'{name}: screenshot {base} is not in data/screenshots/')
    else:
        print('note: data/screenshots/ is empty or missing; screenshot files not checked')
    urls = {u.get('type'): u.text for u in root.findall('url')}
    for kind in ('homepage', 'bugtracker'):
        check((urls.get(kind) or '').startswith('https://'), f'{name}: no https <url type="{kind}">')
    colors = {c.get('scheme_preference') for c in root.findall('branding/color')}
    check({'light', 'dark'} <= colors, f'{name}: branding needs a light and a dark colour')
    check(bool(root.findtext('developer_name') or root.findtext('developer/name')),
          f'{name}: no developer name')

    # launchable and provides
    launchable = root.find('launchable')
    check(launchable is not None and launchable.get('type') == 'desktop-id'
          and launchable.text == app_id + '.desktop',
          f'{name}: <launchable type="desktop-id"> must be {app_id}.desktop')
    check('lightsout' in [b.text for b in root.findall('provides/binary')],
          f'{name}: <provides> must name the binary lightsout')
    lengths = root.findall('requires/display_length')
    check(any(d.get('compare') == 'ge' and (d.text or '').strip() == '360' for d in lengths),
          f'{name}: <requires> needs display_length ge 360')

    # the desktop file
    check(os.path.basename(desktop) == app_id + '.desktop',
          f'the desktop file must be named {app_id}.desktop')
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str
    parser.read(desktop, encoding='utf-8')
    entry = parser['Desktop Entry'] if parser.has_section('Desktop Entry') else {}
    check(entry.get('Icon') == app_id, f'{desktop}: Icon must be {app_id}')
    check((entry.get('Exec') or '').split()[:1] == ['lightsout'], f'{desktop}: Exec must run lightsout')
    check('application/x-lightsout+xml' in (entry.get('MimeType') or '').split(';'),
          f'{desktop}: MimeType must list application/x-lightsout+xml')
    mediatypes = [m.text for m in root.findall('provides/mediatype')]
    check('application/x-lightsout+xml' in mediatypes,
          f'{name}: <provides> must list the mediatype application/x-lightsout+xml')

    # icons
    for sub in (f'scalable/apps/{app_id}.svg', f'symbolic/apps/{app_id}-symbolic.svg'):
        path = os.path.join(icon_dir, 'hicolor', sub)
        check(os.path.isfile(path), f'missing icon {path}')
        if os.path.isfile(path):
            svg = ET.parse(path).getroot()
            check(svg.tag == '{http://www.w3.org/2000/svg}svg', f'{path}: not an SVG')

    # schema id and path
    schema = ET.parse(gschema).getroot().find('schema')
    check(schema is not None and schema.get('id') == app_id, f'{gschema}: the schema id must be {app_id}')
    if schema is not None:
        check(schema.get('path') == '/' + app_id.replace('.', '/') + '/',
              f'{gschema}: the schema path must be /{app_id.replace(".", "/")}/')

    for f in failures:
        print(f)
    print(f'{len(failures)} problems')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
