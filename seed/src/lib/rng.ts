/**
 * Small deterministic PRNG (sfc32 seeded through a string hash) so that `--seed S` always gives
 * the same catalogue. Never use Math.random() in the seed.
 */
export type Rng = {
  /** float in [0, 1) */
  next(): number
  /** integer in [min, max] */
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  /** picks by weight: [[value, weight], ...] */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T
  chance(p: number): boolean
  /** a new independent stream derived from this one and a label */
  fork(label: string | number): Rng
}

export function hashString(text: string): number {
  let h = 1779033703 ^ text.length
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353)
    h = (h << 13) | (h >>> 19)
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507)
  h = Math.imul(h ^ (h >>> 13), 3266489909)
  h ^= h >>> 16
  return h >>> 0
}

export function createRng(seed: string | number): Rng {
  const s = String(seed)
  let a = hashString(s + "a")
  let b = hashString(s + "b")
  let c = hashString(s + "c")
  let d = hashString(s + "d")
  const next = () => {
    a >>>= 0
    b >>>= 0
    c >>>= 0
    d >>>= 0
    let t = (a + b) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    d = (d + 1) | 0
    t = (t + d) | 0
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
  for (let i = 0; i < 12; i++) next()
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted: (entries) => {
      const total = entries.reduce((sum, [, w]) => sum + w, 0)
      let r = next() * total
      for (const [value, w] of entries) {
        r -= w
        if (r < 0) return value
      }
      return entries[entries.length - 1][0]
    },
    chance: (p) => next() < p,
    fork: (label) => createRng(`${s}/${label}`),
  }
  return rng
}
