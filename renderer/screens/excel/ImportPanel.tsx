import { ComingSoon } from '../placeholder/ComingSoon';

export function ImportPanel() {
  return <ComingSoon title="Nhập Excel" description="Nhập các biểu Excel của Bộ và Cục Thống kê." />;
}
