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

function backend(prepare: { status: number; body: unknown }, complete: { status: number; body: unknown }): Handler {
  return (url) => {
    if (url.pathname === "/store/ocop/checkout/cart_1") return prepare;
    if (url.pathname === "/store/ocop/checkout/cart_1/complete") return complete;
    return { status: 404, body: { message: `unexpected ${url.pathname}` } };
  };
}
const prepared = { status: 200, body: { cart: { id: "cart_1", payment_collection: { id: "paycol_1" } } } };
const order = { status: 200, body: { type: "order", order: { id: "order_1" } } };

describe("placing an order", () => {
  it("sends the checkout's details in one call (one address as shipping and billing), then completes", async () => {
    stubBackend(backend(prepared, order));
    const client = await fresh(() => import("./checkout.server"));
    expect(await client.placeOrder("cart_1", details)).toEqual({ ok: true, data: { id: "order_1" } });
    expect(calls.map((c) => `${c.method} ${c.url.pathname}`)).toEqual([
      "POST /store/ocop/checkout/cart_1",
      "POST /store/ocop/checkout/cart_1/complete",
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
    expect(calls[0].body).toEqual({
      email: "mai@example.vn",
      shipping_address: address,
      billing_address: address,
      shipping_option_ids: ["so_tea_standard", "so_coffee_express"],
      provider_id: "pp_system_default",
    });
    expect(calls[1].body).toEqual({});
    expect(calls[1].headers.get("x-publishable-api-key")).toBe("pk_test");
    expect(calls[0].headers.get("x-publishable-api-key")).toBe("pk_test");
    expect(calls[0].headers.get("authorization")).toBeNull();
  });

  it("sends a signed-in shopper's token with the checkout's details (their cart is theirs)", async () => {
    stubBackend(backend(prepared, order));
    const client = await fresh(() => import("./checkout.server"));
    expect((await client.placeOrder("cart_1", details, "jwt_customer")).ok).toBe(true);
    expect(calls[0].headers.get("authorization")).toBe("Bearer jwt_customer");
    expect(calls[1].headers.get("authorization")).toBe("Bearer jwt_customer");
  });

  it("sends no email when the shopper gave none (cash on delivery needs only the phone)", async () => {
    stubBackend(backend(prepared, order));
    const client = await fresh(() => import("./checkout.server"));
    expect((await client.placeOrder("cart_1", { ...details, email: undefined })).ok).toBe(true);
    expect(calls[0].body).not.toHaveProperty("email");
  });

  it("stops at a refused checkout call and does not complete", async () => {
    const message = "shipping_option_ids: name one delivery option per producer's parcel";
    stubBackend(backend({ status: 400, body: { type: "invalid_data", message } }, order));
    const client = await fresh(() => import("./checkout.server"));
    const result = await client.placeOrder("cart_1", details);
    expect(result).toMatchObject({ ok: false, status: 400, message });
    expect(calls).toHaveLength(1);
  });

  it("returns the backend's refusal at completion as a Result the page can show", async () => {
    const refusal = "Sản phẩm Mật ong không còn được bán: chứng nhận OCOP đã bị thu hồi.";
    stubBackend(backend(prepared, { status: 400, body: { type: "not_allowed", message: refusal } }));
    const client = await fresh(() => import("./checkout.server"));
    expect(await client.placeOrder("cart_1", details)).toMatchObject({ ok: false, status: 400, message: refusal });
  });

  it("returns a sold-out completion as a 409 with its words", async () => {
    const message = "Sản phẩm trong giỏ vừa hết hàng. (EN: An item in your cart has just sold out.)";
    stubBackend(backend(prepared, { status: 409, body: { type: "conflict", code: "sold_out", message } }));
    const client = await fresh(() => import("./checkout.server"));
    expect(await client.placeOrder("cart_1", details)).toMatchObject({ ok: false, status: 409, message });
  });

  it("returns a refused payment (402) with its code and both languages; the page shows the shopper's", async () => {
    // What POST /store/ocop/checkout/:id/complete answers (plugins/ocop/src/lib/payment-refusal.ts).
    const body = {
      type: "payment_authorization_error",
      code: "payment_refused",
      message: "Thanh toán không được chấp nhận. (EN: The payment was not accepted.)",
      message_vi: "Thanh toán không được chấp nhận. Đơn vị thanh toán cho biết: Your card was declined.",
      message_en: "The payment was not accepted. The payment provider said: Your card was declined.",
    };
    stubBackend(backend(prepared, { status: 402, body }));
    const client = await fresh(() => import("./checkout.server"));
    const result = await client.placeOrder("cart_1", details);
    expect(result).toMatchObject({ ok: false, status: 402, code: "payment_refused" });
    if (result.ok) throw new Error("a refused payment must not be an order");
    const { refusalMessage } = await import("./client.server");
    expect(refusalMessage(result, "vi")).toBe(body.message_vi);
    expect(refusalMessage(result, "en")).toBe(body.message_en);
  });

  it("splits a Vietnamese full name: family name first, given name last", async () => {
    const client = await fresh(() => import("./checkout.server"));
    const name = client.splitVietnameseName("  Trần   Thị Mai ");
    expect(name).toEqual({ first_name: "Mai", last_name: "Trần Thị" });
    expect(client.splitVietnameseName("An")).toEqual({ first_name: "An", last_name: "" });
  });
});
