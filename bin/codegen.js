#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm install` through the `prepare` script).
// This file is the process wrapper: it hands the CLI this process's folder, environment and
// streams (dist/cli/process-io.js) and sets the exit code; everything else is in dist/cli/main.js.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('codegen: dist/ is missing. Run `npm run build` (or `npm install`) first.\n');
  process.exitCode = 2;
} else {
  const [{ main }, { processIo }] = await Promise.all([import(entry.href), import(new URL('../dist/cli/process-io.js', import.meta.url).href)]);
  process.exitCode = await main(process.argv.slice(2), processIo());
}
