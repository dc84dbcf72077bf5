/**
 * Every fixture's generated files (table modules, the runtime they bind to) compile under
 * `tsc --strict` beside the user's sources: the row types, relation types and table metadata
 * agree with the runtime's `TableMeta` contract.
 */
import { describe, expect, it } from 'vitest';
import { typecheck } from '../../helpers/typecheck.js';
import { fixtureNames, materializeFixture } from './helpers.js';

describe('generated sql modules type-check', () => {
  for (const name of fixtureNames()) {
    it(`${name} compiles under tsc --strict`, async () => {
      const folder = await materializeFixture(name);
      expect(await typecheck(folder)).toBe('');
    }, 60_000);
  }
});
