export const usageText = `Cách dùng: chitieu <lệnh> [tùy chọn]

ChiTieu: nhập liệu, kiểm tra và báo cáo chỉ tiêu của Sở Công Thương.

Lệnh:
  info [--json]                  Phiên bản, thư mục dữ liệu và phiên bản cấu trúc cơ sở dữ liệu
  catalog [--json]               Danh mục chỉ tiêu (mã, chỉ tiêu cha, STT, tên, đơn vị tính, loại, số chữ số thập phân)
  serve [--port N] [--host H]    Mở ChiTieu trong trình duyệt; dòng đầu tiên in ra là đường dẫn để mở
                                 (mặc định 127.0.0.1; nghe ngoài máy này cần --host và mật khẩu trong Cài đặt)

Tùy chọn chung:
  --data DIR                     Thư mục dữ liệu (mặc định: thư mục dữ liệu ứng dụng "ChiTieu" của người dùng,
                                 hoặc biến môi trường CHITIEU_DATA_DIR)
  --help, -h                     Hướng dẫn này

Mã thoát: 0 thành công, 2 sai cú pháp hoặc dữ liệu vào không hợp lệ, 1 lỗi khác.
`;
