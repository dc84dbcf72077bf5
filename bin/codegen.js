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
  const code = await main(process.argv.slice(2), processIo());
  process.exitCode = code;
  // The command is done and everything it opened is closed (a run closes its format workers). As
  // a last safety net, a handle left open by mistake must not keep a build script waiting for
  // ever: once stdout and stderr have taken what was written, the process ends with its code.
  await Promise.race([
    Promise.all([process.stdout, process.stderr].map((stream) => new Promise((done) => (stream.destroyed ? done() : stream.write('', () => done()))))),
    new Promise((done) => setTimeout(done, 5000).unref()),
  ]);
  process.exit(code);
}
