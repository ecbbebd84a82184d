import { Alert, Collapse, Table, Tag, Typography } from 'antd';
import type { ExportFillOutput, FilledSheet } from '../../../shared/api/export-entities';
import { formatViNumber } from '../../../shared/numbers/vi-number';
import { DeliveredFile } from './delivered-file';

const count = (n: number) => formatViNumber(n, 0);

const stateVi: Record<FilledSheet['state'], { label: string; color: string }> = {
  filled: { label: 'Đã điền', color: 'green' },
  no_table: { label: 'Không có bảng chỉ tiêu, giữ nguyên', color: 'default' },
  hidden: { label: 'Trang ẩn, giữ nguyên', color: 'default' },
  empty: { label: 'Trang trống, giữ nguyên', color: 'default' },
};

type NotFilled = FilledSheet['rowsNotFilled'][number];
type Column = FilledSheet['columns'][number];

function leftText(sheet: FilledSheet): string | null {
  const formulas = sheet.cellsLeft.filter((c) => c.reason.startsWith('ô có công thức')).length;
  const texts = sheet.cellsLeft.filter((c) => c.reason.startsWith('ô có chữ')).length;
  const others = sheet.cellsLeft.length - formulas - texts;
  const parts = [
    formulas > 0 ? `${count(formulas)} ô công thức` : null,
    texts > 0 ? `${count(texts)} ô có chữ` : null,
    others > 0 ? `${count(others)} ô ChiTieu chưa có số liệu` : null,
  ].filter((p) => p !== null);
  return parts.length === 0 ? null : `Giữ nguyên ${parts.join(', ')} của mẫu.`;
}

function SheetDetail({ sheet }: { sheet: FilledSheet }) {
  const used = sheet.columns.filter((c) => c.filled > 0);
  const left = leftText(sheet);
  return (
    <div className="export-sheet-detail">
      <Table<Column>
        size="small"
        rowKey="column"
        pagination={false}
        aria-label={`Các cột đã điền của trang ${sheet.name}`}
        dataSource={used}
        locale={{ emptyText: 'Không cột nào được điền.' }}
        columns={[
          { title: 'Cột', dataIndex: 'column', width: 60 },
          { title: 'Tiêu đề trong mẫu', dataIndex: 'heading' },
          { title: 'Số liệu điền vào', dataIndex: 'label' },
          { title: 'Số ô', dataIndex: 'filled', width: 90, align: 'right', render: (n: number) => count(n) },
        ]}
      />
      {left === null ? null : <Typography.Text type="secondary">{left}</Typography.Text>}
      {sheet.cellsShownRounded.length === 0 ? null : (
        <Alert
          type="warning"
          showIcon
          message={`${count(sheet.cellsShownRounded.length)} ô có số lẻ hơn định dạng của mẫu: ô giữ đúng số, Excel hiển thị số làm tròn`}
          description={
            <ul className="export-rounded-cells">
              {sheet.cellsShownRounded.slice(0, 10).map((c) => (
                <li key={c.cell}>
                  Ô {c.cell}: {c.reason}.
                </li>
              ))}
              {sheet.cellsShownRounded.length > 10 ? (
                <li>… và {count(sheet.cellsShownRounded.length - 10)} ô khác.</li>
              ) : null}
            </ul>
          }
        />
      )}
      {sheet.rowsNotFilled.length === 0 ? null : (
        <>
          <Typography.Title level={5} className="export-subtitle">
            Dòng không điền ({count(sheet.rowsNotFilled.length)})
          </Typography.Title>
          <Table<NotFilled>
            size="small"
            rowKey="row"
            pagination={sheet.rowsNotFilled.length > 15 ? { pageSize: 15, showSizeChanger: false } : false}
            aria-label={`Các dòng không điền của trang ${sheet.name}`}
            dataSource={sheet.rowsNotFilled}
            columns={[
              { title: 'Dòng', dataIndex: 'row', width: 70, align: 'right' },
              { title: 'Chỉ tiêu trong mẫu', dataIndex: 'name' },
              { title: 'Đơn vị tính', dataIndex: 'unit', width: 130 },
              { title: 'Lý do', dataIndex: 'reason' },
            ]}
          />
        </>
      )}
    </div>
  );
}

/** What was filled in the Ministry's workbook, sheet by sheet, and which rows were not, with why. */
export function ExportFillSummary({ output, templateName }: { output: ExportFillOutput; templateName: string }) {
  const s = output.summary;
  const filled = s.sheets.filter((sheet) => sheet.state === 'filled');
  return (
    <section className="export-result" aria-label="Kết quả điền mẫu biểu">
      <Alert
        type={s.cellsFilled > 0 ? 'success' : 'warning'}
        showIcon
        title={`Đã điền ${count(s.cellsFilled)} ô số liệu vào mẫu ${templateName} (${s.unitName}, ${s.periodLabel})`}
        description={
          <DeliveredFile output={output}>
            ; mọi thứ khác của mẫu giữ nguyên.
            {s.recalculateOnOpen ? ' Mẫu có công thức: Excel sẽ tính lại khi mở tệp.' : ''}
          </DeliveredFile>
        }
      />
      {s.validation.overrideReason === null ? null : (
        <Alert
          type="warning"
          showIcon
          title={`Điền mẫu khi còn ${count(s.validation.openErrors)} lỗi kiểm tra chưa xử lý`}
          description={`Lý do: ${s.validation.overrideReason}`}
        />
      )}
      <Collapse
        defaultActiveKey={filled.map((sheet) => sheet.name)}
        items={s.sheets.map((sheet) => ({
          key: sheet.name,
          collapsible: sheet.state === 'filled' ? undefined : 'disabled',
          showArrow: sheet.state === 'filled',
          label: (
            <span className="export-sheet-label">
              <strong>{sheet.name}</strong>
              <Tag color={stateVi[sheet.state].color}>{stateVi[sheet.state].label}</Tag>
              {sheet.state === 'filled' ? (
                <Typography.Text type="secondary">
                  {count(sheet.rowsMatched)} dòng nhận ra · {count(sheet.cellsFilled)} ô đã điền
                  {sheet.rowsNotFilled.length > 0 ? ` · ${count(sheet.rowsNotFilled.length)} dòng không điền` : ''}
                </Typography.Text>
              ) : null}
            </span>
          ),
          children: sheet.state === 'filled' ? <SheetDetail sheet={sheet} /> : null,
        }))}
      />
    </section>
  );
}
