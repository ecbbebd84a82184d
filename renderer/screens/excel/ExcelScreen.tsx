import { Tabs } from 'antd';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';

/** Nhập/Xuất Excel: the workbooks that come in from the Ministry and the statistics office, and those that go up. */
export function ExcelScreen() {
  return (
    <Tabs
      className="excel-screen"
      items={[
        { key: 'nhap', label: 'Nhập Excel', children: <ImportPanel /> },
        { key: 'xuat', label: 'Xuất Excel', children: <ExportPanel /> },
      ]}
    />
  );
}
