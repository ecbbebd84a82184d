export const screens = [
  { key: 'nhap-lieu', label: 'Nhập liệu' },
  { key: 'ke-hoach', label: 'Kế hoạch' },
  { key: 'kiem-tra', label: 'Kiểm tra' },
  { key: 'excel', label: 'Nhập/Xuất Excel' },
  { key: 'bao-cao', label: 'Báo cáo' },
  { key: 'danh-muc', label: 'Danh mục chỉ tiêu' },
  { key: 'don-vi', label: 'Đơn vị báo cáo' },
  { key: 'sao-luu', label: 'Sao lưu' },
  { key: 'cai-dat', label: 'Cài đặt' },
] as const;

export type ScreenKey = (typeof screens)[number]['key'];

export const defaultScreen: ScreenKey = 'nhap-lieu';

export function screenFromHash(hash: string): ScreenKey {
  const key = hash.replace(/^#\/?/, '').split('?')[0];
  return screens.find((s) => s.key === key)?.key ?? defaultScreen;
}
