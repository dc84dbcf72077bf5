/**
 * The mock property: for every type of every mock fixture, every validate fixture and the
 * bundled example, `isT(mockT({}, { seed }))` holds for 200 seeds; the same seed gives the same
 * value in a fresh copy of the module; and across seeds optional properties are both present
 * and absent (a required key typed `T | undefined` always holds a `T`), nullable ones both null
 * and not, and every member of a union declaration is reached.
 * A failure names the type, the seed and the validator's issues. Times per mock are printed.
 */

import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isObjectMemberName } from '../../../src/model/object-members.js';
import type { Declaration, TypeNode } from '../../../src/model/types.js';
import { declarationsOf, inspect, loadExports, materialize, mockSources, type GeneratedFunction, type MockSource } from './helpers.js';

const ROOT = join(process.cwd(), 'test/.tmp/mock-property');
const SEEDS = 200;
/**
 * Fixtures whose constraints are contradictory on purpose (see check.test.ts), and whose types no
 * mock can build (their mocks throw: see unsupported.test.ts).
 */
const SKIPPED = new Set(['mock-unsatisfiable', 'mock-unbuildable']);

type Module = Record<string, GeneratedFunction>;

const sources = mockSources().filter((source) => !SKIPPED.has(source.name));
const folders = new Map<string, string>();
const timings: Array<{ type: string; microseconds: number }> = [];

describe('mocks pass the validators', () => {
  beforeAll(async () => {
    // Unformatted: Prettier changes the files' layout, not what their functions do.
    for (const source of sources) folders.set(source.name, await materialize(source, ROOT, undefined, false));
  }, 120_000);

  for (const source of sources) {
    it(`${source.name}: every type, ${SEEDS} seeds`, async () => {
      const exports = await loadExports(folders.get(source.name)!, 1);
      const failures: string[] = [];
      for (const declaration of declarationsOf(source)) {
        const { name } = declaration;
        const mock = exports[`mock${name}`]!;
        const validate = exports[`validate${name}`]!;
        const is = exports[`is${name}`]!;
        expect(mock, `mock${name}`).toBeTypeOf('function');
        expect(is, `is${name}`).toBeTypeOf('function');
        const started = performance.now();
        const values = Array.from({ length: SEEDS }, (_, seed) => mock({}, { seed }));
        timings.push({ type: `${source.name} ${name}`, microseconds: ((performance.now() - started) * 1000) / SEEDS });
        values.forEach((value, seed) => {
          if (is(value)) return;
          const result = validate(value) as { issues: Array<{ path: string; code: string; message: string }> };
          const issues = result.issues.map((issue) => `${issue.path} ${issue.code}: ${issue.message}`).join('; ');
          failures.push(`${name} seed ${seed}: ${issues}\n  ${inspect(value)}`);
        });
        failures.push(...coverageGaps(declaration, values, exports, source));
      }
      expect(failures.slice(0, 10).join('\n')).toBe('');
    }, 60_000);

    it(`${source.name}: the same seed gives the same value in a fresh module`, async () => {
      const first = await loadExports(folders.get(source.name)!, 1);
      const second = await loadExports(folders.get(source.name)!, 2);
      expect(first[`mock${declarationsOf(source)[0]!.name}`]).not.toBe(second[`mock${declarationsOf(source)[0]!.name}`]);
      for (const { name } of declarationsOf(source)) {
        for (const seed of [0, 7, 123456]) expect(second[`mock${name}`]!({}, { seed }), `${name} seed ${seed}`).toEqual(first[`mock${name}`]!({}, { seed }));
        expect(second[`mock${name}`]!(), `${name} default seed`).toEqual(first[`mock${name}`]!());
      }
    });
  }

  it('reports the time per mock', () => {
    timings.sort((a, b) => b.microseconds - a.microseconds);
    const count = timings.length;
    console.log(
      `mock property: ${count} types x ${SEEDS} seeds; slowest per mock: ` +
        timings.slice(0, 3).map((entry) => `${entry.type} ${entry.microseconds.toFixed(1)} µs`).join(', '),
    );
    expect(count).toBeGreaterThan(0);
  });
});

/** Optional and nullable properties seen both ways, and every union member seen, across the values. */
function coverageGaps(declaration: Declaration, values: unknown[], exports: Module, source: MockSource): string[] {
  const gaps: string[] = [];
  const type = declaration.type;
  if (type.kind === 'object') {
    for (const property of type.properties) {
      // What the mock wrote: a missing `constructor` would read as the inherited `Object`, which no mock chose.
      const seen = values.map((value) => (Object.prototype.hasOwnProperty.call(value, property.name) ? (value as Record<string, unknown>)[property.name] : undefined));
      // `x?: never` is always absent, `done: void` always undefined: nothing else is valid.
      const onlyAbsent = (property.type.kind === 'unknown' && property.type.unsupported?.form === 'never') || property.type.kind === 'undefined';
      // `toString?: number` is always present: TypeScript reads the inherited member when the key is missing (CG2019).
      const onlyPresent = property.requiredKey === true && isObjectMemberName(property.name);
      if (property.optional && !onlyAbsent && !onlyPresent) {
        const present = seen.filter((entry) => entry !== undefined).length;
        // `label: string | undefined` (no `?`): a value of the other members on every seed, as JSON
        // cannot carry undefined (tester s11 T6); undefined only where nothing else stands (`done: void`).
        if (property.requiredKey) {
          if (present > 0 && present < values.length) gaps.push(`${declaration.name}.${property.name} is a required key but sometimes undefined`);
        } else if (present === 0 || present === values.length) gaps.push(`${declaration.name}.${property.name} is optional but always ${present ? 'present' : 'absent'}`);
      }
      if (property.nullable) {
        const nulls = seen.filter((entry) => entry === null).length;
        const others = seen.filter((entry) => entry !== null && entry !== undefined).length;
        if (nulls === 0 || others === 0) gaps.push(`${declaration.name}.${property.name} is nullable but never ${nulls ? 'anything else' : 'null'}`);
      }
    }
  }
  if (type.kind === 'union') {
    type.members.forEach((member, position) => {
      if (!values.some((value) => matchesMember(member, value, exports, source, type.discriminant?.property))) {
        gaps.push(`${declaration.name}: union member ${position + 1} (${member.kind}) never reached`);
      }
    });
  }
  return gaps;
}

function matchesMember(member: TypeNode, value: unknown, exports: Module, source: MockSource, tag: string | undefined): boolean {
  switch (member.kind) {
    case 'ref': {
      const declaration = source.model.declarations.find((entry) => entry.id === member.id)!;
      return exports[`is${declaration.name}`]!(value) === true;
    }
    case 'literal':
      return value === member.value;
    case 'null':
      return value === null;
    case 'object': {
      if (!tag) return typeof value === 'object' && value !== null;
      const property = member.properties.find((entry) => entry.name === tag);
      return property?.type.kind === 'literal' && (value as Record<string, unknown>)[tag] === property.type.value;
    }
    default:
      return typeof value === (member.kind === 'date' ? 'object' : member.kind);
  }
}

