/** lineAndColumnAt gives exactly ts-morph's getLineAndColumnAtPos, at every position, whatever the line endings. */
import { Project } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { lineAndColumnAt } from '../../../src/analyzer/line-columns.js';

const TEXTS = {
  LF: 'export interface A {\n  a: string;\n}\n',
  CRLF: 'export interface A {\r\n  /** @minLength 1 */\r\n  a: string;\r\n}\r\n',
  'lone CR and non-ASCII': 'const é = 1;\r// ünïcode 𝒳\rexport type B = "x";\n\n\nexport type C = 1;',
  'no final newline': 'export type D = 1;',
};

describe('lineAndColumnAt', () => {
  for (const [name, text] of Object.entries(TEXTS)) {
    it(`matches ts-morph at every position (${name})`, () => {
      const file = new Project({ useInMemoryFileSystem: true }).createSourceFile('/a.ts', text);
      for (let pos = 0; pos <= text.length; pos++) expect(lineAndColumnAt(file, pos), `at ${pos}`).toEqual(file.getLineAndColumnAtPos(pos));
    });
  }
});
