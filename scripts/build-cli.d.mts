/** Types of scripts/build-cli.mjs (for tests that build the CLI themselves). */
export function buildCli(options?: { outdir?: string }): Promise<string>;
