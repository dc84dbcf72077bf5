/**
 * tsc's automatic @types packages (a tsconfig without `types`) are added to the program only when
 * the files could need them (src/analyzer/automatic-types.ts). Each case is a project whose
 * fixture @types package changes the model, through one rule each: the model and diagnostics must
 * be the ones of the same project whose tsconfig lists `"types": ["*"]` (every package, as
 * before), and differ from the model without the package (so a rule that missed its case fails).
 * The projects live in the OS temp folder: no @types of this repository above them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze, createAnalyzer, type AnalyzeResult } from '../../../src/analyzer/index.js';
import { defersAutomaticTypes } from '../../../src/analyzer/automatic-types.js';
import { createProject } from '../../../src/analyzer/project.js';
import type { TypeNode } from '../../../src/model/index.js';
import { writeFile } from '../../helpers/workspace.js';

const COMPILER_OPTIONS = { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', skipLibCheck: true };

/** Packages under node_modules: @types ones are automatic, the others are found by import only. */
const PACKAGES: Record<string, string> = {
  // (a) a global namespace, as @types/node's `NodeJS.Timeout`.
  '@types/timers-like/index.d.ts': 'declare namespace Timers { interface Timeout { ref: boolean } }\n',
  // (a) a global interface the user's own `declare global` one merges with.
  '@types/shared-like/index.d.ts': 'interface Shared { fromTypes: number }\n',
  // (b) an ambient module, as @types/node's `declare module 'node:fs'`.
  '@types/ambient-like/index.d.ts': "declare module 'virtual:settings' { export interface Settings { theme: string } }\n",
  // (c) a global namespace of a package augmented by another, as @types/passport adds Express.User.
  'webframe/package.json': JSON.stringify({ name: 'webframe', version: '1.0.0', types: 'index.d.ts' }),
  'webframe/index.d.ts': 'declare global { namespace WebFrame { interface Request {} } }\nexport interface Request extends WebFrame.Request { path: string }\n',
  '@types/webframe-auth/index.d.ts': 'declare global { namespace WebFrame { interface User { id: string } interface Request { user?: User } } }\nexport {};\n',
  // (c) a module augmented by name, as `declare module 'express-serve-static-core'`.
  'router/package.json': JSON.stringify({ name: 'router', version: '1.0.0', types: 'index.d.ts' }),
  'router/index.d.ts': 'export interface Route { path: string }\n',
  '@types/router-meta/index.d.ts': "import 'router';\ndeclare module 'router' { interface Route { title: string } }\n",
  // (c) a lib interface augmented, reached only through keyof.
  '@types/string-like/index.d.ts': 'interface String { shout(): string }\n',
};

const CASES: Record<string, string> = {
  'global namespace': 'export interface Job { timer: Timers.Timeout }\n',
  'global interface merged with the user\'s': 'declare global { interface Shared { own: string } }\nexport interface Holder { shared: Shared }\n',
  'ambient module': "import type { Settings } from 'virtual:settings';\nexport interface Page { settings: Settings }\n",
  'global namespace augmented': "import type { Request } from 'webframe';\nexport interface Session { request: Request }\n",
  'module augmented': "import type { Route } from 'router';\nexport interface Menu { route: Route }\n",
  'lib interface augmented': "export interface Pick2 { key: Extract<keyof string, 'shout' | 'trim'> }\n",
};

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A project with the packages, `models.ts` and a tsconfig of `compilerOptions`; `withPackages` false leaves node_modules out. */
function project(models: string, compilerOptions: Record<string, unknown>, withPackages = true): string {
  const root = mkdtempSync(path.join(tmpdir(), 'codegen-automatic-types-'));
  roots.push(root);
  writeFile(root, 'package.json', JSON.stringify({ type: 'module' }));
  writeFile(root, 'tsconfig.json', JSON.stringify({ compilerOptions }));
  writeFile(root, 'models.ts', models);
  if (withPackages) for (const [file, content] of Object.entries(PACKAGES)) writeFile(root, `node_modules/${file}`, content);
  return root;
}

function run(root: string): AnalyzeResult {
  const input = { rootDir: root, displayRoot: root, files: [path.join(root, 'models.ts')], tsconfig: path.join(root, 'tsconfig.json'), defaultGenerators: ['validate'], knownGenerators: ['validate'] };
  return analyze(input);
}

/** The properties of each object declaration (literal types by value), and the error codes: what the packages change. */
function shape(result: AnalyzeResult): unknown {
  const typeOf = (type: TypeNode): unknown => (type.kind === 'literal' ? type.value : type.kind === 'union' ? type.members.map(typeOf) : type.kind);
  return {
    declarations: result.model.declarations.map((d) => [d.id, d.type.kind === 'object' ? d.type.properties.map((p) => `${p.name}: ${JSON.stringify(typeOf(p.type))}`) : d.type.kind]),
    errors: result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code),
  };
}

describe('automatic @types packages, added when the files need them', () => {
  for (const [name, models] of Object.entries(CASES)) {
    it(`${name}: the model of every package in the program, not the one without them`, () => {
      const automatic = run(project(models, COMPILER_OPTIONS));
      const every = run(project(models, { ...COMPILER_OPTIONS, types: ['*'] }));
      const none = run(project(models, COMPILER_OPTIONS, false));
      expect(automatic).toEqual(every);
      expect(shape(automatic)).not.toEqual(shape(none));
    });
  }

  it('leaves them out where no file can reach them, with the same model', () => {
    const models = 'interface Route { path: string }\nexport interface Plain { id: string; at: Date; tags: string[]; route: Route; timers: number }\n';
    const root = project(models, COMPILER_OPTIONS);
    expect(defersAutomaticTypes(createProject([path.join(root, 'models.ts')], path.join(root, 'tsconfig.json')))).toBe(true);
    expect(run(root)).toEqual(run(project(models, { ...COMPILER_OPTIONS, types: ['*'] })));
  });
});

describe('a warm analyzer (watch mode)', () => {
  it('adds them when an edit imports a module they declare', () => {
    const root = project('export interface Page { title: string }\n', COMPILER_OPTIONS);
    const models = path.join(root, 'models.ts');
    const analyzer = createAnalyzer({ rootDir: root, displayRoot: root, files: [models], tsconfig: path.join(root, 'tsconfig.json'), defaultGenerators: ['validate'], knownGenerators: ['validate'], incremental: true });
    expect(shape(analyzer.analyze())).toEqual({ declarations: [['Page', ['title: "string"']]], errors: [] });
    writeFileSync(models, CASES['ambient module']!);
    analyzer.refresh([models]);
    expect(shape(analyzer.analyze())).toEqual({ declarations: [['Page', ['settings: "ref"']], ['Settings', ['theme: "string"']]], errors: [] });
  });
});

