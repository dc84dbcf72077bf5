/**
 * Validators read own properties only: a property named like a member of `Object.prototype`
 * (`toString`, `constructor`, `__proto__`…) is missing unless the object itself holds it. The
 * `own-properties` fixture run.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGenerated, validatorsOf, type TypeValidators } from './helpers.js';

let optional: TypeValidators;
let required: TypeValidators;
let nested: TypeValidators;

beforeAll(async () => {
  const module = await loadGenerated('own-properties', 'own-properties.validate.ts');
  optional = validatorsOf(module, 'Optional');
  required = validatorsOf(module, 'Required');
  nested = validatorsOf(module, 'Nested');
});

describe('optional properties named like Object.prototype members', () => {
  it('accept an object that does not hold them (the inherited members are not values)', () => {
    expect(optional.accepts({})).toBe(true);
    expect(optional.accepts(Object.create(null))).toBe(true);
    expect(nested.accepts({ inner: {}, list: [{}, { valueOf: 2 }] })).toBe(true);
  });

  it('check them when the object holds them', () => {
    expect(optional.accepts({ constructor: 1, toString: 'a', valueOf: 'b', hasOwnProperty: true, name: 'n' })).toBe(true);
    expect(optional.issues({ constructor: 'x', toString: 5 })).toEqual(['/constructor type', '/toString type']);
    expect(nested.issues({ inner: { valueOf: 1 }, list: [{ valueOf: 'x' }] })).toEqual(['/inner/valueOf type', '/list/0/valueOf type']);
  });

  it('read `__proto__` as the own key JSON.parse makes, not as the prototype', () => {
    expect(optional.accepts(JSON.parse('{"__proto__": "x"}'))).toBe(true);
    expect(optional.issues(JSON.parse('{"__proto__": 5}'))).toEqual(['/__proto__ type']);
  });
});

describe('required properties named like Object.prototype members', () => {
  it('are missing when only inherited', () => {
    expect(required.issues({})).toEqual(['/toString required', '/isPrototypeOf required', '/toLocaleString required']);
  });

  it('are accepted when own, `unknown` ones whatever their value', () => {
    expect(required.accepts({ toString: 'a', isPrototypeOf: 0, toLocaleString: null })).toBe(true);
    // `unknown` holds `undefined` too: the key is there, as TypeScript requires.
    expect(required.accepts({ toString: 'a', isPrototypeOf: undefined, toLocaleString: null })).toBe(true);
    expect(required.issues({ toString: 'a', toLocaleString: 'x' })).toEqual(['/isPrototypeOf required']);
  });
});
