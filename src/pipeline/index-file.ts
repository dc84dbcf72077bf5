/** The `index.ts` at the root of an output folder, re-exporting every generated TypeScript file. */
import type { PlanPaths } from '../generators/kit/contract.js';
import { specifierText } from '../generators/kit/imports.js';
import type { OutputFile } from './build-project.js';
import { diagnostic } from '../diagnostics/create.js';
import type { Diagnostic } from '../diagnostics/types.js';

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

/**
 * A warning naming the `.mts` and `.cts` outputs the index leaves out (CG4012): their module
 * format is fixed by their extension, so an `index.ts` of the package's format cannot always
 * re-export them, and leaving them out silently made their exports look missing.
 */
export function indexLeftOut(files: readonly OutputFile[], context: PlanPaths): Diagnostic[] {
  const left = files.filter((file) => /\.[cm]ts$/.test(file.path) && !/\.d\.[cm]ts$/.test(file.path)).map((file) => file.path).sort();
  if (left.length === 0) return [];
  const shown = left.length > 3 ? `${left.slice(0, 3).join(', ')} and ${left.length - 3} more` : left.join(', ');
  return [
    diagnostic('CG4012', {
      message: `${INDEX_FILE} re-exports the .ts outputs only, so it leaves out ${shown}: a .mts or .cts file is an ES module or CommonJS whatever the package's "type", which an index of the other format cannot always re-export.`,
      hint: 'Import those files by their own path (`./x.validate.mjs`), or give `fileName` a `.ts` ending to have them in the index.',
      file: context.configSource,
    }),
  ];
}
