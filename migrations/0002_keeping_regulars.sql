CREATE TABLE `birthday_greetings` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`year` integer NOT NULL,
	`outbox_id` text,
	`gift_points` integer DEFAULT 0 NOT NULL,
	`gift_bonus_minor` integer DEFAULT 0 NOT NULL,
	`staff_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `birthday_greetings_member_year` ON `birthday_greetings` (`member_id`,`year`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` text PRIMARY KEY NOT NULL,
	`till_id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`template` text NOT NULL,
	`offer` text DEFAULT '' NOT NULL,
	`offer_expiry` text,
	`won_back_days` integer NOT NULL,
	`staff_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `campaigns_created` ON `campaigns` (`created_at`);--> statement-breakpoint
CREATE TABLE `consent_events` (
	`id` text PRIMARY KEY NOT NULL,
	`till_id` text NOT NULL,
	`member_id` text NOT NULL,
	`kind` text NOT NULL,
	`granted` integer NOT NULL,
	`source` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`staff_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consent_events_member` ON `consent_events` (`member_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`till_id` text NOT NULL,
	`member_id` text NOT NULL,
	`campaign_id` text,
	`channel` text NOT NULL,
	`outcome` text,
	`feedback` text DEFAULT '' NOT NULL,
	`outbox_id` text,
	`staff_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contacts_member` ON `contacts` (`member_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `contacts_campaign` ON `contacts` (`campaign_id`);--> statement-breakpoint
CREATE TABLE `retention_fits` (
	`id` text PRIMARY KEY NOT NULL,
	`as_of_date` text NOT NULL,
	`members` integer NOT NULL,
	`r` real NOT NULL,
	`alpha` real NOT NULL,
	`a` real NOT NULL,
	`b` real NOT NULL,
	`log_likelihood` real NOT NULL,
	`converged` integer NOT NULL,
	`duration_ms` integer NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `secrets` (
	`name` text PRIMARY KEY NOT NULL,
	`ciphertext` text NOT NULL,
	`scheme` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sms_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`outbox_id` text NOT NULL,
	`attempt` integer NOT NULL,
	`provider` text NOT NULL,
	`outcome` text NOT NULL,
	`error` text DEFAULT '' NOT NULL,
	`provider_message_id` text,
	`started_at` text NOT NULL,
	`finished_at` text NOT NULL,
	FOREIGN KEY (`outbox_id`) REFERENCES `sms_outbox`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sms_attempts_outbox` ON `sms_attempts` (`outbox_id`);--> statement-breakpoint
CREATE TABLE `sms_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`till_id` text NOT NULL,
	`kind` text NOT NULL,
	`member_id` text,
	`campaign_id` text,
	`bill_id` text,
	`phone` text NOT NULL,
	`text` text NOT NULL,
	`signature` text NOT NULL,
	`segments` integer NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`last_error` text DEFAULT '' NOT NULL,
	`provider` text,
	`provider_message_id` text,
	`cost_micros` integer,
	`cost_currency` text,
	`billed_segments` integer,
	`created_at` text NOT NULL,
	`sent_at` text,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sms_outbox_due` ON `sms_outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `sms_outbox_campaign` ON `sms_outbox` (`campaign_id`);--> statement-breakpoint
CREATE INDEX `sms_outbox_created` ON `sms_outbox` (`created_at`);--> statement-breakpoint
ALTER TABLE `members` ADD `visit_days` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `members` ADD `first_visit_date` text;--> statement-breakpoint
ALTER TABLE `members` ADD `last_visit_date` text;--> statement-breakpoint
ALTER TABLE `members` ADD `do_not_contact` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `members_last_visit_date` ON `members` (`last_visit_date`);--> statement-breakpoint
-- Backfill the new cached visit columns from the bills already in the file (hand-written: the same
-- figures commitSale maintains from now on; the ledger invariants check they agree).
UPDATE `members` SET
  `visit_days` = (SELECT count(DISTINCT `business_date`) FROM `bills` WHERE `bills`.`member_id` = `members`.`id` AND `kind` = 'sale'),
  `first_visit_date` = (SELECT min(`business_date`) FROM `bills` WHERE `bills`.`member_id` = `members`.`id` AND `kind` = 'sale'),
  `last_visit_date` = (SELECT max(`business_date`) FROM `bills` WHERE `bills`.`member_id` = `members`.`id` AND `kind` = 'sale');
