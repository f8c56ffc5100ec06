-- Filled for members already in the file when the ledger opens (ledger/member-figures.ts
-- ensureMemberFigures): the lapsed rule depends on the shop's settings, which only the application reads.
ALTER TABLE `members` ADD `monthly_spend_minor` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `members` ADD `lapsed_from_date` text;--> statement-breakpoint
CREATE INDEX `members_active_monthly_spend` ON `members` ("monthly_spend_minor" desc,`id`,`lapsed_from_date`) WHERE "members"."archived_at" is null;--> statement-breakpoint
CREATE INDEX `members_active_lapsed_from` ON `members` (`lapsed_from_date`,`monthly_spend_minor`) WHERE "members"."archived_at" is null;
