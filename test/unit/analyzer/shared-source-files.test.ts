/**
 * Declaration files are parsed once per process and shared by the analyzer's projects; an
 * edited file is parsed again, and the user's own files are never shared.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Project, ts } from 'ts-morph';
import { createProject } from '../../../src/analyzer/project.js';
import { isShareable, shareDeclarationFiles } from '../../../src/analyzer/shared-source-files.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'codegen-shared-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A folder with a user file importing a declaration file of a package in node_modules. */
function writeProject(packageTypes: string): string {
  mkdirSync(path.join(root, 'node_modules/pkg'), { recursive: true });
  writeFileSync(path.join(root, 'node_modules/pkg/package.json'), '{"name":"pkg","types":"index.d.ts"}');
  writeFileSync(path.join(root, 'node_modules/pkg/index.d.ts'), packageTypes);
  const user = path.join(root, 'user.ts');
  writeFileSync(user, "import type { Size } from 'pkg';\nexport interface Box { size: Size }\n");
  return user;
}

/** The program's SourceFile of a path ending with `suffix`. */
function programFile(project: Project, suffix: string): ts.SourceFile {
  const file = project.getProgram().compilerObject.getSourceFiles().find((f) => f.fileName.endsWith(suffix));
  if (!file) throw new Error(`no ${suffix} in the program`);
  return file;
}

/** The text of the type of `Box.size` as the checker sees it (expanded, not by its alias name). */
function sizeType(project: Project, user: string): string {
  const box = project.getSourceFileOrThrow(user).getInterfaceOrThrow('Box');
  return box.getPropertyOrThrow('size').getType().getText(undefined, ts.TypeFormatFlags.InTypeAlias);
}

describe('shared declaration files', () => {
  it('gives two projects the same parsed lib and package files, but their own user files', () => {
    const user = writeProject("export type Size = 'small' | 'large';\n");
    const first = createProject([user]);
    const second = createProject([user]);
    expect(programFile(second, '/lib.es5.d.ts')).toBe(programFile(first, '/lib.es5.d.ts'));
    expect(programFile(second, '/pkg/index.d.ts')).toBe(programFile(first, '/pkg/index.d.ts'));
    expect(programFile(second, '/user.ts')).not.toBe(programFile(first, '/user.ts'));
    expect(sizeType(first, user)).toBe('"small" | "large"');
    expect(sizeType(second, user)).toBe('"small" | "large"');
  });

  it('parses an edited declaration file again instead of serving the old parse', () => {
    const user = writeProject("export type Size = 'small';\n");
    const before = createProject([user]);
    expect(sizeType(before, user)).toBe('"small"');
    writeProject('export type Size = number;\n');
    const after = createProject([user]);
    expect(sizeType(after, user)).toBe('number');
    expect(programFile(after, '/pkg/index.d.ts')).not.toBe(programFile(before, '/pkg/index.d.ts'));
  });

  it('keeps parses apart when the options that affect parsing differ', () => {
    const user = writeProject("export type Size = 'small';\n");
    const es2022 = createProject([user]);
    const es5 = new Project({ compilerOptions: { target: ts.ScriptTarget.ES5, lib: ['lib.es2022.d.ts'], noEmit: true } });
    shareDeclarationFiles(es5);
    es5.addSourceFileAtPath(user);
    const lib = programFile(es5, '/lib.es5.d.ts');
    expect(lib).not.toBe(programFile(es2022, '/lib.es5.d.ts'));
    expect(lib.languageVersion).toBe(ts.ScriptTarget.ES5);
  });

  it('shares only declaration files inside node_modules', () => {
    expect(isShareable('/node_modules/typescript/lib/lib.dom.d.ts')).toBe(true);
    expect(isShareable('/app/node_modules/pkg/index.d.mts')).toBe(true);
    expect(isShareable('/app/node_modules/pkg/index.ts')).toBe(false);
    expect(isShareable('/app/src/models.d.ts')).toBe(false);
  });
});
