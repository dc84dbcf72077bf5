/**
 * The render stage: Handlebars with `noEscape` (we emit code, not HTML) and strict lookups (a
 * typo in a template is an error at its tag, not an empty string: see `strict-lookup.ts` for
 * what Handlebars' own `strict` misses). One environment per generator, so helpers and partials
 * of one generator never leak into another's templates.
 */
import Handlebars from 'handlebars';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnostic } from '../diagnostics/create.js';
import { DiagnosticError } from '../diagnostics/types.js';
import type { GeneratorDefinition, PlannedFile } from '../generators/kit/contract.js';
import { BUILTIN_GENERATORS } from '../generators/index.js';
import { BUILTIN_HELPERS } from './helpers.js';
import { locatedHelpers, strictLookupHelper } from './located-helpers.js';
import { useStrictLookups } from './strict-compiler.js';
import { STRICT_LOOKUP_HELPER, strictLookup } from './strict-lookup.js';
import { parseErrorDiagnostic, runtimeErrorDiagnostic, unknownHelperDiagnostic } from './template-errors.js';
import { collectPartials, findTemplate, type TemplateFile } from './template-files.js';
import { outlineTemplate, type PathSite, type TemplateOutline } from './template-outline.js';

/** The package's own `templates/` folder (this file is in `src/render/` or `dist/render/`). */
export const BUILTIN_TEMPLATES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');

/**
 * The package's partials for every generator's templates, built-in, a plugin's or a user's
 * (`{{> deep-equal}}`): code two generators emit alike lives there once, not as copies kept equal.
 */
export const SHARED_PARTIALS_DIR = join(BUILTIN_TEMPLATES_DIR, '_partials');

export interface RendererOptions {
  generators: readonly GeneratorDefinition<any>[];
  /** Absolute path of the user's templates folder (`templates` in the config). */
  userTemplatesDir?: string;
  /** Template paths in diagnostics are shown relative to this folder. */
  displayRoot: string;
}

export interface Renderer {
  /** Renders a planned file; throws `DiagnosticError` (CG3001–CG3003) pointing into the template. */
  render(generatorName: string, file: PlannedFile): string;
  /**
   * Whether what `templateName` of `generatorName` renders is codegen's own layout: a built-in
   * generator, its built-in template, and no partial of the user's replacing a built-in one. The
   * formatter takes a faster parser only for such outputs (src/emit/fast-parser.ts). A renderer
   * without it (a test's) claims nothing: its outputs are formatted as Prettier infers.
   */
  builtInLayout?(generatorName: string, templateName: string): boolean;
  /**
   * The template file that renders `templateName` of `generatorName` (the user's override or the
   * generator's own), shown relative to `displayRoot`: named when its output cannot be formatted.
   */
  templateFile?(generatorName: string, templateName: string): string | undefined;
}

type Compiled = (data: unknown) => string;

/** Creates a renderer; templates are read and compiled once, on first use. */
export function createRenderer(options: RendererOptions): Renderer {
  const environments = new Map<string, GeneratorEnvironment>();
  const environmentFor = (name: string): GeneratorEnvironment => {
    let environment = environments.get(name);
    if (!environment) {
      const generator = options.generators.find((candidate) => candidate.name === name);
      if (!generator) throw new Error(`No generator named ${name}`);
      environment = new GeneratorEnvironment(generator, options);
      environments.set(name, environment);
    }
    return environment;
  };
  return {
    render: (name, file) => environmentFor(name).render(file),
    builtInLayout: (name, template) => environmentFor(name).builtInLayout(template),
    templateFile: (name, template) => environmentFor(name).templateFile(template),
  };
}

/**
 * Compiled templates, shared by every renderer of the process: a template's compiled form
 * (Handlebars' template spec: plain functions that take the helpers and partials at run time)
 * depends only on its text, its path (the sites its strict lookups report) and the names of the
 * helpers it may call, so a second renderer (the next `generate()` of a test or a script, a
 * watch session's reloaded config) binds the same spec to its own environment instead of parsing
 * and compiling again, which took about a tenth of an unformatted in-process run. Failures are not
 * kept: a template that does not compile reports its error on every run.
 */
const COMPILED = new Map<string, { outline: TemplateOutline; spec: TemplateSpecification }>();
/** Enough for every built-in template and a user's, and for a watch session's edits of them. */
const COMPILED_LIMIT = 1_000;

function remember(key: string, compiled: { outline: TemplateOutline; spec: TemplateSpecification }): void {
  if (COMPILED.size >= COMPILED_LIMIT) COMPILED.delete(COMPILED.keys().next().value!);
  COMPILED.set(key, compiled);
}

/** The parts of a Handlebars environment its own `compile` uses, which Handlebars does not type. */
interface CompilerParts {
  parse(input: hbs.AST.Program, options: CompileOptions): hbs.AST.Program;
  Compiler: new () => { compile(ast: hbs.AST.Program, options: CompileOptions): unknown };
  JavaScriptCompiler: new () => { compile(environment: unknown, options: CompileOptions, context: undefined, asObject: true): TemplateSpecification };
}

type CompileOptions = { noEscape: true; strict: true; data: true };

/**
 * What `Handlebars.compile(ast, options)` makes on first call, made now and kept apart from the
 * environment: the spec (the same steps as Handlebars' own `compile`: whitespace control, the
 * compiler, the JavaScript compiler, here the strict one `useStrictLookups` installed).
 */
function compileSpec(env: typeof Handlebars, ast: hbs.AST.Program): TemplateSpecification {
  const parts = env as unknown as CompilerParts;
  const options: CompileOptions = { noEscape: true, strict: true, data: true };
  const environment = new parts.Compiler().compile(parts.parse(ast, options), options);
  return new parts.JavaScriptCompiler().compile(environment, options, undefined, true);
}

class GeneratorEnvironment {
  private readonly handlebars = Handlebars.create();
  private readonly templateDirs: string[];
  private readonly compiled = new Map<string, { file: TemplateFile; run: Compiled }>();
  /** Each path's site, by its AST location: what the strict compiler hands to `strictLookup`. */
  private readonly sites = new WeakMap<object, PathSite>();
  /** Each compiled template's outline, by absolute path: locates failures Handlebars reports without a position. */
  private readonly outlines = new Map<string, TemplateOutline>();
  /** A partial of the user's has the name of a built-in one: every template may render it (see `builtInLayout`). */
  private readonly replacesBuiltInPartial: boolean;
  /** Per template name: whether it is found in the generator's built-in folder (the user's folder comes first). */
  private readonly builtInTemplates = new Map<string, boolean>();

  constructor(
    private readonly generator: GeneratorDefinition<any>,
    private readonly options: RendererOptions,
  ) {
    const user = options.userTemplatesDir;
    this.templateDirs = [...(user ? [join(user, generator.name)] : []), generator.templatesDir];
    useStrictLookups(this.handlebars, this.sites);
    // Handlebars' own helpers (each, if, with…) are registered again, wrapped like ours so that
    // their errors point at their tag; its lenient `lookup` gives way to a strict one.
    const handlebarsHelpers = this.handlebars.helpers as Record<string, Handlebars.HelperDelegate>;
    this.handlebars.registerHelper(
      locatedHelpers({ ...handlebarsHelpers, lookup: strictLookupHelper, ...BUILTIN_HELPERS, ...(generator.helpers ?? {}) }),
    );
    this.handlebars.registerHelper(STRICT_LOOKUP_HELPER, strictLookup as Handlebars.HelperDelegate);
    // Later folders override earlier ones: the user's partials come last.
    const builtInPartials = collectPartials([SHARED_PARTIALS_DIR, join(generator.templatesDir, 'partials')]);
    const userPartials = user ? collectPartials([join(user, '_partials'), join(user, generator.name, 'partials')]) : new Map<string, TemplateFile>();
    this.replacesBuiltInPartial = [...userPartials.keys()].some((name) => builtInPartials.has(name));
    for (const [name, file] of new Map([...builtInPartials, ...userPartials])) this.registerPartial(name, file);
  }

  /**
   * Whether `name` renders codegen's own layout: the generator is built-in, the template is found
   * in its built-in folder, and no user partial replaces a built-in one (which partials a template
   * reaches is not tracked: any replaced one counts for all). Partials the user adds under new
   * names are not counted: only the user's own templates can call them.
   */
  builtInLayout(name: string): boolean {
    if (!BUILTIN_GENERATORS.includes(this.generator) || this.replacesBuiltInPartial) return false;
    let builtIn = this.builtInTemplates.get(name);
    if (builtIn === undefined) {
      builtIn = findTemplate(this.templateDirs, name)?.path === join(this.generator.templatesDir, name);
      this.builtInTemplates.set(name, builtIn);
    }
    return builtIn;
  }

  /** The template file `name` is read from, shown relative to `displayRoot`. */
  templateFile(name: string): string | undefined {
    const found = findTemplate(this.templateDirs, name);
    return found ? this.display(found.path) : undefined;
  }

  render(file: PlannedFile): string {
    const template = this.template(file.template);
    try {
      return template.run(file.data);
    } catch (error) {
      throw new DiagnosticError(this.runtimeError(error, template.file));
    }
  }

  private runtimeError(error: unknown, file: TemplateFile) {
    return runtimeErrorDiagnostic(error, this.display(file.path), this.outlines.get(file.path), Object.keys(this.handlebars.partials).sort());
  }

  private template(name: string): { file: TemplateFile; run: Compiled } {
    const cached = this.compiled.get(name);
    if (cached) return cached;
    const file = findTemplate(this.templateDirs, name);
    if (!file) {
      throw new DiagnosticError([
        diagnostic('CG3003', {
          message: `Template "${name}" of generator "${this.generator.name}" not found in ${this.templateDirs.map((dir) => this.display(dir)).join(', ')}.`,
        }),
      ]);
    }
    const entry = { file, run: this.compile(file) };
    this.compiled.set(name, entry);
    return entry;
  }

  /**
   * Parses eagerly so a syntax error names its own file, not the template that uses it, and
   * outlines the AST: each path's site for the strict lookups, and calls to helpers nobody
   * registered (reported now, even in a branch the data never takes). A template that is not
   * `.hbs` (a runtime written as real, type-checked TypeScript) is emitted as it is: it is
   * overridden file by file like any template, but never interpreted.
   */
  private compile(file: TemplateFile): Compiled {
    if (!file.path.endsWith('.hbs')) return () => file.source;
    const helpers = Object.keys(this.handlebars.helpers);
    const key = `${file.path}\0${helpers.join(',')}\0${file.source}`;
    let compiled = COMPILED.get(key);
    if (!compiled) {
      let ast: hbs.AST.Program;
      try {
        ast = this.handlebars.parseWithoutProcessing(file.source);
      } catch (error) {
        throw new DiagnosticError([parseErrorDiagnostic(error, this.display(file.path), file.source)]);
      }
      const outline = outlineTemplate(ast, new Set(helpers), this.sites);
      if (outline.unknownHelpers.length > 0) {
        throw new DiagnosticError(outline.unknownHelpers.map(({ name, loc }) => unknownHelperDiagnostic(name, loc, this.display(file.path), helpers)));
      }
      compiled = { outline, spec: compileSpec(this.handlebars, ast) };
      remember(key, compiled);
    }
    this.outlines.set(file.path, compiled.outline);
    return this.handlebars.template(compiled.spec) as Compiled;
  }

  /** Partials are wrapped so their runtime errors point into the partial's own file. */
  private registerPartial(name: string, file: TemplateFile): void {
    let run: Compiled | undefined;
    const partial = (context: unknown, options?: { data?: unknown }) => {
      run ??= this.compile(file);
      try {
        return (run as (context: unknown, options: unknown) => string)(context, options);
      } catch (error) {
        if (error instanceof DiagnosticError) throw error;
        throw new DiagnosticError(this.runtimeError(error, file));
      }
    };
    this.handlebars.registerPartial(name, partial as unknown as Handlebars.Template);
  }

  private display(path: string): string {
    return relative(this.options.displayRoot, path).split(sep).join('/');
  }
}
