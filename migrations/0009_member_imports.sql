-- Imports from another system (src-main/imports): one row per committed import of members or of
-- visit history. Bills and members written by an import point at their batch; ALTER TABLE ADD COLUMN
-- with a NULL default is O(1) however many bills the file holds.
CREATE TABLE `import_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`till_id` text NOT NULL,
	`batch_no` integer NOT NULL,
	`kind` text NOT NULL,
	`file_name` text DEFAULT '' NOT NULL,
	`file_hash` text NOT NULL,
	`mapping_hash` text NOT NULL,
	`mapping` text NOT NULL,
	`encoding` text NOT NULL,
	`reason` text NOT NULL,
	`rows_total` integer NOT NULL,
	`rows_imported` integer NOT NULL,
	`rows_rejected` integer NOT NULL,
	`opening_principal_minor` integer DEFAULT 0 NOT NULL,
	`opening_bonus_minor` integer DEFAULT 0 NOT NULL,
	`opening_points` integer DEFAULT 0 NOT NULL,
	`visits_minor` integer DEFAULT 0 NOT NULL,
	`rejected_json` text DEFAULT '{"headers":[],"rejected":[]}' NOT NULL,
	`staff_id` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "import_batches_kind" CHECK("import_batches"."kind" in ('members', 'visits')),
	CONSTRAINT "import_batches_counts" CHECK("import_batches"."rows_imported" > 0 and "import_batches"."rows_rejected" >= 0 and "import_batches"."rows_imported" + "import_batches"."rows_rejected" = "import_batches"."rows_total"),
	CONSTRAINT "import_batches_amounts_nonneg" CHECK("import_batches"."opening_principal_minor" >= 0 and "import_batches"."opening_bonus_minor" >= 0 and "import_batches"."opening_points" >= 0 and "import_batches"."visits_minor" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_batches_till_no` ON `import_batches` (`till_id`,`batch_no`);--> statement-breakpoint
CREATE INDEX `import_batches_file` ON `import_batches` (`kind`,`file_hash`,`mapping_hash`);--> statement-breakpoint
CREATE INDEX `import_batches_created` ON `import_batches` (`created_at`);--> statement-breakpoint
ALTER TABLE `bills` ADD `import_batch_id` text REFERENCES import_batches(id);--> statement-breakpoint
ALTER TABLE `members` ADD `import_batch_id` text REFERENCES import_batches(id);
