/** Discriminated unions, nested refs, nullable and optional properties, arrays: the `shapes` fixture run. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGenerated, validatorsOf, type TypeValidators } from './helpers.js';

let shape: TypeValidators;
let drawing: TypeValidators;

beforeAll(async () => {
  const module = await loadGenerated('shapes', 'shapes.validate.ts');
  shape = validatorsOf(module, 'Shape');
  drawing = validatorsOf(module, 'Drawing');
});

const circle = { kind: 'circle', center: { x: 0, y: 1 }, radius: 2 };
const validDrawing = { title: 'Sketch', shapes: [circle, { kind: 'empty' }], tags: ['a'], origin: null };

describe('discriminated union', () => {
  it('accepts each member selected by its tag', () => {
    expect(shape.accepts(circle)).toBe(true);
    expect(shape.accepts({ kind: 'square', corner: { x: 1, y: 1 }, side: 0 })).toBe(true);
    expect(shape.accepts({ kind: 'empty' })).toBe(true);
  });

  it('reports the issues of the member the tag selects', () => {
    expect(shape.issues({ kind: 'circle', center: { x: 'a' }, radius: 0 })).toEqual([
      '/center/x type',
      '/center/y required',
      '/radius exclusiveMinimum',
    ]);
  });

  it('reports an unknown or missing tag at the tag', () => {
    expect(shape.issues({ kind: 'triangle' })).toEqual(['/kind enum']);
    expect(shape.issues({})).toEqual(['/kind required']);
    expect(shape.issues('circle')).toEqual([' type']);
    expect(shape.fullIssues({ kind: 'triangle' })[0]?.expected).toBe('"circle" | "square" | "empty"');
  });
});

describe('object with nested types', () => {
  it('accepts a valid drawing, with or without the optional nullable property', () => {
    expect(drawing.accepts(validDrawing)).toBe(true);
    expect(drawing.accepts({ ...validDrawing, background: null })).toBe(true);
    expect(drawing.accepts({ ...validDrawing, background: 'white', origin: { x: 1, y: 2 } })).toBe(true);
    expect(drawing.accepts({ ...validDrawing, background: undefined })).toBe(true);
  });

  it('lists every issue with its JSON Pointer path', () => {
    const issues = drawing.issues({ title: '', shapes: [circle, { kind: 'square' }, 3], background: 4, tags: 'a' });
    expect(issues).toEqual([
      '/title minLength',
      '/shapes/1/corner required',
      '/shapes/1/side required',
      '/shapes/2 type',
      '/background type',
      '/tags type',
      '/origin required',
    ]);
  });

  it('rejects non-objects, arrays and null at the root', () => {
    expect(drawing.issues(null)).toEqual([' type']);
    expect(drawing.issues([])).toEqual([' type']);
    expect(drawing.issues(undefined)).toEqual([' type']);
  });

  it('gives readable messages and a ValidationError with the issues', () => {
    const [issue] = drawing.fullIssues({ ...validDrawing, title: 7 });
    expect(issue).toEqual({ path: '/title', code: 'type', expected: 'string', message: 'Wrong type: expected string' });
    const [missing] = drawing.fullIssues({ ...validDrawing, title: undefined });
    expect(missing?.message).toBe('Missing required property: expected string');
  });

  it('counts the title length in code points', () => {
    expect(drawing.accepts({ ...validDrawing, title: '😀'.repeat(40) })).toBe(true);
    expect(drawing.issues({ ...validDrawing, title: '😀'.repeat(41) })).toEqual(['/title maxLength']);
  });

  it('rejects non-finite numbers', () => {
    expect(drawing.issues({ ...validDrawing, origin: { x: Number.NaN, y: Number.POSITIVE_INFINITY } })).toEqual([
      '/origin/x type',
      '/origin/y type',
    ]);
  });
});
