/**
 * A project whose brand helper is not exported (tester s8 R2): `code: Brand<string, 'Code'>` with
 * a local `type Brand`. Generated for real with validate, mock and crud (an entity keyed by such a
 * brand; a Set subclass, a deep type, Map and tuple of brands), the whole output compiles under
 * `tsc --strict` beside a usage file that assigns the mocks to the user's types, and each mock
 * passes its validator. The same model with the helper
 * exported is the control: both must compile (the mock names `Brand<…>` there).
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../../src/index.js';
import { REPO_ROOT, TMP_ROOT } from '../../helpers/paths.js';
import { typecheck } from '../../helpers/typecheck.js';

const model = (exported: boolean): string => `
${exported ? 'export ' : ''}type Brand<T, B extends string> = T & { readonly __brand: B };
// A brand by a unique symbol, never exported: no generated file can name it.
declare const tag: unique symbol;
type Sym<T, B extends string> = T & { readonly [tag]: B };
type Holder = { code: Brand<string, 'HolderCode'> };
export type Id = Brand<string, 'Id'>;
export type SymId = Sym<string, 'SymId'>;

export interface Plain {
  code: Brand<string, 'Code'>;
  n: Brand<number, 'N'>;
  ids: Brand<string, 'Id'>[];
  scores: Record<string, Brand<number, 'Score'>>;
  maybe: Brand<string, 'Code'> | null;
  id: Id;
  sym: Sym<number, 'Sym'>;
  symId: SymId;
  holder?: Holder | null;
  only: Brand<string, 'Only'> | null;
  pair: [Brand<string, 'First'>, string?];
  kind: Brand<string, 'KindS'> | Brand<number, 'KindN'>;
}

// A subclass of Set, a type deep enough for a nested function, a Map of arrays, a rest tuple, a union of brands.
export class Codes extends Set<Brand<string, 'C'>> {}
export type Deep = { a: { b: { c: { d: { e: { f: Brand<string, 'Code'>[] } } } } } };
export interface More {
  codes: Codes;
  deep: Deep;
  m: Map<string, Brand<number, 'N'>[]>;
  t: [Brand<string, 'C'>, ...Brand<number, 'N'>[]];
  o?: Brand<string, 'C'> | undefined;
  u: Brand<string, 'C'> | Brand<string, 'D'> | 5;
}

/** @entity */
export interface Member {
  /** @primaryKey */
  id: Brand<string, 'MemberId'>;
  code: Brand<string, 'Code'>;
  age: Brand<number, 'Age'>;
  tags: Brand<string, 'Tag'>[];
}
`;

// Assigns each mock to the user's type: the mock's declared type must be the branded one. The
// mocks of the helper's instantiations and of the unexported Holder too: the user names their
// types through an exported one (Plain['code']), and so do the mocks where the helper is local.
const USAGE = `
import type { Member, More, Plain, SymId } from './models/m.js';
import * as m from './generated/m.mock.js';
import { seededRng } from './generated/mocking.js';
export const plain: Plain = m.mockPlain();
export const plains: Plain[] = m.mockPlainList(3);
export const member: Member = m.mockMember();
export const more: More = m.mockMore();
export const code: Plain['code'] = m.mockPlain().code;
export const codes: Plain['code'][] = [m.mockBrand_string_Code(), ...m.mockBrand_string_CodeList(2), m.randomBrand_string_Code(seededRng(), 0)];
export const n: Plain['n'] = m.mockBrand_number_N();
export const item: Plain['ids'][number] = m.mockBrand_string_Id();
export const score: Plain['scores'][string] = m.mockBrand_number_Score();
export const sym: Plain['sym'] = m.mockSym_number_Sym();
export const symId: SymId = m.mockSymId();
export const holder: NonNullable<Plain['holder']> = m.mockHolder({ code: m.mockBrand_string_HolderCode() });
export const only: NonNullable<Plain['only']> = m.mockBrand_string_Only();
export const first: Plain['pair'][0] = m.mockBrand_string_First();
export const memberId: Member['id'] = m.mockBrand_string_MemberId();
export const kinds: Plain['kind'][] = [m.mockBrand_string_KindS(), m.mockBrand_number_KindN()];
const takesCode = (value: Plain['code']): Plain['code'] => value;
export const taken = takesCode(m.mockBrand_string_Code());
`;

const CONFIG = `input: [models/**/*.ts]
output: generated
tsconfig: tsconfig.json
generators:
  validate: {}
  mock: {}
  crud: {}
`;

interface Generated {
  mockPlain(overrides?: unknown, options?: { seed?: number }): unknown;
  mockMember(overrides?: unknown, options?: { seed?: number }): unknown;
  mockMore(overrides?: unknown, options?: { seed?: number }): unknown;
  isPlain(value: unknown): boolean;
  isMember(value: unknown): boolean;
  isMore(value: unknown): boolean;
}

async function generateProject(exported: boolean): Promise<string> {
  mkdirSync(TMP_ROOT, { recursive: true });
  const root = mkdtempSync(join(TMP_ROOT, `mock-local-brands-${exported ? 'exported' : 'local'}-`));
  mkdirSync(join(root, 'models'));
  writeFileSync(join(root, 'models/m.ts'), model(exported));
  writeFileSync(join(root, 'usage.ts'), USAGE);
  writeFileSync(join(root, 'codegen.config.yaml'), CONFIG);
  writeFileSync(join(root, 'package.json'), JSON.stringify({ type: 'module' }));
  writeFileSync(
    join(root, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, noEmit: true }, include: ['models', 'generated'] }),
  );
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  const result = await generate({ cwd: root, format: false });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  expect(result.exitCode).toBe(0);
  return root;
}

describe.each([
  { helper: 'not exported', exported: false },
  { helper: 'exported', exported: true },
])('a brand helper $helper', ({ exported }) => {
  it('generates mocks, validators and repositories that compile under tsc --strict with a usage file', async () => {
    const root = await generateProject(exported);
    expect(await typecheck(root, ['models/**/*.ts', 'generated/**/*.ts', 'usage.ts'])).toBe('');
    const mocks = (await import(join(root, 'generated/m.mock.ts'))) as Generated;
    const validators = (await import(join(root, 'generated/m.validate.ts'))) as Generated;
    for (let seed = 1; seed <= 50; seed++) {
      expect(validators.isPlain(mocks.mockPlain({}, { seed })), `Plain, seed ${seed}`).toBe(true);
      expect(validators.isMember(mocks.mockMember({}, { seed })), `Member, seed ${seed}`).toBe(true);
      expect(validators.isMore(mocks.mockMore({}, { seed })), `More, seed ${seed}`).toBe(true);
    }
  }, 120_000);
});
