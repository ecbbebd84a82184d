export const usageText = `Cách dùng: chitieu <lệnh> [tùy chọn]

ChiTieu: nhập liệu, kiểm tra và báo cáo chỉ tiêu của Sở Công Thương.

Lệnh:
  info [--json]                  Phiên bản, thư mục dữ liệu và phiên bản cấu trúc cơ sở dữ liệu
  catalog [--json]               Danh mục chỉ tiêu (mã, chỉ tiêu cha, STT, tên, đơn vị tính, loại, số chữ số thập phân)
  units list [--json]            Danh sách đơn vị báo cáo (mã, tên, loại, trực thuộc, hiệu lực, đơn vị tiền thân)
  units add --code MÃ --name "Xã …" [--kind xa|tinh|doanh-nghiep|cua-khau|khac] [--parent MÃ]
            [--valid-from NGÀY] [--valid-to NGÀY] [--predecessors MÃ1,MÃ2] [--json]
                                 Thêm đơn vị báo cáo (mặc định loại xa: xã, phường); sổ Excel ghi "Đơn vị báo cáo: Xã …"
                                 được nhập vào đơn vị cùng tên; ngày viết 01/07/2025 hoặc 2025-07-01
  units rename MÃ [--name "…"] [--code MÃ_MỚI] [--json]
                                 Đổi tên hoặc mã của đơn vị báo cáo
  settings [--json]              Thông tin đơn vị và người ký (như Cài đặt), và những gì còn thiếu
  settings set TÊN=GIÁ_TRỊ ...   Ghi cài đặt: provinceName, departmentName, placeName, formNumber, officeSymbol,
                                 preparerName, headTitle, headName, clerkName, recipients ("\\n" để xuống dòng)
  values set --period P [--unit U] [--status estimate|actual] MÃ=SỐ ...
                                 Ghi số liệu một kỳ (số viết kiểu Việt Nam 14.659,9 hoặc 14659.9); một lỗi là không ghi gì
  values get --period P [--unit U] [--json]
                                 Số liệu một kỳ với kế hoạch, cùng kỳ, kỳ trước, lũy kế và các tỷ lệ (%)
  plan set --year Y [--level giao|phan-dau] [--unit U] MÃ=SỐ ...
                                 Ghi kế hoạch năm (mặc định: kế hoạch giao)
  validate --period P [--unit U] [--json]
                                 Kiểm tra số liệu; mã thoát 1 khi còn lỗi chưa được bỏ qua có lý do
  period status|submit|approve|lock|reopen --period P [--unit U] [--note "…"] [--reason "…"] [--json]
                                 Tình trạng kỳ báo cáo: Đang nhập → gửi (Đã gửi) → duyệt (Đã duyệt) → khóa sổ
                                 (Đã khóa sổ), mỗi bước ghi người, giờ và ghi chú; kỳ đã duyệt hoặc khóa sổ (và các
                                 tháng, quý nằm trong nó) không sửa, dán, nhập hay hoàn tác được; reopen cần --reason
  import TỆP|THƯ_MỤC... [--period P] [--unit U] [--dry-run] [--accept-suggestions] [--details] [--json]
                                 Nhập sổ Excel (.xlsx, .xlsm, .xls): in bản xem trước (mỗi trang tính một dòng tóm tắt
                                 và các lỗi, cảnh báo; --details in từng cột, dòng nhận ra, từng số mới hay thay đổi)
                                 rồi ghi tất cả trong một lần; --dry-run chỉ xem trước;
                                 --accept-suggestions áp dụng gợi ý tốt nhất cho các dòng chưa nhận ra.
                                 Không có --period: lấy kỳ ghi ở tiêu đề biểu; không có --unit: đơn vị ghi trong tệp,
                                 nếu không có thì toàn tỉnh. Một thư mục là mọi sổ Excel trong đó; một lần nhập
                                 nhận đến 500 tệp (ví dụ sổ của mọi xã, phường trong tỉnh).
  import --history [--json]      Lịch sử các lần nhập
  import --undo N                Hoàn tác cả lần nhập số N
  export --period P --out TỆP [--unit U | --units U1,U2 | --all-units] [--layout sheets|columns]
         [--template TỆP] [--reason "…"] [--json]
                                 Xuất biểu báo cáo Excel (hoặc điền vào biểu mẫu của Bộ); khi còn lỗi cần --reason
  report --period P [--unit U] [--format text|docx|html] [--out TỆP] [--json]
                                 Báo cáo bằng lời của kỳ (sản xuất công nghiệp, thương mại, xuất nhập khẩu…) viết
                                 từ số liệu theo các mẫu câu; mặc định in chữ ra màn hình, docx cần --out
  backup [--out TỆP] [--json]    Sao lưu ngay: một tệp trọn vẹn, đã kiểm tra toàn vẹn, vào thư mục backups của dữ liệu
                                 (và thư mục thứ hai nếu đã chọn), hoặc đúng vào TỆP với --out (không ghi đè)
  restore TỆP [--dry-run] [--json]
                                 Khôi phục từ một bản sao lưu: in tệp chứa gì, sao lưu dữ liệu hiện tại rồi thay bằng
                                 dữ liệu của tệp; --dry-run chỉ xem. Tệp không phải của ChiTieu hoặc của phiên bản mới
                                 hơn bị từ chối, dữ liệu hiện tại giữ nguyên. Hoàn tác: khôi phục bản vừa sao lưu
  serve [--port N] [--host H] [--office]
                                 Mở ChiTieu trong trình duyệt; dòng đầu tiên in ra là đường dẫn để mở
                                 (mặc định 127.0.0.1; nghe ngoài máy này cần --host và mật khẩu trong Cài đặt).
                                 --office: máy chủ của văn phòng, các máy khác trong mạng nội bộ mở bằng trình
                                 duyệt và đăng nhập bằng mật khẩu (mặc định nghe mọi địa chỉ, 0.0.0.0)

Kỳ báo cáo: 2023-06 (tháng), 2023-Q2 (quý), 2023-L07 (lũy kế 7 tháng), 2023-H1 (6 tháng), 2023-9M, 2023 (năm).

Tùy chọn chung:
  --data DIR                     Thư mục dữ liệu (mặc định: thư mục dữ liệu ứng dụng "ChiTieu" của người dùng,
                                 hoặc biến môi trường CHITIEU_DATA_DIR)
  --help, -h                     Hướng dẫn này

Mã thoát: 0 thành công, 2 sai cú pháp hoặc dữ liệu vào không hợp lệ, 1 lỗi khác.
`;
