-- The old tables are dropped last, their pages freed only once everything new has its own.
-- Provenance once: who and when once per batch (change_batches), file name, sha256 and sheets once per imported
-- file (import_files); figures and change-log rows refer to them and to their cell by numbers. Views spell every
-- row out as before. The last statements check that every old row reads back the same, or nothing is changed.
ALTER TABLE `import_files` ADD `sheets` text DEFAULT '[]' NOT NULL;
--> statement-breakpoint
CREATE TABLE `change_batches` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`at` text NOT NULL,
	`who` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `change_batches_uuid_idx` ON `change_batches` (`uuid`);
--> statement-breakpoint
CREATE INDEX `_0007_batches_when` ON `change_batches` (`at`, `who`);
--> statement-breakpoint
INSERT INTO `change_batches` (`uuid`, `at`, `who`)
SELECT `batch_id`, `at`, `who` FROM `change_log` GROUP BY `batch_id`, `at`, `who` ORDER BY min(`id`);
--> statement-breakpoint
-- A figure or plan whose who and when no logged batch has (written outside the log) gets a batch of its own.
INSERT INTO `change_batches` (`uuid`, `at`, `who`)
SELECT '0007:' || w.`updated_at`, w.`updated_at`, w.`updated_by`
FROM (SELECT `updated_at`, `updated_by` FROM `indicator_values` UNION SELECT `updated_at`, `updated_by` FROM `annual_plans`) w
WHERE NOT EXISTS (SELECT 1 FROM `change_batches` b WHERE b.`at` = w.`updated_at` AND b.`who` = w.`updated_by`)
ORDER BY w.`updated_at`;
--> statement-breakpoint
-- Every row that names a file: the file's row of its import, its sheet and its cell as numbers.
CREATE TEMP TABLE `_0007_source` (
	`kind` text NOT NULL,
	`ref` integer NOT NULL,
	`file_id` integer,
	`file` text,
	`sha` text,
	`sheet` text,
	`cell` text,
	`ord` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`period` text NOT NULL,
	`at` text NOT NULL,
	`who` text NOT NULL,
	`cell_row` integer,
	`cell_col` integer,
	PRIMARY KEY (`kind`, `ref`)
);
--> statement-breakpoint
INSERT INTO `_0007_source` (`kind`, `ref`, `file_id`, `file`, `sha`, `sheet`, `cell`, `ord`, `unit_id`, `period`, `at`, `who`)
SELECT 'log', c.`id`,
	(SELECT min(f.`id`) FROM `import_files` f JOIN `imports` i ON i.`id` = f.`import_id`
	 WHERE i.`batch_id` = c.`batch_id` AND f.`sha256` IS c.`source_sha256` AND f.`file_name` IS c.`source_file`),
	c.`source_file`, c.`source_sha256`, c.`source_sheet`, c.`source_cell`, c.`id`, c.`unit_id`, coalesce(c.`period`, c.`year`), c.`at`, c.`who`
FROM `change_log` c
WHERE coalesce(c.`source_file`, c.`source_sha256`, c.`source_sheet`, c.`source_cell`) IS NOT NULL;
--> statement-breakpoint
INSERT INTO `_0007_source` (`kind`, `ref`, `file_id`, `file`, `sha`, `sheet`, `cell`, `ord`, `unit_id`, `period`, `at`, `who`)
SELECT 'value', v.`id`,
	(SELECT min(f.`id`) FROM `import_files` f JOIN `imports` i ON i.`id` = f.`import_id`
	 WHERE i.`at` = v.`updated_at` AND i.`who` = v.`updated_by` AND f.`sha256` IS v.`source_sha256` AND f.`file_name` IS v.`source_file`),
	v.`source_file`, v.`source_sha256`, v.`source_sheet`, v.`source_cell`, 1099511627776 + v.`id`, v.`unit_id`, v.`period`, v.`updated_at`, v.`updated_by`
FROM `indicator_values` v
WHERE coalesce(v.`source_file`, v.`source_sha256`, v.`source_sheet`, v.`source_cell`) IS NOT NULL;
--> statement-breakpoint
INSERT INTO `_0007_source` (`kind`, `ref`, `file_id`, `file`, `sha`, `sheet`, `cell`, `ord`, `unit_id`, `period`, `at`, `who`)
SELECT 'plan', p.`id`,
	(SELECT min(f.`id`) FROM `import_files` f JOIN `imports` i ON i.`id` = f.`import_id`
	 WHERE i.`at` = p.`updated_at` AND i.`who` = p.`updated_by` AND f.`sha256` IS p.`source_sha256` AND f.`file_name` IS p.`source_file`),
	p.`source_file`, p.`source_sha256`, p.`source_sheet`, p.`source_cell`, 2199023255552 + p.`id`, p.`unit_id`, p.`year`, p.`updated_at`, p.`updated_by`
FROM `annual_plans` p
WHERE coalesce(p.`source_file`, p.`source_sha256`, p.`source_sheet`, p.`source_cell`) IS NOT NULL;
--> statement-breakpoint
-- Files rows name that no import recorded (imports are kept from 0003 on) are recorded now, each with an import
-- of its own, so that nothing is lost; a name or sha256 the row did not have is kept empty.
CREATE TEMP TABLE `_0007_orphan` AS
SELECT coalesce(`file`, '') AS `file_name`, coalesce(`sha`, '') AS `sha256`, min(`ord`) AS `ord`
FROM `_0007_source` WHERE `file_id` IS NULL AND coalesce(`file`, `sha`) IS NOT NULL GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO `imports` (`batch_id`, `at`, `who`, `values_changed`, `plans_changed`)
SELECT '0007:' || o.`rowid`, s.`at`, s.`who`, 0, 0 FROM `_0007_orphan` o JOIN `_0007_source` s ON s.`ord` = o.`ord` ORDER BY o.`ord`;
--> statement-breakpoint
INSERT INTO `import_files` (`import_id`, `file_name`, `sha256`, `size_bytes`, `unit_id`, `period`, `changed`)
SELECT i.`id`, o.`file_name`, o.`sha256`, 0, s.`unit_id`, s.`period`, 0
FROM `_0007_orphan` o JOIN `_0007_source` s ON s.`ord` = o.`ord` JOIN `imports` i ON i.`batch_id` = '0007:' || o.`rowid`;
--> statement-breakpoint
UPDATE `_0007_source` SET `file_id` = (
	SELECT f.`id` FROM `_0007_orphan` o JOIN `imports` i ON i.`batch_id` = '0007:' || o.`rowid` JOIN `import_files` f ON f.`import_id` = i.`id`
	WHERE o.`file_name` = coalesce(`_0007_source`.`file`, '') AND o.`sha256` = coalesce(`_0007_source`.`sha`, '')
) WHERE `file_id` IS NULL AND coalesce(`file`, `sha`) IS NOT NULL;
--> statement-breakpoint
UPDATE `_0007_source` SET
	`cell_row` = CAST(substr(`cell`, length(rtrim(`cell`, '0123456789')) + 1) AS integer),
	`cell_col` = CASE length(rtrim(`cell`, '0123456789'))
		WHEN 1 THEN unicode(`cell`) - 64
		WHEN 2 THEN (unicode(`cell`) - 64) * 26 + unicode(substr(`cell`, 2)) - 64
		WHEN 3 THEN ((unicode(`cell`) - 64) * 26 + unicode(substr(`cell`, 2)) - 64) * 26 + unicode(substr(`cell`, 3)) - 64
	END
WHERE `cell` IS NOT NULL;
--> statement-breakpoint
-- Each file's sheets in the order its figures were first logged.
CREATE TEMP TABLE `_0007_sheet` AS
SELECT `file_id`, `sheet`, row_number() OVER (PARTITION BY `file_id` ORDER BY min(`ord`)) - 1 AS `idx`
FROM `_0007_source` WHERE `file_id` IS NOT NULL AND `sheet` IS NOT NULL GROUP BY `file_id`, `sheet`;
--> statement-breakpoint
UPDATE `import_files` SET `sheets` = (
	SELECT json_group_array(`sheet`) FROM (SELECT `sheet` FROM `_0007_sheet` s WHERE s.`file_id` = `import_files`.`id` ORDER BY s.`idx`)
) WHERE `id` IN (SELECT `file_id` FROM `_0007_sheet`);
--> statement-breakpoint
DROP TRIGGER `change_log_no_update`;
--> statement-breakpoint
DROP TRIGGER `change_log_no_delete`;
--> statement-breakpoint
ALTER TABLE `change_log` RENAME TO `_0007_change_log`;
--> statement-breakpoint
ALTER TABLE `indicator_values` RENAME TO `_0007_indicator_values`;
--> statement-breakpoint
ALTER TABLE `annual_plans` RENAME TO `_0007_annual_plans`;
--> statement-breakpoint
-- Append-only, so a plain rowid never reuses a number: no AUTOINCREMENT bookkeeping on every row.
CREATE TABLE `change_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`batch_id` integer NOT NULL,
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
	`import_file_id` integer,
	`sheet_index` integer,
	`cell_row` integer,
	`cell_col` integer,
	FOREIGN KEY (`batch_id`) REFERENCES `change_batches`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`import_file_id`) REFERENCES `import_files`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
INSERT INTO `change_log` (`id`, `batch_id`, `entity`, `indicator_code`, `unit_id`, `period`, `year`, `level`, `old_value`, `new_value`, `old_status`, `new_status`, `old_comment`, `new_comment`, `source_kind`, `import_file_id`, `sheet_index`, `cell_row`, `cell_col`)
SELECT c.`id`, (SELECT b.`id` FROM `change_batches` b WHERE b.`uuid` = c.`batch_id` AND b.`at` = c.`at` AND b.`who` = c.`who`),
	c.`entity`, c.`indicator_code`, c.`unit_id`, c.`period`, c.`year`, c.`level`, c.`old_value`, c.`new_value`, c.`old_status`, c.`new_status`, c.`old_comment`, c.`new_comment`, c.`source_kind`,
	s.`file_id`, sh.`idx`, s.`cell_row`, s.`cell_col`
FROM `_0007_change_log` c
LEFT JOIN `_0007_source` s ON s.`kind` = 'log' AND s.`ref` = c.`id`
LEFT JOIN `_0007_sheet` sh ON sh.`file_id` = s.`file_id` AND sh.`sheet` = s.`sheet`
ORDER BY c.`id`;
--> statement-breakpoint
CREATE INDEX `change_log_batches_idx` ON `change_log` (`batch_id`);
--> statement-breakpoint
CREATE INDEX `change_log_cells_idx` ON `change_log` (`unit_id`,`period`,`indicator_code`);
--> statement-breakpoint
-- The change log is the clerk's proof of who changed which figure: it may only grow.
CREATE TRIGGER `change_log_no_update` BEFORE UPDATE ON `change_log`
BEGIN
	SELECT RAISE(ABORT, 'change_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `change_log_no_delete` BEFORE DELETE ON `change_log`
BEGIN
	SELECT RAISE(ABORT, 'change_log is append-only');
END;
--> statement-breakpoint
-- Keyed as the grid reads it, a unit's period: the key is the table, with no index beside it.
CREATE TABLE `indicator_values` (
	`unit_id` integer NOT NULL,
	`period` text NOT NULL,
	`indicator_code` text NOT NULL,
	`value` real NOT NULL,
	`status` text NOT NULL,
	`comment` text,
	`batch_id` integer NOT NULL,
	`source_kind` text NOT NULL,
	`import_file_id` integer,
	`sheet_index` integer,
	`cell_row` integer,
	`cell_col` integer,
	PRIMARY KEY(`unit_id`, `period`, `indicator_code`),
	FOREIGN KEY (`unit_id`) REFERENCES `reporting_units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`indicator_code`) REFERENCES `indicators`(`code`) ON UPDATE cascade ON DELETE restrict,
	FOREIGN KEY (`batch_id`) REFERENCES `change_batches`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`import_file_id`) REFERENCES `import_files`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "indicator_values_status_check" CHECK("indicator_values"."status" in ('estimate', 'actual'))
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `indicator_values` (`unit_id`, `period`, `indicator_code`, `value`, `status`, `comment`, `batch_id`, `source_kind`, `import_file_id`, `sheet_index`, `cell_row`, `cell_col`)
SELECT v.`unit_id`, v.`period`, v.`indicator_code`, v.`value`, v.`status`, v.`comment`,
	(SELECT max(b.`id`) FROM `change_batches` b WHERE b.`at` = v.`updated_at` AND b.`who` = v.`updated_by`),
	v.`source_kind`, s.`file_id`, sh.`idx`, s.`cell_row`, s.`cell_col`
FROM `_0007_indicator_values` v
LEFT JOIN `_0007_source` s ON s.`kind` = 'value' AND s.`ref` = v.`id`
LEFT JOIN `_0007_sheet` sh ON sh.`file_id` = s.`file_id` AND sh.`sheet` = s.`sheet`
ORDER BY v.`unit_id`, v.`period`, v.`indicator_code`;
--> statement-breakpoint
CREATE TABLE `annual_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`indicator_code` text NOT NULL,
	`unit_id` integer NOT NULL,
	`year` integer NOT NULL,
	`level` text NOT NULL,
	`value` real NOT NULL,
	`batch_id` integer NOT NULL,
	`source_kind` text NOT NULL,
	`import_file_id` integer,
	`sheet_index` integer,
	`cell_row` integer,
	`cell_col` integer,
	FOREIGN KEY (`indicator_code`) REFERENCES `indicators`(`code`) ON UPDATE cascade ON DELETE restrict,
	FOREIGN KEY (`unit_id`) REFERENCES `reporting_units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`batch_id`) REFERENCES `change_batches`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`import_file_id`) REFERENCES `import_files`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "annual_plans_level_check" CHECK("annual_plans"."level" in ('giao', 'phan_dau'))
);
--> statement-breakpoint
INSERT INTO `annual_plans` (`id`, `indicator_code`, `unit_id`, `year`, `level`, `value`, `batch_id`, `source_kind`, `import_file_id`, `sheet_index`, `cell_row`, `cell_col`)
SELECT p.`id`, p.`indicator_code`, p.`unit_id`, p.`year`, p.`level`, p.`value`,
	(SELECT max(b.`id`) FROM `change_batches` b WHERE b.`at` = p.`updated_at` AND b.`who` = p.`updated_by`),
	p.`source_kind`, s.`file_id`, sh.`idx`, s.`cell_row`, s.`cell_col`
FROM `_0007_annual_plans` p
LEFT JOIN `_0007_source` s ON s.`kind` = 'plan' AND s.`ref` = p.`id`
LEFT JOIN `_0007_sheet` sh ON sh.`file_id` = s.`file_id` AND sh.`sheet` = s.`sheet`
ORDER BY p.`id`;
--> statement-breakpoint
CREATE UNIQUE INDEX `annual_plans_target_idx` ON `annual_plans` (`indicator_code`,`unit_id`,`year`,`level`);
--> statement-breakpoint
CREATE VIEW `change_log_full` AS
SELECT c.`id`, b.`uuid` AS `batch_id`, b.`at`, b.`who`, c.`entity`, c.`indicator_code`, c.`unit_id`, c.`period`, c.`year`, c.`level`,
	c.`old_value`, c.`new_value`, c.`old_status`, c.`new_status`, c.`old_comment`, c.`new_comment`, c.`source_kind`,
	nullif(f.`file_name`, '') AS `source_file`, nullif(f.`sha256`, '') AS `source_sha256`,
	json_extract(f.`sheets`, '$[' || c.`sheet_index` || ']') AS `source_sheet`,
	CASE WHEN c.`cell_col` <= 26 THEN char(64 + c.`cell_col`)
		WHEN c.`cell_col` <= 702 THEN char(64 + (c.`cell_col` - 1) / 26, 65 + (c.`cell_col` - 1) % 26)
		ELSE char(64 + ((c.`cell_col` - 1) / 26 - 1) / 26, 65 + ((c.`cell_col` - 1) / 26 - 1) % 26, 65 + (c.`cell_col` - 1) % 26)
	END || c.`cell_row` AS `source_cell`
FROM `change_log` c
JOIN `change_batches` b ON b.`id` = c.`batch_id`
LEFT JOIN `import_files` f ON f.`id` = c.`import_file_id`;
--> statement-breakpoint
CREATE VIEW `indicator_values_full` AS
SELECT v.`indicator_code`, v.`unit_id`, v.`period`, v.`value`, v.`status`, v.`comment`, b.`who` AS `updated_by`, b.`at` AS `updated_at`, v.`source_kind`,
	nullif(f.`file_name`, '') AS `source_file`, nullif(f.`sha256`, '') AS `source_sha256`,
	json_extract(f.`sheets`, '$[' || v.`sheet_index` || ']') AS `source_sheet`,
	CASE WHEN v.`cell_col` <= 26 THEN char(64 + v.`cell_col`)
		WHEN v.`cell_col` <= 702 THEN char(64 + (v.`cell_col` - 1) / 26, 65 + (v.`cell_col` - 1) % 26)
		ELSE char(64 + ((v.`cell_col` - 1) / 26 - 1) / 26, 65 + ((v.`cell_col` - 1) / 26 - 1) % 26, 65 + (v.`cell_col` - 1) % 26)
	END || v.`cell_row` AS `source_cell`
FROM `indicator_values` v
JOIN `change_batches` b ON b.`id` = v.`batch_id`
LEFT JOIN `import_files` f ON f.`id` = v.`import_file_id`;
--> statement-breakpoint
CREATE VIEW `annual_plans_full` AS
SELECT p.`id`, p.`indicator_code`, p.`unit_id`, p.`year`, p.`level`, p.`value`, b.`who` AS `updated_by`, b.`at` AS `updated_at`, p.`source_kind`,
	nullif(f.`file_name`, '') AS `source_file`, nullif(f.`sha256`, '') AS `source_sha256`,
	json_extract(f.`sheets`, '$[' || p.`sheet_index` || ']') AS `source_sheet`,
	CASE WHEN p.`cell_col` <= 26 THEN char(64 + p.`cell_col`)
		WHEN p.`cell_col` <= 702 THEN char(64 + (p.`cell_col` - 1) / 26, 65 + (p.`cell_col` - 1) % 26)
		ELSE char(64 + ((p.`cell_col` - 1) / 26 - 1) / 26, 65 + ((p.`cell_col` - 1) / 26 - 1) % 26, 65 + (p.`cell_col` - 1) % 26)
	END || p.`cell_row` AS `source_cell`
FROM `annual_plans` p
JOIN `change_batches` b ON b.`id` = p.`batch_id`
LEFT JOIN `import_files` f ON f.`id` = p.`import_file_id`;
--> statement-breakpoint
-- Nothing lost: every old row must read back, column for column, through the views (else the CHECK aborts).
CREATE TEMP TABLE `_0007_lost` (`what` text NOT NULL, `rows` integer NOT NULL CHECK (`rows` = 0));
--> statement-breakpoint
INSERT INTO `_0007_lost` SELECT 'change_log', count(*) FROM (
	SELECT `id`, `batch_id`, `at`, `who`, `entity`, `indicator_code`, `unit_id`, `period`, `year`, `level`, `old_value`, `new_value`, `old_status`, `new_status`, `old_comment`, `new_comment`, `source_kind`, `source_file`, `source_sha256`, `source_sheet`, `source_cell` FROM `_0007_change_log`
	EXCEPT
	SELECT `id`, `batch_id`, `at`, `who`, `entity`, `indicator_code`, `unit_id`, `period`, `year`, `level`, `old_value`, `new_value`, `old_status`, `new_status`, `old_comment`, `new_comment`, `source_kind`, `source_file`, `source_sha256`, `source_sheet`, `source_cell` FROM `change_log_full`
);
--> statement-breakpoint
INSERT INTO `_0007_lost` SELECT 'indicator_values', count(*) FROM (
	SELECT `indicator_code`, `unit_id`, `period`, `value`, `status`, `comment`, `updated_by`, `updated_at`, `source_kind`, `source_file`, `source_sha256`, `source_sheet`, `source_cell` FROM `_0007_indicator_values`
	EXCEPT
	SELECT `indicator_code`, `unit_id`, `period`, `value`, `status`, `comment`, `updated_by`, `updated_at`, `source_kind`, `source_file`, `source_sha256`, `source_sheet`, `source_cell` FROM `indicator_values_full`
);
--> statement-breakpoint
INSERT INTO `_0007_lost` SELECT 'annual_plans', count(*) FROM (
	SELECT `id`, `indicator_code`, `unit_id`, `year`, `level`, `value`, `updated_by`, `updated_at`, `source_kind`, `source_file`, `source_sha256`, `source_sheet`, `source_cell` FROM `_0007_annual_plans`
	EXCEPT
	SELECT `id`, `indicator_code`, `unit_id`, `year`, `level`, `value`, `updated_by`, `updated_at`, `source_kind`, `source_file`, `source_sha256`, `source_sheet`, `source_cell` FROM `annual_plans_full`
);
--> statement-breakpoint
INSERT INTO `_0007_lost` SELECT 'row counts', abs((SELECT count(*) FROM `_0007_change_log`) - (SELECT count(*) FROM `change_log`))
	+ abs((SELECT count(*) FROM `_0007_indicator_values`) - (SELECT count(*) FROM `indicator_values`))
	+ abs((SELECT count(*) FROM `_0007_annual_plans`) - (SELECT count(*) FROM `annual_plans`));
--> statement-breakpoint
DROP TABLE `_0007_lost`;
--> statement-breakpoint
DROP TABLE `_0007_sheet`;
--> statement-breakpoint
DROP TABLE `_0007_orphan`;
--> statement-breakpoint
DROP TABLE `_0007_source`;
--> statement-breakpoint
DROP TABLE `_0007_change_log`;
--> statement-breakpoint
DROP TABLE `_0007_indicator_values`;
--> statement-breakpoint
DROP TABLE `_0007_annual_plans`;
--> statement-breakpoint
DROP INDEX `_0007_batches_when`;
