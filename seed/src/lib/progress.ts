/** A progress bar on stderr with rate and ETA; on a non-terminal it prints a line every 10%. */
export function createProgress(total: number, label: string, { quiet = false, stream = process.stderr } = {}) {
  const started = Date.now()
  let done = 0
  let lastDraw = 0
  let lastDecile = -1
  // seed/bin/seed.mjs pipes our stderr; it says whether its own stderr is a terminal.
  const tty = !!(stream as any).isTTY || process.env.OCOP_SEED_TTY === "1"
  const fmt = (n: number) => n.toLocaleString("en-US")
  const line = () => {
    const elapsed = (Date.now() - started) / 1000
    const rate = elapsed > 0 ? done / elapsed : 0
    const eta = rate > 0 ? (total - done) / rate : NaN
    const pct = total ? (done / total) * 100 : 100
    const width = 28
    const filled = Math.round((pct / 100) * width)
    const bar = "█".repeat(filled) + "░".repeat(width - filled)
    return `${label} ${bar} ${pct.toFixed(0).padStart(3)}% ${fmt(done)}/${fmt(total)} · ${fmt(Math.round(rate))}/s · ${Number.isFinite(eta) ? `ETA ${formatDuration(eta)}` : "ETA –"} · ${formatDuration(elapsed)}`
  }
  return {
    tick(n: number) {
      done += n
      if (quiet) return
      const now = Date.now()
      if (tty) {
        if (now - lastDraw > 150 || done >= total) {
          stream.write(`\r${line()}\x1b[K`)
          lastDraw = now
        }
      } else {
        const decile = Math.floor((done / total) * 10)
        if (decile !== lastDecile) {
          lastDecile = decile
          stream.write(line() + "\n")
        }
      }
    },
    finish() {
      if (!quiet && tty) stream.write(`\r${line()}\x1b[K\n`)
      return (Date.now() - started) / 1000
    },
  }
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`
  const m = Math.floor(seconds / 60)
  const s = Math.round(seconds % 60)
  return `${m} min ${String(s).padStart(2, "0")} s`
}
