/** Producer team members and stock (issue 13, second part). */
export const viPortals2 = {
  "pt.nav": "Tài khoản",
  "pt.title": "Tài khoản của gian hàng",
  "pt.intro":
    "Những người đăng nhập vào gian hàng này. Mỗi người dùng một tài khoản riêng; chủ gian hàng không thể bị gỡ.",
  "pt.owner": "Chủ gian hàng",
  "pt.invite": "Thêm người quản lý",
  "pt.inviteEmail": "Email của người quản lý",
  "pt.invitePasswordHint": "Gửi mật khẩu này cho người đó qua kênh riêng.",
  "pt.removeConfirm": "Gỡ tài khoản {email} khỏi gian hàng? Người này sẽ không đăng nhập được nữa.",
};
