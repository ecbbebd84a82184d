import { ComingSoon } from '../placeholder/ComingSoon';

export function ReportScreen() {
  return <ComingSoon title="Báo cáo" description="Báo cáo bằng lời văn tiếng Việt và biểu đồ, sinh từ số liệu." />;
}
