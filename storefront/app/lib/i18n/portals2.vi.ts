/** Producer team members and stock (issue 13, second part). */
export const viPortals2 = {
  "pt.nav": "Thành viên",
  "pt.title": "Tài khoản của gian hàng",
  "pt.intro":
    "Những người đăng nhập vào gian hàng này. Mỗi người dùng một tài khoản riêng; chủ gian hàng không thể bị gỡ.",
  "pt.owner": "Chủ gian hàng",
  "pt.invite": "Thêm người quản lý",
  "pt.inviteEmail": "Email của người quản lý",
  "pt.invitePasswordHint": "Gửi mật khẩu này cho người đó qua kênh riêng.",
  "pt.removeConfirm": "Gỡ tài khoản {email} khỏi gian hàng? Người này sẽ không đăng nhập được nữa.",
  "ps.stock": "Số lượng trong kho",
  "ps.stockHint": "Bỏ trống nếu không theo dõi tồn kho (luôn bán được).",
  "ps.stockInvalid": "Số lượng trong kho là số nguyên từ 0 đến 1.000.000.",
  "ps.notTracked": "Chưa theo dõi tồn kho: sản phẩm luôn bán được. Nhập số lượng để bắt đầu theo dõi.",
  "ps.stockNow": "{reserved} đang giữ cho đơn chưa giao · còn bán được {available}.",
  "ps.available": "Còn {n}",
  "tp.nav": "Chủ thể chờ duyệt",
  "tp.title": "Chủ thể đăng ký chờ duyệt",
  "tp.intro": "Các hợp tác xã, doanh nghiệp, hộ kinh doanh của tỉnh vừa đăng ký. Duyệt để họ đưa sản phẩm lên sàn.",
  "tp.empty": "Không có chủ thể nào đang chờ duyệt.",
  "tp.approve": "Duyệt chủ thể",
  "tp.approved": "Đã duyệt chủ thể {name}.",
};
