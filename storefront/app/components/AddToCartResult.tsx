import { Link } from "@remix-run/react";
import { useErrorText } from "~/components/Field";
import { useT } from "~/lib/i18n";

type Result =
  | { cart: "added"; count: number }
  | { cart: "refused"; message: string }
  | { cart: "invalid"; error: string }
  | undefined;

/** What happened after "Thêm vào giỏ hàng": added (with a link to the cart) or why not. */
export function AddToCartResult({ result }: { result: Result }) {
  const tr = useT();
  const errorText = useErrorText();
  if (!result) return null;
  if (result.cart === "added") {
    return (
      <p
        role="status"
        data-testid="cart-added"
        className="rounded-lg border border-bamboo-700/30 bg-bamboo-50 px-4 py-3 text-sm"
      >
        {tr("cart.added")}{" "}
        <Link to="/cart" className="font-semibold text-lacquer-700 underline">
          {tr("cart.viewCart")}
        </Link>
      </p>
    );
  }
  const message =
    result.cart === "refused" ? tr("cart.addRefused", { message: result.message }) : errorText(result.error);
  return (
    <p
      role="alert"
      data-testid="cart-error"
      className="rounded-lg border border-lacquer-600/40 bg-lacquer-50 px-4 py-3 text-sm text-lacquer-800"
    >
      {message}
    </p>
  );
}
