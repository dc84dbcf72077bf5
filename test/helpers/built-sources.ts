/**
 * Tests import the project's own modules (`../../src/…/x.js`) as the build wrote them, dist/…/x.js,
 * whenever dist/ is up to date with src/ (vitest.config.ts; `npm test` builds first).
 *
 * Through Vite, each src module is transformed and then evaluated in each test worker, and a worker
 * whose files also run the built CLI in-process (test/helpers/cli.ts) held both copies. Loaded
 * from dist/, Node loads each module once per worker, untransformed, the same instance the
 * in-process CLI uses: ~4 s of CPU less per run for the same tests.
 *
 * Only when every src/**\/*.ts has its dist/ output and none is newer than it: one source edited
 * since the last build, or a source with no output, and every import stays on src/ (all or none,
 * so a run never mixes two copies of one module), which vitest says once.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';

/** The built file of each source (`x.ts` → `x.js`), or why dist/ cannot stand in for src/ ('' when it can). */
export function staleBuild(srcDir: string, distDir: string): string {
  for (const entry of readdirSync(srcDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.d.ts') || entry.name.endsWith('.test.ts')) continue;
    const source = join(entry.parentPath, entry.name);
    const built = join(distDir, relative(srcDir, source)).replace(/\.ts$/, '.js');
    let builtTime: number;
    try {
      builtTime = statSync(built).mtimeMs;
    } catch {
      return `${relative(process.cwd(), source)} has no build output`;
    }
    if (statSync(source).mtimeMs > builtTime) return `${relative(process.cwd(), source)} changed since the last build`;
  }
  return '';
}

/**
 * A Vite plugin resolving every import of a src/ module to its dist/ file, or undefined (after
 * saying why) when dist/ is stale. dist/ must also be in `server.deps.external`, so Node loads it.
 */
export function builtSources(srcDir: string, distDir: string): Plugin | undefined {
  const stale = staleBuild(srcDir, distDir);
  if (stale) {
    console.warn(`Tests import src/ through Vite (slower): ${stale}; \`npm run build\` lets them load dist/.`);
    return undefined;
  }
  return {
    name: 'codegen-built-sources',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || importer.startsWith(distDir)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || !resolved.id.startsWith(srcDir) || !resolved.id.endsWith('.ts')) return null;
      return join(distDir, relative(srcDir, resolved.id)).replace(/\.ts$/, '.js');
    },
  };
}
