/** The `index.ts` at the root of an output folder, re-exporting every generated TypeScript file. */
import type { PlanPaths } from '../generators/kit/contract.js';
import { specifierText } from '../generators/kit/imports.js';
import type { OutputFile } from './build-project.js';

export const INDEX_FILE = 'index.ts';

/**
 * An index re-exporting `files`, sorted so discovery order never changes the bytes. A file that
 * lists its `indexExports` contributes only those names (none for an empty list).
 */
export function indexFile(files: readonly OutputFile[], context: PlanPaths): OutputFile {
  const lines = files
    .filter((file) => file.path.endsWith('.ts') && file.path !== INDEX_FILE && !file.path.endsWith('.d.ts'))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .flatMap((file) => {
      const from = `'${specifierText(`./${file.path.slice(0, -'.ts'.length)}${context.importExtension}`)}'`;
      if (!file.indexExports) return [`export * from ${from};`];
      return file.indexExports.length > 0 ? [`export { ${file.indexExports.join(', ')} } from ${from};`] : [];
    });
  return { path: INDEX_FILE, content: `${lines.join('\n')}\n`, source: context.configSource, generator: 'index', builtInLayout: true };
}
