/** The reusable tag readers, as the entity and service readers use them. */
import { Project, type ClassDeclaration } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { readDecorators, readDescription, readJsDocTags } from '../../../src/analyzer/index.js';

function classOf(source: string): ClassDeclaration {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { experimentalDecorators: true } });
  return project.createSourceFile('/src/model.ts', source).getClasses()[0]!;
}

describe('readJsDocTags', () => {
  it('reads names, trimmed text with continuation lines, and positions', () => {
    const model = classOf(`
/**
 * A book.
 *
 * Second paragraph.
 * @entity books
 * @example {
 *   "title": "Dune"
 * }
 * @deprecated
 */
export class Book {}`);
    expect(readDescription(model)).toBe('A book.\n\nSecond paragraph.');
    expect(readJsDocTags(model, '/')).toEqual([
      { name: 'entity', text: 'books', location: { file: 'src/model.ts', line: 6, column: 4 } },
      { name: 'example', text: '{\n  "title": "Dune"\n}', location: { file: 'src/model.ts', line: 7, column: 4 } },
      { name: 'deprecated', text: '', location: { file: 'src/model.ts', line: 10, column: 4 } },
    ]);
  });
});

describe('readDecorators', () => {
  it('reads arguments statically, never evaluating them: a const is its literal initialiser, a let or a call is not read', () => {
    const model = classOf(`
const LIMIT = 3;
let limit = 4;
export class Book {
  @Check(-1.5, 'a', true, null, /^a+$/gi, [1, 2], { name: 'books', unique: true }, () => Author, LIMIT, limit, make())
  title!: string;
}`);
    const [call] = readDecorators(model.getPropertyOrThrow('title'), '/');
    expect(call).toEqual({
      name: 'Check',
      arguments: [
        -1.5,
        'a',
        true,
        null,
        { regex: { source: '^a+$', flags: 'gi' } },
        [1, 2],
        { object: { name: 'books', unique: true } },
        { typeRef: 'Author' },
        3,
        { unsupported: 'limit' },
        { unsupported: 'make()' },
      ],
      location: { file: 'src/model.ts', line: 5, column: 3 },
    });
  });
});
