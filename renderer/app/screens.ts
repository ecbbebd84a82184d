export const screens = [
  { key: 'nhap-lieu', label: 'Nhập liệu', comingSoon: null },
  { key: 'ke-hoach', label: 'Kế hoạch', comingSoon: null },
  { key: 'kiem-tra', label: 'Kiểm tra', comingSoon: null },
  { key: 'excel', label: 'Nhập/Xuất Excel', comingSoon: 'Nhập các biểu Excel của Bộ và Cục Thống kê, xuất biểu báo cáo.' },
  { key: 'bao-cao', label: 'Báo cáo', comingSoon: 'Báo cáo bằng lời văn tiếng Việt và biểu đồ, sinh từ số liệu.' },
  { key: 'danh-muc', label: 'Danh mục chỉ tiêu', comingSoon: null },
  { key: 'don-vi', label: 'Đơn vị báo cáo', comingSoon: null },
  { key: 'cai-dat', label: 'Cài đặt', comingSoon: null },
] as const;

export type ScreenKey = (typeof screens)[number]['key'];

export const defaultScreen: ScreenKey = 'nhap-lieu';

export function screenFromHash(hash: string): ScreenKey {
  const key = hash.replace(/^#\/?/, '').split('?')[0];
  return screens.find((s) => s.key === key)?.key ?? defaultScreen;
}
