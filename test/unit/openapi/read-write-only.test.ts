/**
 * `readOnly` and `writeOnly` (JSON Schema's annotations) from the property's tags:
 * `@readonly`/`@readOnly` give `readOnly`, `@writeOnly`/`@writeonly` give `writeOnly`; neither tag
 * is an unknown tag, and neither is dropped. TypeScript's `readonly` modifier alone gives no
 * `readOnly` (tester7 F12): it says the object is not reassigned, and a NestJS request DTO
 * (`readonly name: string`) documented readOnly would be a body whose fields are never sent.
 */
import type { SchemaObject } from 'openapi3-ts/oas31';
import { describe, expect, it } from 'vitest';
import { analyzeSources, expectValidDocument, generate, jsonDocument } from './helpers.js';

const SOURCE = `export interface Account {
  readonly id: string;
  /** @readOnly */
  createdAt: string;
  /** @readonly */
  updatedAt: string;
  /**
   * The password, accepted on sign-up and never answered.
   * @writeOnly
   * @minLength 8
   */
  password: string;
  /** @writeonly */
  pin?: string;
  name: string;
}
`;

describe('readOnly and writeOnly', () => {
  it('are read from the tags, without a diagnostic', () => {
    const { model, diagnostics } = analyzeSources({ 'account.ts': SOURCE });
    expect(diagnostics).toEqual([]);
    const properties = (model.declarations[0]!.type as { properties: Array<{ name: string; readonly: boolean; readOnly?: true; writeOnly?: true }> }).properties;
    expect(properties.map((p) => `${p.name} ${p.readonly} ${p.readOnly ?? false} ${p.writeOnly ?? false}`)).toEqual([
      'id true false false',
      'createdAt true true false',
      'updatedAt true true false',
      'password false false true',
      'pin false false true',
      'name false false false',
    ]);
  });

  it('are the schema keywords readOnly and writeOnly in the document, beside the constraints', async () => {
    const { model } = analyzeSources({ 'account.ts': SOURCE });
    const { files, diagnostics } = await generate(model, { split: 'file' });
    expect(diagnostics).toEqual([]);
    const document = jsonDocument(files);
    await expectValidDocument(document);
    const properties = (document.components!.schemas!['Account'] as SchemaObject).properties as Record<string, SchemaObject>;
    expect(properties['password']).toEqual({ description: 'The password, accepted on sign-up and never answered.', type: 'string', minLength: 8, writeOnly: true });
    expect(properties['pin']).toEqual({ type: 'string', writeOnly: true });
    expect([properties['id']!.readOnly, properties['createdAt']!.readOnly, properties['updatedAt']!.readOnly]).toEqual([undefined, true, true]);
    expect(properties['name']).toEqual({ type: 'string' });
  });

  it('both on one property is a CG5001 warning naming it', async () => {
    const { model, diagnostics } = analyzeSources({ 'account.ts': 'export interface Secret {\n  /** @writeOnly @readOnly */\n  token: string;\n  /** @writeOnly */\n  readonly pin: string;\n}\n' });
    expect(diagnostics).toEqual([]);
    const generated = await generate(model, { split: 'file' });
    expect(generated.diagnostics.map((d) => `${d.code} ${d.severity} ${d.line} ${d.message}`)).toEqual([
      'CG5001 warning 3 openapi: Secret: token is both @readOnly and @writeOnly: the document marks it readOnly and writeOnly, so tools leave it out of requests and responses alike.',
    ]);
  });
});
