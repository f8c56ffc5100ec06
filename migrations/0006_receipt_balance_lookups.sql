CREATE INDEX `points_entries_bill` ON `points_entries` (`bill_id`) WHERE "points_entries"."bill_id" is not null;--> statement-breakpoint
CREATE INDEX `wallet_entries_bill` ON `wallet_entries` (`bill_id`) WHERE "wallet_entries"."bill_id" is not null;--> statement-breakpoint
CREATE INDEX `wallet_entries_topup` ON `wallet_entries` (`topup_id`) WHERE "wallet_entries"."topup_id" is not null;