/**
 * Names split into words the same way for ASCII as always, and keep every script's letters:
 * `ünïcödé` is one word, `日本` is not dropped, so two different names do not collide and no
 * name becomes empty.
 */
import { describe, expect, it } from 'vitest';
import { camelCase, kebabCase, pascalCase, snakeCase, tableName, words } from '../../../src/model/naming.js';
import { identifierPart } from '../../../src/generators/kit/emit.js';

/** The ASCII-only splitter `words` was before it learnt Unicode: the reference for ASCII names. */
function asciiWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
}

describe('words', () => {
  it('splits ASCII names exactly as the ASCII splitter did', () => {
    const samples = ['OrderItem', 'order_item', 'orderItem', 'order-item', 'HTTPServer2', 'ABCDef', 'a1B2c3', 'XMLHttpRequest', '__proto__', 'id', 'ID', 'userID', 'x.y/z', ''];
    // And a few thousand pseudo-random ones over the characters that matter.
    const alphabet = 'aZbY09_-. $';
    let seed = 7;
    for (let n = 0; n < 3000; n += 1) {
      let name = '';
      for (let i = 0; i < 1 + (n % 12); i += 1) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        name += alphabet[seed % alphabet.length];
      }
      samples.push(name);
    }
    for (const name of samples) expect(words(name), name).toEqual(asciiWords(name));
  });

  it('keeps non-ASCII letters, marks and digits in their words', () => {
    expect(words('ünïcödé')).toEqual(['ünïcödé']);
    expect(words('ÜberName')).toEqual(['über', 'name']);
    expect(words('naïveÉtat')).toEqual(['naïve', 'état']);
    expect(words('cafe\u0301Menu')).toEqual(['cafe\u0301', 'menu']);
    expect(words('日本')).toEqual(['日本']);
    expect(words('ДокументИд')).toEqual(['документ', 'ид']);
    expect(snakeCase('ünïcödé')).toBe('ünïcödé');
    expect(snakeCase('ünïcödé')).not.toBe(snakeCase('ānācōdē'));
    expect(kebabCase('日本')).toBe('日本');
    expect(tableName('Café')).toBe('cafés');
  });

  it('cases whole code points', () => {
    expect(pascalCase('über_name')).toBe('ÜberName');
    expect(camelCase('ÜberName')).toBe('überName');
    expect(pascalCase('𝒜bc')).toBe('𝒜bc');
  });

  it('makes identifiers only of identifier characters', () => {
    expect(identifierPart('ünïcödé', 'X')).toBe('Ünïcödé');
    expect(identifierPart('x²', 'X')).toBe('X');
    expect(identifierPart('٣abc', 'X')).toBe('_٣abc');
    expect(identifierPart('--', 'X')).toBe('X');
  });
});

// tester11 F5: `@entity` tables, repository properties and resource paths are plurals of the type name.
describe('tableName: the snake_case English plural of the type name', () => {
  it.each([
    ['Shelf', 'shelves'], ['Knife', 'knives'], ['Wolf', 'wolves'], ['Hero', 'heroes'], ['Quiz', 'quizzes'],
    ['Analysis', 'analyses'], ['Sheep', 'sheep'], ['Staff', 'staff'], ['Datum', 'data'], ['Person', 'people'],
    ['Child', 'children'], ['Category', 'categories'], ['Box', 'boxes'], ['Status', 'statuses'], ['Address', 'addresses'],
    ['Virus', 'viruses'], ['Canvas', 'canvases'], ['Lens', 'lenses'], ['OrderItem', 'order_items'], ['BookShelf', 'book_shelves'],
    ['Users', 'users'], ['Metadata', 'metadata'], ['News', 'news'], ['Series', 'series'],
  ])('%s → %s', (type, table) => {
    expect(tableName(type)).toBe(table);
  });
});
