-- Shift close (交班 / Z report): src-main/shifts/schema.ts. A shift is opened once and closed once;
-- the close is its own row (one per shift: its primary key is the shift), never an update of the shift.
CREATE TABLE `shifts` (
	`id` text PRIMARY KEY NOT NULL,
	`till_id` text NOT NULL,
	`staff_id` text NOT NULL,
	`float_minor` integer NOT NULL,
	`opened_at` text NOT NULL,
	`business_date` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "shifts_float_nonneg" CHECK("shifts"."float_minor" >= 0)
);
--> statement-breakpoint
CREATE INDEX `shifts_till_opened` ON `shifts` (`till_id`,`opened_at`);--> statement-breakpoint
CREATE INDEX `shifts_business_date` ON `shifts` (`business_date`);--> statement-breakpoint
CREATE TABLE `shift_closes` (
	`shift_id` text PRIMARY KEY NOT NULL,
	`till_id` text NOT NULL,
	`staff_id` text NOT NULL,
	`closed_at` text NOT NULL,
	`expected_cash_minor` integer NOT NULL,
	`counted_minor` integer NOT NULL,
	`over_short_minor` integer NOT NULL,
	`denominations` text,
	`totals_json` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`shift_id`) REFERENCES `shifts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "shift_closes_counted_nonneg" CHECK("shift_closes"."counted_minor" >= 0),
	CONSTRAINT "shift_closes_over_short" CHECK("shift_closes"."over_short_minor" = "shift_closes"."counted_minor" - "shift_closes"."expected_cash_minor")
);
--> statement-breakpoint
CREATE TABLE `shift_print_jobs` (
	`print_job_id` text PRIMARY KEY NOT NULL,
	`shift_id` text NOT NULL,
	FOREIGN KEY (`print_job_id`) REFERENCES `print_jobs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`shift_id`) REFERENCES `shifts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `shift_print_jobs_shift` ON `shift_print_jobs` (`shift_id`);
--> statement-breakpoint
-- A shift's records are a till's bills and top-ups in a span of time (src-main/shifts/totals.ts).
CREATE INDEX `bills_till_created` ON `bills` (`till_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `topups_till_created` ON `topups` (`till_id`,`created_at`);
