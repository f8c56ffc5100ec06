CREATE TABLE `bill_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`bill_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`product_id` text,
	`name` text NOT NULL,
	`unit_price_minor` integer NOT NULL,
	`quantity` integer NOT NULL,
	`gross_minor` integer NOT NULL,
	`discount_minor` integer NOT NULL,
	`net_minor` integer NOT NULL,
	`refund_of_line_id` text,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`refund_of_line_id`) REFERENCES `bill_lines`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "bill_lines_net" CHECK("bill_lines"."gross_minor" - "bill_lines"."discount_minor" = "bill_lines"."net_minor")
);
--> statement-breakpoint
CREATE INDEX `bill_lines_bill` ON `bill_lines` (`bill_id`);--> statement-breakpoint
CREATE INDEX `bill_lines_refund_of` ON `bill_lines` (`refund_of_line_id`);--> statement-breakpoint
CREATE TABLE `bills` (
	`id` text PRIMARY KEY NOT NULL,
	`till_id` text NOT NULL,
	`bill_no` text NOT NULL,
	`business_date` text NOT NULL,
	`kind` text NOT NULL,
	`original_bill_id` text,
	`member_id` text,
	`staff_id` text NOT NULL,
	`subtotal_minor` integer NOT NULL,
	`discount_minor` integer NOT NULL,
	`total_minor` integer NOT NULL,
	`points_earned` integer DEFAULT 0 NOT NULL,
	`points_reversal_waived` integer DEFAULT 0 NOT NULL,
	`tier_discount_bp` integer DEFAULT 0 NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`original_bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "bills_sign" CHECK(("bills"."kind" = 'sale' and "bills"."total_minor" >= 0) or ("bills"."kind" = 'refund' and "bills"."total_minor" <= 0)),
	CONSTRAINT "bills_total" CHECK("bills"."subtotal_minor" - "bills"."discount_minor" = "bills"."total_minor")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bills_till_bill_no` ON `bills` (`till_id`,`bill_no`);--> statement-breakpoint
CREATE INDEX `bills_member_created` ON `bills` (`member_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `bills_business_date` ON `bills` (`business_date`);--> statement-breakpoint
CREATE INDEX `bills_original` ON `bills` (`original_bill_id`);--> statement-breakpoint
CREATE TABLE `counters` (
	`name` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`key` text PRIMARY KEY NOT NULL,
	`operation` text NOT NULL,
	`request_hash` text NOT NULL,
	`result_json` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `members` (
	`id` text PRIMARY KEY NOT NULL,
	`till_id` text NOT NULL,
	`code` text NOT NULL,
	`phone` text NOT NULL,
	`phone_last4` text NOT NULL,
	`name` text NOT NULL,
	`name_initials` text NOT NULL,
	`name_pinyin` text NOT NULL,
	`birth_month` integer,
	`birth_day` integer,
	`birth_year` integer,
	`gender` text,
	`tier_id` text NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`sms_bill_consent` integer DEFAULT false NOT NULL,
	`sms_marketing_consent` integer DEFAULT false NOT NULL,
	`referred_by_id` text,
	`created_at` text NOT NULL,
	`created_by_staff_id` text NOT NULL,
	`archived_at` text,
	`balance_principal_minor` integer DEFAULT 0 NOT NULL,
	`balance_bonus_minor` integer DEFAULT 0 NOT NULL,
	`points` integer DEFAULT 0 NOT NULL,
	`total_spent_minor` integer DEFAULT 0 NOT NULL,
	`visit_count` integer DEFAULT 0 NOT NULL,
	`first_visit_at` text,
	`last_visit_at` text,
	FOREIGN KEY (`tier_id`) REFERENCES `tiers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "members_balance_principal_nonneg" CHECK("members"."balance_principal_minor" >= 0),
	CONSTRAINT "members_balance_bonus_nonneg" CHECK("members"."balance_bonus_minor" >= 0),
	CONSTRAINT "members_points_nonneg" CHECK("members"."points" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `members_code_unique` ON `members` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `members_active_phone_unique` ON `members` (`phone`) WHERE "members"."archived_at" is null;--> statement-breakpoint
CREATE INDEX `members_phone_last4` ON `members` (`phone_last4`);--> statement-breakpoint
CREATE INDEX `members_initials` ON `members` (`name_initials`);--> statement-breakpoint
CREATE INDEX `members_pinyin` ON `members` (`name_pinyin`);--> statement-breakpoint
CREATE INDEX `members_last_visit` ON `members` (`last_visit_at`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`till_id` text NOT NULL,
	`bill_id` text NOT NULL,
	`method` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`tendered_minor` integer,
	`change_minor` integer,
	`principal_minor` integer DEFAULT 0 NOT NULL,
	`bonus_minor` integer DEFAULT 0 NOT NULL,
	`points` integer DEFAULT 0 NOT NULL,
	`refund_of_payment_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`refund_of_payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payments_bill` ON `payments` (`bill_id`);--> statement-breakpoint
CREATE INDEX `payments_refund_of` ON `payments` (`refund_of_payment_id`);--> statement-breakpoint
CREATE TABLE `points_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`till_id` text NOT NULL,
	`member_id` text NOT NULL,
	`kind` text NOT NULL,
	`delta` integer NOT NULL,
	`balance_after` integer NOT NULL,
	`bill_id` text,
	`reason` text DEFAULT '' NOT NULL,
	`staff_id` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "points_entries_after_nonneg" CHECK("points_entries"."balance_after" >= 0)
);
--> statement-breakpoint
CREATE INDEX `points_entries_member` ON `points_entries` (`member_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`barcode` text,
	`price_minor` integer NOT NULL,
	`category` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	CONSTRAINT "products_price_nonneg" CHECK("products"."price_minor" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_barcode_unique` ON `products` (`barcode`) WHERE "products"."barcode" is not null;--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `staff` (
	`id` text PRIMARY KEY NOT NULL,
	`till_id` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`created_at` text NOT NULL,
	`archived_at` text
);
--> statement-breakpoint
CREATE TABLE `tiers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`discount_bp` integer NOT NULL,
	`points_per_unit` integer NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`archived_at` text,
	CONSTRAINT "tiers_discount_range" CHECK("tiers"."discount_bp" between 0 and 10000),
	CONSTRAINT "tiers_points_nonneg" CHECK("tiers"."points_per_unit" >= 0)
);
--> statement-breakpoint
CREATE TABLE `tills` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`is_local` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `topup_bonus_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`min_principal_minor` integer NOT NULL,
	`bonus_minor` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	CONSTRAINT "topup_bonus_rules_positive" CHECK("topup_bonus_rules"."min_principal_minor" > 0 and "topup_bonus_rules"."bonus_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE `topups` (
	`id` text PRIMARY KEY NOT NULL,
	`till_id` text NOT NULL,
	`kind` text NOT NULL,
	`original_topup_id` text,
	`member_id` text NOT NULL,
	`staff_id` text NOT NULL,
	`method` text NOT NULL,
	`principal_minor` integer NOT NULL,
	`bonus_minor` integer NOT NULL,
	`bonus_rule_id` text,
	`business_date` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`original_topup_id`) REFERENCES `topups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bonus_rule_id`) REFERENCES `topup_bonus_rules`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `topups_member_created` ON `topups` (`member_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `topups_original` ON `topups` (`original_topup_id`);--> statement-breakpoint
CREATE TABLE `wallet_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`till_id` text NOT NULL,
	`member_id` text NOT NULL,
	`kind` text NOT NULL,
	`principal_delta_minor` integer NOT NULL,
	`bonus_delta_minor` integer NOT NULL,
	`principal_after_minor` integer NOT NULL,
	`bonus_after_minor` integer NOT NULL,
	`bill_id` text,
	`topup_id` text,
	`reason` text DEFAULT '' NOT NULL,
	`staff_id` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`topup_id`) REFERENCES `topups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "wallet_entries_after_nonneg" CHECK("wallet_entries"."principal_after_minor" >= 0 and "wallet_entries"."bonus_after_minor" >= 0)
);
--> statement-breakpoint
CREATE INDEX `wallet_entries_member` ON `wallet_entries` (`member_id`,`created_at`);