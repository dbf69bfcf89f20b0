-- 004-notes-agreed.sql: notes on answers and the answers a group agreed on
--
-- SPEC §1: any answer and any agreed answer may carry a note (the evidence or
-- the reason given); after a discussion the group may record an agreed
-- answer per question, which is the question's combined answer. The length
-- limit of notes (SPEC §2c) is checked when the assessment is scored, not
-- here, so that a row written before the limit still opens.
--
-- SPDX-License-Identifier: GPL-3.0-or-later

ALTER TABLE answer ADD COLUMN note TEXT;

-- value: 1 ... 5, 0 don't know, -1 not applicable (the model's values)
CREATE TABLE agreed (
  assessment INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  question   TEXT    NOT NULL,
  position   INTEGER NOT NULL,
  value      INTEGER NOT NULL CHECK (value BETWEEN -1 AND 5),
  note       TEXT,
  PRIMARY KEY (assessment, question)
) STRICT, WITHOUT ROWID;
