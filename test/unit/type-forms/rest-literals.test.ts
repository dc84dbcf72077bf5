/**
 * Issue 9 (found by the type-form property, form F77): a literal or enum member type in a rest
 * element (`[number, ...Dir.Down[], string]`), leading or in the middle, inside a union, an
 * optional property or a readonly tuple. The mock compiled to `Dir[]` there (TS2322): an enum
 * member built by a thunk or `tuple(…)` widened to its enum. Every verdict below is TypeScript
 * source, compiled by tsc with the generated code (invalid ones under `@ts-expect-error`), and
 * evaluated for the validators; the mocks compile, and pass the validators and the schema.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';

interface SourceVerdict {
  property: string;
  /** The value as TypeScript source; it may name the fixture's enums. */
  text: string;
  valid: boolean;
}

const VERDICTS: SourceVerdict[] = [
  { property: 'middle', text: "[1, Dir.Down, Dir.Down, 'x']", valid: true },
  { property: 'middle', text: "[1, 'x']", valid: true },
  { property: 'middle', text: '42', valid: true },
  { property: 'middle', text: "[1, Dir.Up, 'x']", valid: false },
  { property: 'middle', text: "[1, 'x', Dir.Down]", valid: false },
  { property: 'middle', text: "[Dir.Down, 'x']", valid: false },
  { property: 'leading', text: '[Flag.On]', valid: true },
  { property: 'leading', text: '[Dir.Up, Dir.Up, Flag.On]', valid: true },
  { property: 'leading', text: '[Dir.Up]', valid: false },
  { property: 'leading', text: '[Flag.On, Dir.Up]', valid: false },
  { property: 'leading', text: '[Dir.Down, Flag.On]', valid: false },
  { property: 'leading', text: '[Flag.Off]', valid: false },
  { property: 'literals', text: "['a', 'a', 1, true]", valid: true },
  { property: 'literals', text: '[1, true]', valid: true },
  { property: 'literals', text: 'null', valid: true },
  { property: 'literals', text: "['b', 1, true]", valid: false },
  { property: 'literals', text: "['a', 1, false]", valid: false },
  { property: 'framed', text: '[Mixed.Two, Flag.Off, Flag.Off, Dir.Up]', valid: true },
  { property: 'framed', text: '[Mixed.Two, Dir.Down]', valid: true },
  { property: 'framed', text: '[Mixed.Two, Flag.On, Dir.Up]', valid: false },
  { property: 'framed', text: '[Mixed.One, Dir.Up]', valid: false },
  { property: 'unionRest', text: "[Dir.Up, 'x', Mixed.One, Mixed.One]", valid: true },
  { property: 'unionRest', text: '[Mixed.One]', valid: true },
  { property: 'unionRest', text: "['y', Mixed.One]", valid: false },
  { property: 'unionRest', text: '[Dir.Up]', valid: false },
  { property: 'optionalHead', text: '[]', valid: true },
  { property: 'optionalHead', text: '[Dir.Up, Dir.Down]', valid: true },
  { property: 'optionalHead', text: '[Dir.Down, Dir.Down]', valid: false },
  { property: 'optionalHead', text: "'s'", valid: true },
  { property: 'optionalHead', text: '[Dir.Up, Dir.Up]', valid: false },
  { property: 'plain', text: '[Dir.Down]', valid: true },
  { property: 'plain', text: '[Flag.On, Flag.On]', valid: true },
  { property: 'plain', text: '[Dir.Down, Flag.On]', valid: false },
];

const ENUMS = ['Dir', 'Flag', 'Mixed'];
/** A valid value the verdicts replace one property of. */
const BASE = "{ middle: 42, leading: [Flag.On], literals: null, unionRest: [Mixed.One], optionalHead: 's', plain: [] }";

/** A module assigning each value to its property's type, invalid ones under `@ts-expect-error`. */
function verdictModule(): string {
  const lines = [`import { ${ENUMS.join(', ')}, type RestLiterals } from './input/rest-literals.js';`, ''];
  lines.push(`export const base: RestLiterals = ${BASE};`);
  VERDICTS.forEach(({ property, text, valid }, i) => {
    // Written in place: a tuple literal is a tuple only where its type is given.
    if (!valid) lines.push('// @ts-expect-error: TypeScript rejects it');
    lines.push(`export const v${i}: RestLiterals[${JSON.stringify(property)}] = ${text};`);
  });
  return `${lines.join('\n')}\n`;
}

let built: BuiltCase;
let enums: Record<string, unknown>;

beforeAll(async () => {
  built = await buildCase('rest-literals', { 'verdicts.ts': verdictModule() });
  enums = (await import(pathToFileURL(resolve('test/.tmp/type-forms/rest-literals/input/rest-literals.ts')).href)) as Record<string, unknown>;
}, 120_000);

/** The value of a verdict's source text, with the fixture's own enums. */
function valueOf(text: string): unknown {
  const body = ts.transpile(`return (${text});`, { target: ts.ScriptTarget.ES2022 });
  return new Function(...ENUMS, body)(...ENUMS.map((name) => enums[name]));
}

describe('literal and enum member types in rest elements', () => {
  it('compile under tsc --strict, and TypeScript agrees with every verdict below', () => {
    expect(built.compileErrors).toBe('');
  });

  for (const { property, text, valid } of VERDICTS) {
    it(`${property}: ${text} is ${valid ? 'valid' : 'invalid'}`, () => {
      const value = { ...(valueOf(BASE) as object), [property]: valueOf(text) };
      expect(built.validators('RestLiterals').accepts(value)).toBe(valid);
    });
  }

  it('mocks pass the validators and the OpenAPI schema, and fill the rest elements', () => {
    expect(failingMocks(built, 'RestLiterals', 60)).toEqual([]);
    const middles = Array.from({ length: 60 }, (_, seed) => (built.mock('RestLiterals', seed) as { middle: unknown }).middle);
    expect(middles.some((middle) => Array.isArray(middle) && middle.length > 2)).toBe(true);
  });
});
