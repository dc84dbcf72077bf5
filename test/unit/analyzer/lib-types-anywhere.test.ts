/**
 * A lib type that a script adds members to (`interface Uint8Array {}` in a global .d.ts, as
 * @types/node's globals do) is still the lib's type, wherever the project lives. The parts of a
 * merged declaration are ordered by path, and ts-morph serves the lib files from
 * `/node_modules/typescript/lib`: a project under /home or /Users (CI's checkout, a Mac) sorted the
 * script's part first, which made `Uint8Array` a model declaration of its own (CI of 8e5e326).
 * The in-memory project below lives at /a, before /node_modules, wherever the suite runs.
 */
import { Project } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { declarationOf, isDefaultLib, namedTypeOf } from '../../../src/analyzer/types/declarations.js';

function propertyType(files: Record<string, string>, owner: string, property: string) {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { strict: true, target: 9 /* ES2022 */ } });
  for (const [path, text] of Object.entries(files)) project.createSourceFile(path, text);
  return project.getSourceFileOrThrow('/a/input.ts').getInterfaceOrThrow(owner).getPropertyOrThrow(property).getType();
}

describe('a lib type with members added by a global script', () => {
  const files = {
    '/a/globals.d.ts': 'interface Uint8Array { readonly tag?: string }\ninterface Date { readonly zone?: string }\n',
    '/a/input.ts': 'export interface Upload { bytes: Uint8Array; at: Date }\n',
  };

  it.each(['bytes', 'at'])('is the lib declaration, not a model type (%s)', (property) => {
    const type = propertyType(files, 'Upload', property);
    expect(isDefaultLib(declarationOf(type.getSymbol())!)).toBe(true);
    expect(namedTypeOf(type)).toBeUndefined();
  });
});
