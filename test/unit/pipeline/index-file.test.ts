/**
 * The generated index re-exports the `.ts` outputs only; `.mts` and `.cts` outputs (a `fileName`
 * the docs allow) are left out with one CG4012 warning naming them, not silently.
 */
import { describe, expect, it } from 'vitest';
import { indexFile, indexLeftOut } from '../../../src/pipeline/index-file.js';
import type { OutputFile } from '../../../src/pipeline/build-project.js';
import type { PlanPaths } from '../../../src/generators/kit/contract.js';

const context = { configSource: 'codegen.config.yaml', importExtension: '.js' } as PlanPaths;
const file = (path: string): OutputFile => ({ path, content: '', source: 'src/m.ts', generator: 'validate' });

describe('index.ts and .mts/.cts outputs', () => {
  it('re-exports the .ts outputs and warns once about the others, naming them', () => {
    const files = [file('m.validate.mts'), file('m.mock.ts'), file('n.validate.cts'), file('types.d.mts')];
    expect(indexFile(files, context).content).toBe("export * from './m.mock.js';\n");
    const warnings = indexLeftOut(files, context);
    expect(warnings.map(({ code, severity, file: at }) => ({ code, severity, at }))).toEqual([{ code: 'CG4012', severity: 'warning', at: 'codegen.config.yaml' }]);
    expect(warnings[0]!.message).toContain('leaves out m.validate.mts, n.validate.cts:');
  });

  it('says nothing when every output is a .ts file', () => {
    expect(indexLeftOut([file('m.mock.ts'), file('openapi.json')], context)).toEqual([]);
  });
});
