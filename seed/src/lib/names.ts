/**
 * Vocabulary for synthetic OCOP products: product bases per subgroup (with unit and price range),
 * local place names per province (communes, former districts and provinces that merged in 2025),
 * producer names per entity type. Names follow the usual "<product> <place>" pattern, e.g.
 * "Mật ong bạc hà Đồng Văn", or "<product> <brand>".
 */
import type { Rng } from "./rng"

export type Base = { name: string; unit: string; price: [number, number] }

export const BASES: Record<string, Base[]> = {
  "thuc-pham-tuoi-song": [
    { name: "Cam sành", unit: "kg", price: [25000, 45000] },
    { name: "Bưởi da xanh", unit: "quả ~1,5kg", price: [50000, 90000] },
    { name: "Vải thiều", unit: "kg", price: [30000, 60000] },
    { name: "Nhãn lồng", unit: "kg", price: [30000, 55000] },
    { name: "Xoài cát Hòa Lộc", unit: "kg", price: [50000, 90000] },
    { name: "Thanh long ruột đỏ", unit: "kg", price: [20000, 40000] },
    { name: "Sầu riêng Ri6", unit: "kg", price: [70000, 140000] },
    { name: "Mận hậu", unit: "kg", price: [30000, 60000] },
    { name: "Dưa lưới", unit: "quả ~1,5kg", price: [60000, 110000] },
    { name: "Trứng gà ta", unit: "hộp 10 quả", price: [35000, 60000] },
    { name: "Trứng vịt biển", unit: "hộp 10 quả", price: [45000, 70000] },
    { name: "Rau cải mầm hữu cơ", unit: "túi 300g", price: [20000, 40000] },
    { name: "Nấm hương tươi", unit: "hộp 500g", price: [60000, 110000] },
    { name: "Tôm càng xanh", unit: "kg", price: [250000, 400000] },
  ],
  "thuc-pham-tho-so-che": [
    { name: "Gạo ST25", unit: "túi 5kg", price: [150000, 220000] },
    { name: "Gạo Séng Cù", unit: "túi 5kg", price: [120000, 180000] },
    { name: "Gạo nếp cái hoa vàng", unit: "túi 2kg", price: [70000, 110000] },
    { name: "Gạo lứt đỏ", unit: "túi 2kg", price: [60000, 100000] },
    { name: "Mật ong bạc hà", unit: "chai 500 ml", price: [250000, 400000] },
    { name: "Mật ong hoa nhãn", unit: "chai 500 ml", price: [150000, 250000] },
    { name: "Mật ong rừng", unit: "chai 500 ml", price: [200000, 350000] },
    { name: "Mật ong hoa cà phê", unit: "chai 500 ml", price: [150000, 250000] },
    { name: "Yến sào", unit: "hộp 50g", price: [1200000, 2500000] },
    { name: "Lạc đỏ", unit: "túi 1kg", price: [60000, 90000] },
    { name: "Đậu đen xanh lòng", unit: "túi 1kg", price: [50000, 80000] },
    { name: "Mắc ca sấy nứt vỏ", unit: "túi 500g", price: [180000, 260000] },
    { name: "Hạt điều rang muối", unit: "hũ 500g", price: [180000, 280000] },
  ],
  "thuc-pham-che-bien": [
    { name: "Miến dong", unit: "túi 500g", price: [45000, 80000] },
    { name: "Bún khô", unit: "túi 500g", price: [25000, 45000] },
    { name: "Bánh đa nem", unit: "túi 500g", price: [30000, 50000] },
    { name: "Bánh chưng", unit: "chiếc", price: [60000, 120000] },
    { name: "Bánh cốm", unit: "hộp 10 chiếc", price: [50000, 90000] },
    { name: "Giò lụa", unit: "cây 500g", price: [110000, 160000] },
    { name: "Chả cá", unit: "hộp 500g", price: [120000, 200000] },
    { name: "Lạp xưởng tươi", unit: "túi 500g", price: [120000, 180000] },
    { name: "Thịt trâu gác bếp", unit: "túi 500g", price: [450000, 700000] },
    { name: "Nem chua", unit: "chục (10 cái)", price: [40000, 70000] },
    { name: "Khô cá lóc", unit: "túi 500g", price: [180000, 300000] },
    { name: "Mực một nắng", unit: "kg", price: [450000, 700000] },
    { name: "Mít sấy giòn", unit: "túi 250g", price: [55000, 90000] },
    { name: "Chuối sấy dẻo", unit: "túi 300g", price: [45000, 75000] },
    { name: "Mứt gừng", unit: "hộp 300g", price: [50000, 85000] },
    { name: "Măng khô", unit: "túi 500g", price: [120000, 200000] },
    { name: "Tỏi đen", unit: "hộp 200g", price: [180000, 300000] },
    { name: "Bánh pía", unit: "hộp 4 cái", price: [60000, 100000] },
    { name: "Kẹo dừa", unit: "hộp 400g", price: [40000, 70000] },
  ],
  "gia-vi": [
    { name: "Nước mắm cá cơm", unit: "chai 500 ml", price: [90000, 180000] },
    { name: "Nước mắm nhĩ", unit: "chai 250 ml", price: [120000, 220000] },
    { name: "Mắm tôm", unit: "hũ 300g", price: [40000, 70000] },
    { name: "Tương bần", unit: "chai 500 ml", price: [30000, 50000] },
    { name: "Muối tôm", unit: "hũ 200g", price: [35000, 60000] },
    { name: "Tiêu đen", unit: "hũ 100g", price: [50000, 90000] },
    { name: "Ớt bột", unit: "hũ 100g", price: [30000, 55000] },
    { name: "Quế thanh", unit: "túi 200g", price: [50000, 90000] },
    { name: "Hạt dổi", unit: "hũ 100g", price: [120000, 200000] },
    { name: "Sả ớt sấy", unit: "hũ 150g", price: [35000, 60000] },
  ],
  che: [
    { name: "Trà shan tuyết cổ thụ", unit: "hộp 200g", price: [250000, 500000] },
    { name: "Trà móc câu", unit: "hộp 200g", price: [120000, 250000] },
    { name: "Trà xanh", unit: "hộp 200g", price: [80000, 160000] },
    { name: "Hồng trà", unit: "hộp 100g", price: [150000, 300000] },
    { name: "Trà ô long", unit: "hộp 200g", price: [200000, 400000] },
    { name: "Trà hoa vàng", unit: "hộp 50g", price: [350000, 700000] },
    { name: "Trà atiso", unit: "hộp 20 túi", price: [60000, 110000] },
    { name: "Trà mướp đắng", unit: "hộp 20 túi", price: [50000, 90000] },
    { name: "Trà sen", unit: "hộp 100g", price: [200000, 450000] },
    { name: "Trà gạo lứt", unit: "hộp 300g", price: [60000, 100000] },
  ],
  "ca-phe-ca-cao": [
    { name: "Cà phê Robusta rang xay", unit: "túi 500g", price: [110000, 180000] },
    { name: "Cà phê Arabica", unit: "túi 250g", price: [120000, 220000] },
    { name: "Cà phê chồn", unit: "túi 250g", price: [300000, 600000] },
    { name: "Cà phê hạt rang mộc", unit: "túi 500g", price: [130000, 200000] },
    { name: "Ca cao nguyên chất", unit: "hộp 250g", price: [120000, 200000] },
    { name: "Socola đen 70%", unit: "thanh 100g", price: [60000, 110000] },
  ],
  "do-uong-co-con": [
    { name: "Rượu ngô men lá", unit: "chai 500 ml", price: [80000, 160000] },
    { name: "Rượu nếp cẩm", unit: "chai 500 ml", price: [70000, 140000] },
    { name: "Rượu mơ", unit: "chai 500 ml", price: [120000, 220000] },
    { name: "Rượu sim", unit: "chai 500 ml", price: [120000, 220000] },
    { name: "Rượu cần", unit: "bình 2 lít", price: [200000, 350000] },
    { name: "Rượu chuối hột", unit: "chai 500 ml", price: [90000, 160000] },
    { name: "Rượu Bàu Đá", unit: "chai 500 ml", price: [90000, 180000] },
  ],
  "do-uong-khong-con": [
    { name: "Nước cốt chanh leo", unit: "chai 500 ml", price: [60000, 100000] },
    { name: "Nước mía sạch", unit: "chai 330 ml", price: [15000, 25000] },
    { name: "Nước yến", unit: "hộp 6 lọ", price: [90000, 160000] },
    { name: "Nước khoáng thiên nhiên", unit: "chai 500 ml", price: [7000, 12000] },
    { name: "Sữa hạt sen", unit: "chai 330 ml", price: [20000, 35000] },
    { name: "Giấm táo mèo", unit: "chai 500 ml", price: [50000, 90000] },
    { name: "Nước cốt dừa", unit: "hộp 400 ml", price: [25000, 45000] },
  ],
  "thuc-pham-chuc-nang-thuoc-duoc-lieu": [
    { name: "Cao atiso", unit: "hũ 200g", price: [150000, 260000] },
    { name: "Tinh bột nghệ nano", unit: "hũ 200g", price: [200000, 380000] },
    { name: "Cao chè dây", unit: "hũ 100g", price: [180000, 300000] },
    { name: "Viên đông trùng hạ thảo", unit: "hộp 60 viên", price: [450000, 900000] },
    { name: "Sâm Ngọc Linh ngâm mật ong", unit: "hũ 500g", price: [1500000, 3500000] },
  ],
  "my-pham-duoc-lieu": [
    { name: "Xà phòng thảo dược", unit: "bánh 100g", price: [45000, 80000] },
    { name: "Dầu gội bồ kết", unit: "chai 300 ml", price: [80000, 140000] },
    { name: "Son dưỡng sáp ong", unit: "thỏi 5g", price: [50000, 90000] },
    { name: "Nước hoa bưởi", unit: "chai 100 ml", price: [60000, 110000] },
  ],
  "tinh-dau-duoc-lieu-khac": [
    { name: "Tinh dầu quế", unit: "chai 10 ml", price: [60000, 120000] },
    { name: "Tinh dầu tràm", unit: "chai 50 ml", price: [60000, 110000] },
    { name: "Tinh dầu sả chanh", unit: "chai 50 ml", price: [50000, 90000] },
    { name: "Tinh dầu hồi", unit: "chai 10 ml", price: [60000, 120000] },
    { name: "Đảng sâm khô", unit: "hộp 200g", price: [250000, 450000] },
    { name: "Thuốc tắm người Dao đỏ", unit: "gói 100g", price: [40000, 70000] },
  ],
  "thu-cong-my-nghe-gia-dung-trang-tri": [
    { name: "Gốm men lam", unit: "bộ", price: [350000, 1200000] },
    { name: "Bình gốm vẽ tay", unit: "chiếc", price: [250000, 900000] },
    { name: "Giỏ mây tre đan", unit: "chiếc", price: [90000, 250000] },
    { name: "Đèn lồng tre", unit: "chiếc", price: [150000, 350000] },
    { name: "Tranh sơn mài", unit: "bức 40×60 cm", price: [900000, 3500000] },
    { name: "Nón lá bài thơ", unit: "chiếc", price: [60000, 150000] },
    { name: "Chiếu cói", unit: "chiếc 1,6 m", price: [200000, 450000] },
    { name: "Đũa tre", unit: "bộ 10 đôi", price: [40000, 90000] },
    { name: "Hương trầm", unit: "hộp 100 nén", price: [50000, 120000] },
    { name: "Tượng gỗ mỹ nghệ", unit: "chiếc", price: [500000, 2500000] },
  ],
  "vai-may-mac": [
    { name: "Khăn thổ cẩm", unit: "chiếc", price: [150000, 350000] },
    { name: "Khăn lụa tơ tằm", unit: "chiếc", price: [250000, 600000] },
    { name: "Vải lanh nhuộm chàm", unit: "mét", price: [120000, 250000] },
    { name: "Túi thổ cẩm", unit: "chiếc", price: [150000, 400000] },
    { name: "Áo dài lụa", unit: "bộ", price: [900000, 2500000] },
  ],
  hoa: [
    { name: "Lan hồ điệp", unit: "chậu", price: [350000, 900000] },
    { name: "Hoa cúc mâm xôi", unit: "chậu", price: [80000, 200000] },
    { name: "Đào phai", unit: "cành", price: [250000, 800000] },
    { name: "Hoa hồng cổ", unit: "chậu", price: [150000, 350000] },
  ],
  "cay-canh": [
    { name: "Mai vàng", unit: "chậu", price: [1500000, 8000000] },
    { name: "Bonsai sanh", unit: "chậu", price: [1200000, 6000000] },
    { name: "Quất cảnh", unit: "chậu", price: [300000, 1200000] },
  ],
  "dong-vat-canh": [
    { name: "Cá Koi", unit: "con", price: [300000, 2000000] },
    { name: "Gà Đông Tảo cảnh", unit: "con", price: [1500000, 4000000] },
  ],
  "du-lich-cong-dong-sinh-thai": [
    { name: "Du lịch cộng đồng bản", unit: "đêm/người", price: [150000, 350000] },
    { name: "Homestay", unit: "đêm/người", price: [200000, 500000] },
    { name: "Điểm du lịch sinh thái", unit: "vé/người", price: [50000, 150000] },
    { name: "Trải nghiệm làng nghề", unit: "vé/người", price: [80000, 200000] },
  ],
}

/** Group weights (share of products), roughly the national mix: food dominates. */
export const GROUP_WEIGHTS: Array<[string, number]> = [
  ["thuc-pham", 64],
  ["do-uong", 10],
  ["duoc-lieu", 10],
  ["thu-cong-my-nghe", 9],
  ["sinh-vat-canh", 3],
  ["dich-vu-du-lich", 4],
]

export const SUBGROUP_WEIGHTS: Record<string, Array<[string, number]>> = {
  "thuc-pham": [
    ["thuc-pham-tuoi-song", 16],
    ["thuc-pham-tho-so-che", 18],
    ["thuc-pham-che-bien", 30],
    ["gia-vi", 12],
    ["che", 16],
    ["ca-phe-ca-cao", 8],
  ],
  "do-uong": [
    ["do-uong-co-con", 55],
    ["do-uong-khong-con", 45],
  ],
  "duoc-lieu": [
    ["thuc-pham-chuc-nang-thuoc-duoc-lieu", 35],
    ["my-pham-duoc-lieu", 20],
    ["tinh-dau-duoc-lieu-khac", 45],
  ],
  "thu-cong-my-nghe": [
    ["thu-cong-my-nghe-gia-dung-trang-tri", 70],
    ["vai-may-mac", 30],
  ],
  "sinh-vat-canh": [
    ["hoa", 45],
    ["cay-canh", 45],
    ["dong-vat-canh", 10],
  ],
  "dich-vu-du-lich": [["du-lich-cong-dong-sinh-thai", 100]],
}

/** Local place names per current province code: communes, former districts and merged provinces. */
export const PLACES: Record<string, string[]> = {
  "01": ["Bát Tràng", "Vạn Phúc", "Đan Phượng", "Sóc Sơn", "Ba Vì", "Mỹ Đức", "Phú Xuyên", "Chương Mỹ", "Thạch Thất"],
  "04": ["Trùng Khánh", "Hà Quảng", "Bảo Lạc", "Nguyên Bình", "Quảng Hòa", "Hạ Lang"],
  "08": ["Hà Giang", "Đồng Văn", "Mèo Vạc", "Hoàng Su Phì", "Na Hang", "Chiêm Hóa", "Hàm Yên", "Quản Bạ"],
  "11": ["Mường Thanh", "Tủa Chùa", "Mường Ảng", "Điện Biên Đông", "Mường Nhé"],
  "12": ["Tam Đường", "Sìn Hồ", "Phong Thổ", "Tân Uyên", "Than Uyên"],
  "14": ["Mộc Châu", "Mai Sơn", "Yên Châu", "Thuận Châu", "Vân Hồ", "Bắc Yên"],
  "15": ["Sa Pa", "Bắc Hà", "Bát Xát", "Yên Bái", "Mù Cang Chải", "Văn Chấn", "Trấn Yên"],
  "19": ["Tân Cương", "Đại Từ", "Định Hóa", "Phú Lương", "Bắc Kạn", "Ba Bể", "Chợ Đồn"],
  "20": ["Mẫu Sơn", "Bắc Sơn", "Lộc Bình", "Tràng Định", "Văn Quan", "Đình Lập"],
  "22": ["Ba Chẽ", "Tiên Yên", "Vân Đồn", "Đầm Hà", "Hạ Long", "Bình Liêu", "Đông Triều"],
  "24": ["Lục Ngạn", "Yên Thế", "Tiên Du", "Đông Hồ", "Lục Nam", "Sơn Động"],
  "25": ["Thanh Sơn", "Tân Sơn", "Vĩnh Tường", "Tam Đảo", "Mai Châu", "Lạc Sơn", "Cao Phong"],
  "31": ["Kiến Thụy", "Thủy Nguyên", "Vĩnh Bảo", "Hải Dương", "Thanh Hà", "Chí Linh", "Cát Hải"],
  "33": ["Khoái Châu", "Văn Giang", "Thái Bình", "Tiền Hải", "Đông Hưng", "Vũ Thư"],
  "37": ["Kim Sơn", "Nho Quan", "Hà Nam", "Lý Nhân", "Nam Định", "Giao Thủy", "Hải Hậu"],
  "38": ["Như Thanh", "Thọ Xuân", "Ngọc Lặc", "Hậu Lộc", "Quan Hóa", "Cẩm Thủy", "Nga Sơn"],
  "40": ["Diễn Châu", "Nam Đàn", "Con Cuông", "Quỳ Hợp", "Nghĩa Đàn", "Thanh Chương", "Kỳ Sơn"],
  "42": ["Hương Khê", "Vũ Quang", "Can Lộc", "Nghi Xuân", "Kỳ Anh", "Hương Sơn"],
  "44": ["Khe Sanh", "Hướng Hóa", "Gio Linh", "Quảng Bình", "Bố Trạch", "Lệ Thủy", "Minh Hóa"],
  "46": ["Phong Điền", "A Lưới", "Phú Vang", "Hương Trà", "Phú Lộc", "Nam Đông"],
  "48": ["Hòa Vang", "Hội An", "Trà My", "Tây Giang", "Duy Xuyên", "Đại Lộc", "Thăng Bình"],
  "51": ["Lý Sơn", "Ba Tơ", "Minh Long", "Kon Tum", "Đăk Hà", "Kon Plông", "Ngọc Linh"],
  "52": ["Pleiku", "Chư Sê", "Đak Đoa", "Bình Định", "An Nhơn", "Phù Cát", "Tây Sơn"],
  "56": ["Cam Lâm", "Vạn Ninh", "Diên Khánh", "Ninh Thuận", "Phan Rang", "Ninh Hải"],
  "66": ["Buôn Ma Thuột", "Krông Pắc", "Cư M'gar", "Lắk", "Phú Yên", "Tuy An", "Sông Cầu"],
  "68": ["Đà Lạt", "Cầu Đất", "Bảo Lộc", "Di Linh", "Đắk Nông", "Tuy Đức", "Phan Thiết", "Tánh Linh"],
  "75": ["Long Khánh", "Xuân Lộc", "Định Quán", "Bình Phước", "Bù Đốp", "Lộc Ninh"],
  "79": ["Củ Chi", "Cần Giờ", "Bình Dương", "Dầu Tiếng", "Bà Rịa", "Côn Đảo", "Long Hải"],
  "80": ["Bà Đen", "Tân Biên", "Gò Dầu", "Long An", "Cần Giuộc", "Tân Trụ", "Đức Hòa"],
  "82": ["Lai Vung", "Sa Đéc", "Tháp Mười", "Cái Bè", "Chợ Gạo", "Cai Lậy", "Gò Công"],
  "86": ["Cầu Kè", "Trà Vinh", "Bến Tre", "Chợ Lách", "Mỏ Cày", "Bình Minh", "Trà Ôn"],
  "91": ["Phú Quốc", "Châu Đốc", "Tri Tôn", "Tịnh Biên", "Kiên Giang", "Hà Tiên", "U Minh Thượng"],
  "92": ["Phong Điền", "Ô Môn", "Sóc Trăng", "Vĩnh Châu", "Hậu Giang", "Vị Thanh", "Long Mỹ"],
  "96": ["Năm Căn", "U Minh", "Ngọc Hiển", "Bạc Liêu", "Hồng Dân", "Giá Rai"],
}

export const BRANDS = [
  "Minh Phát",
  "An Khang",
  "Tân Tiến",
  "Hòa Bình",
  "Phúc Lộc",
  "Thành Công",
  "Hưng Thịnh",
  "Bảo Ngọc",
  "Đại Phát",
  "Kim Ngân",
  "Sao Mai",
  "Hồng Hà",
  "Thiên Phú",
  "Xuân Mai",
  "Việt Xanh",
  "Quê Hương",
  "Nhật Tân",
  "Bình An",
  "Trường Sơn",
  "Hoa Sen",
  "Mộc An",
  "Lộc Phát",
  "Hải Đăng",
  "Đồng Xanh",
]

const FAMILY = [
  "Nguyễn",
  "Trần",
  "Lê",
  "Phạm",
  "Hoàng",
  "Vũ",
  "Đặng",
  "Bùi",
  "Đỗ",
  "Hồ",
  "Ngô",
  "Dương",
  "Lý",
  "Đinh",
  "Lò",
  "Hà",
  "Vi",
]
const MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thanh", "Ngọc", "Quang", "Hữu", "Thu", "Xuân"]
const GIVEN = [
  "An",
  "Bình",
  "Cường",
  "Dũng",
  "Hà",
  "Hải",
  "Hạnh",
  "Hoa",
  "Hùng",
  "Lan",
  "Linh",
  "Mai",
  "Nam",
  "Nga",
  "Phúc",
  "Phương",
  "Quang",
  "Sơn",
  "Tâm",
  "Thảo",
  "Trang",
  "Tuấn",
  "Vân",
  "Yến",
]

const COOP_FIELD: Record<string, string[]> = {
  "thuc-pham": ["Nông nghiệp", "Dịch vụ nông nghiệp", "Nông sản sạch", "Chè", "Nuôi ong", "Cây ăn quả"],
  "do-uong": ["Nông nghiệp", "Sản xuất rượu truyền thống", "Chế biến nông sản"],
  "duoc-lieu": ["Dược liệu", "Nông lâm nghiệp", "Trồng và chế biến dược liệu"],
  "thu-cong-my-nghe": ["Làng nghề", "Mây tre đan", "Dệt thổ cẩm", "Gốm sứ"],
  "sinh-vat-canh": ["Hoa cây cảnh", "Sinh vật cảnh"],
  "dich-vu-du-lich": ["Du lịch cộng đồng", "Du lịch sinh thái"],
}

export type EntityType = "cooperative" | "enterprise" | "cooperative_group" | "household"

/** Producer mix: ≈ ⅓ cooperatives, ¼ enterprises, the rest household businesses and cooperative groups. */
export const ENTITY_WEIGHTS: Array<[EntityType, number]> = [
  ["cooperative", 34],
  ["enterprise", 25],
  ["household", 33],
  ["cooperative_group", 8],
]

export function personName(rng: Rng): string {
  return `${rng.pick(FAMILY)} ${rng.pick(MIDDLE)} ${rng.pick(GIVEN)}`
}

export function producerName(entity: EntityType, group: string, place: string, brand: string, rng: Rng): string {
  const field = rng.pick(COOP_FIELD[group] ?? COOP_FIELD["thuc-pham"])
  switch (entity) {
    case "cooperative":
      return `Hợp tác xã ${field} ${rng.chance(0.6) ? place : brand}`
    case "enterprise":
      return rng.chance(0.55) ? `Công ty TNHH ${brand} ${place}` : `Công ty Cổ phần ${field} ${brand}`
    case "cooperative_group":
      return `Tổ hợp tác ${field} ${place}`
    case "household":
      return rng.chance(0.6) ? `Hộ kinh doanh ${personName(rng)}` : `Cơ sở sản xuất ${brand}`
  }
}

/** "<product> <place>" most of the time, "<product> <brand>" otherwise; tourism uses the place. */
export function productName(base: Base, subgroup: string, place: string, brand: string, rng: Rng): string {
  if (subgroup === "du-lich-cong-dong-sinh-thai") return `${base.name} ${place}`
  if (base.name.includes(place)) return `${base.name} ${brand}`
  return rng.chance(0.72) ? `${base.name} ${place}` : `${base.name} ${brand}`
}

/** A price inside the base's range, rounded to the thousand (VND has no subunit). */
export function priceFor(base: Base, rng: Rng): number {
  const [lo, hi] = base.price
  return Math.round((lo + rng.next() * (hi - lo)) / 1000) * 1000
}
