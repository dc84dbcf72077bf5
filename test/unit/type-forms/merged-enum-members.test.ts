/**
 * Issue 9: the member types of an enum written in parts, found hunting around the type-form
 * property's form F35 (seed 555), whose `F35_Part` is two one-member parts beside a namespace.
 * When each part had one member, a member type (`Part.A`) was read as the whole enum, as
 * for an enum of one member: `member: Part.A` accepted 'b', which tsc rejects, and the mock
 * returned a `Part` where a `Part.A` stands (TS2322 under tsc --strict). Enums beside a
 * namespace, and the types of a namespace beside a function or a class, are read alike. The
 * verdicts are tsc's own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, failingMocks, type BuiltCase } from './helpers.js';
import { verdictFile, type Verdict } from './verdicts.js';

/** A valid `Uses`: each property's value, and its TypeScript source (an enum member is no string to tsc). */
const USES: Record<string, [value: unknown, text: string]> = {
  part: ['b', 'Part.B'],
  member: ['a', 'Part.A'],
  other: ['b', 'Part.B'],
  both: ['a', 'Part.A'],
  pick: ['x', "'x'"],
  info: [{ part: 'b' }, '{ part: Part.B }'],
  step: [2, 'Step.Two'],
  steps: [[1, 10], '[Step.One, Step.Ten]'],
  side: ['right', 'Side.Right'],
  only: ['yes', 'Only.Yes'],
  byName: [{ k: 'b' }, '{ k: Part.B }'],
  pair: [['a'], '[Part.A]'],
  defaulted: ['a', 'Part.A'],
  options: [{}, '{}'],
  box: [{ width: 1 }, '{ width: 1 }'],
  boxOptions: [{ margin: 0 }, '{ margin: 0 }'],
};

/** `Uses` with one property replaced (value and source), or as above. */
function uses(valid: boolean, property?: string, value?: unknown, text?: string): Verdict {
  const entries = Object.entries(USES).map(([key, entry]) => (key === property ? [key, [value, text!]] : [key, entry]) as [string, [unknown, string]]);
  if (property && !(property in USES)) entries.push([property, [value, text!]]);
  return {
    value: Object.fromEntries(entries.map(([key, [entry]]) => [key, entry])),
    text: `{ ${entries.map(([key, [, source]]) => `${key}: ${source}`).join(', ')} }`,
    valid,
  };
}

const VERDICTS: Verdict[] = [
  uses(true),
  uses(false, 'member', 'b', 'Part.B'),
  uses(false, 'other', 'a', 'Part.A'),
  uses(true, 'both', 'b', 'Part.B'),
  uses(false, 'both', 'c', "'c'"),
  uses(true, 'pick', 'a', 'Part.A'),
  uses(false, 'pick', 'b', 'Part.B'),
  uses(false, 'info', { part: 'a' }, '{ part: Part.A }'),
  uses(false, 'step', 1, 'Step.One'),
  uses(false, 'step', 10, 'Step.Ten'),
  uses(false, 'steps', [2], '[Step.Two]'),
  uses(false, 'side', 'left', 'Side.Left'),
  uses(false, 'only', 'no', "'no'"),
  uses(false, 'byName', { k: 'a' }, '{ k: Part.A }'),
  uses(false, 'pair', ['b'], '[Part.B]'),
  uses(true, 'pair', ['a', 10], '[Part.A, Step.Ten]'),
  uses(false, 'pair', ['a', 2], '[Part.A, Step.Two]'),
  uses(true, 'maybe', null, 'null'),
  uses(true, 'maybe', 'a', 'Part.A'),
  uses(false, 'maybe', 'b', 'Part.B'),
  uses(true, 'defaulted', 'b', 'Part.B'),
  uses(false, 'options', { size: 's' }, "{ size: 's' }"),
  uses(false, 'boxOptions', { margin: '1' }, "{ margin: '1' }"),
];

let built: BuiltCase;

beforeAll(async () => {
  built = await buildCase('merged-enum-members', {
    // The values name the enums' members: tsc takes no string for a string enum's member.
    'uses-verdicts.ts': `import { Only, Part, Side, Step } from './input/members.js';\n${verdictFile('Uses', './input/members.js', VERDICTS)}`,
  });
}, 120_000);

describe('member types of enums written in parts', () => {
  it('compile under tsc --strict, and TypeScript agrees with every verdict below', () => {
    expect(built.compileErrors).toBe('');
    expect(built.diagnostics).toEqual([]);
  });

  for (const { value, valid } of VERDICTS) {
    it(`Uses: ${JSON.stringify(value)} is ${valid ? 'valid' : 'invalid'} for isT, validateT and the schema`, () => {
      expect(built.validators('Uses').accepts(value)).toBe(valid);
      expect(built.schemaAccepts('Uses', value)).toBe(valid);
    });
  }

  it('a member type is that member, an enum of one member in all is the enum', () => {
    const uses = built.model.declarations.find((declaration) => declaration.id === 'Uses')!;
    const typeOf = (name: string): unknown => (uses.type.kind === 'object' ? uses.type.properties.find((property) => property.name === name)?.type : undefined);
    expect(typeOf('member')).toEqual({ kind: 'literal', value: 'a', enumMember: { enum: 'Part', member: 'A' } });
    expect(typeOf('step')).toEqual({ kind: 'literal', value: 2, enumMember: { enum: 'Step', member: 'Two' } });
    expect(typeOf('only')).toEqual({ kind: 'ref', id: 'Only' });
    expect(built.validators('Part').accepts('b')).toBe(true);
    expect(built.validators('Step').accepts(10)).toBe(true);
  });

  it('mocks pass the validators and the schema', () => {
    for (const type of ['Uses', 'Part', 'Part_Pick', 'Part_Info', 'Step', 'Side', 'Only', 'Box_Options']) expect(failingMocks(built, type, 40)).toEqual([]);
  });
});
