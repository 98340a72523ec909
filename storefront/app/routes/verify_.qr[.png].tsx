import type { LoaderFunctionArgs } from "@remix-run/node";
import QRCode from "qrcode";
import { z } from "zod";
import { publicSiteUrl } from "~/lib/site-url.server";

/** What the QR may carry: the same bounds as the verification form. */
const codeSchema = z.string().trim().min(1).max(120);

/** The absolute address of the public verification page for a certificate number or traceability code. */
export function verifyUrl(origin: string, code: string): string {
  return `${origin}/verify?code=${encodeURIComponent(code)}`;
}

/**
 * GET /verify/qr.png?code=… — a PNG QR code that opens the verification page for that code
 * (rendered on the server with `qrcode`; the product page shows it with alt text and a link).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = codeSchema.safeParse(new URL(request.url).searchParams.get("code") ?? "");
  if (!parsed.success) {
    return new Response("code: give a certificate number or traceability code of 1–120 characters", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const png = await QRCode.toBuffer(verifyUrl(publicSiteUrl(request), parsed.data), {
    type: "png",
    errorCorrectionLevel: "M",
    margin: 2,
    width: 264,
  });
  return new Response(new Uint8Array(png), {
    headers: {
      "Content-Type": "image/png",
      "Content-Length": String(png.length),
      // the same code always gives the same image
      "Cache-Control": "public, max-age=86400",
    },
  });
}
