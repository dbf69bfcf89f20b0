-- 005-programme.sql: what the programme (SPEC §2b) and the roadmap's
-- schedule (SPEC §1, "Schedule") keep per client and per process.
--
-- parallel_builds: the build lanes (<settings parallel-builds>, default 1).
-- step_weeks: the weeks the consultant set for the roadmap's step reaching a
-- level (<roadmap><step level weeks/>); a level without a row lasts its
-- default. process.include: auto, yes or no (<process include>).
-- The limits (parallel builds 1–20, step weeks 1–260, SPEC §2c) are checked
-- by the setters and when the engagement is analysed, not here, so that a row
-- written before a limit changed still opens and shows the input as invalid.
--
-- SPDX-License-Identifier: GPL-3.0-or-later

ALTER TABLE client ADD COLUMN parallel_builds INTEGER NOT NULL DEFAULT 1;

CREATE TABLE step_weeks (
  client INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
  level  INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  weeks  INTEGER NOT NULL,
  PRIMARY KEY (client, level)
) STRICT, WITHOUT ROWID;

ALTER TABLE process ADD COLUMN include TEXT NOT NULL DEFAULT 'auto'
  CHECK (include IN ('auto', 'yes', 'no'));
