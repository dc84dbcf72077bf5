/**
 * One batch of the type-form property test: several projects (a fixture folder, or a folder of
 * generated forms), each analysed, generated (validate, mock) and documented (openapi) in
 * process, exactly as `codegen generate` would, then compiled together in ONE `tsc --strict`
 * run (tsc is the cost: one program for the whole batch), with the TypeScript-oracle files
 * written beside them. The generated modules are imported afterwards to ask them about values.
 */
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { analyze } from '../../src/analyzer/index.js';
import type { Diagnostic } from '../../src/diagnostics/types.js';
import type { GeneratorDefinition } from '../../src/generators/kit/contract.js';
import { createPlanContext } from '../../src/generators/kit/plan-outputs.js';
import { mockGenerator } from '../../src/generators/mock/index.js';
import { buildDocument, openapiGenerator } from '../../src/generators/openapi/index.js';
import { withDefaults } from '../../src/generators/openapi/options.js';
import { validateGenerator } from '../../src/generators/validate/index.js';
import type { Model } from '../../src/model/types.js';
import { createRenderer } from '../../src/render/index.js';
import { checkProject } from '../helpers/tsc.js';

const KNOWN_GENERATORS = ['validate', 'mock', 'openapi', 'sql', 'crud', 'client'];
const GENERATORS: GeneratorDefinition<any>[] = [validateGenerator, mockGenerator];

/** Where generated files sit beside a project's `input/` folder (as in the fixture tests). */
export const CONTEXT = createPlanContext({
  inputRoot: 'input',
  outputDir: 'generated',
  outputToRoot: '..',
  importExtension: '.js',
  configSource: 'codegen.config.yaml',
});

/** A project of a batch: its `input/*.ts` either copied from `copyFrom` or written from `sources`. */
export interface ProjectInput {
  name: string;
  copyFrom?: string;
  /** File name (in `input/`) → text. */
  sources?: Record<string, string>;
  /**
   * The project's model, when another test keeps it equal to the analyzer's (a fixture's
   * `model.json`): analysis is then skipped. Every declaration with a generator gets validate,
   * mock and openapi.
   */
  model?: Model;
  /**
   * Whether the batch's tsc run covers the generated files (false for fixtures whose generated
   * files another test compiles under stricter options: test/unit/mock/typecheck.test.ts).
   */
  compileGenerated: boolean;
}

/** A project after analysis and generation. */
export interface BuiltProject {
  name: string;
  compileGenerated: boolean;
  folder: string;
  model: Model;
  /** Analyzer and generator-check diagnostics. */
  diagnostics: Diagnostic[];
  /** Set when analysis or generation failed outright (a crash is a finding, not a skip). */
  crash?: string;
  document: OpenAPIObject;
  /** Generated module paths, relative to `folder` (`generated/x.validate.ts`). */
  modules: string[];
}

/** Analyses and generates every project into `<root>/<project>/`. */
export function generateProjects(root: string, inputs: readonly ProjectInput[]): BuiltProject[] {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'package.json'), JSON.stringify({ type: 'module' }));
  const renderer = createRenderer({ generators: [...GENERATORS, openapiGenerator], displayRoot: root });
  return inputs.map((input) => generateProject(root, input, renderer));
}

/**
 * Generates one project again into `<root>/<project>/` (its folder emptied first), leaving the
 * batch's other projects as they are: the forms project, when a refused form is left out.
 */
export function regenerateProject(root: string, input: ProjectInput): BuiltProject {
  rmSync(join(root, input.name), { recursive: true, force: true });
  return generateProject(root, input, createRenderer({ generators: [...GENERATORS, openapiGenerator], displayRoot: root }));
}

function generateProject(root: string, input: ProjectInput, renderer: ReturnType<typeof createRenderer>): BuiltProject {
  const folder = join(root, input.name);
  const inputDir = join(folder, 'input');
  mkdirSync(inputDir, { recursive: true });
  if (input.copyFrom) cpSync(input.copyFrom, inputDir, { recursive: true });
  for (const [file, text] of Object.entries(input.sources ?? {})) writeFileSync(join(inputDir, file), text);
  const files = readdirSync(inputDir)
    .filter((file) => file.endsWith('.ts'))
    .sort()
    .map((file) => join(inputDir, file));
  const built: BuiltProject = { name: input.name, compileGenerated: input.compileGenerated, folder, model: undefined as never, diagnostics: [], document: {} as OpenAPIObject, modules: [] };
  try {
    const { model, diagnostics } = input.model
      ? { model: withEveryGenerator(input.model), diagnostics: [] }
      : analyze({ rootDir: folder, files, defaultGenerators: ['validate', 'mock', 'openapi'], knownGenerators: KNOWN_GENERATORS, displayRoot: folder });
    built.model = model;
    built.diagnostics.push(...diagnostics);
    for (const generator of [...GENERATORS, openapiGenerator]) {
      built.diagnostics.push(...(generator.check?.(model, { split: 'file' }, CONTEXT) ?? []));
    }
    if (built.diagnostics.some((entry) => entry.severity === 'error')) return built;
    for (const generator of GENERATORS) {
      for (const planned of generator.plan(model, { split: 'file' }, CONTEXT)) {
        const path = join(folder, CONTEXT.outputDir, planned.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, renderer.render(generator.name, planned));
        if (/\.(mock|validate)\.ts$/.test(path)) built.modules.push(relative(folder, path));
      }
    }
    built.document = buildDocument(model, withDefaults({}));
  } catch (error) {
    built.crash = (error as Error).stack ?? String(error);
  }
  return built;
}

/** The model with validate, mock and openapi on every declaration some generator processes. */
function withEveryGenerator(model: Model): Model {
  return {
    ...model,
    declarations: model.declarations.map((declaration) =>
      declaration.generators.length ? { ...declaration, generators: [...new Set([...declaration.generators, 'validate', 'mock', 'openapi'])] } : declaration,
    ),
  };
}

/** One tsc error: the file (relative to the batch root), its line (1-based) and the whole message. */
export interface CompileError {
  file: string;
  line: number;
  text: string;
}

/**
 * Type-checks the whole batch in one `tsc --strict` run (sources, the generated files of
 * projects that ask for it, and the oracle files `extra`); returns its errors, each with the
 * continuation lines of its message. Besides `strict`, the flags of @tsconfig/strictest that the
 * validate and mock typecheck tests set and that change no verdict of the oracle files (they
 * judge how code reads properties, parameters, overrides, returns and unused names, not which
 * values a type has); `exactOptionalPropertyTypes` would (`{ a: undefined }` for `a?: string`,
 * which codegen reads as TypeScript does without it), so the fixture typecheck tests and the
 * type-forms unit tests check the generated code under it.
 */
export async function compileBatch(root: string, projects: readonly BuiltProject[], extra: string[]): Promise<CompileError[]> {
  const compilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    target: 'ES2022',
    lib: ['ES2022'],
    types: [],
    noUnusedLocals: true,
    noUnusedParameters: true,
    noPropertyAccessFromIndexSignature: true,
    noImplicitOverride: true,
    noImplicitReturns: true,
    noFallthroughCasesInSwitch: true,
    noUncheckedIndexedAccess: true,
    // TypeORM-style fixtures (openapi/resource-rows) use legacy decorators, as the mock typecheck test compiles them.
    experimentalDecorators: true,
  };
  const include = ['*/input/**/*.ts', ...projects.filter((project) => project.compileGenerated).map((project) => `${project.name}/generated/**/*.ts`), ...extra];
  writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions, include }, null, 2));
  const output = await checkProject(join(root, 'tsconfig.json'), root);
  const errors: CompileError[] = [];
  for (const line of output.split('\n')) {
    const match = /^(.+?)\((\d+),\d+\): error /.exec(line);
    if (match) errors.push({ file: match[1]!.replaceAll('\\', '/'), line: Number(match[2]), text: line });
    else if (line.trim() && errors.length > 0) errors[errors.length - 1]!.text += `\n${line}`;
    else if (line.trim()) errors.push({ file: '', line: 0, text: line });
  }
  return errors;
}

/** Every export of a project's generated validate and mock modules. */
export async function loadProject(project: BuiltProject, version: string): Promise<Record<string, unknown>> {
  const exports: Record<string, unknown> = {};
  for (const module of project.modules) {
    Object.assign(exports, await import(`${pathToFileURL(join(project.folder, module)).href}?v=${version}`));
  }
  return exports;
}
