// @vitest-environment node
import { describe, expect, it } from "vitest";
import { calls, fresh, stubBackend, setUpBackendEnv, type Handler } from "./stub-backend.test-helper";

setUpBackendEnv();

const details = {
  email: "mai@example.vn",
  full_name: "Nguyễn Văn An",
  phone: "0912345678",
  address: "Thôn 10",
  ward: "Xã Trường Xuân",
  province_name: "Lâm Đồng",
  shipping_option_ids: ["so_tea_standard", "so_coffee_express"],
  payment_provider: "pp_system_default",
};

/** A backend that accepts every checkout step; `complete` answers what the test gives. */
function checkoutBackend(complete: { status: number; body: unknown }): Handler {
  return (url) => {
    if (url.pathname === "/store/carts/cart_1/complete") return complete;
    if (url.pathname === "/store/payment-collections")
      return { status: 200, body: { payment_collection: { id: "paycol_1" } } };
    if (url.pathname === "/store/payment-collections/paycol_1/payment-sessions")
      return { status: 200, body: { payment_collection: { id: "paycol_1" } } };
    return { status: 200, body: { cart: { id: "cart_1", items: [] } } };
  };
}

describe("cart and checkout client", () => {
  it("sends one Vietnamese address as shipping and billing (family name first), ships each producer's parcel, pays and completes", async () => {
    stubBackend(checkoutBackend({ status: 200, body: { type: "order", order: { id: "order_1" } } }));
    const client = await fresh(() => import("./cart-checkout.server"));
    const done = await client.checkout("cart_1", details);
    expect(done).toEqual({ ok: true, data: { id: "order_1" } });
    expect(calls.map((c) => `${c.method} ${c.url.pathname}`)).toEqual([
      "POST /store/carts/cart_1",
      "POST /store/carts/cart_1/shipping-methods",
      "POST /store/carts/cart_1/shipping-methods",
      "POST /store/payment-collections",
      "POST /store/payment-collections/paycol_1/payment-sessions",
      "POST /store/carts/cart_1/complete",
    ]);
    const address = {
      first_name: "An",
      last_name: "Nguyễn Văn",
      phone: "0912345678",
      address_1: "Thôn 10",
      address_2: "Xã Trường Xuân",
      city: "Xã Trường Xuân",
      province: "Lâm Đồng",
      country_code: "vn",
    };
    expect(calls[0].body).toEqual({ email: "mai@example.vn", shipping_address: address, billing_address: address });
    expect(calls[1].body).toEqual({ option_id: "so_tea_standard" });
    expect(calls[2].body).toEqual({ option_id: "so_coffee_express" });
    expect(calls[4].body).toEqual({ provider_id: "pp_system_default" });
  });

  it("sends no email when the shopper gave none (cash on delivery needs only the phone)", async () => {
    stubBackend(checkoutBackend({ status: 200, body: { type: "order", order: { id: "order_1" } } }));
    const client = await fresh(() => import("./cart-checkout.server"));
    expect(await client.checkout("cart_1", { ...details, email: undefined })).toEqual({
      ok: true,
      data: { id: "order_1" },
    });
    expect(calls[0].body).not.toHaveProperty("email");
  });

  it("returns the backend's refusal at completion as a 400 the page can show", async () => {
    const refusal = "Sản phẩm Mật ong không còn được bán: chứng nhận OCOP đã bị thu hồi.";
    stubBackend(
      checkoutBackend({ status: 200, body: { type: "cart", cart: { id: "cart_1" }, error: { message: refusal } } })
    );
    const client = await fresh(() => import("./cart-checkout.server"));
    expect(await client.checkout("cart_1", details)).toEqual({ ok: false, status: 400, message: refusal, errors: {} });
  });
});
