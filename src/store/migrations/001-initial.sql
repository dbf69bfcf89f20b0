-- 001-initial.sql: the first schema of the Lights Out database.
--
-- Migrations are never edited once shipped: a change to the schema is a new
-- file NNN-what.sql. Each one runs in its own transaction together with the
-- PRAGMA user_version bump (see lo-store.c).
--
-- Row ids are internal; "sid" columns hold the ids of the .lightsout file.
-- "position" keeps the file order of everything so that file -> database ->
-- file gives the same bytes.
--
-- SPDX-License-Identifier: GPL-3.0-or-later

CREATE TABLE client (
  id               INTEGER PRIMARY KEY,
  name             TEXT    NOT NULL CHECK (length(name) > 0),
  industry         TEXT,
  horizon_months   INTEGER NOT NULL DEFAULT 36,
  discount_rate    REAL    NOT NULL DEFAULT 0.08,
  currency         TEXT    NOT NULL DEFAULT 'USD',
  hours_per_week   REAL    NOT NULL DEFAULT 40,
  realisation_rate REAL    NOT NULL DEFAULT 1,
  created          INTEGER NOT NULL,
  modified         INTEGER NOT NULL,
  -- unix time of the deletion; NULL while the client is live. Deleted clients
  -- are hidden everywhere and can be restored until they are purged.
  deleted_at       INTEGER
) STRICT;

CREATE UNIQUE INDEX client_live_name ON client (name) WHERE deleted_at IS NULL;

CREATE TABLE assessment (
  id           INTEGER PRIMARY KEY,
  client       INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
  sid          TEXT    NOT NULL,
  position     INTEGER NOT NULL,
  date         TEXT    NOT NULL,
  bank         TEXT    NOT NULL,
  -- the version of the kept bank (bank table) the assessment was taken with;
  -- NULL when no copy of the bank is known
  bank_version INTEGER,
  UNIQUE (client, sid)
) STRICT;

CREATE TABLE respondent (
  id         INTEGER PRIMARY KEY,
  assessment INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  sid        TEXT    NOT NULL,
  position   INTEGER NOT NULL,
  name       TEXT,
  role       TEXT,
  UNIQUE (assessment, sid)
) STRICT;

-- value: 1 ... 5, 0 don't know, -1 not applicable (the model's values)
CREATE TABLE answer (
  respondent INTEGER NOT NULL REFERENCES respondent (id) ON DELETE CASCADE,
  question   TEXT    NOT NULL,
  position   INTEGER NOT NULL,
  value      INTEGER NOT NULL CHECK (value BETWEEN -1 AND 5),
  PRIMARY KEY (respondent, question)
) STRICT, WITHOUT ROWID;

CREATE TABLE target (
  assessment INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  dimension  TEXT    NOT NULL,
  position   INTEGER NOT NULL,
  level      INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  PRIMARY KEY (assessment, dimension)
) STRICT, WITHOUT ROWID;

CREATE TABLE process (
  id              INTEGER PRIMARY KEY,
  client          INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
  sid             TEXT    NOT NULL,
  position        INTEGER NOT NULL,
  name            TEXT,
  start_year      INTEGER,            -- NULL: no start
  start_month     INTEGER,
  clarity         INTEGER,            -- NULL: no readiness
  access          INTEGER,
  scope           INTEGER,
  alt_build_cost  REAL,               -- NULL: no alternative quote
  alt_build_weeks REAL,
  UNIQUE (client, sid)
) STRICT;

-- one row per input present in the file (or ranged); input is its file name
CREATE TABLE process_input (
  process  INTEGER NOT NULL REFERENCES process (id) ON DELETE CASCADE,
  input    TEXT    NOT NULL,
  position INTEGER NOT NULL,
  is_set   INTEGER NOT NULL,
  value    REAL    NOT NULL,
  low      REAL,                      -- NULL: no range
  high     REAL,
  PRIMARY KEY (process, input)
) STRICT, WITHOUT ROWID;

-- recorded monthly actuals; NULL for an absent figure
CREATE TABLE actual (
  process  INTEGER NOT NULL REFERENCES process (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  year     INTEGER NOT NULL,
  month    INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  items    REAL,
  hours    REAL,
  errors   REAL,
  run_cost REAL,
  PRIMARY KEY (process, position)
) STRICT, WITHOUT ROWID;

-- the question banks assessments were taken with, as XML, by (id, version)
CREATE TABLE bank (
  sid     TEXT    NOT NULL,
  version INTEGER NOT NULL,
  xml     TEXT    NOT NULL,
  added   INTEGER NOT NULL,
  PRIMARY KEY (sid, version)
) STRICT, WITHOUT ROWID;
