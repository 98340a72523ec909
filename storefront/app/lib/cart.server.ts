/**
 * Cart actions shared by the product page and the cart page. The cart id and
 * a cached item count live in the session cookie; the count feeds the header
 * link without a backend call on every page.
 */
import { data } from "@remix-run/node";
import type { AppLoadContext, Session } from "@remix-run/node";
import { z } from "zod";
import { addToOpenCart, getCart, startCartWithLine } from "./backend/cart-checkout.server";
import { refusalMessage } from "./backend/client.server";
import { getListings } from "./backend/ocop-facts.server";
import { productTitlesIn } from "./backend/products.server";
import type { CartView, ProducerGroup } from "./backend/views";
import type { Lang } from "./i18n";
import { getLang } from "./lang.server";
import { commit, getSession } from "./session.server";
import { submissionKeyOf } from "./submission-key";

export const addLineSchema = z.object({
  variant_id: z.string().min(1, "form.choose"),
  quantity: z.coerce
    .number({ invalid_type_error: "cart.badQuantity" })
    .int("cart.badQuantity")
    .min(1, "cart.badQuantity")
    .max(99, "cart.badQuantity"),
});

export function rememberCart(session: Session, cart: CartView | null) {
  if (cart) {
    session.set("cartId", cart.id);
    session.set("cartCount", cart.item_count);
  } else {
    session.unset("cartId");
    session.unset("cartCount");
  }
}

/** The session's cart, when it still exists and is open; with `lang`, its product titles in that language. */
export async function currentCart(session: Session, lang?: Lang): Promise<CartView | null> {
  const id = session.get("cartId");
  if (typeof id !== "string" || !id) return null;
  const cart = await getCart(id);
  if (!cart || !lang || !cart.items.length) return cart;
  // Medusa stores a line's product title as it was when added (Vietnamese); English pages show the translation.
  const titles = await productTitlesIn([...new Set(cart.items.map((l) => l.product_id).filter(Boolean))], lang);
  if (!titles.size) return cart;
  return {
    ...cart,
    items: cart.items.map((l) => ({ ...l, product_title: titles.get(l.product_id) ?? l.product_title })),
  };
}

export type AddLineResult =
  | { cart: "added"; count: number }
  | { cart: "refused"; message: string }
  | { cart: "invalid"; error: string };

/** POST handler for "Thêm vào giỏ hàng": adds the line or says why not (4xx), never a 500. */
/**
 * `context` is the request's load context: a form posted without JavaScript renders the page in the
 * same request, and the root loader reads the request's old cookie, so the new count goes there too.
 */
export async function addLineFromForm(request: Request, context: AppLoadContext) {
  const form = await request.formData();
  const parsed = addLineSchema.safeParse({
    variant_id: form.get("variant_id") ?? "",
    quantity: form.get("quantity") ?? "1",
  });
  if (!parsed.success) {
    return data<AddLineResult>(
      { cart: "invalid", error: parsed.error.issues[0]?.message ?? "cart.badQuantity" },
      { status: 400 }
    );
  }
  const session = await getSession(request);
  const sessionCartId = session.get("cartId");
  const token = session.get("customerToken");
  const options = { token: typeof token === "string" ? token : undefined, idempotencyKey: submissionKeyOf(form) };
  const { variant_id, quantity } = parsed.data;
  // One call: into the open cart, or — none, or it was completed — a new cart with this line.
  const added =
    typeof sessionCartId === "string" && sessionCartId
      ? await addToOpenCart(sessionCartId, variant_id, quantity, options)
      : null;
  const result = added ?? (await startCartWithLine(variant_id, quantity, options));
  if (!result.ok) {
    // A refused add leaves an open cart as it was (its count in the session stays right); a closed one is forgotten.
    if (!added) {
      rememberCart(session, null);
      context.cartCountAfterAction = 0;
    }
    return data<AddLineResult>(
      { cart: "refused", message: refusalMessage(result, await getLang(request)) },
      { status: result.status, headers: await commit(session) }
    );
  }
  rememberCart(session, result.data);
  context.cartCountAfterAction = result.data.item_count;
  return data<AddLineResult>({ cart: "added", count: result.data.item_count }, { headers: await commit(session) });
}

/** The header's cart count: what an action in this request left, else the session's. */
export async function cartCountOf(request: Request, context?: AppLoadContext): Promise<number> {
  if (typeof context?.cartCountAfterAction === "number") return context.cartCountAfterAction;
  const value = (await getSession(request)).get("cartCount");
  return typeof value === "number" && value > 0 ? value : 0;
}

export type { ProducerGroup } from "./backend/views";

/** Lines grouped by producer (each producer ships its own part), in the order they were added. */
export async function groupByProducer(cart: CartView): Promise<ProducerGroup[]> {
  const listings = await getListings([...new Set(cart.items.map((l) => l.product_id))]);
  const groups = new Map<string, ProducerGroup>();
  for (const line of cart.items) {
    const producer = listings[line.product_id]?.producer ?? null;
    const key = producer?.id ?? "_other";
    const group = groups.get(key) ?? {
      key,
      name: producer?.name ?? null,
      handle: producer?.handle ?? null,
      lines: [],
      subtotal: 0,
    };
    group.lines.push(line);
    group.subtotal += line.total;
    groups.set(key, group);
  }
  return [...groups.values()];
}
