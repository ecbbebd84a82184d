CREATE TABLE `finding_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`finding_key` text NOT NULL,
	`unit_id` integer NOT NULL,
	`period` text NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`who` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `reporting_units`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `finding_notes_target_idx` ON `finding_notes` (`unit_id`,`period`);--> statement-breakpoint
CREATE TABLE `indicator_rule_settings` (
	`indicator_code` text PRIMARY KEY NOT NULL,
	`required` integer,
	`band_low` real,
	`band_high` real,
	`disabled_rules` text DEFAULT '[]' NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`indicator_code`) REFERENCES `indicators`(`code`) ON UPDATE cascade ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `validation_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`left_expression` text NOT NULL,
	`operator` text NOT NULL,
	`right_expression` text NOT NULL,
	`missing_strategy` text NOT NULL,
	`severity` text NOT NULL,
	`message` text DEFAULT '' NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
