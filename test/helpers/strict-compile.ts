/**
 * The strictest settings a user may compile emitted runtime files under: every strict flag,
 * erasable syntax only (Node's type stripping), only the ES2022 library and no ambient types
 * (no Node, DOM or driver types: runtimes run anywhere and import nothing but each other).
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { TMP_ROOT } from './paths.js';
import { checkProject } from './tsc.js';

export const STRICTEST_COMPILER_OPTIONS = {
  target: 'ES2022',
  lib: ['ES2022'],
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  strict: true,
  noEmit: true,
  types: [],
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noPropertyAccessFromIndexSignature: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  erasableSyntaxOnly: true,
  // TypeScript's own lib.*.d.ts are not checked again in every program (a tenth of each check's
  // CPU): what they report depends only on TypeScript and these options, never on the files
  // checked, whose every error (a global they redeclare wrongly included, TS2717) is reported in
  // them. Every other declaration file is still checked, as skipLibCheck would not.
  skipDefaultLibCheck: true,
} as const;

/**
 * Copies `files` (absolute paths) into one folder, as an output folder holds them, and
 * type-checks them there with the strictest settings; resolves to tsc's messages ('' when clean).
 */
export async function strictCompile(name: string, files: readonly string[]): Promise<string> {
  const dir = join(TMP_ROOT, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of files) copyFileSync(file, join(dir, basename(file)));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: STRICTEST_COMPILER_OPTIONS, include: ['*.ts'] }, null, 2));
  return checkProject(join(dir, 'tsconfig.json'), dir);
}
