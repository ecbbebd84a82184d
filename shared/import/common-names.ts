/**
 * The names the Ministry's portal, the statistics office and the departments' own reports give the indicators of
 * the default catalog (shared/catalog), besides the catalog's own name: "Tổng kim ngạch xuất khẩu" is XK and
 * "TOÀN NGÀNH CÔNG NGHIỆP" in the statistics office's IIP table is the IIP itself. A name found here is as certain
 * as the catalog's own, within the section it is given for; the codes are the catalog's stable keys, and a
 * province's catalog without one of them simply does not get its names.
 */
export interface CommonName {
  code: string;
  names: readonly string[];
  /** Only under this indicator's heading (or on a sheet about it): "Toàn ngành" alone means the IIP only there. */
  within?: string;
}

export const commonNames: readonly CommonName[] = [
  {
    code: 'IIP',
    names: [
      'Chỉ số sản xuất công nghiệp',
      'Chỉ số sản xuất công nghiệp (IIP)',
      'Chỉ số sản xuất toàn ngành công nghiệp',
      'Chỉ số sản xuất toàn ngành công nghiệp (IIP)',
      'Chỉ số phát triển công nghiệp',
      'Chỉ số phát triển sản xuất công nghiệp',
      'Chỉ số phát triển sản xuất công nghiệp (IIP)',
      'Chỉ số IIP',
      'IIP',
    ],
  },
  {
    code: 'IIP',
    names: ['Toàn ngành công nghiệp', 'Toàn ngành', 'Toàn ngành công nghiệp (IIP)', 'Chung toàn ngành', 'Tổng số'],
    within: 'IIP',
  },
  {
    code: 'IIP_B',
    names: ['Công nghiệp khai khoáng', 'Ngành khai khoáng', 'Khai thác mỏ', 'Công nghiệp khai thác mỏ', 'Khai khoáng'],
    within: 'IIP',
  },
  {
    code: 'IIP_C',
    names: ['Công nghiệp chế biến chế tạo', 'Ngành chế biến, chế tạo', 'Chế biến, chế tạo', 'Công nghiệp chế biến'],
    within: 'IIP',
  },
  {
    code: 'IIP_D',
    names: [
      'Sản xuất và phân phối điện',
      'Sản xuất và phân phối điện, khí đốt',
      'Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hoà không khí',
      'Sản xuất, phân phối điện, khí đốt, nước nóng, hơi nước và điều hòa không khí',
      'Điện, khí đốt, nước nóng, hơi nước và điều hòa không khí',
    ],
    within: 'IIP',
  },
  {
    code: 'IIP_E',
    names: [
      'Cung cấp nước, hoạt động quản lý và xử lý rác thải, nước thải',
      'Cung cấp nước; hoạt động quản lý và xử lý rác thải',
      'Cung cấp nước, quản lý và xử lý rác thải, nước thải',
      'Cung cấp nước, xử lý rác thải, nước thải',
      'Cung cấp nước và xử lý rác thải',
    ],
    within: 'IIP',
  },
  {
    code: 'SPCN',
    names: [
      'Sản phẩm chủ yếu',
      'Một số sản phẩm chủ yếu',
      'Sản phẩm công nghiệp',
      'Sản lượng sản phẩm công nghiệp chủ yếu',
    ],
  },
  { code: 'SPCN_DUONG', names: ['Đường kính RS', 'Đường kính trắng RS', 'Đường RS các loại'], within: 'SPCN' },
  { code: 'SPCN_GO', names: ['Gỗ cưa hoặc xẻ', 'Gỗ cưa, xẻ', 'Gỗ xẻ các loại'], within: 'SPCN' },
  { code: 'SPCN_NUOC', names: ['Nước máy', 'Nước máy các loại', 'Nước sạch thương phẩm'], within: 'SPCN' },
  {
    code: 'GTSXCN',
    names: [
      'Giá trị sản xuất công nghiệp',
      'Giá trị sản xuất toàn ngành công nghiệp',
      'Tổng giá trị sản xuất công nghiệp',
    ],
  },
  {
    code: 'BLHH',
    names: [
      'Tổng mức bán lẻ hàng hóa',
      'Tổng mức bán lẻ hàng hoá và doanh thu dịch vụ',
      'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng xã hội',
      'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng trên địa bàn',
      'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng (giá hiện hành)',
      'Tổng mức bán lẻ hàng hóa và DTDV tiêu dùng',
      'Tổng mức bán lẻ',
    ],
  },
  {
    code: 'BLHH_HH',
    names: ['Bán lẻ hàng hóa', 'Doanh thu bán lẻ', 'Tổng mức bán lẻ hàng hóa (không kể dịch vụ)'],
    within: 'BLHH',
  },
  {
    code: 'BLHH_LTAU',
    names: [
      'Dịch vụ lưu trú, ăn uống',
      'Doanh thu dịch vụ lưu trú và ăn uống',
      'Doanh thu lưu trú, ăn uống',
      'Lưu trú, ăn uống',
      'Dịch vụ ăn uống, lưu trú',
    ],
    within: 'BLHH',
  },
  {
    code: 'BLHH_DL',
    names: ['Du lịch lữ hành', 'Doanh thu du lịch', 'Dịch vụ du lịch lữ hành', 'Doanh thu dịch vụ du lịch lữ hành'],
    within: 'BLHH',
  },
  {
    code: 'BLHH_DVK',
    names: ['Dịch vụ khác', 'Doanh thu các dịch vụ khác', 'Doanh thu dịch vụ tiêu dùng khác'],
    within: 'BLHH',
  },
  {
    code: 'XNK',
    names: [
      'Tổng kim ngạch xuất nhập khẩu',
      'Kim ngạch xuất nhập khẩu',
      'Kim ngạch xuất nhập khẩu hàng hóa',
      'Tổng kim ngạch XNK',
      'Xuất nhập khẩu',
    ],
  },
  {
    code: 'XK',
    names: [
      'Tổng kim ngạch xuất khẩu',
      'Tổng trị giá xuất khẩu',
      'Trị giá xuất khẩu',
      'Kim ngạch xuất khẩu hàng hóa',
      'Tổng kim ngạch xuất khẩu hàng hóa',
      'Tổng giá trị xuất khẩu',
      'Giá trị xuất khẩu',
    ],
  },
  { code: 'XK', names: ['Xuất khẩu'], within: 'XNK' },
  {
    code: 'NK',
    names: [
      'Tổng kim ngạch nhập khẩu',
      'Tổng trị giá nhập khẩu',
      'Trị giá nhập khẩu',
      'Kim ngạch nhập khẩu hàng hóa',
      'Tổng kim ngạch nhập khẩu hàng hóa',
      'Tổng giá trị nhập khẩu',
      'Giá trị nhập khẩu',
    ],
  },
  { code: 'NK', names: ['Nhập khẩu'], within: 'XNK' },
  {
    code: 'TMBG',
    names: [
      'Tổng kim ngạch các cửa khẩu',
      'Tổng kim ngạch qua các cửa khẩu',
      'Tổng kim ngạch xuất nhập khẩu qua các cửa khẩu',
      'Tổng kim ngạch xuất nhập khẩu qua các cửa khẩu biên giới',
      'Kim ngạch xuất nhập khẩu qua biên giới',
      'Kim ngạch xuất nhập khẩu qua các cửa khẩu biên giới',
      'Tổng kim ngạch xuất nhập khẩu qua biên giới',
      'Kim ngạch xuất nhập khẩu qua các cửa khẩu',
      'Tổng kim ngạch thương mại biên giới',
      'Kim ngạch thương mại biên giới',
      'Tổng kim ngạch thương mại qua các cửa khẩu',
    ],
  },
];
