#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest as far as a machine without the runtimes allows.

Usage: check-flatpak.py APP_ID MANIFEST BUILD_ROOT

- the JSON is well-formed (json.load rejects what `python3 -m json.tool` rejects);
- id, command, runtime, sdk and finish-args are what PLATFORM.md asks for: no
  network, no filesystem access (files go through the portal);
- the app module builds with meson from the source tree;
- what `meson install` puts in place matches: bin/<command>, the modules it
  loads (<libdir>/lightsout/lightsout-draw.so and lightsout-office.so), and every file that
  Flatpak exports (desktop file, metainfo, icons, MIME package) is named after
  the app id;
- where flatpak-builder is installed, `flatpak-builder --show-manifest` reads it
  without a warning (it cannot build here: the runtimes cannot be downloaded).
"""

import json
import os
import shutil
import subprocess
import sys

FINISH_ARGS = ['--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri']
EXPORTED_DIRS = ('share/applications/', 'share/metainfo/', 'share/icons/',
                 'share/mime/packages/', 'share/dbus-1/services/')

failures = []


def check(ok, message):
    if not ok:
        failures.append(message)


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    app_id, manifest_path, build_root = sys.argv[1:]
    name = os.path.basename(manifest_path)

    with open(manifest_path, encoding='utf-8') as f:
        try:
            manifest = json.load(f)
        except json.JSONDecodeError as e:
            print(f'{name}: not well-formed JSON: {e}')
            return 1

    check(name == app_id + '.json', f'{name}: the manifest must be named {app_id}.json')
    check(manifest.get('id', manifest.get('app-id')) == app_id, f'{name}: id must be {app_id}')
    check(manifest.get('runtime') == 'org.gnome.Platform', f'{name}: runtime must be org.gnome.Platform')
    check(manifest.get('sdk') == 'org.gnome.Sdk', f'{name}: sdk must be org.gnome.Sdk')
    version = str(manifest.get('runtime-version', ''))
    check(version.isdigit() and int(version) >= 47,
          f'{name}: runtime-version {version!r} must be a supported GNOME runtime (47 or later)')
    check(manifest.get('command') == 'lightsout', f'{name}: command must be lightsout')

    finish = manifest.get('finish-args', [])
    check(finish == FINISH_ARGS, f'{name}: finish-args must be exactly {FINISH_ARGS}, not {finish}')
    for arg in finish:
        check(not arg.startswith(('--filesystem', '--share=network', '--socket=x11',
                                  '--device=all', '--talk-name=org.freedesktop.Flatpak')),
              f'{name}: {arg} gives more than the app needs')

    modules = manifest.get('modules', [])
    check(len(modules) >= 1 and isinstance(modules[-1], dict), f'{name}: no modules')
    if modules and isinstance(modules[-1], dict):
        app = modules[-1]
        check(app.get('name') == 'lightsout', f'{name}: the last module must be lightsout')
        check(app.get('buildsystem') == 'meson', f'{name}: the app module must build with meson')
        sources = app.get('sources', [])
        check(any(s.get('type') == 'dir' and s.get('path') == '..' for s in sources),
              f'{name}: the app module must take its sources from the directory ".."')
        root = os.path.normpath(os.path.join(os.path.dirname(manifest_path), '..'))
        check(os.path.isfile(os.path.join(root, 'meson.build')),
              f'{name}: ".." from the manifest is not the source root')

    # what meson installs
    installed_json = os.path.join(build_root, 'meson-info', 'intro-installed.json')
    with open(installed_json, encoding='utf-8') as f:
        installed = json.load(f)
    prefix = None
    for line in open(os.path.join(build_root, 'meson-info', 'intro-buildoptions.json'), encoding='utf-8'):
        for opt in json.loads(line):
            if opt['name'] == 'prefix':
                prefix = opt['value']
    rel = sorted(os.path.relpath(dest, prefix) for dest in installed.values())
    command = manifest.get('command', '')
    check(f'bin/{command}' in rel, f'meson installs no bin/{command}')
    for want in (f'share/applications/{app_id}.desktop',
                 f'share/metainfo/{app_id}.metainfo.xml',
                 f'share/icons/hicolor/scalable/apps/{app_id}.svg',
                 f'share/icons/hicolor/symbolic/apps/{app_id}-symbolic.svg',
                 f'share/mime/packages/{app_id}.xml',
                 f'share/glib-2.0/schemas/{app_id}.gschema.xml'):
        check(want in rel, f'meson does not install {want}')
    # the modules `lightsout` loads from <libdir>/lightsout (report, chart;
    # report -o X.docx|X.xlsx)
    for module in ('lightsout-draw.so', 'lightsout-office.so'):
        check(any(path.endswith(f'/lightsout/{module}') for path in rel),
              f'meson does not install <libdir>/lightsout/{module}')
    for path in rel:
        if path.startswith(EXPORTED_DIRS):
            check(os.path.basename(path).startswith(app_id),
                  f'{path}: Flatpak exports only files named after {app_id}')

    # flatpak-builder's own reading, where it exists
    builder = shutil.which('flatpak-builder')
    if builder:
        r = subprocess.run([builder, '--show-manifest', manifest_path],
                           capture_output=True, text=True, check=False)
        check(r.returncode == 0 and 'WARNING' not in r.stderr and 'rror' not in r.stderr,
              f'flatpak-builder --show-manifest: {r.stderr.strip() or r.returncode}')
        print('flatpak-builder --show-manifest read the manifest')
    else:
        print('flatpak-builder is not installed: its own reading was skipped')

    for f in failures:
        print(f)
    print(f'{len(rel)} installed files checked, {len(failures)} problems')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
