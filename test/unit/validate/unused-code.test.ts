import { describe, expect, it } from 'vitest';
import { readNames } from '../../../src/generators/validate/compile/unused-code.js';

describe('readNames: what the exported functions of a validator file read', () => {
  const helper = { name: 'checkAddress', code: 'function checkAddress(v) { return isString(v.city) && RE_ZIP.test(v.zip); }' };
  const pattern = { name: 'RE_ZIP', code: 'const RE_ZIP = /^[0-9]{5}$/;' };
  const runtimeHelper = { name: 'isString', code: '' };
  const unread = { name: 'checkNever', code: 'function checkNever(v) { return checkNever(v.next); }' };

  it('follows reads through the pieces that are read', () => {
    const read = readNames(['return isObject(value) && checkAddress(value.address);'], [helper, pattern, runtimeHelper, unread]);
    expect([...read].sort()).toEqual(['RE_ZIP', 'checkAddress', 'isString']);
  });

  it('does not count a piece that only reads itself', () => {
    expect(readNames(['return isObject(value) && false;'], [unread]).size).toBe(0);
  });

  it('counts whole names only, not a name inside a longer one', () => {
    const read = readNames(['return checkAddressLine(v) && $RE_ZIP(v) && my_isString;'], [helper, pattern, runtimeHelper]);
    expect(read.size).toBe(0);
  });

  it('reads names with $ and non-ASCII letters as one word', () => {
    const cafe = { name: 'isCafé', code: '' };
    const dollar = { name: 'check$1', code: '' };
    expect([...readNames(['isCafé(v) || check$1(v)'], [cafe, dollar, { name: 'isCaf', code: '' }])].sort()).toEqual(['check$1', 'isCafé']);
  });

  it('reads every piece of a name given twice', () => {
    const first = { name: 'shared', code: 'uses(first)' };
    const second = { name: 'shared', code: 'RE_ZIP' };
    expect([...readNames(['shared()'], [first, second, pattern])].sort()).toEqual(['RE_ZIP', 'shared']);
  });
});
