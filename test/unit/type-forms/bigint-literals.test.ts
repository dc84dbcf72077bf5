/**
 * Issue 9 G3: bigint literal types (`10n`, `-5n`, `10n | 20n`, in a tuple, a record, a
 * discriminant) were CG2004 and then accepted anything. Now each accepts its bigint and nothing
 * else, TypeScript's verdict on every value below checked by tsc with the generated code; the
 * OpenAPI schema says the decimal text (`const` / `enum`), the wire form of any bigint; with
 * `coerce` that text passes and becomes the bigint; the mocks are the literals.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateGenerator } from '../../../src/generators/validate/index.js';
import { createRenderer } from '../../../src/render/index.js';
import { CONTEXT, validatorsOf, type TypeValidators } from '../validate/helpers.js';
import { buildCase, type BuiltCase } from './helpers.js';

interface SourceVerdict {
  property: string;
  /** The value as TypeScript source. */
  text: string;
  valid: boolean;
}

const VERDICTS: SourceVerdict[] = [
  { property: 'single', text: '10n', valid: true },
  { property: 'single', text: '11n', valid: false },
  { property: 'single', text: '10', valid: false },
  { property: 'single', text: "'10'", valid: false },
  { property: 'negative', text: '-5n', valid: true },
  { property: 'negative', text: '5n', valid: false },
  { property: 'huge', text: '12345678901234567890n', valid: true },
  { property: 'huge', text: '12345678901234567891n', valid: false },
  { property: 'hex', text: '16n', valid: true },
  { property: 'hex', text: '0x10n', valid: true },
  { property: 'hex', text: '10n', valid: false },
  { property: 'either', text: '20n', valid: true },
  { property: 'either', text: '15n', valid: false },
  { property: 'either', text: '10', valid: false },
  { property: 'mixed', text: "'ten'", valid: true },
  { property: 'mixed', text: '10n', valid: true },
  { property: 'mixed', text: "'10'", valid: false },
  { property: 'nullable', text: 'null', valid: true },
  { property: 'nullable', text: '-5n', valid: true },
  { property: 'nullable', text: '-6n', valid: false },
  { property: 'optional', text: 'undefined', valid: true },
  { property: 'optional', text: '10n', valid: true },
  { property: 'optional', text: '20n', valid: false },
  { property: 'pair', text: '[10n, -5n]', valid: true },
  { property: 'pair', text: '[-5n, 10n]', valid: false },
  { property: 'list', text: '[1n, 2n, 1n]', valid: true },
  { property: 'list', text: '[1n, 3n]', valid: false },
  { property: 'byName', text: '{ a: 0n, b: 0n }', valid: true },
  { property: 'byName', text: '{ a: 0 }', valid: false },
  { property: 'shape', text: '{ kind: 1n, side: 2 }', valid: true },
  { property: 'shape', text: '{ kind: 2n, radius: 2 }', valid: true },
  { property: 'shape', text: '{ kind: 2n, side: 2 }', valid: false },
  { property: 'shape', text: '{ kind: 1, side: 2 }', valid: false },
  { property: 'text', text: "'v10'", valid: true },
  { property: 'text', text: "'v10n'", valid: false },
];

/** A valid value the verdicts replace one property of. */
const BASE =
  "{ single: 10n, negative: -5n, huge: 12345678901234567890n, hex: 16n, either: 10n, mixed: 'ten', nullable: null, pair: [10n, -5n], list: [], byName: {}, shape: { kind: 1n, side: 1 }, text: 'v10' }";

function verdictModule(): string {
  const lines = ["import type { BigintLiterals } from './input/bigint-literals.js';", ''];
  lines.push(`export const base: BigintLiterals = ${BASE};`);
  VERDICTS.forEach(({ property, text, valid }, i) => {
    if (!valid) lines.push('// @ts-expect-error: TypeScript rejects it');
    lines.push(`export const v${i}: BigintLiterals[${JSON.stringify(property)}] = ${text};`);
  });
  return `${lines.join('\n')}\n`;
}

function valueOf(text: string): unknown {
  return new Function(ts.transpile(`return (${text});`, { target: ts.ScriptTarget.ES2022 }))();
}

/** A value as JSON carries it: bigints as their decimal text. */
function wire(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item)));
}

let built: BuiltCase;
let coerced: TypeValidators;

beforeAll(async () => {
  built = await buildCase('bigint-literals', { 'verdicts.ts': verdictModule() });
  // The same model with `coerce: true`, beside the case's sources (compiled by buildCase's tsc run for the plain one).
  const folder = resolve('test/.tmp/type-forms/bigint-literals');
  const renderer = createRenderer({ generators: [validateGenerator], displayRoot: process.cwd() });
  let module = '';
  for (const planned of validateGenerator.plan(built.model, { coerce: true, split: 'file' }, { ...CONTEXT, outputDir: 'coerced' })) {
    const path = join(folder, 'coerced', planned.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, renderer.render(validateGenerator.name, planned));
    if (path.endsWith('.validate.ts')) module = path;
  }
  coerced = validatorsOf((await import(pathToFileURL(module).href)) as Record<string, unknown>, 'BigintLiterals');
}, 120_000);

describe('bigint literal types', () => {
  it('compile under tsc --strict, and TypeScript agrees with every verdict below', () => {
    expect(built.compileErrors).toBe('');
  });

  it('are read without CG2004', () => {
    expect(built.diagnostics).toEqual([]);
  });

  for (const { property, text, valid } of VERDICTS) {
    it(`${property}: ${text} is ${valid ? 'valid' : 'invalid'}`, () => {
      const value = { ...(valueOf(BASE) as object), [property]: valueOf(text) };
      expect(built.validators('BigintLiterals').accepts(value)).toBe(valid);
      expect(built.validators('BigintLiterals').issues(value).length === 0).toBe(valid);
    });
  }

  it('validateT names the literal it expected', () => {
    const issues = built.validators('BigintLiterals').fullIssues({ ...(valueOf(BASE) as object), single: 11n });
    expect(issues.map((issue) => [issue.path, issue.code, issue.message])).toEqual([['/single', 'enum', expect.stringContaining('10n')]]);
  });

  it('the OpenAPI schema says the decimal text: const for one literal, enum for a union of them', () => {
    const schema = built.document.components?.schemas?.['BigintLiterals'] as { properties: Record<string, unknown> };
    expect(schema.properties['single']).toEqual({ type: 'string', format: 'int64', const: '10' });
    expect(schema.properties['negative']).toEqual({ type: 'string', format: 'int64', const: '-5' });
    expect(schema.properties['either']).toEqual({ type: 'string', format: 'int64', enum: ['10', '20'] });
  });

  it('the OpenAPI schema agrees with the validators on the wire form of each value', () => {
    // Not on a string that is a bigint's wire form: `'10'` for `10n` is the schema's `"10"`.
    for (const { property, text, valid } of VERDICTS.filter((verdict) => verdict.text !== "'10'")) {
      const value = { ...(valueOf(BASE) as object), [property]: valueOf(text) };
      expect([property, text, built.schemaAccepts('BigintLiterals', wire(value))]).toEqual([property, text, valid]);
    }
  });

  it('with coerce, the decimal text passes and becomes the bigint; other texts do not', () => {
    const value = wire({ ...(valueOf(BASE) as object), optional: 10n, list: [1n, 2n] }) as Record<string, unknown>;
    expect(coerced.data(value)).toEqual({ ...(valueOf(BASE) as object), optional: 10n, list: [1n, 2n] });
    expect(coerced.accepts({ ...value, single: '11' })).toBe(false);
    expect(coerced.accepts({ ...value, single: 10n })).toBe(true);
    expect(coerced.accepts({ ...value, shape: { kind: '2', radius: 1 } })).toBe(true);
    expect(coerced.accepts({ ...value, shape: { kind: '2', side: 1 } })).toBe(false);
  });

  it('mocks are the literals, and pass the validators and the schema', () => {
    const failures: string[] = [];
    for (let seed = 0; seed < 40; seed += 1) {
      const mock = built.mock('BigintLiterals', seed);
      if (!built.validators('BigintLiterals').accepts(mock)) failures.push(`seed ${seed}: ${built.validators('BigintLiterals').issues(mock).join(', ')}`);
      else if (!built.schemaAccepts('BigintLiterals', wire(mock))) failures.push(`seed ${seed}: the schema rejects it`);
    }
    expect(failures).toEqual([]);
    expect((built.mock('BigintLiterals', 1) as { single: unknown }).single).toBe(10n);
  });
});
