// Runs one bench module on its own, against servers that are already running:
//   if (import.meta.url === `file://${process.argv[1]}`) await runStandalone(run, import.meta.url)
// Options: parseBenchArgs (bench/lib/args.mjs); --help prints the script's usage.
import { parseBenchArgs, printUsage } from "./args.mjs"
import { appendResults, publishableKeyFromDatabase, report, runFacts } from "./harness.mjs"
import { discoverStore } from "./servers.mjs"

export async function runStandalone(run, scriptUrl, argv = process.argv.slice(2), extra = []) {
  try {
    await runOnce(run, scriptUrl, argv, extra)
  } catch (error) {
    console.error(error.message)
    process.exitCode = 1
  }
}

async function runOnce(run, scriptUrl, argv, extra) {
  const args = parseBenchArgs(argv, extra)
  if (args.help) return printUsage(scriptUrl)
  const key = args.key || (await publishableKeyFromDatabase(args.databaseUrl))
  const store = await discoverStore({ backend: args.backend, key, databaseUrl: args.databaseUrl })
  const out = await run({ ...args, ...store })
  report(out.results, { baseline: out.baseline, title: out.title })
  if (args.record) await appendResults({ ...out, ...(await runFacts(args.databaseUrl)) })
}
