/**
 * Patterns with lookaheads (tester s6 S12): the password rule `^(?=.*\d)(?=.*[a-z])(?=.*[A-Z])
 * (?=.*[^\w\s]).{8,64}$` and its kin are mocked (the main part sampled, then fitted to each
 * lookahead and confirmed by the pattern itself), a backreference through the search; what no
 * mock can build (a lookbehind inside a lookahead) is a located CG5001 warning with a mock that
 * throws, never an error that stops the validators and the OpenAPI document. Validators, mocks
 * and ajv agree on the same values. Fixture: test/fixtures/analyzer/pattern-lookaheads.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mockGenerator } from '../../../src/generators/mock/index.js';
import { validateGenerator } from '../../../src/generators/validate/index.js';
import { CONTEXT } from '../validate/helpers.js';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('pattern-lookaheads');
}, 120_000);

const account = {
  password: 'Secr3t!pw',
  alnumPassword: 'Abcdefg1',
  username: 'alice',
  handle: 'a_1',
  code: 'abc12d',
  unicodeName: 'Élodie',
  sameEnds: 'abca',
  bounded: 'x1234567',
};

describe('patterns with lookaheads', () => {
  it('are generated with a located warning for the one no mock builds, and no error', () => {
    expect(built.diagnostics).toEqual([]);
    expect(validateGenerator.check!(built.model, { split: 'file' } as never, CONTEXT)).toEqual([]);
    const mockDiagnostics = mockGenerator.check!(built.model, { split: 'file', seed: 42, maxDepth: 3 }, CONTEXT);
    expect(mockDiagnostics.map((d) => `${d.severity} ${d.code} ${d.file}:${d.line} ${d.message}`)).toEqual([
      'warning CG5001 input/account.ts:27 mock cannot build Unbuildable.afterA: its @pattern cannot be sampled (Lookarounds cannot be sampled, and the search found no string it accepts); the mocks that hold it throw when called.',
    ]);
    expect(built.compileErrors).toBe('');
  });

  it('give mocks every validator and ajv accept, over many seeds', () => {
    expect(failingMocks(built, 'Account', 100)).toEqual([]);
    const passwords = new Set<string>();
    for (let seed = 1; seed <= 100; seed++) {
      const mock = built.mock('Account', seed) as typeof account;
      expect(built.schemaAccepts('Account', mock)).toBe(true);
      expect(mock.password).toMatch(/^(?=.*\d)(?=.*[a-z])(?=.*[A-Z])(?=.*[^\w\s]).{8,64}$/);
      expect(mock.username).not.toBe('admin');
      expect([...mock.bounded].length).toBeLessThanOrEqual(20);
      passwords.add(mock.password);
    }
    expect(passwords.size).toBeGreaterThan(5);
  });

  it('are checked alike by the validator and ajv, lookaheads included', () => {
    const { accepts } = built.validators('Account');
    expect(accepts(account)).toBe(true);
    expect(built.schemaAccepts('Account', account)).toBe(true);
    const bad = [
      { password: 'secr3t!pw' }, // no capital
      { password: 'Secret!pw' }, // no digit
      { password: 'Secr3tpw1' }, // no symbol
      { username: 'admin' },
      { handle: '_ab' },
      { code: 'abc def' },
      { unicodeName: 'élodie' },
      { sameEnds: 'abcd' },
      { bounded: 'x12345678901234567890' },
    ];
    for (const change of bad) {
      expect(accepts({ ...account, ...change }), JSON.stringify(change)).toBe(false);
      expect(built.schemaAccepts('Account', { ...account, ...change }), JSON.stringify(change)).toBe(false);
    }
  });

  it('leave an unbuildable property to a mock that throws, the validators unchanged', () => {
    expect(() => built.mock('Unbuildable', 1)).toThrow(/Unbuildable\.afterA/);
    expect(built.validators('Unbuildable').accepts({ afterA: 'ab', plain: 'x' })).toBe(true);
    expect(built.validators('Unbuildable').accepts({ afterA: 'b', plain: 'x' })).toBe(false);
  });
});
