import type { viDiscovery } from "./discovery.vi";

export const enDiscovery: Record<keyof typeof viDiscovery, string> = {
  "discovery.featuredHeading": "Curated picks",
  "discovery.campaignsHeading": "Campaigns on now",
  "discovery.campaignDates": "{from} – {to}",
  "discovery.campaignFrom": "From {from}",
  "discovery.campaignUntil": "Until {to}",
  "discovery.newestFiveStar": "Newly certified 5-star products",
  "discovery.newestProducts": "New on the marketplace",
  "discovery.seeAll": "See all",
  "discovery.browseProvinces": "Shop by province",
  "discovery.browseProvincesIntro": "The 34 provinces and cities since 1 July 2025 — former names still work.",
  "discovery.browseGroups": "Shop by product group",
  "discovery.provinceFeatured": "Picked by {name}",
  "discovery.provinceProducers": "Producers in {name}",
  "discovery.groupFeatured": "Highlights in {name}",
  "discovery.groupSubgroups": "Subgroups",
  "seo.homeDescription":
    "Buy 3–5 star OCOP specialties from Vietnam's 34 provinces: farm produce, food, drinks, " +
    "herbal products and handicrafts, each with a certificate you can verify.",
  "seo.provinceDescription":
    "OCOP products rated 3–5 stars from {name}: local specialties with a valid certificate, " +
    "bought directly from their producers.",
  "seo.groupDescription": "OCOP products in {name}, rated 3–5 stars, from all 34 provinces.",
  "seo.producerDescription":
    "{name} — an OCOP producer in {province}. Read their story and see their certified products.",
  "seo.producerDescriptionNoProvince": "{name} — an OCOP producer. Read their story and see their certified products.",
  "seo.productDescription":
    "{title} — a {stars}-star OCOP product{province}. {price}, with a certificate you can verify.",
  "seo.productDescriptionNoStars": "{title} — an OCOP product{province}, with a certificate you can verify.",
  "seo.fromProvince": " from {name}",
  "seo.searchDescription":
    "Find OCOP products by name, province, product group, stars and price — with or without accents.",
  "seo.verifyDescription":
    "Check an OCOP certificate number or traceability code: valid, expired, suspended or revoked.",
  "seo.cartDescription": "Your cart on the OCOP Marketplace, grouped by producer.",
  "seo.checkoutDescription":
    "Place your order on the OCOP Marketplace: delivery address, delivery fee and cash on delivery.",
  "seo.orderDescription": "The details of your order on the OCOP Marketplace.",
  "seo.notFoundDescription": "This page does not exist on the OCOP Marketplace.",
};
