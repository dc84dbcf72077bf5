/**
 * A generated project for timing the CLI at scale: `files` model files of 23 declarations each
 * (constraints of every family, a discriminated union, literal unions, records, dates,
 * recursion, an `@entity`, and references into the previous file). 50 files are the issue's
 * "c1000" (1,150 declarations), 250 files its "c5000" (5,750).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Declarations per file: 4 shapes, 1 entity, 18 plain interfaces. */
export const DECLARATIONS_PER_FILE = 23;
const LETTERS = 'ABCDEFGHIJKLMNOPQR'.split('');

export interface SyntheticOptions {
  files: number;
  /** The `generators:` block of the config, one `name: {}` each. */
  generators: readonly string[];
}

/** Writes the project (package.json, tsconfig, codegen config, models) into `root`. */
export function writeSyntheticProject(root: string, options: SyntheticOptions): void {
  mkdirSync(join(root, 'src', 'models'), { recursive: true });
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'synthetic', private: true, type: 'module' }, null, 2));
  writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: TSCONFIG, include: ['src'] }, null, 2));
  const generators = options.generators.map((name) => `  ${name}: {}\n`).join('');
  writeFileSync(join(root, 'codegen.config.yaml'), `input:\n  - src/models/**/*.ts\noutput: src/generated\ntsconfig: tsconfig.json\ngenerators:\n${generators}`);
  for (let file = 0; file < options.files; file++) {
    writeFileSync(join(root, 'src', 'models', `module-${pad(file)}.ts`), modelFile(file));
  }
}

const TSCONFIG = { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, noEmit: true };

function pad(n: number): string {
  return String(n).padStart(3, '0');
}

function modelFile(file: number): string {
  const id = pad(file);
  const previous = file === 0 ? undefined : pad(file - 1);
  const imports = previous ? `import type { Entity${previous}A, Shape${previous} } from './module-${previous}.js';\n\n` : '';
  const entities = LETTERS.map((letter) => entity(id, letter, previous));
  return `${imports}${shapes(id)}\n${persisted(id)}\n${entities.join('\n')}`;
}

function shapes(id: string): string {
  return `export type Status${id} = 'draft' | 'active' | 'archived';

export interface Circle${id} {
  kind: 'circle';
  /** @exclusiveMinimum 0 @maximum 1000 */
  radius: number;
}

export interface Rectangle${id} {
  kind: 'rectangle';
  /** @minimum 0 */
  width: number;
  /** @minimum 0 */
  height: number;
}

/** Dispatched on \`kind\`. */
export type Shape${id} = Circle${id} | Rectangle${id};
`;
}

/** The sql and crud generators' subject: one table per file. */
function persisted(id: string): string {
  return `/** A stored record of module ${id}. @entity */
export interface Record${id} {
  /** @format uuid @generated uuid */
  id: string;
  /** @minLength 1 @maxLength 80 @unique */
  name: string;
  /** @minimum 0 */
  score: number;
  note: string | null;
  createdAt: Date;
}
`;
}

function entity(id: string, letter: string, previous: string | undefined): string {
  const reference = previous ? `  /** The same entity one module back. */\n  origin?: Entity${previous}A;\n  shape: Shape${previous};\n` : `  shape: Shape${id};\n`;
  return `/**
 * Entity ${letter} of module ${id}.
 * @strict
 */
export interface Entity${id}${letter} {
  /** @format uuid */
  id: string;
  /** @minLength 1 @maxLength 80 */
  name: string;
  /** @format email */
  email?: string;
  /** @pattern ^[A-Z]{3}-[0-9]{4}$ */
  code: string;
  /** @minimum 0 @maximum 100 @multipleOf 0.5 */
  score: number;
  /** @type integer @minimum 0 */
  count: number;
  status: Status${id};
  /** @maxItems 10 @uniqueItems */
  tags: string[];
  meta: Record<string, string>;
  note: string | null;
  createdAt: Date;
  children?: Entity${id}${letter}[];
${reference}}
`;
}
