CREATE TABLE `period_state_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`period` text NOT NULL,
	`from_state` text NOT NULL,
	`to_state` text NOT NULL,
	`who` text NOT NULL,
	`at` text NOT NULL,
	`note` text,
	FOREIGN KEY (`unit_id`) REFERENCES `reporting_units`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `period_state_log_target_idx` ON `period_state_log` (`unit_id`,`period`);--> statement-breakpoint
CREATE TABLE `period_states` (
	`unit_id` integer NOT NULL,
	`period` text NOT NULL,
	`state` text NOT NULL,
	`changed_by` text NOT NULL,
	`changed_at` text NOT NULL,
	`note` text,
	FOREIGN KEY (`unit_id`) REFERENCES `reporting_units`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "period_states_state_check" CHECK("period_states"."state" in ('entry', 'submitted', 'approved', 'locked'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `period_states_key_idx` ON `period_states` (`unit_id`,`period`);--> statement-breakpoint
-- Who closed or reopened a period, and why, is the office's proof: the log may only grow.
CREATE TRIGGER `period_state_log_no_update` BEFORE UPDATE ON `period_state_log`
BEGIN
	SELECT RAISE(ABORT, 'period_state_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `period_state_log_no_delete` BEFORE DELETE ON `period_state_log`
BEGIN
	SELECT RAISE(ABORT, 'period_state_log is append-only');
END;
