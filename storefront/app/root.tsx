import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  Outlet,
  ScrollRestoration,
  useHref,
  useLocation,
  useRouteError,
  useRouteLoaderData,
  useSearchParams,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { Container } from "~/components/Container";
import { ErrorPage, errorKind } from "~/components/ErrorPage";
import { SearchBox } from "~/components/search/SearchBox";
import { LangContext, t, type Lang } from "~/lib/i18n";
import { pathInLang, usesLanguagePreference } from "~/lib/lang-path";
import { getLang } from "~/lib/lang.server";
import { notFoundSeo } from "~/lib/meta";
import { publicSiteUrl } from "~/lib/site-url.server";
import { HydrateAfterLoad } from "~/lib/hydrate-after-load";
import { useNonce } from "~/lib/nonce";
import { PageStylesheet } from "~/lib/page-css";
import { cartCountOf } from "~/lib/cart.server";
import { useCartCountWithPending } from "~/lib/pending-cart";
import stylesheet from "~/tailwind.css?url";

// The stylesheet is inlined by <PageStylesheet> in Layout (lib/page-css.tsx), not linked here.
export const links: LinksFunction = () => [{ rel: "icon", href: "/favicon.svg", type: "image/svg+xml" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  return {
    lang: await getLang(request),
    cartCount: await cartCountOf(request, context),
    siteUrl: publicSiteUrl(request),
  };
}

export const meta: MetaFunction = ({ error, matches }) => [
  { name: "theme-color", content: "#a3321f" },
  // an unknown URL ends here: a titled 404 page that search engines leave out
  ...(error ? notFoundSeo(matches) : []),
];

/** The page's language; without the root loader's data (an unknown URL), the router's basename says it. */
function usePageLang(): Lang {
  const data = useRouteLoaderData<typeof loader>("root");
  const home = useHref("/");
  return data?.lang ?? (home === "/en" ? "en" : "vi");
}

/**
 * Shopper pages switch language by linking to the same page in the other language (a plain link:
 * the other language is another basename). The portals keep the cookie preference, set by POST /lang.
 */
function LanguageSwitch({ lang }: { lang: Lang }) {
  const location = useLocation();
  const home = useHref("/");
  const other: Lang = lang === "vi" ? "en" : "vi";
  const current = (home === "/" ? "" : home) + location.pathname;
  // The same control whether it posts the preference or links to the page in the other language.
  const switchProps = {
    lang: other,
    title: t(lang, "lang.switchTitle"),
    "data-testid": "lang-switch",
    className: "rounded-md border border-clay px-2.5 py-1 font-medium text-ink hover:bg-paper-deep",
  };
  if (usesLanguagePreference(current)) {
    return (
      <Form method="post" action="/lang" aria-label={t(lang, "lang.label")}>
        <input type="hidden" name="lang" value={other} />
        <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
        <button type="submit" {...switchProps}>
          {t(lang, "lang.switch")}
        </button>
      </Form>
    );
  }
  return (
    <a href={pathInLang(other, current) + location.search} hrefLang={other} {...switchProps}>
      {t(lang, "lang.switch")}
    </a>
  );
}

function Header({ lang, cartCount }: { lang: Lang; cartCount: number }) {
  const location = useLocation();
  const [params] = useSearchParams();
  const tr = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t(lang, key, params);
  const shownCount = useCartCountWithPending(cartCount);
  return (
    <header className="border-b border-clay bg-white/80 backdrop-blur">
      <Container className="flex flex-wrap items-center gap-x-6 gap-y-3 py-3">
        {/* the visible name is the accessible name (axe: label-content-name-mismatch) */}
        <Link to="/" className="flex items-center gap-2 rounded-md">
          <img src="/favicon.svg" alt="" width={36} height={36} />
          <span className="flex flex-col leading-tight">
            <span className="font-display text-xl font-bold text-lacquer-700">{tr("site.name")}</span>
            <span className="text-xs text-ink-soft">{tr("site.tagline")}</span>
          </span>
        </Link>

        <SearchBox
          key={location.pathname === "/search" ? `q:${params.get("q") ?? ""}` : "q:"}
          defaultValue={location.pathname === "/search" ? (params.get("q") ?? "") : ""}
        />

        <nav aria-label={tr("nav.main")} className="ml-auto flex items-center gap-3 text-sm sm:ml-0">
          <Link to="/verify" className="rounded-md px-2 py-1 text-ink-soft hover:text-lacquer-700">
            {tr("nav.verify")}
          </Link>
          <Link
            to="/account"
            data-testid="account-link"
            className="rounded-md px-2 py-1 text-ink-soft hover:text-lacquer-700"
          >
            {tr("account.nav")}
          </Link>
          <Link
            to="/cart"
            data-testid="cart-link"
            className="rounded-md px-2 py-1 font-medium text-ink hover:text-lacquer-700"
          >
            {shownCount > 0 ? tr("nav.cartCount", { n: shownCount }) : tr("nav.cart")}
          </Link>
          <LanguageSwitch lang={lang} />
        </nav>
      </Container>
    </header>
  );
}

function Footer({ lang }: { lang: Lang }) {
  return (
    <footer className="mt-16 border-t border-clay bg-paper-deep">
      <Container className="grid gap-4 py-10 text-sm text-ink-soft sm:grid-cols-3">
        <div className="sm:col-span-2">
          <p className="font-display text-base font-semibold text-ink">
            {t(lang, "site.name")} · {t(lang, "site.altName")}
          </p>
          <p className="mt-2 max-w-prose">{t(lang, "footer.about")}</p>
        </div>
        <ul className="space-y-1">
          <li>{t(lang, "footer.programme")}</li>
          <li>{t(lang, "footer.prices")}</li>
          <li>
            <Link to="/verify" className="underline hover:text-lacquer-700">
              {t(lang, "nav.verify")}
            </Link>
          </li>
          <li>
            <Link to="/producer" className="underline hover:text-lacquer-700">
              {t(lang, "footer.producerPortal")}
            </Link>
          </li>
          <li>
            <Link to="/trade-center" className="underline hover:text-lacquer-700">
              {t(lang, "footer.tradeCenterPortal")}
            </Link>
          </li>
          <li>{t(lang, "footer.openSource")}</li>
        </ul>
      </Container>
    </footer>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const lang = usePageLang();
  const nonce = useNonce();
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <PageStylesheet href={stylesheet} nonce={nonce} />
        <Links />
      </head>
      <body className="flex min-h-screen flex-col">
        <LangContext.Provider value={lang}>
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2"
          >
            {t(lang, "site.skipToContent")}
          </a>
          <Header lang={lang} cartCount={data?.cartCount ?? 0} />
          <main id="main" className="flex-1">
            {children}
          </main>
          <Footer lang={lang} />
        </LangContext.Provider>
        <ScrollRestoration nonce={nonce} />
        <HydrateAfterLoad nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (!(error && typeof error === "object" && "status" in error)) console.error(error);
  return <ErrorPage {...errorKind(error)} />;
}
