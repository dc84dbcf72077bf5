/**
 * The generator contract. Built-in generators use exactly this contract, as a user's plugin
 * does: a plain object with a name, documented options, a `check` for what it cannot handle
 * (run before anything is written) and a pure `plan` from the model to the files to render.
 */
import type { PlanMemo } from './plan-memo.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { Model } from '../../model/types.js';

/** One documented option; the table feeds docs/config.md and the config JSON Schema. */
export interface GeneratorOption {
  name: string;
  description: string;
  /** A JSON Schema for the value. */
  schema: Record<string, unknown>;
  default?: unknown;
}

/** Options every generator accepts, on top of its own. */
export interface CommonGeneratorOptions {
  /** `file` (default): one output file per source file; `type`: one per type. */
  split: 'file' | 'type';
  /**
   * Output file name pattern, relative to the output folder. `{dir}` is the source file's
   * folder relative to the common input root, `{name}` the kebab-case source file name (or
   * type name with `split: type`). Default: `{dir}/{name}.<generator>.ts`.
   */
  fileName?: string;
  /** Output folder for this generator, relative to the project's `output`. */
  output?: string;
}

/**
 * Where a plan writes: the facts about folders and imports every `plan` needs. The pipeline
 * builds them per project; tests build them by hand.
 */
export interface PlanPaths {
  /** The common folder of all input files, POSIX, relative to the config folder (e.g. `src/models`). */
  inputRoot: string;
  /** The project's output folder, POSIX, relative to the config folder (e.g. `src/generated`). */
  outputDir: string;
  /** Path from the output folder back to the config folder (`../..`), for imports of user sources. */
  outputToRoot: string;
  /**
   * Extension to put on relative imports of user sources and of other generated files:
   * `.js` under `moduleResolution` node16/nodenext, `` under bundler/node10.
   */
  importExtension: '.js' | '';
  /** The config file, POSIX, relative to the config folder: the `source` of project-wide outputs. */
  configSource: string;
  /**
   * The specifier each model file of an installed package is imported by, by its path (relative
   * to the config folder): `node_modules/@types/geojson/index.d.ts` → `geojson`. `importPath`
   * uses it; a file missing here (no specifier reaches it) is imported by its relative path.
   */
  packageSpecifiers?: Readonly<Record<string, string>>;
}

/**
 * One name a planned file exports, described so that other generators can import it without
 * knowing how the exporting generator names things. `role` is owned by the exporting generator
 * and documented with it (docs/templates-and-plugins.md lists the built-in roles): `validate`
 * files export `{ declaration: 'Book', role: 'validate', name: 'validateBook' }`, its runtime
 * `{ role: 'ValidationError', name: 'ValidationError' }`.
 */
export interface PlannedExport {
  /** The exported identifier. */
  name: string;
  /** What the export is for the exporting generator (`is`, `validate`, `mock`, `ValidationError`…). */
  role: string;
  /** Id of the model declaration the export belongs to; absent for runtime exports. */
  declaration?: string;
  /** Id of the model service the export belongs to (service mocks, clients). */
  service?: string;
  /** True for a type-only export (`import type`). */
  typeOnly?: boolean;
}

/** What `findExport` looks for: the export of `role`, for a declaration or service or neither (runtime). */
export interface ExportQuery {
  role: string;
  declaration?: string;
  service?: string;
}

/** A found export: its name and the module that holds it. */
export interface FoundExport {
  name: string;
  /**
   * The file's final path relative to the project's output folder, the exporting generator's
   * `output` option applied: import it with `importPathBetweenOutputs(locatedOutputPath(myPath,
   * myOptions), found.path, context)`.
   */
  path: string;
  typeOnly: boolean;
}

/** A planned file of another generator as a consumer sees it: final path and exports. */
export interface PlannedOutput {
  /** Relative to the project's output folder, that generator's `output` option applied. */
  path: string;
  exports: readonly PlannedExport[];
}

export interface PlanContext extends PlanPaths {
  /**
   * The files a generator named in this generator's `uses` planned (already planned: `uses`
   * orders the plans). Throws for a generator not in `uses`, since its plan may not exist yet.
   */
  outputs(generator: string): readonly PlannedOutput[];
  /** The export of `query.role` for a declaration (or service, or the runtime) among `outputs(generator)`; undefined if none. */
  findExport(generator: string, query: ExportQuery): FoundExport | undefined;
  /**
   * What the generators that use this one asked of it (each one's `requests()[thisName]`), so
   * that it plans what they will need: validate puts in its runtime the helpers of the types
   * others compile validators for (see `validatorRequest`). Empty when nobody asked.
   */
  requests: readonly unknown[];
  /**
   * Where a generator may keep the plans of its outputs between calls (see plan-memo.ts), keyed
   * by everything they were planned from; absent when whoever runs the generator keeps none.
   */
  memo?: PlanMemo;
}

/** A file the generator wants written; rendered by `template` with `data`. */
export interface PlannedFile {
  /** POSIX path relative to the project's output folder. */
  path: string;
  /**
   * Template file name within the generator's template folder, e.g. `file.hbs`. A template that
   * is not `.hbs` (e.g. `sql-runtime.ts`) is emitted verbatim: runtime code kept as real TypeScript.
   */
  template: string;
  /** The view model the template sees. Plain data. */
  data: Record<string, unknown>;
  /** Shown in the `Code generated by codegen from <source>` header: a source path or the config file. */
  source: string;
  /**
   * What the output folder's `index.ts` re-exports from this file: everything when absent,
   * only these names when given (`['ValidationError', 'type ValidationIssue']`), nothing for `[]`.
   * Runtime support files use it to keep their internals out of the user's namespace.
   */
  indexExports?: string[];
  /**
   * What the file exports, for generators that build on this one (`uses`). Without it other
   * generators cannot find the file's functions: built-in generators describe every export.
   */
  exports?: PlannedExport[];
}

export type TemplateHelper = (...args: any[]) => unknown;

export interface GeneratorDefinition<Options extends object = Record<string, unknown>> {
  name: string;
  description: string;
  /** Documented options (besides the common ones). */
  options: GeneratorOption[];
  /** Absolute path of the folder holding the generator's built-in templates. */
  templatesDir: string;
  /**
   * `false` when the generator names its files itself (one document per project, a manifest's
   * `output` pattern) and so reads neither `split` nor `fileName`: the config then refuses them
   * (CG5002) rather than accept options that do nothing. Default: it reads them.
   */
  namesFilesByPattern?: boolean;
  /** Handlebars helpers the generator's templates use; users may override them by name. */
  helpers?: Record<string, TemplateHelper>;
  /**
   * Generators whose outputs this one builds on (imports from): they are planned first, their
   * files' `exports` are visible through `context.outputs`/`context.findExport`, a used
   * generator missing from the config is enabled with its default options, and an item
   * (declaration, service) that selects this generator selects them too. A function of the
   * options when the need depends on them (`client` uses `validate` only with `validateResponses`).
   */
  uses?: readonly string[] | ((options: Options & CommonGeneratorOptions) => readonly string[]);
  /**
   * What this generator will need from the generators it uses beyond their own output, by
   * generator name; called before they plan, handed to them as `context.requests`. The shape of
   * a request is the used generator's to define (validate: `validatorRequest(subjects)`).
   */
  requests?(model: Model, options: Options & CommonGeneratorOptions): Record<string, unknown>;
  /**
   * What the generator cannot handle, reported before anything is written. Runs right before
   * `plan`, with the same context (so the used generators' outputs can be looked up).
   */
  check?(model: Model, options: Options & CommonGeneratorOptions, context: PlanContext): Diagnostic[];
  /** Pure: from the model to the files to render. Never touches the disk. */
  plan(model: Model, options: Options & CommonGeneratorOptions, context: PlanContext): PlannedFile[];
}

/**
 * What is known of a generator before it runs: enough to check the config's options against it,
 * list it and find its templates. A built-in generator's is its `info.ts`, which loads without its
 * code (a no-op run never loads that: see pipeline/analysis.ts); a plugin's is its definition.
 */
export type GeneratorInfo = Pick<GeneratorDefinition<any>, 'name' | 'description' | 'options' | 'templatesDir' | 'namesFilesByPattern'>;

/** Identity function that gives a generator definition its type (for plugins written in TS). */
export function defineGenerator<Options extends object>(
  definition: GeneratorDefinition<Options>,
): GeneratorDefinition<Options> {
  return definition;
}
