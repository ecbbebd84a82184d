CREATE TABLE `import_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`import_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`period` text NOT NULL,
	`changed` integer NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`unit_id`) REFERENCES `reporting_units`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `import_files_import_idx` ON `import_files` (`import_id`);--> statement-breakpoint
CREATE INDEX `import_files_sha_idx` ON `import_files` (`sha256`);--> statement-breakpoint
CREATE TABLE `import_layouts` (
	`signature` text PRIMARY KEY NOT NULL,
	`sheet_name` text NOT NULL,
	`file_name` text NOT NULL,
	`headings` text NOT NULL,
	`columns` text DEFAULT '{}' NOT NULL,
	`rows` text DEFAULT '{}' NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` text NOT NULL,
	`at` text NOT NULL,
	`who` text NOT NULL,
	`values_changed` integer NOT NULL,
	`plans_changed` integer NOT NULL,
	`undone_at` text,
	`undone_by` text,
	`undo_batch_id` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `imports_batch_idx` ON `imports` (`batch_id`);