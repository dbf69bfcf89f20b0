-- 002-build-order.sql: whether a client's process order is a build order set
-- by hand.
--
-- 1 when the consultant arranged the processes on the roadmap page: their
-- position is then the build order, and it replaces the suggested sequence
-- (readiness, then NPV, then position) in the window, the report and the CLI.
-- The .lightsout file carries it as <settings build-order="custom">.
--
-- SPDX-License-Identifier: GPL-3.0-or-later

ALTER TABLE client ADD COLUMN custom_order INTEGER NOT NULL DEFAULT 0
  CHECK (custom_order IN (0, 1));
