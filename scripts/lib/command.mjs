// What the small `npm run <command>` scripts share: reading `--name VALUE` options, and speaking
// with their name in front (progress on stdout, the one-sentence failure on stderr, exit code 1).

/** The value after `--name` on the command line, or undefined when the option is absent. */
export function optionValue(name, argv = process.argv) {
  const i = argv.indexOf(name)
  return i > 0 ? argv[i + 1] : undefined
}

/**
 * Runs `main(say)` as the command `name`: `say` prints a progress line `[name] …`; the process
 * exits 0 when main returns and 1, with the error's message, when it throws.
 */
export async function runCommand(name, main) {
  const say = (m) => process.stdout.write(`[${name}] ${m}\n`)
  try {
    await main(say)
    process.exit(0)
  } catch (error) {
    process.stderr.write(`[${name}] ${error.message}\n`)
    process.exit(1)
  }
}
