-- The reports (src-main/reports/liability.ts): the points owed at the end of a past business day are
-- the members' points now less the entries written after that day; this index answers that sum
-- from the index alone, without reading the years of entries before the day.
CREATE INDEX `points_entries_created` ON `points_entries` (`created_at`,`delta`);
