-- 003-bank-edition.sql: the edition of the question bank an assessment was
-- answered with.
--
-- The .lightsout file carries it as <assessment bank-edition="N"> (absent: 1).
-- An assessment keeps its edition for good, so that one answered with edition
-- 1 of a bank opens, scores and reports with edition 1's text after a newer
-- edition ships. bank_version (001) still names the kept copy used to score
-- it; the two differ only for assessments from before editions existed whose
-- bank is not shipped (the newest kept copy was taken for those).
--
-- SPDX-License-Identifier: GPL-3.0-or-later

ALTER TABLE assessment ADD COLUMN bank_edition INTEGER NOT NULL DEFAULT 1
  CHECK (bank_edition >= 1);
