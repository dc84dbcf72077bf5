/**
 * The shipped schema/codegen.config.schema.json is built from the option table and the built-in generator definitions; this test
 * fails when it is out of date. `UPDATE=1 npx vitest run test/unit/config` rewrites it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILTIN_GENERATORS } from '../../../src/generators/index.js';
import { buildConfigSchema } from '../../../src/config/index.js';

const schemaFile = fileURLToPath(new URL('../../../schema/codegen.config.schema.json', import.meta.url));

describe('schema/codegen.config.schema.json', () => {
  const expected = `${JSON.stringify(buildConfigSchema(BUILTIN_GENERATORS), null, 2)}\n`;

  it('is current with the option tables', () => {
    if (process.env.UPDATE === '1') writeFileSync(schemaFile, expected);
    expect(existsSync(schemaFile), 'missing: run with UPDATE=1').toBe(true);
    expect(readFileSync(schemaFile, 'utf8')).toBe(expected);
  });
});
