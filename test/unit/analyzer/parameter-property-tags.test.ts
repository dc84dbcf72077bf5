/**
 * A constructor's parameter property is a property of its class, documented where it is written:
 * its own JSDoc tags (`constructor(/** @maxLength 3 *\/ public code: string)`) are its
 * constraints, description and `@readOnly`, as a field's are (they were not read at all, so `isA`
 * accepted any length). A class-validator decorator written there (`constructor(@MaxLength(3)
 * public code: string)`) is called as a parameter decorator with no property name: tsc rejects it
 * (TS1239) and class-validator never checks it, so codegen does not read it either, and says so
 * (CG2030). The decorators a base class wrote on the property it redeclares still apply, as
 * class-validator's metadata of the base does.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSources } from '../openapi/helpers.js';

const TAGS = `export class A {
  constructor(/** @maxLength 3 */ public code: string) {}
}
export class B {
  constructor(
    /** The code. @minLength 2 */
    public code: string,
    /**
     * Set by the server.
     * @minimum 1
     * @readOnly
     */
    readonly n: number,
    /** Not a property: its comment is no property's. @maxLength 1 */
    plain: string,
  ) {
    void plain;
  }
}
`;

const DECORATORS = `import { IsInt, MaxLength } from 'class-validator';
export class C {
  constructor(@MaxLength(3) public code: string, /** @minimum 1 */ @IsInt() public n: number) {}
}
`;

const INHERITED = `import { MaxLength } from 'class-validator';
export class Base {
  @MaxLength(3) code!: string;
}
export class P extends Base {
  constructor(public override code: string) {
    super();
  }
}
`;

/** `Type.property` with its constraints, description and readOnly, for every class property. */
function propertiesOf(model: ReturnType<typeof analyzeSources>['model']): string[] {
  return model.declarations.flatMap((declaration) =>
    declaration.type.kind === 'object'
      ? declaration.type.properties.map((property) =>
          [`${declaration.name}.${property.name}`, JSON.stringify((property.type as { constraints?: unknown }).constraints ?? {}), property.docs.description ?? '', property.readOnly ? 'readOnly' : ''].join(' ').trim(),
        )
      : [],
  );
}

describe('a parameter property', () => {
  it('reads its own JSDoc tags: constraints, description, @readOnly', () => {
    const { model, diagnostics } = analyzeSources({ 'tags.ts': TAGS });
    expect(diagnostics).toEqual([]);
    expect(propertiesOf(model)).toEqual(['A.code {"maxLength":3}', 'B.code {"minLength":2} The code.', 'B.n {"minimum":1} Set by the server. readOnly']);
  });

  it('does not read a property decorator written on it, as class-validator does not apply it: CG2030', () => {
    const { model, diagnostics } = analyzeSources({ 'decorators.ts': DECORATORS });
    expect(propertiesOf(model)).toEqual(['C.code {}', 'C.n {"minimum":1}']);
    expect(diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.line}:${diagnostic.column} ${diagnostic.message.slice(0, diagnostic.message.indexOf(':'))}`)).toEqual([
      'CG2030 3:15 @MaxLength() on C.code is written on a constructor parameter',
      'CG2030 3:68 @IsInt() on C.n is written on a constructor parameter',
    ]);
  });

  it("keeps the decorators a base class wrote on the property it redeclares, as class-validator does", () => {
    // validateSync(new P('abcdef')) reports maxLength on code (class-validator 0.15.1): the base's metadata applies to the subclass.
    const { model, diagnostics } = analyzeSources({ 'inherited.ts': INHERITED });
    expect(diagnostics).toEqual([]);
    expect(propertiesOf(model)).toEqual(['Base.code {"isLength":{"max":3}}', 'P.code {"isLength":{"max":3}}']);
  });
});
