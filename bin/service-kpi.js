#!/usr/bin/env node
// The service-kpi command: a small launcher for the bundle that scripts/build-cli.mjs writes
// (dist/cli.js). All the work, the messages and the exit codes are in cli/main.ts.
let cli;
try {
  cli = await import('../dist/cli.js');
} catch (e) {
  if (e && e.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes('dist/cli.js')) {
    process.stderr.write('service-kpi: dist/cli.js is missing; run `npm run build` first\n');
    process.exit(1);
  }
  throw e;
}
process.exitCode = await cli.main(process.argv.slice(2));
