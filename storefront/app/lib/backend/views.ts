/**
 * The shapes the backend clients hand to pages: products, search results, carts,
 * orders, portal records. Types only, no server code, so components and
 * client-safe helpers import them from here (never from a *.server.ts file).
 * Shapes read straight from a zod schema (Listing, Certification, Producer, …)
 * live beside their schema in the client that parses them.
 */

// ---------------------------------------------------------------- products

export type PriceView = { amount: number; varies: boolean };

export type ProductSummary = {
  id: string;
  handle: string;
  title: string;
  thumbnail: string | null;
  price: PriceView | null;
};

export type StockState = "in_stock" | "low" | "out_of_stock" | "backorder" | "unknown";

export type VariantView = {
  id: string;
  title: string;
  amount: number | null;
  stock: StockState;
  quantity: number | null;
};

export type ProductDetail = {
  id: string;
  handle: string;
  title: string;
  subtitle: string | null;
  description: string | null;
  thumbnail: string | null;
  images: { id: string; url: string }[];
  variants: VariantView[];
};

// ---------------------------------------------------------------- search

/** What a product card shows besides the product itself (a Listing fits, so does a search hit). */
export type CardFacts = {
  stars?: number | null;
  province?: { slug: string; name_vi: string; former_name_vi?: string | null } | null;
  group?: { slug: string; name_vi: string; name_en: string } | null;
  producer?: { handle: string; name: string; id?: string; entity_type?: string | null } | null;
  product_id?: string;
};

export type FacetCount = { value: string; label: string; count: number };

export type SearchResult = {
  products: ProductSummary[];
  facts: Record<string, CardFacts>;
  total: number;
  facets: {
    province: FacetCount[];
    group: FacetCount[];
    subgroup: FacetCount[];
    stars: { value: number; count: number }[];
    producer_type: { value: string; count: number }[];
    price: { min: number; max: number } | null;
  };
  /** The province the backend resolved (a former name gives the unit it merged into). */
  province: { slug: string; name_vi: string; former_name_vi: string | null } | null;
  /** Typo corrections: folded query word → close words of the catalogue, best first. */
  corrected: Record<string, string[]>;
};

// ---------------------------------------------------------------- cart and checkout

export type CartLine = {
  id: string;
  title: string;
  product_id: string;
  product_title: string;
  product_handle: string | null;
  variant_id: string;
  variant_title: string | null;
  thumbnail: string | null;
  quantity: number;
  unit_price: number;
  total: number;
};

/** A cart's lines of one producer (each producer ships its own parcel), with their subtotal. */
export type ProducerGroup = {
  key: string;
  name: string | null;
  handle: string | null;
  lines: CartLine[];
  subtotal: number;
};

export type Address = {
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  address_1: string | null;
  address_2: string | null;
  city: string | null;
  province: string | null;
};

export type CartView = {
  id: string;
  email: string | null;
  region_id: string | null;
  items: CartLine[];
  item_count: number;
  item_total: number;
  shipping_total: number;
  total: number;
  shipping_address: Address | null;
  shipping_option_ids: string[];
  completed: boolean;
};

/** A delivery option; `producer_id` says whose parcel it carries (null: the platform's, decision 007). */
export type ShippingOptionView = {
  id: string;
  name: string;
  code: string | null;
  amount: number;
  producer_id: string | null;
};

// ---------------------------------------------------------------- orders

export type OrderView = {
  id: string;
  display_id: number | null;
  email: string | null;
  created_at: string | null;
  items: CartLine[];
  item_total: number;
  shipping_total: number;
  total: number;
  shipping_address: Address | null;
  shipping_method: string | null;
  payment_provider: string | null;
};

// ---------------------------------------------------------------- producer portal

export type ProducerProfile = {
  id: string;
  name: string;
  handle?: string | null;
  status: string;
  entity_type: string;
  province_code: string;
  phone?: string | null;
  email?: string | null;
  ward?: string | null;
  address?: string | null;
  story?: string | null;
  logo_url?: string | null;
  /** The reason given by whoever suspended the producer. */
  status_reason?: string | null;
};

export type VendorCertification = {
  id: string;
  product_id: string;
  status: string;
  stars: number;
  certificate_number?: string | null;
  issuing_authority?: string | null;
  province_code?: string | null;
  expires_at?: string | null;
  /** The curator's reason for a rejection, suspension or revocation. */
  reason?: string | null;
  /** The scanned certificate, resolved by the backend from the stored file key. */
  scan_url?: string | null;
  created_at?: string | null;
};

type DashboardCertification = {
  id: string;
  product_id: string;
  product_title: string | null;
  certificate_number: string;
  stars: number;
  status: string;
  expires_at: string | null;
  reason: string | null;
  days_left: number | null;
};

export type ProducerDashboard = {
  orders_to_ship: { id: string; display_id: number | null; created_at: string }[];
  sales_this_month: { since: string; orders: number; amount: number };
  not_on_sale: { id: string; title: string; status: string; reasons: string[] }[];
  certifications: Record<"pending" | "expiring" | "expired" | "refused", DashboardCertification[]>;
};

export type ProductPhoto = { id?: string; url: string; rank?: number; metadata?: { alt?: string } | null };

export type VendorStock = { tracked: boolean; stocked: number; reserved: number; available: number | null };

export type VendorProduct = {
  id: string;
  title: string;
  handle?: string | null;
  status: string;
  description?: string | null;
  thumbnail?: string | null;
  weight?: number | null;
  images?: ProductPhoto[] | null;
  metadata?: Record<string, unknown> | null;
  variants?: {
    id: string;
    prices?: { amount: number; currency_code: string }[];
    /** At the marketplace's stock location; `tracked: false` = always available (decision 019). */
    stock?: VendorStock | null;
  }[];
  product_listing?: { listed?: boolean; blocked_reasons?: string[] | null } | null;
  certifications?: VendorCertification[];
};

export type VendorOrder = {
  id: string;
  display_id: number | null;
  created_at: string;
  status: string;
  email?: string | null;
  shipping_address?: Record<string, unknown> | null;
  items: { id: string; title: string; product_id: string; quantity: number; unit_price: number }[];
  subtotal: number;
  fulfillments: { id: string; created_at: string }[];
};

// ---------------------------------------------------------------- trade-centre portal

export type CuratorCertification = {
  id: string;
  product_id: string;
  product?: { id: string; title: string; handle: string } | null;
  producer?: { id: string; name: string; handle: string } | null;
  producer_id?: string | null;
  stars: number;
  score?: number | null;
  status: string;
  group_slug?: string | null;
  certificate_number?: string | null;
  decision_number?: string | null;
  issuing_authority?: string | null;
  province_code: string;
  valid_from?: string | null;
  expires_at?: string | null;
  created_at?: string | null;
  reason?: string | null;
  /** The decisions this state allows, from the backend's transition table. */
  allowed_actions?: string[];
  documents?: { name: string; url: string }[];
};

/** One login of a portal's team (a shop's owner and members, a centre's curators). */
export type TeamMember = { id: string; email: string | null; is_you: boolean; role?: "owner" | "member" };
