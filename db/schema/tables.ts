import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  sqliteView,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';

const createdAt = () =>
  text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);
const updatedAt = () =>
  text('updated_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

/** The indicator catalog: codes are the stable key that workbooks, rules and history refer to. */
export const indicators = sqliteTable(
  'indicators',
  {
    code: text('code').primaryKey(),
    parentCode: text('parent_code').references((): AnySQLiteColumn => indicators.code, {
      onDelete: 'restrict',
      onUpdate: 'cascade',
    }),
    stt: text('stt').notNull().default(''),
    nameVi: text('name_vi').notNull(),
    aliases: text('aliases', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    unit: text('unit').notNull().default(''),
    kind: text('kind', { enum: ['flow', 'index', 'ratio', 'group'] }).notNull(),
    decimals: integer('decimals').notNull().default(0),
    sortOrder: integer('sort_order').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('indicators_parent_idx').on(t.parentCode),
    check('indicators_kind_check', sql`${t.kind} in ('flow', 'index', 'ratio', 'group')`),
    check('indicators_decimals_check', sql`${t.decimals} between 0 and 6`),
  ],
);

/**
 * Reporting units get a surrogate id because province codes were reused after the 2025 mergers
 * (Tây Ninh took Long An's old 80): a code names a unit only within its validity dates.
 */
export const reportingUnits = sqliteTable(
  'reporting_units',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['province', 'commune', 'enterprise', 'border_gate', 'other'] }).notNull(),
    parentId: integer('parent_id').references((): AnySQLiteColumn => reportingUnits.id, { onDelete: 'restrict' }),
    validFrom: text('valid_from'),
    validTo: text('valid_to'),
    predecessorIds: text('predecessor_ids', { mode: 'json' })
      .$type<number[]>()
      .notNull()
      .default(sql`'[]'`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('reporting_units_code_from_idx').on(t.code, t.validFrom),
    check(
      'reporting_units_kind_check',
      sql`${t.kind} in ('province', 'commune', 'enterprise', 'border_gate', 'other')`,
    ),
  ],
);

/**
 * One user action's writes (a save, a paste, an import, an undo): who and when, once. Figures and change-log rows
 * refer to it by number; the UUID is the batch's name in the API, which undo is asked by.
 */
export const changeBatches = sqliteTable(
  'change_batches',
  {
    id: integer('id').primaryKey(),
    uuid: text('uuid').notNull(),
    at: text('at').notNull(),
    who: text('who').notNull(),
  },
  (t) => [index('change_batches_uuid_idx').on(t.uuid)],
);

/**
 * Where a figure came from: how it was written and, for an import, its file (name, sha256, sheets, once per file
 * in import_files), the sheet by its place in the file's list and the cell as row and column numbers.
 */
const sourceColumns = () => ({
  sourceKind: text('source_kind', { enum: ['typed', 'pasted', 'imported', 'cli', 'undo'] }).notNull(),
  importFileId: integer('import_file_id').references((): AnySQLiteColumn => importFiles.id, { onDelete: 'restrict' }),
  sheetIndex: integer('sheet_index'),
  cellRow: integer('cell_row'),
  cellCol: integer('cell_col'),
});

/**
 * One figure of one indicator, for one reporting unit and one period key (see shared/periods), keyed as the grid
 * reads it (a unit's period); the batch says who wrote it and when. Stored WITHOUT ROWID (migration 0007).
 */
export const indicatorValues = sqliteTable(
  'indicator_values',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => reportingUnits.id, { onDelete: 'restrict' }),
    period: text('period').notNull(),
    indicatorCode: text('indicator_code')
      .notNull()
      .references(() => indicators.code, { onDelete: 'restrict', onUpdate: 'cascade' }),
    value: real('value').notNull(),
    status: text('status', { enum: ['estimate', 'actual'] }).notNull(),
    comment: text('comment'),
    batchId: integer('batch_id')
      .notNull()
      .references(() => changeBatches.id, { onDelete: 'restrict' }),
    ...sourceColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.period, t.indicatorCode] }),
    check('indicator_values_status_check', sql`${t.status} in ('estimate', 'actual')`),
  ],
);

/** Annual plans at both levels: the assigned plan (giao) and the stretch target (phấn đấu). */
export const annualPlans = sqliteTable(
  'annual_plans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    indicatorCode: text('indicator_code')
      .notNull()
      .references(() => indicators.code, { onDelete: 'restrict', onUpdate: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => reportingUnits.id, { onDelete: 'restrict' }),
    year: integer('year').notNull(),
    level: text('level', { enum: ['giao', 'phan_dau'] }).notNull(),
    value: real('value').notNull(),
    batchId: integer('batch_id')
      .notNull()
      .references(() => changeBatches.id, { onDelete: 'restrict' }),
    ...sourceColumns(),
  },
  (t) => [
    uniqueIndex('annual_plans_target_idx').on(t.indicatorCode, t.unitId, t.year, t.level),
    check('annual_plans_level_check', sql`${t.level} in ('giao', 'phan_dau')`),
  ],
);

/**
 * Every write of a value or a plan, old and new side by side. Rows are only ever appended
 * (a migration adds triggers that refuse UPDATE and DELETE); a batch groups the rows of one
 * user action so that undo can take them back together, and says who and when.
 */
export const changeLog = sqliteTable(
  'change_log',
  {
    id: integer('id').primaryKey(),
    batchId: integer('batch_id')
      .notNull()
      .references(() => changeBatches.id, { onDelete: 'restrict' }),
    entity: text('entity', { enum: ['value', 'plan'] }).notNull(),
    indicatorCode: text('indicator_code').notNull(),
    unitId: integer('unit_id').notNull(),
    period: text('period'),
    year: integer('year'),
    level: text('level'),
    oldValue: real('old_value'),
    newValue: real('new_value'),
    oldStatus: text('old_status'),
    newStatus: text('new_status'),
    oldComment: text('old_comment'),
    newComment: text('new_comment'),
    ...sourceColumns(),
  },
  (t) => [
    // Undo reads a batch; a refused undo names the figure's latest change (a cell's history).
    index('change_log_batches_idx').on(t.batchId),
    index('change_log_cells_idx').on(t.unitId, t.period, t.indicatorCode),
  ],
);

/** Settings are few and shapeless at this layer; shared/api gives each key its schema. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).$type<unknown>().notNull(),
  updatedAt: updatedAt(),
});

/** Per-indicator settings of the built-in validation rules (shared/validation/rule-settings.ts). */
export const indicatorRuleSettings = sqliteTable('indicator_rule_settings', {
  indicatorCode: text('indicator_code')
    .primaryKey()
    .references(() => indicators.code, { onDelete: 'cascade', onUpdate: 'cascade' }),
  required: integer('required', { mode: 'boolean' }),
  bandLow: real('band_low'),
  bandHigh: real('band_high'),
  disabledRules: text('disabled_rules', { mode: 'json' })
    .$type<string[]>()
    .notNull()
    .default(sql`'[]'`),
  updatedAt: updatedAt(),
});

/** The department's own rules (shared/validation/user-rule.ts). */
export const validationRules = sqliteTable('validation_rules', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  left: text('left_expression').notNull(),
  operator: text('operator').notNull(),
  right: text('right_expression').notNull(),
  missing: text('missing_strategy').notNull(),
  severity: text('severity').notNull(),
  message: text('message').notNull().default(''),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Comments on warnings and override reasons for errors, kept with who and when; the latest one counts. */
export const findingNotes = sqliteTable(
  'finding_notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    findingKey: text('finding_key').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => reportingUnits.id, { onDelete: 'restrict' }),
    period: text('period').notNull(),
    kind: text('kind', { enum: ['comment', 'override'] }).notNull(),
    text: text('text').notNull(),
    who: text('who').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('finding_notes_target_idx').on(t.unitId, t.period)],
);

/**
 * One import of one or more workbooks: the change-log batch its writes form (undo reverts that batch), who
 * and when, and whether it has been undone.
 */
export const imports = sqliteTable(
  'imports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batchId: text('batch_id').notNull(),
    at: text('at').notNull(),
    who: text('who').notNull(),
    valuesChanged: integer('values_changed').notNull(),
    plansChanged: integer('plans_changed').notNull(),
    undoneAt: text('undone_at'),
    undoneBy: text('undone_by'),
    undoBatchId: text('undo_batch_id'),
  },
  (t) => [uniqueIndex('imports_batch_idx').on(t.batchId)],
);

/** The files of an import, by content (sha256): the same file imported again is recognized. */
export const importFiles = sqliteTable(
  'import_files',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    importId: integer('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'restrict' }),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => reportingUnits.id, { onDelete: 'restrict' }),
    period: text('period').notNull(),
    changed: integer('changed').notNull(),
    /** The file's sheets by name, as JSON: a figure names its sheet by its place in this list. */
    sheets: text('sheets', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    /**
     * Why each written figure is its indicator and period, as JSON (see db/access/import-evidence.ts): a line
     * per row and per column of each sheet, so that a figure's evidence is its row's and its column's.
     */
    evidence: text('evidence'),
  },
  (t) => [index('import_files_import_idx').on(t.importId), index('import_files_sha_idx').on(t.sha256)],
);

/**
 * Mappings the clerk made by hand for a workbook layout (a signature of its headings): columns by letter and
 * rows by code or name and unit, applied to the next workbook of the same layout.
 */
export const importLayouts = sqliteTable('import_layouts', {
  signature: text('signature').primaryKey(),
  sheetName: text('sheet_name').notNull(),
  fileName: text('file_name').notNull(),
  headings: text('headings', { mode: 'json' }).$type<string[]>().notNull(),
  columns: text('columns', { mode: 'json' })
    .$type<Record<string, unknown>>()
    .notNull()
    .default(sql`'{}'`),
  rows: text('rows', { mode: 'json' })
    .$type<Record<string, string | null>>()
    .notNull()
    .default(sql`'{}'`),
  updatedBy: text('updated_by').notNull(),
  updatedAt: updatedAt(),
});

/**
 * The department's own wording of a report sentence (issue 7), by template key. Only edited templates have a
 * row: the shipped wording lives in the app, so a new version's better default reaches every template the
 * department never touched, and resetting a template deletes its row.
 */
export const reportTemplates = sqliteTable('report_templates', {
  key: text('key').primaryKey(),
  text: text('text').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: updatedAt(),
});

const periodStateNames = ['entry', 'submitted', 'approved', 'locked'] as const;

/**
 * Where a unit's period stands in its reporting (DHIS2's data approval): Đang nhập, Đã gửi, Đã duyệt, Khóa sổ.
 * A period without a row is still being entered; the row holds the latest change, the log every change.
 */
export const periodStates = sqliteTable(
  'period_states',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => reportingUnits.id, { onDelete: 'restrict' }),
    period: text('period').notNull(),
    state: text('state', { enum: periodStateNames }).notNull(),
    changedBy: text('changed_by').notNull(),
    changedAt: text('changed_at').notNull(),
    note: text('note'),
  },
  (t) => [
    uniqueIndex('period_states_key_idx').on(t.unitId, t.period),
    check('period_states_state_check', sql`${t.state} in ('entry', 'submitted', 'approved', 'locked')`),
  ],
);

/** Every change of a period's state with who, when and the note or reason; append-only like the change log. */
export const periodStateLog = sqliteTable(
  'period_state_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => reportingUnits.id, { onDelete: 'restrict' }),
    period: text('period').notNull(),
    fromState: text('from_state', { enum: periodStateNames }).notNull(),
    toState: text('to_state', { enum: periodStateNames }).notNull(),
    who: text('who').notNull(),
    at: text('at').notNull(),
    note: text('note'),
  },
  (t) => [index('period_state_log_target_idx').on(t.unitId, t.period)],
);

/** The source columns as they read: file name and sha256 from import_files, the sheet by name, the cell as "G12". */
const spelledSource = () => ({
  sourceKind: text('source_kind', { enum: ['typed', 'pasted', 'imported', 'cli', 'undo'] }).notNull(),
  sourceFile: text('source_file'),
  sourceSha256: text('source_sha256'),
  sourceSheet: text('source_sheet'),
  sourceCell: text('source_cell'),
});

/**
 * The change log with its batch's name, who and when, and its source spelled out (migration 0007 creates the
 * view): what undo, a refused undo's message and the audit trail read.
 */
export const changeLogFull = sqliteView('change_log_full', {
  id: integer('id').notNull(),
  batchId: text('batch_id').notNull(),
  at: text('at').notNull(),
  who: text('who').notNull(),
  entity: text('entity', { enum: ['value', 'plan'] }).notNull(),
  indicatorCode: text('indicator_code').notNull(),
  unitId: integer('unit_id').notNull(),
  period: text('period'),
  year: integer('year'),
  level: text('level'),
  oldValue: real('old_value'),
  newValue: real('new_value'),
  oldStatus: text('old_status'),
  newStatus: text('new_status'),
  oldComment: text('old_comment'),
  newComment: text('new_comment'),
  ...spelledSource(),
}).existing();

/** The figures with who wrote them, when, and their source spelled out (migration 0007 creates the view). */
export const indicatorValuesFull = sqliteView('indicator_values_full', {
  indicatorCode: text('indicator_code').notNull(),
  unitId: integer('unit_id').notNull(),
  period: text('period').notNull(),
  value: real('value').notNull(),
  status: text('status', { enum: ['estimate', 'actual'] }).notNull(),
  comment: text('comment'),
  updatedBy: text('updated_by').notNull(),
  updatedAt: text('updated_at').notNull(),
  ...spelledSource(),
}).existing();

/** The plans the same way. */
export const annualPlansFull = sqliteView('annual_plans_full', {
  id: integer('id').notNull(),
  indicatorCode: text('indicator_code').notNull(),
  unitId: integer('unit_id').notNull(),
  year: integer('year').notNull(),
  level: text('level', { enum: ['giao', 'phan_dau'] }).notNull(),
  value: real('value').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: text('updated_at').notNull(),
  ...spelledSource(),
}).existing();
