import { Layout, Menu, Typography } from 'antd';
import { useApiQuery } from '../api/api';
import { BackupScreen } from '../screens/backup/BackupScreen';
import { CatalogScreen } from '../screens/catalog/CatalogScreen';
import { EntryScreen } from '../screens/entry/EntryScreen';
import { ExcelScreen } from '../screens/excel/ExcelScreen';
import { FirstRunDialog } from '../screens/first-run/FirstRunDialog';
import { EntryPrintButton } from '../print/EntryPrintButton';
import { WindowFileDrop } from '../screens/excel/import-drop';
import { PlansScreen } from '../screens/plans/PlansScreen';
import { ReportScreen } from '../screens/report/ReportScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { UnitsScreen } from '../screens/units/UnitsScreen';
import { OpenFindingsBadge } from '../screens/validation/OpenFindingsBadge';
import { ValidationScreen } from '../screens/validation/ValidationScreen';
import { screens, type ScreenKey } from './screens';
import { useHashScreen } from './use-hash-screen';

function ScreenBody({ screen }: { screen: ScreenKey }) {
  switch (screen) {
    case 'nhap-lieu':
      return <EntryScreen />;
    case 'ke-hoach':
      return <PlansScreen />;
    case 'kiem-tra':
      return <ValidationScreen />;
    case 'danh-muc':
      return <CatalogScreen />;
    case 'don-vi':
      return <UnitsScreen />;
    case 'excel':
      return <ExcelScreen />;
    case 'bao-cao':
      return <ReportScreen />;
    case 'sao-luu':
      return <BackupScreen />;
    case 'cai-dat':
      return <SettingsScreen />;
  }
}

export function AppShell() {
  const [screen, go] = useHashScreen();
  const settings = useApiQuery('settings.get', {});
  const office = [settings.data?.departmentName, settings.data?.provinceName].filter(Boolean).join(' · ');
  return (
    <Layout style={{ height: '100%' }}>
      <WindowFileDrop onDrop={() => go('excel')} />
      <FirstRunDialog />
      <Layout.Sider width={200} breakpoint="lg" collapsedWidth={0}>
        <div className="app-brand">
          ChiTieu
          <small>{office || 'Số liệu chỉ tiêu Sở Công Thương'}</small>
        </div>
        <nav aria-label="Chức năng">
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[screen]}
            items={screens.map((s) => ({ key: s.key, label: s.label }))}
            onClick={({ key }) => go(key as ScreenKey)}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Content>
          <main className="screen">
            <header className="screen-head">
              <Typography.Title level={3} style={{ margin: 0 }}>
                {screens.find((s) => s.key === screen)?.label}
              </Typography.Title>
              <OpenFindingsBadge />
              {screen === 'nhap-lieu' ? <EntryPrintButton /> : null}
            </header>
            <div className="screen-body">
              <ScreenBody screen={screen} />
            </div>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
