#!/usr/bin/env python3
# test-browser-questionnaire.py: the questionnaire in a real browser
#
# Writes a questionnaire with `lightsout questionnaire`, opens it from disk
# (file://) in headless Chromium driven over the DevTools protocol
# (--remote-debugging-pipe, Python's standard library only), answers it,
# clicks "Save my answers", takes the downloaded answers file, merges it with
# `lightsout merge` and checks `lightsout score` against figures worked out
# by hand below. Skipped (exit 77) when Chromium is not installed.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77

LIGHTSOUT = os.environ.get('LIGHTSOUT')
CHROMIUM = shutil.which('chromium') or shutil.which('chromium-browser')

ENGAGEMENT = '''<?xml version="1.0" encoding="UTF-8"?>
<engagement xmlns="urn:lightsout:engagement:1" version="2.0">
  <client name="Nordlicht &amp; Söhne"/>
  <assessment id="remote-2026" date="2026-11-02" bank="lightsout-default" bank-edition="2"/>
</engagement>
'''

# The answers, by dimension (bank order) and question (dimension order):
# levels, "dk" (don't know) or "na". The shipped bank weighs process.rules
# (process, 2nd) and data.access (data, 1st) 1.5, every other question 1.
#   process: (2·1 + 2·1.5 + 3 + 3) / (1 + 1.5 + 1 + 1) = 11 / 4.5 = 22/9, level 2
#   data: all 4 → 4;  automation: four 3s, one n/a → 3
#   oversight: all 5 → 5;  people: 1 … 5 → 15/5 = 3
#   overall level min (2, 4, 3, 5, 3) = 2
#   overall score (22/9 + 4 + 3 + 5 + 3) / 5 = 157/45
ANSWERS = [
    ['2', '2', '3', '3', 'dk'],
    ['4', '4', '4', '4', '4'],
    ['3', '3', '3', '3', '3'],   # the first question that allows it gets "na" instead
    ['5', '5', '5', '5', '5'],
    ['1', '2', '3', '4', '5'],
]
EXPECTED_DIMENSIONS = [22 / 9, 4, 3, 5, 3]
EXPECTED_OVERALL = 157 / 45
NOTE = 'Seen the "handbook" <v2> & the wiki;\nit is out of date.'
NAME = 'Zoë <Tester>'
ROLE = 'CFO & COO'


class DevTools:
    """The DevTools protocol over --remote-debugging-pipe: JSON messages
    separated by NUL bytes, commands on the browser's fd 3, replies and
    events on its fd 4."""

    def __init__(self, profile):
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()

        def child_fds():
            # dup2 onto itself keeps close-on-exec: clear it explicitly
            os.dup2(to_browser_r, 3)
            os.dup2(from_browser_w, 4)
            os.set_inheritable(3, True)
            os.set_inheritable(4, True)

        self.process = subprocess.Popen(
            [CHROMIUM, '--headless=new', '--no-sandbox', '--disable-gpu',
             '--no-first-run', '--no-default-browser-check',
             '--remote-debugging-pipe', '--user-data-dir=' + profile,
             '--window-size=1024,768', 'about:blank'],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=None if os.environ.get("LO_TEST_VERBOSE") else subprocess.DEVNULL,
            close_fds=False, preexec_fn=child_fds)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.next_id = 0
        self.buffer = b''
        self.events = []

    def _read_message(self, deadline):
        while b'\0' not in self.buffer:
            if time.monotonic() > deadline:
                raise TimeoutError('no answer from Chromium')
            chunk = os.read(self.from_browser, 65536)
            if not chunk:
                raise EOFError('Chromium closed the pipe')
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b'\0', 1)
        return json.loads(message)

    def send(self, method, params=None, session=None, timeout=30):
        self.next_id += 1
        message = {'id': self.next_id, 'method': method, 'params': params or {}}
        if session:
            message['sessionId'] = session
        os.write(self.to_browser, json.dumps(message).encode() + b'\0')
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get('id') == self.next_id:
                if 'error' in reply:
                    raise RuntimeError('%s: %s' % (method, reply['error']))
                return reply.get('result', {})
            self.events.append(reply)

    def wait_event(self, method, timeout=30, match=lambda params: True):
        deadline = time.monotonic() + timeout
        while True:
            for event in self.events:
                if event.get('method') == method and match(event.get('params', {})):
                    self.events.remove(event)
                    return event['params']
            self.events.append(self._read_message(deadline))

    def close(self):
        try:
            self.send('Browser.close', timeout=5)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def run(*args, check=True):
    result = subprocess.run([LIGHTSOUT] + list(args), capture_output=True, text=True)
    if check and result.returncode != 0:
        sys.exit('lightsout %s failed: %s' % (' '.join(args), result.stderr))
    return result


FILL_FORM = '''
(function (answers, note, name, role) {
  var form = document.getElementById('lo-form');
  var sets = form.querySelectorAll('fieldset.q');
  var n = 0, naDone = false;
  answers.forEach(function (dimension, d) {
    dimension.forEach(function (value, j) {
      var i = n++;
      if (d === 2 && !naDone && form.querySelector('#q' + i + '-na')) { value = 'na'; naDone = true; }
      var radio = form.querySelector('#q' + i + '-' + value);
      if (!radio) throw new Error('no option ' + value + ' for question ' + i);
      radio.click();
    });
  });
  form.elements['q0-note'].value = note;
  form.elements['respondent-name'].value = name;
  form.elements['respondent-role'].value = role;
  /* every radio group has a legend and every control a label */
  var unlabelled = Array.prototype.filter.call(form.querySelectorAll('input, textarea'), function (e) {
    return !form.querySelector('label[for="' + e.id + '"]');
  }).length;
  return JSON.stringify({questions: sets.length, unlabelled: unlabelled, naDone: naDone});
})
'''


def answer_in_browser(form, downloads, profile):
    browser = DevTools(profile)
    try:
        browser.send('Browser.setDownloadBehavior',
                     {'behavior': 'allow', 'downloadPath': downloads, 'eventsEnabled': True})
        targets = browser.send('Target.getTargets')['targetInfos']
        page = next(t for t in targets if t['type'] == 'page')
        session = browser.send('Target.attachToTarget',
                               {'targetId': page['targetId'], 'flatten': True})['sessionId']
        browser.send('Page.enable', session=session)
        browser.send('Runtime.enable', session=session)
        # a phone's width: nothing may stick out sideways
        browser.send('Emulation.setDeviceMetricsOverride',
                     {'width': 390, 'height': 844, 'deviceScaleFactor': 1, 'mobile': True},
                     session=session)
        browser.send('Page.navigate', {'url': 'file://' + form}, session=session)
        browser.wait_event('Page.loadEventFired')
        width = browser.send('Runtime.evaluate',
                             {'expression': 'document.documentElement.scrollWidth', 'returnByValue': True},
                             session=session)['result']['value']
        assert width <= 390, width

        result = browser.send('Runtime.evaluate', {
            'expression': '(%s)(%s, %s, %s, %s)' % (FILL_FORM, json.dumps(ANSWERS), json.dumps(NOTE),
                                                    json.dumps(NAME), json.dumps(ROLE)),
            'returnByValue': True}, session=session)
        if 'exceptionDetails' in result:
            sys.exit('filling the form failed: %s' % result['exceptionDetails'])
        facts = json.loads(result['result']['value'])
        assert facts['questions'] == 25, facts
        assert facts['unlabelled'] == 0, facts
        assert facts['naDone'], facts

        # "Save my answers", from the keyboard: focus the button, press Enter
        browser.send('Runtime.evaluate',
                     {'expression': "document.querySelector('button[type=submit]').focus()"},
                     session=session)
        for kind in ('keyDown', 'keyUp'):
            browser.send('Input.dispatchKeyEvent',
                         {'type': kind, 'key': 'Enter', 'code': 'Enter',
                          'windowsVirtualKeyCode': 13, 'text': '\r' if kind == 'keyDown' else ''},
                         session=session)
        done = browser.wait_event('Browser.downloadProgress', timeout=30,
                                  match=lambda p: p.get('state') in ('completed', 'canceled'))
        assert done['state'] == 'completed', done

        status = browser.send('Runtime.evaluate',
                              {'expression': "document.getElementById('status').textContent",
                               'returnByValue': True}, session=session)
        assert 'answers-' in status['result']['value'], status
    finally:
        browser.close()

    files = [f for f in os.listdir(downloads) if f.endswith('.lightsout')]
    assert len(files) == 1, files
    return os.path.join(downloads, files[0])


def main():
    if CHROMIUM is None:
        print('1..0 # SKIP chromium is not installed (apt-get install chromium)')
        return SKIP
    if LIGHTSOUT is None:
        sys.exit('$LIGHTSOUT is not set')

    with tempfile.TemporaryDirectory() as tmp:
        engagement = os.path.join(tmp, 'nordlicht.lightsout')
        form = os.path.join(tmp, 'form.html')
        downloads = os.path.join(tmp, 'downloads')
        os.mkdir(downloads)
        with open(engagement, 'w', encoding='utf-8') as f:
            f.write(ENGAGEMENT)

        run('questionnaire', engagement, '-o', form)
        with open(form, encoding='utf-8') as f:
            html = f.read()
        # self-contained: nothing fetched from anywhere
        for needle in ('http://', 'https://', ' src=', '<link', '@import', 'url('):
            assert needle not in html, needle

        answers = answer_in_browser(form, downloads, os.path.join(tmp, 'profile'))
        with open(answers, encoding='utf-8') as f:
            text = f.read()
        assert 'version="2.0"' in text, text[:200]
        assert os.path.basename(answers) == 'answers-nordlicht-sohne-zoe-tester.lightsout', answers

        run('merge', answers, '--into', engagement)
        score = json.loads(run('score', engagement, '--json').stdout)

        assert score['complete'] is True, score
        assert score['overall-level'] == 2, score['overall-level']
        assert abs(score['overall-score'] - EXPECTED_OVERALL) < 1e-9, score['overall-score']
        for dimension, expected in zip(score['dimensions'], EXPECTED_DIMENSIONS):
            assert abs(dimension['score'] - expected) < 1e-9, (dimension, expected)
        first = score['questions'][0]
        assert first['answers'] == [{'respondent': 'zoe-tester', 'level': 2, 'na': False,
                                     'note': NOTE}], first
        fifth = score['questions'][4]
        assert fifth['answers'][0]['level'] is None and fifth['answers'][0]['na'] is False, fifth

        # the same answers again are refused: the respondent is there
        again = run('merge', answers, '--into', engagement, check=False)
        assert again.returncode != 0 and 'Zoë <Tester>' in again.stderr, again.stderr

    print('1..1')
    print('ok 1 /browser/questionnaire answered in Chromium, saved, merged and scored')
    return 0


if __name__ == '__main__':
    sys.exit(main())
