// @vitest-environment node
import { describe, expect, it, vi } from "vitest";
import { calls, fresh, stubBackend, setUpBackendEnv } from "./stub-backend.test-helper";

setUpBackendEnv();

describe("backend client configuration and errors", () => {
  it("refuses to run without a publishable key, with a clear error code", async () => {
    delete process.env.MEDUSA_PUBLISHABLE_KEY;
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    stubBackend(() => ({ status: 200, body: {} }));
    const client = await fresh(() => import("./products.server"));
    await expect(client.listProducts({ limit: 24, offset: 0 })).rejects.toMatchObject({
      data: { code: "missing_publishable_key" },
      init: { status: 503 },
    });
    expect(calls).toHaveLength(0);
    expect(error).toHaveBeenCalledWith(expect.stringContaining("MEDUSA_PUBLISHABLE_KEY"));
    error.mockRestore();
  });

  it("turns an unreachable backend into a 503 'backend_unavailable'", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        throw new TypeError("fetch failed");
      })
    );
    const client = await fresh(() => import("./products.server"));
    await expect(client.listProducts({ limit: 1, offset: 0 })).rejects.toMatchObject({
      data: { code: "backend_unavailable" },
    });
    error.mockRestore();
  });

  it("shows a core refusal in the page's language: our 'vi (EN: en)' message is split, Medusa's kept", async () => {
    const message = "Sản phẩm trong giỏ vừa hết hàng. (EN: An item in your cart has just sold out.)";
    stubBackend(() => ({ status: 409, body: { code: "sold_out", message } }));
    const client = await fresh(() => import("./client.server"));
    const sdk = client.getSdk();
    const refused = await client.coreResult(() => sdk.store.cart.complete("cart_1"));
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(client.refusalMessage(refused, "vi")).toBe("Sản phẩm trong giỏ vừa hết hàng.");
    expect(client.refusalMessage(refused, "en")).toBe("An item in your cart has just sold out.");
    expect(client.refusalMessage({ message: "Cart with id: x was not found" }, "vi")).toBe(
      "Cart with id: x was not found"
    );
  });
});
