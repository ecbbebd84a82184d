import { Alert, Badge, Segmented, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Indicator } from '../../../shared/api/entities';
import type { PreviewSheet } from '../../../shared/api/import-entities';
import type { ColumnRole } from '../../../shared/import/roles';
import type { Period } from '../../../shared/periods/period';
import { ImportColumnsTable } from './import-columns-table';
import { ImportFindingsList } from './import-findings-list';
import { ImportRowsTable } from './import-rows-table';
import type { PreviewInput } from './import-choices';
import { ImportValuesTable } from './import-values-table';
import { countsSummary, rowsToLookAt, sheetStateWords } from './import-words';

type SheetView = 'values' | 'rows' | 'columns' | 'findings';

interface SheetProps {
  sheet: PreviewSheet;
  /** The preview's choices and the file, for the sheet's figures. */
  input: PreviewInput;
  fileId: string;
  report: Period | null;
  catalog: readonly Indicator[];
  catalogByCode: ReadonlyMap<string, Indicator>;
  manualRows: ReadonlyMap<number, string | null>;
  manualColumns: ReadonlyMap<string, ColumnRole>;
  onRow(row: number, code: string | null | undefined): void;
  onColumn(column: string, role: ColumnRole | undefined): void;
}

function SheetPreview({
  sheet,
  input,
  fileId,
  report,
  catalog,
  catalogByCode,
  manualRows,
  manualColumns,
  onRow,
  onColumn,
}: SheetProps) {
  const [view, setView] = useState<SheetView>('values');
  if (sheet.state !== 'table') {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="info" showIcon title={`${sheetStateWords[sheet.state]}: không nhập gì từ trang này.`} />
        {sheet.findings.length > 0 ? <ImportFindingsList findings={sheet.findings} /> : null}
      </Space>
    );
  }
  const todo = rowsToLookAt(sheet.counts);
  const suggestedRows = new Set(sheet.rows.filter((r) => r.match?.how === 'suggestion').map((r) => r.row));
  const valueCount = Object.values(sheet.valueChanges).reduce((a, b) => a + b, 0);
  return (
    <Space orientation="vertical" size={10} style={{ width: '100%' }}>
      <div className="import-toolbar">
        <Segmented<SheetView>
          value={view}
          onChange={setView}
          options={[
            { value: 'values', label: `Số liệu sẽ ghi (${valueCount})` },
            { value: 'rows', label: `Dòng chỉ tiêu (${sheet.rows.length})` },
            { value: 'columns', label: `Cột (${sheet.columns.length})` },
            { value: 'findings', label: `Phát hiện (${sheet.findings.length})` },
          ]}
        />
        <Typography.Text type="secondary">
          {countsSummary(sheet.counts)}
          {todo > 0 ? ` · ${todo} dòng cần xem` : ''}
        </Typography.Text>
        {sheet.remembered ? (
          <Tag color="cyan" title="Các cột và dòng đã chọn tay ở lần nhập trước của biểu này được áp dụng lại.">
            Đã nhớ cách đọc biểu này
          </Tag>
        ) : null}
      </div>
      {view === 'values' ? (
        <ImportValuesTable
          input={input}
          fileId={fileId}
          sheet={sheet}
          catalog={catalogByCode}
          suggestedRows={suggestedRows}
        />
      ) : null}
      {view === 'rows' ? (
        <ImportRowsTable rows={sheet.rows} catalog={catalog} manual={manualRows} onMap={onRow} />
      ) : null}
      {view === 'columns' ? (
        <ImportColumnsTable columns={sheet.columns} report={report} manual={manualColumns} onMap={onColumn} />
      ) : null}
      {view === 'findings' ? <ImportFindingsList findings={sheet.findings} /> : null}
    </Space>
  );
}

interface Props extends Omit<SheetProps, 'sheet' | 'manualRows' | 'manualColumns' | 'onRow' | 'onColumn'> {
  sheets: readonly PreviewSheet[];
  manualOf(sheet: string): { rows: ReadonlyMap<number, string | null>; columns: ReadonlyMap<string, ColumnRole> };
  onRow(sheet: string, row: number, code: string | null | undefined): void;
  onColumn(sheet: string, column: string, role: ColumnRole | undefined): void;
}

/** One tab per sheet of the workbook; a badge counts the rows that still need the clerk's eye. */
export function ImportSheets({ sheets, manualOf, onRow, onColumn, ...shared }: Props) {
  if (sheets.length === 0) return null;
  return (
    <Tabs
      size="small"
      items={sheets.map((sheet) => {
        const todo = rowsToLookAt(sheet.counts);
        const manual = manualOf(sheet.name);
        return {
          key: sheet.name,
          label: (
            <Badge count={todo} size="small" offset={[8, -2]} color="gold" title={`${todo} dòng cần xem`}>
              <span style={sheet.state === 'table' ? undefined : { color: '#8c8c8c' }}>{sheet.name}</span>
            </Badge>
          ),
          children: (
            <SheetPreview
              {...shared}
              sheet={sheet}
              manualRows={manual.rows}
              manualColumns={manual.columns}
              onRow={(row, code) => onRow(sheet.name, row, code)}
              onColumn={(column, role) => onColumn(sheet.name, column, role)}
            />
          ),
        };
      })}
    />
  );
}
