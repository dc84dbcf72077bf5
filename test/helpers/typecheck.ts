/** `tsc --strict --noEmit` over a folder of sources and generated files, as the spec demands. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkProject } from './tsc.js';

/**
 * Type-checks every .ts file below `root` (or those `include` names); resolves to tsc's messages
 * ('' when clean). `options` adds compiler options (e.g. `rootDirs`); it cannot loosen `strict`.
 */
export async function typecheck(root: string, include: string[] = ['**/*.ts'], options: Record<string, unknown> = {}): Promise<string> {
  const config = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      noEmit: true,
      skipLibCheck: true,
      experimentalDecorators: true,
      types: [],
      ...options,
      strict: true,
    },
    include,
  };
  const file = join(root, 'tsconfig.typecheck.json');
  writeFileSync(file, JSON.stringify(config, null, 2));
  return checkProject(file, root);
}

/**
 * The compiler options `nest new` writes (NestJS 10's tsconfig.json, less its paths and output
 * settings): `strict` unset, so every strict flag off, `strictNullChecks` and `noImplicitAny`
 * named off; CommonJS with node10 resolution, ES2021, decorators with metadata, declarations.
 * Without strictNullChecks TypeScript narrows less (`!result.success` narrows nothing, tester
 * s12 T2), so generated code must compile here as well as under `--strict`.
 */
export const NEST_DEFAULT_OPTIONS = {
  module: 'commonjs',
  moduleResolution: 'node10',
  declaration: true,
  removeComments: true,
  emitDecoratorMetadata: true,
  experimentalDecorators: true,
  allowSyntheticDefaultImports: true,
  target: 'ES2021',
  skipLibCheck: true,
  strictNullChecks: false,
  noImplicitAny: false,
  strictBindCallApply: false,
  forceConsistentCasingInFileNames: false,
  noFallthroughCasesInSwitch: false,
  noEmit: true,
  types: [],
} as const;

/**
 * Type-checks the files `include` names below `root` under NestJS's default options
 * (NEST_DEFAULT_OPTIONS) with `options` added, from `tsconfig.nest.json`; resolves to tsc's
 * messages ('' when clean), declaration emit's included. Reuses a folder a strict check wrote.
 */
export async function typecheckNestDefaults(root: string, include: string[], options: Record<string, unknown> = {}): Promise<string> {
  const file = join(root, 'tsconfig.nest.json');
  writeFileSync(file, JSON.stringify({ compilerOptions: { ...NEST_DEFAULT_OPTIONS, ...options }, include }, null, 2));
  return checkProject(file, root);
}
