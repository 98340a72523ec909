/**
 * Where the test shoppers live: an address in Hồ Chí Minh City that every delivery option serves.
 * Shared by the backend's integration tests and the cluster test, which both place real orders.
 */
export const SHOPPER_ADDRESS = {
  first_name: "An",
  last_name: "Nguyễn",
  address_1: "12 Lê Lợi",
  city: "Phường Bến Thành",
  province: "Hồ Chí Minh",
  country_code: "vn",
  phone: "0912345678",
}
