CREATE TABLE `annual_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`indicator_code` text NOT NULL,
	`unit_id` integer NOT NULL,
	`year` integer NOT NULL,
	`level` text NOT NULL,
	`value` real NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`source_kind` text NOT NULL,
	`source_file` text,
	`source_sha256` text,
	`source_sheet` text,
	`source_cell` text,
	FOREIGN KEY (`indicator_code`) REFERENCES `indicators`(`code`) ON UPDATE cascade ON DELETE restrict,
	FOREIGN KEY (`unit_id`) REFERENCES `reporting_units`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "annual_plans_level_check" CHECK("annual_plans"."level" in ('giao', 'phan_dau'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `annual_plans_key_idx` ON `annual_plans` (`indicator_code`,`unit_id`,`year`,`level`);--> statement-breakpoint
CREATE TABLE `change_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` text NOT NULL,
	`at` text NOT NULL,
	`who` text NOT NULL,
	`entity` text NOT NULL,
	`indicator_code` text NOT NULL,
	`unit_id` integer NOT NULL,
	`period` text,
	`year` integer,
	`level` text,
	`old_value` real,
	`new_value` real,
	`old_status` text,
	`new_status` text,
	`old_comment` text,
	`new_comment` text,
	`source_kind` text NOT NULL,
	`source_file` text,
	`source_sha256` text,
	`source_sheet` text,
	`source_cell` text
);
--> statement-breakpoint
CREATE INDEX `change_log_batch_idx` ON `change_log` (`batch_id`);--> statement-breakpoint
CREATE INDEX `change_log_target_idx` ON `change_log` (`indicator_code`,`unit_id`,`period`);--> statement-breakpoint
CREATE TABLE `indicator_values` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`indicator_code` text NOT NULL,
	`unit_id` integer NOT NULL,
	`period` text NOT NULL,
	`value` real NOT NULL,
	`status` text NOT NULL,
	`comment` text,
	`updated_by` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`source_kind` text NOT NULL,
	`source_file` text,
	`source_sha256` text,
	`source_sheet` text,
	`source_cell` text,
	FOREIGN KEY (`indicator_code`) REFERENCES `indicators`(`code`) ON UPDATE cascade ON DELETE restrict,
	FOREIGN KEY (`unit_id`) REFERENCES `reporting_units`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "indicator_values_status_check" CHECK("indicator_values"."status" in ('estimate', 'actual'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicator_values_key_idx` ON `indicator_values` (`indicator_code`,`unit_id`,`period`);--> statement-breakpoint
CREATE INDEX `indicator_values_unit_period_idx` ON `indicator_values` (`unit_id`,`period`);--> statement-breakpoint
CREATE TABLE `indicators` (
	`code` text PRIMARY KEY NOT NULL,
	`parent_code` text,
	`stt` text DEFAULT '' NOT NULL,
	`name_vi` text NOT NULL,
	`aliases` text DEFAULT '[]' NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`kind` text NOT NULL,
	`decimals` integer DEFAULT 0 NOT NULL,
	`sort_order` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`parent_code`) REFERENCES `indicators`(`code`) ON UPDATE cascade ON DELETE restrict,
	CONSTRAINT "indicators_kind_check" CHECK("indicators"."kind" in ('flow', 'index', 'ratio', 'group')),
	CONSTRAINT "indicators_decimals_check" CHECK("indicators"."decimals" between 0 and 6)
);
--> statement-breakpoint
CREATE INDEX `indicators_parent_idx` ON `indicators` (`parent_code`);--> statement-breakpoint
CREATE TABLE `reporting_units` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`parent_id` integer,
	`valid_from` text,
	`valid_to` text,
	`predecessor_ids` text DEFAULT '[]' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `reporting_units`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "reporting_units_kind_check" CHECK("reporting_units"."kind" in ('province', 'commune', 'enterprise', 'border_gate', 'other'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reporting_units_code_from_idx` ON `reporting_units` (`code`,`valid_from`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
