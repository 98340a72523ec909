/**
 * Product artwork the project draws itself: one SVG per product, with a motif and palette per OCOP
 * product group, the product's name, its stars and its province. No downloads, no hotlinking.
 */

/** Escapes text for SVG/XML content and attribute values. */
export function escapeXml(text: string): string {
  return (
    String(text)
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
      // control characters are not allowed in XML 1.0
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "")
  )
}

type Palette = { bg: string; bg2: string; ink: string; accent: string; motif: string }

// Motifs are drawn in a 200×200 box, placed in the upper half of the 600×600 canvas.
const PALETTES: Record<string, Palette> = {
  "thuc-pham": {
    bg: "#FFF4DC",
    bg2: "#F6D9A0",
    ink: "#5A3B12",
    accent: "#D9822B",
    // a bowl of rice with a leaf
    motif:
      '<path d="M20 100h160a80 70 0 0 1-160 0z" fill="#D9822B"/><ellipse cx="100" cy="100" rx="80" ry="14" fill="#FFF"/><path d="M120 40c30-30 60-10 60-10s-10 40-50 30z" fill="#5E8C31"/>',
  },
  "do-uong": {
    bg: "#E3F2F7",
    bg2: "#A9D6E5",
    ink: "#0B3C5D",
    accent: "#1F7A8C",
    // a bottle and a cup
    motif:
      '<rect x="60" y="20" width="30" height="40" rx="6" fill="#1F7A8C"/><path d="M45 60h60v120a10 10 0 0 1-10 10H55a10 10 0 0 1-10-10z" fill="#1F7A8C"/><rect x="55" y="100" width="40" height="40" fill="#FFF" opacity=".8"/><path d="M125 120h50l-8 60h-34z" fill="#0B3C5D"/>',
  },
  "duoc-lieu": {
    bg: "#E8F5E9",
    bg2: "#B9DFBB",
    ink: "#1B4D2B",
    accent: "#2E7D32",
    // three leaves on a stem
    motif:
      '<path d="M100 190V60" stroke="#1B4D2B" stroke-width="6"/><path d="M100 70c-50-10-60-50-60-50s50-10 60 50z" fill="#2E7D32"/><path d="M100 110c50-10 60-50 60-50s-50-10-60 50z" fill="#43A047"/><path d="M100 150c-50-10-60-50-60-50s50-10 60 50z" fill="#66BB6A"/>',
  },
  "thu-cong-my-nghe": {
    bg: "#FBE9E7",
    bg2: "#F2B8A2",
    ink: "#5D1F0E",
    accent: "#B23A1A",
    // a vase with a lotus pattern
    motif:
      '<path d="M70 20h60v20c30 20 40 60 30 100-8 30-30 50-60 50s-52-20-60-50c-10-40 0-80 30-100z" fill="#B23A1A"/><path d="M100 80c-15 20-15 40 0 55 15-15 15-35 0-55zM75 110c5 15 15 25 25 25-5-15-15-25-25-25zM125 110c-5 15-15 25-25 25 5-15 15-25 25-25z" fill="#FFF"/>',
  },
  "sinh-vat-canh": {
    bg: "#FFF8E1",
    bg2: "#FFE082",
    ink: "#4E3B00",
    accent: "#F9A825",
    // an apricot blossom (mai vàng) in a pot
    motif:
      '<path d="M60 150h80l-10 45H70z" fill="#8D4E2A"/><path d="M100 150V90" stroke="#5D4037" stroke-width="6"/><g fill="#F9A825"><circle cx="100" cy="55" r="18"/><circle cx="75" cy="70" r="18"/><circle cx="125" cy="70" r="18"/><circle cx="85" cy="95" r="18"/><circle cx="115" cy="95" r="18"/></g><circle cx="100" cy="78" r="10" fill="#E65100"/>',
  },
  "dich-vu-du-lich": {
    bg: "#E8EAF6",
    bg2: "#B3BCE5",
    ink: "#1A237E",
    accent: "#3949AB",
    // mountains and a stilt house
    motif:
      '<path d="M0 170l60-90 40 50 40-70 60 110z" fill="#3949AB"/><path d="M70 120l30-25 30 25z" fill="#8D4E2A"/><rect x="78" y="120" width="44" height="25" fill="#D7A86E"/><path d="M80 145v25M120 145v25" stroke="#5D4037" stroke-width="4"/>',
  },
}

const DEFAULT_PALETTE = PALETTES["thuc-pham"]

/** Splits a name into at most `maxLines` lines of about `width` characters (words kept whole). */
export function wrapWords(text: string, width = 20, maxLines = 3): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean)
  const lines: string[] = []
  let line = ""
  for (const word of words) {
    if (line && (line + " " + word).length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines)
    kept[maxLines - 1] = kept[maxLines - 1].replace(/\s*\S*$/, "") + " …"
    return kept
  }
  return lines
}

export type ArtworkInput = {
  name: string
  /** The English name, drawn instead of `name` when the image is loaded as `….svg#en`. */
  name_en?: string
  group_slug: string
  stars: number
  province?: string
  unit?: string
}

/** The name's lines, centred above the stars. */
function nameText(name: string): string {
  const lines = wrapWords(name, 22, 3)
  const size = lines.length > 2 ? 34 : 40
  const firstY = 400 - (lines.length - 1) * (size * 0.6)
  return lines
    .map(
      (l, i) =>
        `<text x="300" y="${Math.round(firstY + i * size * 1.2)}" font-size="${size}" font-weight="700">${escapeXml(l)}</text>`
    )
    .join("")
}

/** The fragment that selects the English name: the storefront's English pages load `….svg#en`. */
export const ENGLISH_ARTWORK_FRAGMENT = "en"
const TARGET = `#${ENGLISH_ARTWORK_FRAGMENT}:target`

/**
 * A 600×600 SVG with the group's motif, the product name, ★ and the province. With an English name
 * the file carries both: the Vietnamese one shows by default, the English one when the URL's
 * fragment is #en (CSS :target works inside an SVG loaded by <img>), so one file serves both
 * languages and an older file without it simply shows the Vietnamese name.
 */
export function productSvg(input: ArtworkInput): string {
  const p = PALETTES[input.group_slug] ?? DEFAULT_PALETTE
  const english = input.name_en?.trim() && input.name_en.trim() !== input.name.trim() ? input.name_en.trim() : null
  const text = english
    ? `<style>.en{display:none}${TARGET} .en{display:inline}${TARGET} .vi{display:none}</style>` +
      `<g class="vi">${nameText(input.name)}</g><g class="en">${nameText(english)}</g>`
    : nameText(input.name)
  const stars = Math.max(0, Math.min(5, Math.round(input.stars)))
  const starText = "★".repeat(stars) + "☆".repeat(5 - stars)
  const footer = [input.province, input.unit]
    .filter(Boolean)
    .map((s) => escapeXml(String(s)))
    .join(" · ")
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" id="${ENGLISH_ARTWORK_FRAGMENT}" viewBox="0 0 600 600" width="600" height="600" role="img" aria-label="${escapeXml(input.name)}">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.bg}"/><stop offset="1" stop-color="${p.bg2}"/></linearGradient></defs>` +
    `<rect width="600" height="600" fill="url(#g)"/>` +
    `<g transform="translate(200 70)">${p.motif}</g>` +
    `<g font-family="'Be Vietnam Pro','Segoe UI',Roboto,Arial,sans-serif" text-anchor="middle" fill="${p.ink}">${text}` +
    `<text x="300" y="525" font-size="34" fill="${p.accent}" letter-spacing="4">${starText}</text>` +
    (footer ? `<text x="300" y="568" font-size="22" opacity=".8">${footer}</text>` : "") +
    `<text x="40" y="52" font-size="22" font-weight="700" text-anchor="start" fill="${p.accent}">OCOP</text></g></svg>`
  )
}

/** Where a product's artwork lives: files under backend/static/ocop/, served by Medusa at /static. */
export function artworkPath(handle: string): string {
  const safe = handle.replace(/[^a-z0-9-]/gi, "-")
  return `ocop/${safe.slice(0, 2) || "xx"}/${safe}.svg`
}
