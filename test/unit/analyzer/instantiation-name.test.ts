import { describe, expect, it } from 'vitest';
import { instantiationName } from '../../../src/analyzer/types/instantiation-name.js';
import type { TypeNode } from '../../../src/model/types.js';

describe('instantiationName', () => {
  it('joins the generic and its argument names with underscores', () => {
    expect(instantiationName('Page', [{ kind: 'ref', id: 'Order' }])).toBe('Page_Order');
    expect(instantiationName('Page', [{ kind: 'array', items: { kind: 'ref', id: 'Order' } }])).toBe('Page_OrderArray');
    expect(instantiationName('Result', [{ kind: 'string' }, { kind: 'ref', id: 'ApiError' }])).toBe('Result_string_ApiError');
    expect(instantiationName('Box', [{ kind: 'union', members: [{ kind: 'string' }, { kind: 'null' }] }])).toBe('Box_stringOrNull');
    expect(instantiationName('Tagged', [{ kind: 'literal', value: 'in-stock' }])).toBe('Tagged_instock');
  });
});

describe('instantiationName, compound arguments', () => {
  it('starts each name after Or, And, Of and With with a capital', () => {
    const tuple: TypeNode = { kind: 'tuple', elements: [{ type: { kind: 'string' }, optional: false }, { type: { kind: 'number' }, optional: false }] };
    expect(instantiationName('Box', [tuple])).toBe('Box_TupleOfStringAndNumber');
    expect(instantiationName('Box', [{ kind: 'record', key: 'string', value: { kind: 'boolean' } }])).toBe('Box_RecordOfBoolean');
    expect(instantiationName('Box', [{ kind: 'union', members: [{ kind: 'literal', value: 'a' }, { kind: 'literal', value: 'b' }, { kind: 'undefined' }] }])).toBe('Box_aOrBOrUndefined');
  });

  it('names what the model cannot represent by what it is, not unknown', () => {
    const fn = (text: string) => ({ kind: 'unknown', unsupported: { form: 'function', text } }) as const;
    expect(instantiationName('Fn', [{ kind: 'union', members: [fn('() => A'), fn('(b: B) => C')] }])).toBe('Fn_FunctionOrFunction');
    expect(instantiationName('Ctor', [{ kind: 'unknown', unsupported: { form: 'other', text: 'new () => Date' } }])).toBe('Ctor_Constructor');
    expect(instantiationName('Box', [{ kind: 'unknown', unsupported: { form: 'map', text: 'Map<string, Order>', key: { kind: 'string' }, value: { kind: 'ref', id: 'Order' } } }])).toBe('Box_MapOfStringAndOrder');
    expect(instantiationName('Box', [{ kind: 'unknown', unsupported: { form: 'set', text: 'Set<number>', items: { kind: 'number' } } }])).toBe('Box_SetOfNumber');
    expect(instantiationName('Box', [{ kind: 'unknown', unsupported: { form: 'instance', text: 'URL', global: 'URL' } }])).toBe('Box_URL');
    expect(instantiationName('Box', [{ kind: 'unknown' }])).toBe('Box_unknown');
  });
});
