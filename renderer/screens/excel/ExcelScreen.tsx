import { Tabs } from 'antd';
import { useHashParam } from '../../app/use-hash-param';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';

const tabs = ['nhap', 'xuat'] as const;
type ExcelTab = (typeof tabs)[number];

function asTab(value: string | null): ExcelTab {
  return tabs.find((t) => t === value) ?? 'nhap';
}

/**
 * Nhập/Xuất Excel: the workbooks that come in from the Ministry and the statistics office, and those that go up.
 * The tab lives in the hash (#/excel?the=xuat) and is not carried to other screens, so files dropped on the
 * window, which lead to #/excel, always land on Nhập Excel.
 */
export function ExcelScreen() {
  const [tab, setTab] = useHashParam('the');
  return (
    <Tabs
      className="excel-screen"
      activeKey={asTab(tab)}
      onChange={(key) => setTab(key === 'nhap' ? null : key)}
      items={[
        { key: 'nhap', label: 'Nhập Excel', children: <ImportPanel /> },
        { key: 'xuat', label: 'Xuất Excel', children: <ExportPanel /> },
      ]}
    />
  );
}
