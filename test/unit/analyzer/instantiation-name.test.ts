import { describe, expect, it } from 'vitest';
import { instantiationName } from '../../../src/analyzer/types/instantiation-name.js';

describe('instantiationName', () => {
  it('joins the generic and its argument names with underscores', () => {
    expect(instantiationName('Page', [{ kind: 'ref', id: 'Order' }])).toBe('Page_Order');
    expect(instantiationName('Page', [{ kind: 'array', items: { kind: 'ref', id: 'Order' } }])).toBe('Page_OrderArray');
    expect(instantiationName('Result', [{ kind: 'string' }, { kind: 'ref', id: 'ApiError' }])).toBe('Result_string_ApiError');
    expect(instantiationName('Box', [{ kind: 'union', members: [{ kind: 'string' }, { kind: 'null' }] }])).toBe('Box_stringOrnull');
    expect(instantiationName('Tagged', [{ kind: 'literal', value: 'in-stock' }])).toBe('Tagged_instock');
  });
});
