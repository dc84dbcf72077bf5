/**
 * The openapi generator's warnings about a property's constraint sit where the constraint is
 * written: at the property whose decorator or tag asked for it (an inline alias's tag at each
 * property typed by it), on the same line and column as the mock's warning about that constraint,
 * never at the class name. Fixture: test/fixtures/openapi-located-warnings/input/dto.ts.
 */
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.js';
import type { Diagnostic } from '../../../src/diagnostics/types.js';
import type { Model } from '../../../src/model/types.js';
import { mockGenerator } from '../../../src/generators/mock/index.js';
import { openapiGenerator } from '../../../src/generators/openapi/index.js';
import { CONTEXT } from '../validate/helpers.js';

const ROOT = resolve('test/fixtures/openapi-located-warnings');

let model: Model;
beforeAll(() => {
  const result = analyze({ rootDir: ROOT, files: [join(ROOT, 'input/dto.ts')], defaultGenerators: ['openapi', 'mock'], knownGenerators: ['openapi', 'mock'], displayRoot: ROOT });
  expect(result.diagnostics).toEqual([]);
  model = result.model;
}, 30_000);

const located = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.code} ${d.file}:${d.line}:${d.column} ${d.message.slice(0, d.message.indexOf(':', 'openapi: '.length + 1) + 1)}`);

describe('openapi warnings about a property constraint', () => {
  it('are located at the property that carries the decorator or tag, once each', () => {
    const diagnostics = openapiGenerator.check!(model, { coerce: false, split: 'file' } as never, CONTEXT);
    expect(located(diagnostics)).toEqual([
      'CG5001 input/dto.ts:29:12 openapi: SignupDto:', // token: @readOnly and @writeOnly (the class's own check comes first)
      'CG5001 input/dto.ts:12:25 openapi: SignupDto:', // braced: @Matches('^(?=a)*b$') on its line
      'CG5001 input/dto.ts:15:3 openapi: SignupDto:', // email: @Matches(/^[^@]+@[^@]+$/) on the line above
      'CG5001 input/dto.ts:18:3 openapi: SignupDto:', // letter: its @pattern …/v
      'CG5001 input/dto.ts:20:3 openapi: SignupDto:', // letters: typed by Letters, whose inlined alias has the @pattern …/v
      'CG5001 input/dto.ts:24:5 openapi: SignupDto:', // address.street: the innermost property
      'CG5001 input/dto.ts:25:5 openapi: SignupDto:', // address.lines: an element after a rest
    ]);
  });

  it("sit where the mock's warning about the same @Matches() does", () => {
    const openapi = openapiGenerator.check!(model, { coerce: false, split: 'file' } as never, CONTEXT);
    const mock = mockGenerator.check!(model, { coerce: false, split: 'file' } as never, CONTEXT);
    const at = (d: Diagnostic) => `${d.file}:${d.line}:${d.column}`;
    const mockBraced = mock.filter((d) => d.message.includes('SignupDto.braced')).map(at);
    expect(mockBraced).toEqual(['input/dto.ts:12:25']);
    expect(openapi.filter((d) => d.message.includes('(?=a)*')).map(at)).toEqual(mockBraced);
  });
});
