/**
 * A `discriminator` is written only where OpenAPI 3.1 defines its meaning: every member a named
 * component schema declaring the tag as a string, with a `mapping` from every tag value to its
 * schema. Inline members, number or boolean tags and intersection members give a plain `oneOf`
 * (the tags' `const`s still make exactly one member match). Every document here passes
 * `expectFollowableDiscriminators` (mapping targets exist and declare their values; ajv's
 * discriminator implementation compiles the schema).
 */
import type { OpenAPIObject, SchemaObject } from 'openapi3-ts/oas31';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeSources, discriminated, expectFollowableDiscriminators, expectValidDocument, generate, jsonDocument } from './helpers.js';

const SOURCE = `export interface Circle { kind: 'circle'; radius: number }
export interface Square { kind: 'square'; side: number }
/** Two tag values select one member. */
export interface Polygon { kind: 'triangle' | 'hexagon'; sides: number }

export type Shape = Circle | Square | Polygon;
export type MaybeShape = Circle | Square | null;
export type Marker = Circle | { kind: 'pin'; label: string };
export type Inline = { kind: 'a'; a: string } | { kind: 'b'; b: number };

export interface V1 { v: 1; name: string }
export interface V2 { v: 2; title: string }
export type Versioned = V1 | V2;
export type InlineVersioned = { v: 1 } | { v: 2 };

export interface On { on: true; level: number }
export interface Off { on: false }
export type Toggle = On | Off;

export interface Base { id: string }
export type Admin = Base & { role: 'admin'; rights: string[] };
export type Guest = Base & { role: 'guest' };
export type Person = Admin | Guest;
export type InlineIntersections = (Base & { role: 'admin' }) | (Base & { role: 'guest' });
export type Mixed = Admin | { role: 'guest'; id: string };

export interface Holder {
  shape: Shape;
  maybe: MaybeShape;
  marker: Marker;
  inline: Inline;
  versioned: Versioned;
  inlineVersioned: InlineVersioned;
  toggle: Toggle;
  person: Person;
  inlineIntersections: InlineIntersections;
  mixed: Mixed;
  /** A union written at the property. */
  direct: Circle | Square;
}
`;

let document: OpenAPIObject;
const schema = (name: string) => document.components!.schemas![name] as SchemaObject;

beforeAll(async () => {
  const { model, diagnostics } = analyzeSources({ 'shapes.ts': SOURCE });
  expect(diagnostics).toEqual([]);
  const generated = await generate(model, { split: 'file' });
  expect(generated.diagnostics).toEqual([]);
  document = jsonDocument(generated.files);
}, 60_000);

describe('discriminators', () => {
  it('the document is valid OpenAPI 3.1 and every discriminator in it can be followed', async () => {
    await expectValidDocument(document);
  });

  it('named members with string tags: a discriminator whose mapping names every value, two values to one member included', () => {
    expect(schema('Shape')).toEqual({
      oneOf: [{ $ref: '#/components/schemas/Circle' }, { $ref: '#/components/schemas/Square' }, { $ref: '#/components/schemas/Polygon' }],
      discriminator: {
        propertyName: 'kind',
        mapping: {
          circle: '#/components/schemas/Circle',
          square: '#/components/schemas/Square',
          triangle: '#/components/schemas/Polygon',
          hexagon: '#/components/schemas/Polygon',
        },
      },
    });
  });

  it('with null: the discriminated oneOf beside a null branch', () => {
    expect(schema('MaybeShape')).toEqual({
      anyOf: [
        {
          oneOf: [{ $ref: '#/components/schemas/Circle' }, { $ref: '#/components/schemas/Square' }],
          discriminator: { propertyName: 'kind', mapping: { circle: '#/components/schemas/Circle', square: '#/components/schemas/Square' } },
        },
        { type: 'null' },
      ],
    });
  });

  it('a union written at a property is discriminated the same way', () => {
    const direct = (schema('Holder').properties as Record<string, SchemaObject>)['direct']!;
    expect(direct.discriminator).toEqual({ propertyName: 'kind', mapping: { circle: '#/components/schemas/Circle', square: '#/components/schemas/Square' } });
  });

  it.each([
    ['Marker', 'an inline member beside a named one'],
    ['Inline', 'only inline members'],
    ['Versioned', 'named members with a number tag'],
    ['InlineVersioned', 'inline members with a number tag'],
    ['Toggle', 'a boolean tag'],
    ['Person', 'named intersections (the tag comes through allOf)'],
    ['Mixed', 'a named intersection beside an inline member'],
  ])('%s (%s): a plain oneOf without discriminator', (name) => {
    expect(discriminated(schema(name))).toEqual([]);
    expect(schema(name).oneOf ?? schema(name).anyOf).toBeDefined();
  });

  it('only the followable unions carry a discriminator anywhere in the document', () => {
    expect(discriminated(document).map((entry) => entry.at)).toEqual([
      '#/components/schemas/Holder/properties/direct',
      '#/components/schemas/MaybeShape/anyOf/0',
      '#/components/schemas/Shape',
    ]);
  });

  it('the check refuses what was written before: a discriminator without mapping, or with an inline member', () => {
    const circle = { type: 'object', properties: { kind: { type: 'string', const: 'circle' } }, required: ['kind'] };
    const unmapped = { openapi: '3.1.0', info: { title: 't', version: '1' }, components: { schemas: { Circle: circle, Marker: { oneOf: [{ $ref: '#/components/schemas/Circle' }, { type: 'object', properties: { kind: { const: 'pin' } } }], discriminator: { propertyName: 'kind' } } } } };
    expect(() => expectFollowableDiscriminators(unmapped as OpenAPIObject)).toThrow(/Marker cannot be followed: it has no mapping/);
    const numeric = { openapi: '3.1.0', info: { title: 't', version: '1' }, components: { schemas: { V1: { type: 'object', properties: { v: { const: 1 } }, required: ['v'] }, Versioned: { oneOf: [{ $ref: '#/components/schemas/V1' }], discriminator: { propertyName: 'v', mapping: { '1': '#/components/schemas/V1' } } } } } };
    expect(() => expectFollowableDiscriminators(numeric as OpenAPIObject)).toThrow(/does not declare v "1"/);
  });
});
