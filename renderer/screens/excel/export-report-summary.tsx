import { Alert, Descriptions, Table, Tag } from 'antd';
import { exportLayoutLabelsVi, type ExportReportOutput } from '../../../shared/api/export-entities';
import { formatViNumber } from '../../../shared/numbers/vi-number';
import { DeliveredFile } from './delivered-file';

type Sheet = ExportReportOutput['summary']['sheets'][number];

const sheetKindVi: Record<Sheet['kind'], { label: string; color: string }> = {
  unit: { label: 'Đơn vị', color: 'default' },
  total: { label: 'Tổng hợp', color: 'blue' },
  columns: { label: 'Các đơn vị theo cột', color: 'geekblue' },
};

const count = (n: number) => formatViNumber(n, 0);

/** What the report workbook holds, once it has been handed to the browser as a download. */
export function ExportReportSummary({ output }: { output: ExportReportOutput }) {
  const s = output.summary;
  const who = s.units.length === 1 ? (s.units[0]?.name ?? '') : `${count(s.units.length)} đơn vị`;
  const summed = s.units.filter((u) => s.totalOf.includes(u.unitId));
  const left = s.units.filter((u) => !s.totalOf.includes(u.unitId));
  return (
    <section className="export-result" aria-label="Kết quả xuất Excel">
      <Alert
        type="success"
        showIcon
        title={`Đã xuất báo cáo ${s.periodLabel} (${who})`}
        description={<DeliveredFile output={output}>.</DeliveredFile>}
      />
      <Descriptions size="small" column={2} bordered className="export-descriptions">
        <Descriptions.Item label="Kỳ báo cáo">{s.periodLabel}</Descriptions.Item>
        <Descriptions.Item label="Đơn vị">{who}</Descriptions.Item>
        {s.units.length > 1 ? (
          <>
            <Descriptions.Item label="Bố cục">{exportLayoutLabelsVi[s.layout]}</Descriptions.Item>
            <Descriptions.Item label="Cộng vào tổng">
              {summed.map((u) => u.name).join(', ')}
              {left.length > 0
                ? ` (không cộng ${left.map((u) => u.name).join(', ')}: đã là tổng của các đơn vị khác)`
                : ''}
            </Descriptions.Item>
          </>
        ) : null}
        <Descriptions.Item label="Các cột" span={2}>
          {s.columns
            .filter((c) => c.kind !== 'label')
            .map((c) => c.heading)
            .join(' · ')}
        </Descriptions.Item>
      </Descriptions>
      {s.validation.overrideReason === null ? null : (
        <Alert
          type="warning"
          showIcon
          title={`Xuất khi còn ${count(s.validation.openErrors)} lỗi kiểm tra chưa xử lý`}
          description={`Lý do đã in trong ghi chú trên trang tính: ${s.validation.overrideReason}`}
        />
      )}
      <Table<Sheet>
        size="small"
        rowKey="name"
        pagination={false}
        aria-label="Các trang tính đã xuất"
        dataSource={s.sheets}
        scroll={s.sheets.length > 12 ? { y: 420 } : undefined}
        columns={[
          { title: 'Trang tính', dataIndex: 'name' },
          {
            title: 'Loại',
            dataIndex: 'kind',
            width: 190,
            render: (kind: Sheet['kind']) => <Tag color={sheetKindVi[kind].color}>{sheetKindVi[kind].label}</Tag>,
          },
          { title: 'Số chỉ tiêu', dataIndex: 'rows', width: 120, align: 'right', render: (n: number) => count(n) },
          { title: 'Ô số liệu', dataIndex: 'figures', width: 120, align: 'right', render: (n: number) => count(n) },
        ]}
      />
    </section>
  );
}
