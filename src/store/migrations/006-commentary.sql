-- 006-commentary.sql: the consultant's words per client (<commentary>,
-- SPEC §3): the cover note, a comment per dimension of the bank and the next
-- steps, one row each.
--
-- part: 'cover', 'dimension' or 'next-steps'; dimension: the bank's
-- dimension id for a 'dimension' row, '' otherwise; position: the order the
-- dimension comments were made in (the file keeps it). The length limit
-- (20 000 characters, SPEC §2c) is checked by the setter and the importer,
-- not here, so that a row written before a limit changed still opens.
--
-- SPDX-License-Identifier: GPL-3.0-or-later

CREATE TABLE commentary (
  client    INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
  part      TEXT    NOT NULL CHECK (part IN ('cover', 'dimension', 'next-steps')),
  dimension TEXT    NOT NULL DEFAULT '',
  position  INTEGER NOT NULL,
  text      TEXT    NOT NULL,
  PRIMARY KEY (client, part, dimension)
) STRICT, WITHOUT ROWID;
