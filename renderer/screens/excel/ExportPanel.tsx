import { ComingSoon } from '../placeholder/ComingSoon';

export function ExportPanel() {
  return <ComingSoon title="Xuất Excel" description="Xuất biểu báo cáo và điền mẫu biểu của Bộ." />;
}
