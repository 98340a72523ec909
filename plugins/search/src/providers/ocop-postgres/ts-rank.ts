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

export function wordDistance(w: number): number {
  if (w > 100) return f(1e-30)
  return f(1.0 / (1.005 + 0.05 * Math.exp(f(w) / 1.5 - 2)))
}

/** One lexeme entry's share of calc_rank_or, before the division by 1.64493406685. */
export function orEntryWeight(post: Positions): number {
  let resj = 0
  let wjm = -1
  let jm = 0
  for (let j = 0; j < post.length; j++) {
    const w = wpos(post[j])
    resj = f(resj + f(w / ((j + 1) * (j + 1))))
    if (w > wjm) {
      wjm = w
      jm = j
    }
  }
  return f(f(wjm + resj) - f(wjm / ((jm + 1) * (jm + 1))))
}

/**
 * calc_rank_or: `entries[i]` are the document's entries (in lexeme order) matching the i-th
 * operand; `size` is the number of operands.
 */
export function rankOr(entries: Positions[][], size: number): number {
  let res = 0
  for (const list of entries) for (const post of list) res = f(res + orEntryWeight(post) / 1.64493406685)
  return size > 0 ? f(res / size) : res
}

/** calc_rank_and (two or more operands; Postgres falls back to calc_rank_or below that). */
export function rankAnd(entries: Positions[][]): number {
  let res = -1
  const pos: (Positions | undefined)[] = new Array(entries.length)
  for (let i = 0; i < entries.length; i++) {
    for (const post of entries[i]) {
      pos[i] = post
      for (let k = 0; k < i; k++) {
        const ct = pos[k]
        if (!ct) continue
        for (let l = 0; l < post.length; l++) {
          for (let p = 0; p < ct.length; p++) {
            const dist = Math.abs(getpos(post[l]) - getpos(ct[p]))
            // documents here always carry positions, so a distance of 0 never counts
            if (!dist) continue
            const curw = f(Math.sqrt(f(f(wpos(post[l]) * wpos(ct[p])) * wordDistance(dist))))
            res = res < 0 ? curw : f(1.0 - (1.0 - res) * (1.0 - curw))
          }
        }
      }
    }
  }
  return res
}

/**
 * ts_rank(tsv, query, 1), from the document's entries per operand present (operands in
 * queryOperands order) and the number of distinct operands of the query: the AND or OR rank,
 * then divided by log2(document length + 1).
 */
export function tsRank(entries: Positions[][], andRank: boolean, operands: number, docLength: number) {
  if (!docLength || !operands) return 0
  let res = andRank && operands >= 2 ? rankAnd(entries) : rankOr(entries, operands)
  if (res < 0) res = f(1e-20)
  return f(res / (Math.log(docLength + 1) / Math.log(2.0)))
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
