CREATE TABLE `print_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`till_id` text NOT NULL,
	`purpose` text NOT NULL,
	`bill_id` text,
	`topup_id` text,
	`status` text NOT NULL,
	`error_code` text,
	`error_detail` text DEFAULT '' NOT NULL,
	`warning` text,
	`target` text DEFAULT '' NOT NULL,
	`staff_id` text,
	`created_at` text NOT NULL,
	`finished_at` text,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`topup_id`) REFERENCES `topups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `print_jobs_status` ON `print_jobs` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `print_jobs_bill` ON `print_jobs` (`bill_id`);--> statement-breakpoint
CREATE INDEX `print_jobs_topup` ON `print_jobs` (`topup_id`);--> statement-breakpoint
ALTER TABLE `sms_outbox` ADD `topup_id` text REFERENCES topups(id);--> statement-breakpoint
CREATE UNIQUE INDEX `sms_outbox_ebill_bill` ON `sms_outbox` (`bill_id`) WHERE "sms_outbox"."kind" = 'bill' and "sms_outbox"."bill_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `sms_outbox_ebill_topup` ON `sms_outbox` (`topup_id`) WHERE "sms_outbox"."kind" = 'bill' and "sms_outbox"."topup_id" is not null;