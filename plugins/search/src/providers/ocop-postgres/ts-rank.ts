/**
 * Postgres full-text semantics in JS, for the in-process index (./memory-index): the tsquery our
 * text match builds (./text-match textTsQuery: words, `:*` prefixes, `&`, `|`, parentheses), and
 * `ts_rank(tsv, query, 1)` computed the way tsrank.c computes it — float4 steps included
 * (Math.fround), so scores, and therefore the order of hits, are the ones Postgres gives.
 */

/** A parsed tsquery: an operand (word, maybe a prefix) or an AND/OR of sub-queries. */
export type TsNode = { term: string; prefix: boolean } | { op: "and" | "or"; kids: TsNode[] }
/** One lexeme's positions in a document, as Postgres stores them: weight << 14 | position. */
export type Positions = Uint16Array

/** to_tsquery's grammar as far as textTsQuery uses it ("&" binds tighter than "|"). */
export function parseTsQuery(text: string): TsNode | undefined {
  const tokens = text.match(/\(|\)|&|\||[^\s()&|]+/g) ?? []
  let i = 0
  const atom = (): TsNode | undefined => {
    const t = tokens[i++]
    if (t === "(") {
      const inner = or()
      i++ // ")"
      return inner
    }
    if (!t || t === ")" || t === "&" || t === "|") return undefined
    return t.endsWith(":*") ? { term: t.slice(0, -2), prefix: true } : { term: t, prefix: false }
  }
  const chain = (op: "and" | "or", next: () => TsNode | undefined): TsNode | undefined => {
    const first = next()
    if (!first) return undefined
    const kids = [first]
    while (tokens[i] === (op === "and" ? "&" : "|")) {
      i++
      const k = next()
      if (k) kids.push(k)
    }
    return kids.length === 1 ? kids[0] : { op, kids }
  }
  const and = () => chain("and", atom)
  const or = (): TsNode | undefined => chain("or", and)
  return or()
}

/** The distinct operands of a query in Postgres' order (byte order of the word; SortAndUniqItems). */
export function queryOperands(node: TsNode): { term: string; prefix: boolean }[] {
  const out: { term: string; prefix: boolean }[] = []
  const walk = (n: TsNode) => ("term" in n ? out.push(n) : n.kids.forEach(walk))
  walk(node)
  out.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
  return out.filter((o, k) => k === 0 || out[k - 1].term !== o.term)
}

/** Whether calc_rank uses calc_rank_and (the query's top operator is AND). */
export const rankedAsAnd = (node: TsNode) => "op" in node && node.op === "and"

// default_weights of tsrank.c, indexed by the stored weight (D=0, C=1, B=2, A=3)
const WEIGHTS = [0.1, 0.2, 0.4, 1.0].map(Math.fround)
const f = Math.fround
const MAXENTRYPOS = 1 << 14
const wpos = (wep: number) => WEIGHTS[wep >> 14]
const getpos = (wep: number) => wep & 0x3fff

const WORD_DISTANCE = Array.from({ length: 101 }, (_, w) => f(1.0 / (1.005 + 0.05 * Math.exp(f(w) / 1.5 - 2))))

export function wordDistance(w: number): number {
  return w > 100 ? f(1e-30) : WORD_DISTANCE[w]
}

/**
 * calc_rank_and's weight of one pair of positions, sqrt(wpos(a) * wpos(b) * word_distance(dist))
 * with its float4 steps, for each pair of stored weights (4 × 4) and distance 1..101 (101: any
 * farther): a lookup per pair instead of a square root and three roundings (it is most of the
 * cost of scoring a two-word type-ahead over a match of 100,000 documents and more).
 */
const PAIR_WEIGHT = (() => {
  const table = new Float64Array(16 * 102)
  for (let a = 0; a < 4; a++)
    for (let b = 0; b < 4; b++)
      for (let dist = 1; dist <= 101; dist++)
        table[(a * 4 + b) * 102 + dist] = f(Math.sqrt(f(f(WEIGHTS[a] * WEIGHTS[b]) * wordDistance(dist))))
  return table
})()

/**
 * One document's entries matching a query, flat (no allocation per document): entry e is
 * arr[e][start[e]..end[e]]; the entries of the p-th operand present are opBegin[p]..opBegin[p+1].
 */
export class RankEntries {
  arr: Uint16Array[] = []
  start = new Int32Array(64)
  end = new Int32Array(64)
  opBegin = new Int32Array(64)
  last = new Int32Array(64)
  count = 0
  present = 0

  reset() {
    this.count = 0
    this.present = 0
    this.opBegin[0] = 0
  }
  add(arr: Uint16Array, start: number, end: number) {
    if (this.count === this.start.length) {
      const grow = (a: Int32Array) => Int32Array.from({ length: a.length * 2 }, (_, k) => a[k] ?? 0)
      this.start = grow(this.start)
      this.end = grow(this.end)
    }
    this.arr[this.count] = arr
    this.start[this.count] = start
    this.end[this.count] = end
    this.count++
  }
  /** Closes the entries of one operand (if it had any). */
  closeOperand() {
    if (this.count === this.opBegin[this.present]) return
    this.present++
    if (this.present + 1 >= this.opBegin.length) {
      this.opBegin = Int32Array.from({ length: this.opBegin.length * 2 }, (_, k) => this.opBegin[k] ?? 0)
      this.last = new Int32Array(this.opBegin.length)
    }
    this.opBegin[this.present] = this.count
  }
}

/** One lexeme entry's share of calc_rank_or, before the division by 1.64493406685. */
export function orEntryWeight(post: Uint16Array, from = 0, to = post.length): number {
  let resj = 0
  let wjm = -1
  let jm = 0
  for (let j = 0; j < to - from; j++) {
    const w = wpos(post[from + j])
    resj = f(resj + f(w / ((j + 1) * (j + 1))))
    if (w > wjm) {
      wjm = w
      jm = j
    }
  }
  return f(f(wjm + resj) - f(wjm / ((jm + 1) * (jm + 1))))
}

/** calc_rank_or over the entries; `size` is the number of distinct operands of the query. */
export function rankOrFlat(e: RankEntries, size: number): number {
  let res = 0
  for (let k = 0; k < e.count; k++) res = f(res + orEntryWeight(e.arr[k], e.start[k], e.end[k]) / 1.64493406685)
  return size > 0 ? f(res / size) : res
}

/** calc_rank_and (two or more operands; Postgres falls back to calc_rank_or below that). */
export function rankAndFlat(e: RankEntries): number {
  let res = -1
  for (let i = 0; i < e.present; i++) {
    for (let x = e.opBegin[i]; x < e.opBegin[i + 1]; x++) {
      e.last[i] = x
      for (let k = 0; k < i; k++) {
        const y = e.last[k]
        res = rankAndPairs(res, e.arr[x], e.start[x], e.end[x], e.arr[y], e.start[y], e.end[y])
      }
    }
  }
  return res
}

/**
 * calc_rank_and when each operand present has one entry: entry i is pos[i][from[i]..to[i]], in
 * operand order. The pairs come in rankAndFlat's order (an entry with every earlier one), so the
 * float4 steps, and the rank, are the same.
 */
export function rankAndOneEach(pos: Uint16Array[], from: Int32Array, to: Int32Array, present: number): number {
  let res = -1
  for (let i = 1; i < present; i++)
    for (let k = 0; k < i; k++) res = rankAndPairs(res, pos[i], from[i], to[i], pos[k], from[k], to[k])
  return res
}

/** calc_rank_and's sum over the pairs of two entries, from `res` (-1: none yet). */
function rankAndPairs(
  res: number,
  post: Uint16Array,
  from: number,
  to: number,
  ct: Uint16Array,
  ctFrom: number,
  ctTo: number
): number {
  for (let l = from; l < to; l++) {
    const a = post[l]
    for (let p = ctFrom; p < ctTo; p++) {
      const b = ct[p]
      const dist = Math.abs(getpos(a) - getpos(b))
      // documents here always carry positions, so a distance of 0 never counts
      if (!dist) continue
      const curw = PAIR_WEIGHT[((a >> 14) * 4 + (b >> 14)) * 102 + (dist > 101 ? 101 : dist)]
      res = res < 0 ? curw : f(1.0 - (1.0 - res) * (1.0 - curw))
    }
  }
  return res
}

/** ts_rank(tsv, query, 1) from flat entries; `log2Length` = log2(document length + 1). */
export function tsRankFlat(e: RankEntries, andRank: boolean, operands: number, log2Length: number): number {
  if (!operands || !log2Length) return 0
  return rankOverLength(andRank && operands >= 2 ? rankAndFlat(e) : rankOrFlat(e, operands), log2Length)
}

/** calc_rank's last steps: no pair counted, the smallest rank; then the division by log2(length + 1). */
export function rankOverLength(res: number, log2Length: number): number {
  return f((res < 0 ? f(1e-20) : res) / log2Length)
}

/** log2(length + 1) as calc_rank divides by it. */
export const log2Length = (length: number) => Math.log(length + 1) / Math.log(2.0)

/**
 * ts_rank(tsv, query, 1), from the document's entries per operand present (operands in
 * queryOperands order) and the number of distinct operands of the query.
 */
export function tsRank(entries: Positions[][], andRank: boolean, operands: number, docLength: number) {
  const e = new RankEntries()
  e.reset()
  for (const list of entries) {
    for (const post of list) e.add(post, 0, post.length)
    e.closeOperand()
  }
  return tsRankFlat(e, andRank, operands, docLength ? log2Length(docLength) : 0)
}

/** A tsvector's text form ('word':1A,5 …) as lexemes with their positions. */
export function parseTsVector(text: string): Map<string, Positions> {
  const out = new Map<string, Positions>()
  let i = 0
  const n = text.length
  while (i < n) {
    while (i < n && text[i] === " ") i++
    if (i >= n || text[i] !== "'") break
    i++
    let word = ""
    for (;;) {
      const q = text.indexOf("'", i)
      if (q < 0) return out
      word += text.slice(i, q).replace(/\\(.)/g, "$1")
      if (text[q + 1] === "'") {
        word += "'"
        i = q + 2
        continue
      }
      i = q + 1
      break
    }
    const list: number[] = []
    if (text[i] === ":") {
      i++
      for (;;) {
        let p = 0
        while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) p = p * 10 + text.charCodeAt(i++) - 48
        const c = text[i]
        const w = c === "A" ? 3 : c === "B" ? 2 : c === "C" ? 1 : 0
        if (c === "A" || c === "B" || c === "C" || c === "D") i++
        list.push((w << 14) | Math.min(p, MAXENTRYPOS - 1))
        if (text[i] === ",") i++
        else break
      }
    } else list.push(0) // no positions: one weight-D position 0, as calc_rank_or assumes
    out.set(word, Uint16Array.from(list))
  }
  return out
}
