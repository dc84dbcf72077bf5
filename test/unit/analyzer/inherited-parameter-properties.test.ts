/**
 * A constructor's parameter property that declares an inherited property again
 * (`constructor(public override code: string)`, NestJS and Angular style) keeps the JSDoc
 * constraints its ancestors wrote on it, as a field redeclaring it does (tags/base-tags.ts;
 * tester8 F3: `isP1` accepted `code: 'abcd'` under the base's `@maxLength 3`).
 */
import { describe, expect, it } from 'vitest';
import { analyzeSources } from '../openapi/helpers.js';

const SOURCE = `export class NBase {
  /** @maxLength 3 */
  code!: string;
  /** @minimum 1 */
  n!: number;
}
export class P1 extends NBase {
  constructor(public override code: string) {
    super();
  }
}
export class P1b extends NBase {
  constructor(public code: string, readonly n: number) {
    super();
  }
}
`;

/** `Type.property constraints` of every class property with constraints. */
function constraintsOf(model: ReturnType<typeof analyzeSources>['model']): string[] {
  return model.declarations.flatMap((declaration) =>
    declaration.type.kind === 'object'
      ? declaration.type.properties.map((property) => `${declaration.name}.${property.name} ${JSON.stringify((property.type as { constraints?: unknown }).constraints ?? {})}`)
      : [],
  );
}

describe('a parameter property redeclaring an inherited property', () => {
  it("keeps the ancestors' constraint tags, as a field does", () => {
    const { model, diagnostics } = analyzeSources({ 'n.ts': SOURCE });
    expect(diagnostics).toEqual([]);
    expect(constraintsOf(model)).toEqual([
      'NBase.code {"maxLength":3}',
      'NBase.n {"minimum":1}',
      'P1.code {"maxLength":3}',
      'P1.n {"minimum":1}',
      'P1b.code {"maxLength":3}',
      'P1b.n {"minimum":1}',
    ]);
  });
});
