import { pick } from './sheet-builder';

/** The spellings clerks and statistics offices use for the catalog's indicators (a common one listed twice weighs double). */
export const namesOf: Record<string, readonly string[]> = {
  IIP: [
    'Chỉ số sản xuất công nghiệp (IIP)',
    'CHỈ SỐ SẢN XUẤT CÔNG NGHIỆP (IIP)',
    'Chỉ số sản xuất toàn ngành công nghiệp (IIP)',
    'Chỉ số phát triển sản xuất công nghiệp (IIP)',
  ],
  IIP_B: ['Khai khoáng', 'Ngành khai khoáng', 'Công nghiệp khai khoáng'],
  IIP_C: ['Công nghiệp chế biến, chế tạo', 'Ngành chế biến, chế tạo', 'Chế biến, chế tạo'],
  IIP_D: [
    'Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hòa không khí',
    'Sản xuất và phân phối điện',
    'Sản xuất, phân phối điện, khí đốt, nước nóng, hơi nước và điều hoà không khí',
  ],
  IIP_E: [
    'Cung cấp nước; hoạt động quản lý và xử lý rác thải, nước thải',
    'Cung cấp nước, hoạt động quản lý và xử lý rác thải, nước thải',
    'Cung cấp nước, quản lý và xử lý rác thải, nước thải',
  ],
  GTSXCN: [
    'Giá trị sản xuất công nghiệp (giá so sánh 2010)',
    'GIÁ TRỊ SẢN XUẤT CÔNG NGHIỆP (giá so sánh 2010)',
    'Giá trị sản xuất công nghiệp (theo giá so sánh 2010)',
    'Giá trị SXCN (giá SS 2010)',
  ],
  SPCN: ['Sản phẩm công nghiệp chủ yếu', 'SẢN PHẨM CÔNG NGHIỆP CHỦ YẾU', 'Một số sản phẩm công nghiệp chủ yếu'],
  SPCN_DIEN_SX: ['Điện sản xuất', 'Điện sản xuất', 'ĐIỆN SẢN XUẤT'],
  SPCN_DIEN_TP: ['Điện thương phẩm', 'Điện thương phẩm', 'Dien thuong pham'],
  SPCN_NUOC: ['Nước máy thương phẩm', 'Nước máy thương phẩm', 'Nước máy'],
  SPCN_XIMANG: ['Xi măng Portland đen', 'Xi măng', 'Xi măng Portland đen'],
  SPCN_DA: ['Đá xây dựng khác', 'Đá xây dựng', 'Da xay dung khac'],
  SPCN_DIEU: ['Hạt điều nhân', 'Hạt điều nhân', 'Nhân hạt điều'],
  SPCN_TINHBOTSAN: ['Tinh bột sắn', 'Tinh bột sắn', 'Tinh bot san'],
  SPCN_DUONG: ['Đường RS', 'Đường RS', 'Đường kính RS'],
  SPCN_QUANAO: ['Quần áo các loại', 'Quần áo các loại', 'Quần áo'],
  SPCN_GIAYDEP: ['Giày, dép có đế hoặc mũ bằng da', 'Giày dép có đế hoặc mũ bằng da', 'Giày, dép da'],
  SPCN_GO: ['Gỗ cưa, xẻ các loại', 'Gỗ cưa hoặc xẻ', 'Gỗ cưa, xẻ các loại'],
  SPCN_BAOBI: [
    'Bao bì và túi bằng giấy nhăn và bìa nhăn',
    'Bao bì bằng giấy nhăn và bìa nhăn',
    'Bao bì và túi bằng giấy nhăn và bìa nhăn',
  ],
  SPCN_MUOI: ['Muối biển', 'Muối biển', 'Muối'],
  BLHH: [
    'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng',
    'TỔNG MỨC BLHH VÀ DTDVTD',
    'Tổng mức bán lẻ hàng hoá và doanh thu dịch vụ tiêu dùng',
    'TỔNG MỨC BÁN LẺ HÀNG HÓA VÀ DOANH THU DỊCH VỤ TIÊU DÙNG',
  ],
  BLHH_HH: ['Doanh thu bán lẻ hàng hóa', 'Bán lẻ hàng hóa', 'Doanh thu bán lẻ hàng hoá'],
  BLHH_LTAU: ['Doanh thu dịch vụ lưu trú, ăn uống', 'Dịch vụ lưu trú, ăn uống', 'Doanh thu dịch vụ lưu trú, ăn uống'],
  BLHH_DL: ['Doanh thu du lịch lữ hành', 'Du lịch lữ hành', 'Doanh thu du lịch lữ hành'],
  BLHH_DVK: ['Doanh thu dịch vụ khác', 'Dịch vụ khác', 'Doanh thu các dịch vụ khác'],
  XNK: ['Tổng kim ngạch xuất nhập khẩu hàng hóa', 'Tổng kim ngạch xuất nhập khẩu', 'TỔNG KIM NGẠCH XUẤT NHẬP KHẨU'],
  XK: ['Kim ngạch xuất khẩu', 'Tổng kim ngạch xuất khẩu', 'KIM NGẠCH XUẤT KHẨU', 'Kim ngạch xuất khẩu hàng hóa'],
  NK: ['Kim ngạch nhập khẩu', 'Tổng kim ngạch nhập khẩu', 'KIM NGẠCH NHẬP KHẨU', 'Kim ngạch nhập khẩu hàng hóa'],
  XK_DIEU: ['Hạt điều nhân', 'Hạt điều nhân', 'Điều nhân'],
  XK_CAOSU: ['Cao su', 'Cao su', 'Cao su các loại'],
  XK_KHAC: ['Hàng hóa khác', 'Hàng hóa khác', 'Hàng hoá khác'],
  TMBG: [
    'Kim ngạch thương mại qua các cửa khẩu biên giới',
    'Kim ngạch xuất nhập khẩu qua các cửa khẩu biên giới',
    'Kim ngạch thương mại biên giới',
  ],
};

export function nameOf(rng: () => number, key: string): string {
  const names = namesOf[key];
  if (!names) throw new Error(`no names for ${key}`);
  return pick(rng, names);
}

/** A unit as a file spells it, and the factor from it to the catalog's unit. */
export interface FileUnit {
  text: string;
  factor: number;
}

export const unitsOf: Record<string, readonly FileUnit[]> = {
  '%': [{ text: '%', factor: 1 }],
  'tỷ đồng': [
    { text: 'Tỷ đồng', factor: 1 },
    { text: 'Triệu đồng', factor: 0.001 },
    { text: 'tỷ đồng', factor: 1 },
    { text: 'Tr.đồng', factor: 0.001 },
  ],
  'triệu kWh': [
    { text: 'Triệu KWh', factor: 1 },
    { text: 'triệu kWh', factor: 1 },
    { text: 'Tr.kWh', factor: 1 },
  ],
  'nghìn m3': [
    { text: '1000 m3', factor: 1 },
    { text: 'Nghìn m3', factor: 1 },
    { text: 'm3', factor: 0.001 },
  ],
  tấn: [
    { text: 'Tấn', factor: 1 },
    { text: 'tấn', factor: 1 },
    { text: 'Nghìn tấn', factor: 1000 },
  ],
  m3: [
    { text: 'm3', factor: 1 },
    { text: 'M3', factor: 1 },
    { text: '1000 m3', factor: 1000 },
  ],
  'nghìn cái': [
    { text: '1000 cái', factor: 1 },
    { text: 'Nghìn cái', factor: 1 },
    { text: 'Triệu cái', factor: 1000 },
  ],
  'nghìn đôi': [
    { text: 'Nghìn đôi', factor: 1 },
    { text: '1000 đôi', factor: 1 },
    { text: 'Triệu đôi', factor: 1000 },
  ],
  'nghìn chiếc': [
    { text: 'Nghìn chiếc', factor: 1 },
    { text: '1000 chiếc', factor: 1 },
  ],
  'triệu USD': [
    { text: 'Triệu USD', factor: 1 },
    { text: 'Tr.USD', factor: 1 },
    { text: 'Nghìn USD', factor: 0.001 },
    { text: 'triệu USD', factor: 1 },
  ],
  'nghìn tấn': [
    { text: 'Tấn', factor: 0.001 },
    { text: 'Nghìn tấn', factor: 1 },
    { text: 'tấn', factor: 0.001 },
  ],
};

export function unitOf(rng: () => number, catalogUnit: string): FileUnit {
  const units = unitsOf[catalogUnit];
  if (!units) throw new Error(`no units for ${catalogUnit}`);
  return pick(rng, units);
}

/** The catalog's unit and a month's figure (in that unit) for the province, to make figures of a sensible size. */
export const catalogOf: Record<string, { unit: string; month: number }> = {
  IIP: { unit: '%', month: 100 },
  IIP_B: { unit: '%', month: 100 },
  IIP_C: { unit: '%', month: 100 },
  IIP_D: { unit: '%', month: 100 },
  IIP_E: { unit: '%', month: 100 },
  GTSXCN: { unit: 'tỷ đồng', month: 1050 },
  SPCN_DIEN_SX: { unit: 'triệu kWh', month: 152 },
  SPCN_DIEN_TP: { unit: 'triệu kWh', month: 121 },
  SPCN_NUOC: { unit: 'nghìn m3', month: 2050 },
  SPCN_XIMANG: { unit: 'tấn', month: 31000 },
  SPCN_DA: { unit: 'm3', month: 152000 },
  SPCN_DIEU: { unit: 'tấn', month: 8200 },
  SPCN_TINHBOTSAN: { unit: 'tấn', month: 21000 },
  SPCN_DUONG: { unit: 'tấn', month: 3100 },
  SPCN_QUANAO: { unit: 'nghìn cái', month: 2600 },
  SPCN_GIAYDEP: { unit: 'nghìn đôi', month: 4100 },
  SPCN_GO: { unit: 'm3', month: 12500 },
  SPCN_BAOBI: { unit: 'nghìn chiếc', month: 930 },
  SPCN_MUOI: { unit: 'tấn', month: 5200 },
  BLHH: { unit: 'tỷ đồng', month: 2500 },
  BLHH_HH: { unit: 'tỷ đồng', month: 1920 },
  BLHH_LTAU: { unit: 'tỷ đồng', month: 290 },
  BLHH_DL: { unit: 'tỷ đồng', month: 18 },
  BLHH_DVK: { unit: 'tỷ đồng', month: 272 },
  XNK: { unit: 'triệu USD', month: 455 },
  XK: { unit: 'triệu USD', month: 252 },
  XK_DIEU_L: { unit: 'nghìn tấn', month: 8.4 },
  XK_DIEU_GT: { unit: 'triệu USD', month: 51 },
  XK_CAOSU_L: { unit: 'nghìn tấn', month: 10.2 },
  XK_CAOSU_GT: { unit: 'triệu USD', month: 15.5 },
  XK_KHAC_GT: { unit: 'triệu USD', month: 185 },
  NK: { unit: 'triệu USD', month: 203 },
  TMBG: { unit: 'triệu USD', month: 31 },
};

/** A row's unit text, its landing and its monthly figure in the file's unit. */
export function rowUnit(
  rng: () => number,
  code: string,
  fixed?: FileUnit,
): { unit: string; land: { code: string; factor: number }; base: number } {
  const catalog = catalogOf[code];
  if (!catalog) throw new Error(`no catalog entry for ${code}`);
  const unit = fixed ?? unitOf(rng, catalog.unit);
  return { unit: unit.text, land: { code, factor: unit.factor }, base: catalog.month / unit.factor };
}

export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}
