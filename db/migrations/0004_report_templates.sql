CREATE TABLE `report_templates` (
	`key` text PRIMARY KEY NOT NULL,
	`text` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
