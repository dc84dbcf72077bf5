/** Constraint names, identifier quoting, table order and decimal scales, as data. */
import { describe, expect, it } from 'vitest';
import { fractionDigits } from '../../../src/generators/sql/column-types.js';
import { byteLength, constraintName, fitIdentifier, quoteIdentifier } from '../../../src/generators/sql/identifiers.js';
import { orderTables } from '../../../src/generators/sql/schema/order.js';
import type { SchemaTable } from '../../../src/generators/sql/schema/index.js';

describe('identifiers', () => {
  it('quotes every identifier, doubling embedded quotes', () => {
    expect(quoteIdentifier('users')).toBe('"users"');
    expect(quoteIdentifier('a"; DROP TABLE x; --')).toBe('"a""; DROP TABLE x; --"');
  });

  it('names constraints the way PostgreSQL does', () => {
    expect(constraintName('users', [], 'pkey')).toBe('users_pkey');
    expect(constraintName('users', ['email'], 'key')).toBe('users_email_key');
    expect(constraintName('posts', ['author_id'], 'fkey')).toBe('posts_author_id_fkey');
    expect(constraintName('users', ['region', 'handle'], 'idx')).toBe('users_region_handle_idx');
  });

  it('keeps long names within 63 bytes, unique and stable, never splitting a character', () => {
    const a = fitIdentifier(`${'é'.repeat(40)}_a_key`);
    const b = fitIdentifier(`${'é'.repeat(40)}_b_key`);
    expect(byteLength(a)).toBeLessThanOrEqual(63);
    expect(a).not.toBe(b);
    expect(a).toBe(fitIdentifier(`${'é'.repeat(40)}_a_key`));
    expect(a).toMatch(/^é+_[0-9a-f]{8}$/);
    expect(fitIdentifier('short_name')).toBe('short_name');
  });
});

describe('decimal scales', () => {
  it('counts the digits a step needs after the point', () => {
    expect(fractionDigits('0.01')).toBe(2);
    expect(fractionDigits('0.010')).toBe(2);
    expect(fractionDigits('5')).toBe(0);
    expect(fractionDigits('1e-3')).toBe(3);
    expect(fractionDigits('2.5')).toBe(1);
  });
});

describe('table order', () => {
  const table = (name: string, references: string[]): SchemaTable => ({
    name,
    source: { file: 'a.ts', line: 1, column: 1 },
    columns: [],
    uniques: [],
    checks: [],
    indexes: [],
    foreignKeys: references.map((target) => ({ name: `${name}_${target}_fkey`, columns: [`${target}_id`], table: target, targetColumns: ['id'], source: { file: 'a.ts', line: 1, column: 1 } })),
  });

  it('puts referenced tables first and keeps model order otherwise', () => {
    const ordered = orderTables([table('books', ['authors']), table('tags', []), table('authors', [])]);
    expect(ordered.tables.map((entry) => entry.name)).toEqual(['tags', 'authors', 'books']);
    expect(ordered.deferred.size).toBe(0);
  });

  it('breaks a cycle at its first table and defers only the key that points forward', () => {
    const ordered = orderTables([table('a', ['b']), table('b', ['a']), table('c', ['c'])]);
    // `c` only references itself: it is ready before the cycle is broken.
    expect(ordered.tables.map((entry) => entry.name)).toEqual(['c', 'a', 'b']);
    expect([...ordered.deferred].map((key) => key.name)).toEqual(['a_b_fkey']);
  });
});
