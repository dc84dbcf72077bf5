/**
 * End to end for analyzer fixture cases: the case's sources are analysed with validate, mock
 * and openapi, the validators and mocks are generated, written beside a copy of the sources,
 * compiled with `tsc --strict` (and the strict extras users turn on), and imported; the OpenAPI
 * document's schemas are compiled by ajv. Tests then ask the three outputs about the same values.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { format } from 'prettier';
import { expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.js';
import type { Diagnostic } from '../../../src/diagnostics/types.js';
import type { GeneratorDefinition } from '../../../src/generators/kit/contract.js';
import { mockGenerator } from '../../../src/generators/mock/index.js';
import { buildDocument } from '../../../src/generators/openapi/index.js';
import { withDefaults } from '../../../src/generators/openapi/options.js';
import { validateGenerator } from '../../../src/generators/validate/index.js';
import type { Model } from '../../../src/model/types.js';
import { createRenderer } from '../../../src/render/index.js';
import { checkProject } from '../../helpers/tsc.js';
import { fixtureInput } from '../analyzer/run-fixture.js';
import { CONTEXT, validatorsOf, type TypeValidators } from '../validate/helpers.js';

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const TMP = resolve('test/.tmp/type-forms');

/** Documents registered so far: each case's gets its own id, so the `$ref`s of two cases never meet. */
let documents = 0;
let sharedAjv: Ajv2020 | undefined;

/**
 * One ajv for every case of the process (test files share their worker's modules): a new one
 * compiles JSON Schema 2020-12's meta-schemas again before it checks a document against them,
 * about 30 ms per case, as test/helpers/json-schema.ts found. Same options as one per case.
 */
function caseAjv(): Ajv2020 {
  if (sharedAjv) return sharedAjv;
  // `multipleOf: 0.01` means a decimal step, which binary division denies to 141.76 (as in test/helpers/json-schema.ts).
  sharedAjv = new Ajv2020({ strict: false, allErrors: false, multipleOfPrecision: 6 });
  addFormats(sharedAjv);
  return sharedAjv;
}

const GENERATORS: GeneratorDefinition<any>[] = [validateGenerator, mockGenerator];

export interface BuiltCase {
  model: Model;
  diagnostics: Diagnostic[];
  document: OpenAPIObject;
  /** tsc's messages over the sources and the generated files ('' when clean). */
  compileErrors: string;
  validators(type: string): TypeValidators;
  /** `mockT(overrides, { seed })`, no overrides unless given. */
  mock(type: string, seed: number, overrides?: object): unknown;
  /** The OpenAPI schema of `components.schemas[type]`, compiled by ajv, on a JSON value. */
  schemaAccepts(type: string, value: unknown): boolean;
}

/**
 * Analyses, generates, compiles and loads the analyzer fixture `name`. `extraFiles` (path →
 * text, relative to the case folder) are compiled with it: TypeScript's own verdict on values.
 */
export async function buildCase(name: string, extraFiles: Record<string, string> = {}, options: BuildOptions = {}): Promise<BuiltCase> {
  const input = fixtureInput(name);
  const { model, diagnostics } = analyze({ ...input, defaultGenerators: ['validate', 'mock', 'openapi'] });
  const folder = join(TMP, name);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  cpSync(join(input.rootDir, 'input'), join(folder, 'input'), { recursive: true });
  const renderer = createRenderer({ generators: GENERATORS, displayRoot: process.cwd() });
  const modules: string[] = [];
  for (const generator of GENERATORS) {
    for (const planned of generator.plan(model, { split: 'file' }, CONTEXT)) {
      const path = join(folder, CONTEXT.outputDir, planned.path);
      mkdirSync(dirname(path), { recursive: true });
      const rendered = renderer.render(generator.name, planned);
      writeFileSync(path, options.formatted ? await format(rendered, { parser: 'typescript' }) : rendered);
      if (/\.(mock|validate)\.ts$/.test(path)) modules.push(path);
    }
  }
  for (const [path, text] of Object.entries(extraFiles)) writeFileSync(join(folder, path), text);
  const own = options.compilerOptions ?? {};
  const compileErrors = options.verdictCompilerOptions
    ? (await compile(folder, [], own)) + (await compile(folder, Object.keys(extraFiles), { ...own, ...options.verdictCompilerOptions }))
    : await compile(folder, Object.keys(extraFiles), own);
  const exports: Record<string, unknown> = {};
  if (compileErrors) return { model, diagnostics, compileErrors } as BuiltCase;
  for (const path of modules) Object.assign(exports, await import(pathToFileURL(path).href));
  const document = buildDocument(model, withDefaults({}));
  const ajv = caseAjv();
  // A case outside the analyzer fixtures (`../mock/x`) must not climb out of its own id.
  const id = `https://codegen.test/type-forms/${(documents += 1)}/${name.replace(/[^\w-]/g, '_')}.json`;
  ajv.addSchema({ $id: id, components: document.components }, id);
  return {
    model,
    diagnostics,
    document,
    compileErrors,
    validators: (type) => validatorsOf(exports, type),
    mock: (type, seed, overrides = {}) => (exports[`mock${type}`] as (overrides: object, options: { seed: number }) => unknown)(overrides, { seed }),
    schemaAccepts(type, value) {
      const check = ajv.getSchema(`${id}#/components/schemas/${type}`);
      if (!check) throw new Error(`No schema components.schemas.${type}`);
      return check(JSON.parse(JSON.stringify(value))) as boolean;
    },
  };
}

export interface BuildOptions {
  /**
   * Whether the generated files go through Prettier, as `codegen generate` writes them: for tests
   * that read their text. Otherwise they are compiled and run as rendered (the same code:
   * Prettier changes layout only), and Prettier's share of each case is saved.
   */
  formatted?: boolean;
  /**
   * Compiler options the `extraFiles` (TypeScript's verdicts) are compiled with, in a second run;
   * the generated code is still compiled with the strict extras alone. For verdicts that hold
   * without `exactOptionalPropertyTypes` only, as codegen reads optional properties.
   */
  verdictCompilerOptions?: Record<string, unknown>;
  /** Options every compile of the case needs (`experimentalDecorators` for class-validator's decorators in its sources). */
  compilerOptions?: Record<string, unknown>;
}

async function compile(folder: string, extra: string[], overrides: Record<string, unknown> = {}): Promise<string> {
  const compilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    target: 'ES2022',
    noUnusedLocals: true,
    noUnusedParameters: true,
    noPropertyAccessFromIndexSignature: true,
    noImplicitOverride: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    verbatimModuleSyntax: true,
    types: [],
    ...overrides,
  };
  const config = Object.keys(overrides).length > 0 ? 'tsconfig.verdicts.json' : 'tsconfig.json';
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ type: 'module' }));
  writeFileSync(join(folder, config), JSON.stringify({ compilerOptions, include: ['input/**/*.ts', 'generated/**/*.ts', ...extra] }, null, 2));
  // A fixture's method stubs and a test's verdict values may leave parameters unused (TS6133):
  // not codegen's code; an unused name in a generated file still fails.
  const output = await checkProject(join(folder, config));
  return output
    .split('\n')
    .filter((line) => !(/error TS6133:/.test(line) && !/(^|\/)generated\//.test(line)))
    .join('\n');
}

/** Every mock of `type` over `seeds` seeds that its own validator rejects, with the issues. */
export function failingMocks(built: BuiltCase, type: string, seeds = 100): string[] {
  const validators = built.validators(type);
  const failures: string[] = [];
  for (let seed = 0; seed < seeds; seed += 1) {
    const value = built.mock(type, seed);
    if (!validators.accepts(value)) failures.push(`seed ${seed}: ${validators.issues(value).join(', ')} ${JSON.stringify(value)}`);
    else if (!built.schemaAccepts(type, value)) failures.push(`seed ${seed}: the OpenAPI schema rejects ${JSON.stringify(value)}`);
  }
  return failures;
}

/** A case of `judgedAlike`: a value of `type`, whether TypeScript takes it, and more the file reads. */
export type JudgedCase = readonly [type: string, value: unknown, valid: boolean, ...rest: unknown[]];

/**
 * TypeScript's verdicts on `cases`, as a module for `buildCase`'s extra files (`verdicts.ts`): each
 * case whose fourth field is `true` is assigned to its type as a fresh literal (so its strings keep
 * their literal types), under `@ts-expect-error` where the case says TypeScript rejects it. The
 * case's compile then fails wherever a case's `valid` is not TypeScript's verdict. `input` is the
 * module declaring the types, relative to the case folder (`./input/unions.js`).
 */
export function freshLiteralVerdicts(cases: readonly JudgedCase[], input: string): string {
  const lines = [`import type * as T from '${input}';`];
  cases.forEach(([type, value, valid, tsc], i) => {
    if (tsc !== true) return;
    if (!valid) lines.push('// @ts-expect-error');
    lines.push(`export const t${i}: T.${type} = ${JSON.stringify(value)};`);
  });
  return `${lines.join('\n')}\n`;
}

/**
 * One test per case: `isT`, `validateT` and the OpenAPI document's schema (ajv) each judge `value`
 * as a `type` the way the case says TypeScript does. `built` is read when the tests run (the case
 * is built in `beforeAll`).
 */
export function judgedAlike(cases: readonly JudgedCase[], built: () => BuiltCase): void {
  for (const [type, value, valid] of cases) {
    it(`${type}: ${JSON.stringify(value)} is ${valid ? 'valid' : 'invalid'} for isT, validateT and the schema`, () => {
      expect(built().validators(type).accepts(value)).toBe(valid);
      expect(built().validators(type).issues(value).length === 0).toBe(valid);
      expect(built().schemaAccepts(type, value)).toBe(valid);
    });
  }
}
