/**
 * Types of modules TypeScript knows by name through `declare module 'x' {}`: Node's own
 * (`import type { Stats } from 'node:fs'`, @types/node, found by the tsconfig's automatic
 * `types` as the user's tsc finds it) and old package typings whose types live in a namespace
 * of such a block (`declare module 'oldstripe' { namespace Stripe { interface Customer {} } }`).
 * They are read like any imported type, without CG2010 or a CG2012 "add export" in a file the
 * user cannot edit; the validators and mocks generated from them compile under tsc --strict.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, type AnalyzeResult } from '../../../src/analyzer/index.js';
import type { GeneratorDefinition } from '../../../src/generators/kit/contract.js';
import { mockGenerator } from '../../../src/generators/mock/index.js';
import { validateGenerator } from '../../../src/generators/validate/index.js';
import { createRenderer } from '../../../src/render/index.js';
import { createDeclarationIndex } from '../../../src/generators/kit/declaration-index.js';
import { componentValueProblems, documentedValueJudge, fittingDocs } from '../../../src/generators/openapi/schemas/documented-values.js';
import type { Property } from '../../../src/model/types.js';
import { typecheck } from '../../helpers/typecheck.js';
import { makeProject, removeProject } from '../../helpers/workspace.js';
import { CONTEXT } from '../validate/helpers.js';

const OLD_STRIPE = `declare module 'oldstripe' {
  namespace Stripe {
    /** A customer. */
    interface Customer {
      id: string;
      /**
       * @format email
       * @example "nope"
       */
      email: string | null;
      /** @example "lots" */
      balance: number;
    }
  }
  class Stripe {
    constructor(key: string);
  }
  export = Stripe;
}
`;

const MODELS = `import type { Stats, BigIntStats } from 'node:fs';
import type Stripe from 'oldstripe';
import type { Outer } from 'hiddenpkg';

export interface FileInfo {
  stats: Stats;
}
export type SizeOnly = Pick<BigIntStats, 'size'>;
export interface HasCustomer {
  customer: Stripe.Customer;
}
export interface UsesOuter {
  outer: Outer;
  inner: Outer['inner'];
}
export interface Own {
  /** @example "lots" */
  n: number;
}
`;

const COMPILER_OPTIONS = { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', skipLibCheck: true, esModuleInterop: true };

/** A project with the models, the package and a tsconfig of `compilerOptions` (no `types`: TypeScript's automatic ones). */
function project(name: string, compilerOptions: Record<string, unknown>): string {
  return makeProject(name, {
    'package.json': JSON.stringify({ type: 'module' }),
    'tsconfig.json': JSON.stringify({ compilerOptions, include: ['input'] }),
    'node_modules/oldstripe/package.json': JSON.stringify({ name: 'oldstripe', version: '1.0.0', types: 'index.d.ts' }),
    'node_modules/oldstripe/index.d.ts': OLD_STRIPE,
    'node_modules/hiddenpkg/package.json': JSON.stringify({ name: 'hiddenpkg', version: '1.0.0', types: 'index.d.ts' }),
    // An export list: Inner is the file's own, not exported (without one, a .d.ts exports every declaration).
    'node_modules/hiddenpkg/index.d.ts': 'interface Inner { n: number }\ninterface Outer { inner: Inner }\nexport { Outer };\n',
    'input/models.ts': MODELS,
  });
}

function analyzeProject(root: string): AnalyzeResult {
  return analyze({
    rootDir: root,
    files: [join(root, 'input/models.ts')],
    tsconfig: join(root, 'tsconfig.json'),
    defaultGenerators: ['validate', 'mock'],
    knownGenerators: ['validate', 'mock'],
    displayRoot: root,
  });
}

const roots: string[] = [];
afterAll(() => roots.forEach(removeProject));

describe('types of ambient modules (node:fs with @types/node, declare module blocks of packages)', () => {
  let root: string;
  let result: AnalyzeResult;
  let compileErrors: string;
  const exports: Record<string, unknown> = {};

  beforeAll(async () => {
    root = project('ambient-modules', COMPILER_OPTIONS);
    roots.push(root);
    result = analyzeProject(root);
    const generators: GeneratorDefinition<any>[] = [validateGenerator, mockGenerator];
    const renderer = createRenderer({ generators, displayRoot: root });
    const modules: string[] = [];
    for (const generator of generators) {
      for (const planned of generator.plan(result.model, { split: 'file' }, CONTEXT)) {
        const path = join(root, CONTEXT.outputDir, planned.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, renderer.render(generator.name, planned));
        if (/models\.(mock|validate)\.ts$/.test(path)) modules.push(path);
      }
    }
    compileErrors = await typecheck(root, ['input/**/*.ts', 'generated/**/*.ts'], { types: ['node'], esModuleInterop: true });
    if (!compileErrors) for (const path of modules) Object.assign(exports, await import(pathToFileURL(path).href));
  }, 180_000);

  it('reads Stats, Pick<BigIntStats>, Stripe.Customer and a package\'s unexported Inner without CG2010 or CG2012', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error' || d.code === 'CG2012')).toEqual([]);
    const ids = result.model.declarations.map((declaration) => declaration.id);
    expect(ids).toEqual(expect.arrayContaining(['FileInfo', 'SizeOnly', 'HasCustomer', 'Stats', 'Customer', 'UsesOuter', 'Outer', 'Inner']));
  });

  it('reports no CG2024 for the JSDoc of a package (the user cannot edit it), but does for their own', () => {
    expect(result.diagnostics.filter((d) => d.code === 'CG2024').map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([
      'input/models.ts:17 @example "lots" on Own.n is not a value of its type: expected a number. It is left out of the schema.',
    ]);
    const index = createDeclarationIndex(result.model);
    const customer = result.model.declarations.find((declaration) => declaration.id === 'Customer')!;
    expect(componentValueProblems(customer, documentedValueJudge(index))).toEqual([]);
    // The misfits stay out of the OpenAPI schema all the same.
    const own = (name: string) => (customer.type as { properties: Property[] }).properties.find((property) => property.name === name)!;
    for (const name of ['email', 'balance']) {
      expect(own(name).docs.examples?.length, name).toBe(1);
      expect(fittingDocs(own(name).docs, own(name).type, documentedValueJudge(index)).examples ?? [], name).toEqual([]);
    }
  });

  it('generates validators and mocks that compile under tsc --strict with the user sources', () => {
    expect(compileErrors).toBe('');
  });

  it('judges values as tsc types them', () => {
    const isHasCustomer = exports.isHasCustomer as (value: unknown) => boolean;
    const isSizeOnly = exports.isSizeOnly as (value: unknown) => boolean;
    expect(isHasCustomer({ customer: { id: 'cus_1', email: null, balance: 0 } })).toBe(true);
    expect(isHasCustomer({ customer: { id: 'cus_1', email: 'a@b.example', balance: 0 } })).toBe(true);
    expect(isHasCustomer({ customer: { id: 'cus_1', email: 'nope', balance: 0 } })).toBe(false);
    expect(isHasCustomer({ customer: { id: 'cus_1', balance: 0 } })).toBe(false);
    expect(isHasCustomer({ customer: { id: 1, email: null, balance: 0 } })).toBe(false);
    expect(isSizeOnly({ size: 10n })).toBe(true);
    expect(isSizeOnly({ size: 10 })).toBe(false);
    const isUsesOuter = exports.isUsesOuter as (value: unknown) => boolean;
    expect(isUsesOuter({ outer: { inner: { n: 1 } }, inner: { n: 2 } })).toBe(true);
    expect(isUsesOuter({ outer: { inner: { n: '1' } }, inner: { n: 2 } })).toBe(false);
    expect(isUsesOuter({ outer: { inner: { n: 1 } }, inner: {} })).toBe(false);
  });

  it('mocks of 50 seeds pass their own validators', () => {
    for (const type of ['HasCustomer', 'SizeOnly', 'UsesOuter']) {
      const mock = exports[`mock${type}`] as (overrides: object, options: { seed: number }) => unknown;
      const is = exports[`is${type}`] as (value: unknown) => boolean;
      const failing = Array.from({ length: 50 }, (_, seed) => seed).filter((seed) => !is(mock({}, { seed })));
      expect(failing, type).toEqual([]);
    }
  });
});

describe('node:fs without @types/node in the program', () => {
  it('is CG2010 at the import, naming the package to install, not "import it"', () => {
    const root = project('ambient-modules-no-types', { ...COMPILER_OPTIONS, types: [] });
    roots.push(root);
    const unresolved = analyzeProject(root).diagnostics.filter((d) => d.code === 'CG2010');
    expect(unresolved.length).toBeGreaterThan(0);
    // At the use, with tsc's words at the import.
    expect(unresolved[0]).toMatchObject({ file: 'input/models.ts', line: 6, column: 10 });
    expect(unresolved[0]!.message).toContain("Cannot find name 'node:fs'");
    expect(unresolved[0]!.message).toContain('(input/models.ts:1:41)');
    expect(unresolved[0]!.hint).toContain('@types/node');
    // `Pick<BigIntStats, 'size'>`: at the user's alias, not at `T[P]` in lib.es5.d.ts, where the user cannot act.
    expect(unresolved[1]).toMatchObject({ file: 'input/models.ts', line: 8 });
    expect(unresolved[1]!.message).toContain("Unresolved type 'Pick<BigIntStats, 'size'>' (SizeOnly.size)");
    expect(unresolved[1]!.hint).toContain('@types/node');
  });

  it('follows a project on TypeScript 6, whose tsc includes no @types package unless `types` names it', () => {
    const root = project('ambient-modules-ts6', COMPILER_OPTIONS);
    roots.push(root);
    mkdirSync(join(root, 'node_modules/typescript'), { recursive: true });
    writeFileSync(join(root, 'node_modules/typescript/package.json'), JSON.stringify({ name: 'typescript', version: '6.0.2' }));
    const codes = analyzeProject(root).diagnostics.map((d) => d.code);
    expect(codes).toContain('CG2010');
  });
});
