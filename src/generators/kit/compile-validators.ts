/**
 * Validators for types that are not declarations, compiled into another generator's file: the
 * validate generator's file-scope compiler, offered to generators that build on validate
 * (`uses: ['validate']`). A repository's synthesized create-input shape gets `isBookCreate`,
 * `validateBookCreate`, `assertBookCreate` and `collectBookCreateIssues`, written exactly as
 * validate writes its own; they import validate's runtime and the collectors of the named
 * declarations they reach from validate's files, found through the plan context's exports lookup.
 */
import type { Docs, Model, TypeNode } from '../../model/types.js';
import type { PlanContext } from './contract.js';
import { createDeclarationIndex } from './declaration-index.js';
import { docComment } from './emit.js';
import { groupImports, importedName, type ImportView } from './imports.js';
import { importPath, importPathBetweenOutputs } from './output-paths.js';
import { readsName } from './reads-name.js';
import { printType, type TypeReference } from './print-type.js';
import { collectFunctionBody } from '../validate/compile/collect-bodies.js';
import { FileCompiler, type FunctionRole } from '../validate/compile/file-compiler.js';
import { declarationFunctionNames, type DeclarationFunctionNames } from '../validate/compile/function-names.js';
import { isFunctionBody } from '../validate/compile/is-strategy.js';
import type { RuntimeHelper } from '../validate/compile/runtime-helpers.js';

/** A type to compile validators for. */
export interface ValidatorSubject {
  /** The name the functions are named after: `BookCreate` gives `isBookCreate`, `validateBookCreate`… */
  name: string;
  /** The type to check: any model type node, e.g. an `object` built from an entity's columns. */
  type: TypeNode;
  /**
   * The TypeScript text of the checked type in the consumer's file, e.g. `BookCreate` when the
   * consumer declares that type itself. Default: the type written out (`{ title: string; price:
   * Money }`), the user types it names imported with `import type`.
   */
  typeText?: string;
  /** Docs of the type, prepended to the functions' doc comments. */
  docs?: Docs;
}

export interface CompileValidatorsOptions {
  /** The model (its declarations: the refs in the subjects' types point into them). */
  model: Pick<Model, 'declarations'>;
  /** The consumer's file: its final path relative to the output folder (its own `output` applied). */
  path: string;
  /** The consumer's plan context; the consumer must list `validate` in its `uses`. */
  context: PlanContext;
  /** Names the consumer's file already declares, which the compiled code must not take. */
  reserved?: readonly string[];
  /** The generator whose exports to use (default `validate`). */
  generator?: string;
  /** Runtime helpers the consumer's own code calls (crud's `refuse` calls `report`): imported with the compiled code's, their local names in `runtimeNames`. */
  helpers?: readonly RuntimeHelper[];
  /**
   * Names the consumer's fixed text uses beside the compiled code (its own runtime's `Repository`,
   * a private `refuse`): each gets a local name no user type the file imports and no compiled
   * function takes, in `localNames` (the import is then aliased: `Repository as Repository2`).
   */
  locals?: readonly string[];
}

/** One import statement of the compiled code. */
export interface CompiledImport extends ImportView {
  /** `import type { … }` (user types) rather than `import { … }`. */
  typeOnly: boolean;
}

export interface CompiledValidators {
  /** Module-level code: hoisted constants, each subject's exported functions, then private helpers. */
  code: string;
  /** What `code` imports: validate's runtime and functions, and the user types it names; grouped and sorted. */
  imports: CompiledImport[];
  /** The names of each subject's exported functions, by subject name. */
  functions: Record<string, Pick<DeclarationFunctionNames, 'is' | 'validate' | 'assert' | 'collect'>>;
  /** How the file names validate's runtime types and the `helpers` asked for (`ValidationError` may be `ValidationError2`). */
  runtimeNames: Record<'ValidationIssue' | 'ValidationResult' | 'ValidationError', string> & Partial<Record<RuntimeHelper, string>>;
  /** The local name of each of `locals`. */
  localNames: Record<string, string>;
}

/** What a generator asks of validate (in its `requests`) for the types it will compile validators for. */
export interface ValidatorRequest {
  kind: 'validators';
  subjects: readonly ValidatorSubject[];
}

/**
 * The request telling validate which types a generator will compile validators for, so that
 * validate's runtime holds every helper they need (it only holds helpers in use):
 * `requests: (model, options) => ({ validate: validatorRequest(subjects) })`.
 */
export function validatorRequest(subjects: readonly ValidatorSubject[]): ValidatorRequest {
  return { kind: 'validators', subjects };
}

/** Whether a request handed to validate is a `validatorRequest`. */
export function isValidatorRequest(request: unknown): request is ValidatorRequest {
  return typeof request === 'object' && request !== null && (request as { kind?: unknown }).kind === 'validators';
}

/** The runtime helpers the validators of `subjects` call (for validate's runtime file). */
export function helpersOfSubjects(subjects: readonly ValidatorSubject[], model: Pick<Model, 'declarations'>): RuntimeHelper[] {
  const compiler = new FileCompiler({ index: createDeclarationIndex(model), localIds: new Set(), coerce: false });
  for (const subject of subjects) {
    isFunctionBody(subject.type, compiler, subject.name);
    collectFunctionBody(subject.type, compiler, subject.name);
  }
  return compiler.runtimeImports().map(({ helper }) => helper);
}

/**
 * Compiles `is`/`validate`/`assert`/`collect` functions for `subjects` into one file's code.
 * Throws (a CG3006 naming the generator, in the pipeline) when the code would need something
 * validate's plan does not export: a named declaration validate did not process, or a runtime
 * helper that was not requested (list the subjects in the generator's `requests` with
 * `validatorRequest`, since validate's runtime only holds the helpers in use).
 */
export function compileValidators(subjects: readonly ValidatorSubject[], options: CompileValidatorsOptions): CompiledValidators {
  const generator = options.generator ?? 'validate';
  const { context, path } = options;
  const index = createDeclarationIndex(options.model);
  const functions = Object.fromEntries(subjects.map((subject) => [subject.name, publicNames(subject.name)]));
  const externalName = (id: string, role: FunctionRole) => context.findExport(generator, { declaration: id, role })?.name;
  const compiler = new FileCompiler({
    index,
    localIds: new Set(),
    coerce: false,
    reserved: [...(options.reserved ?? []), ...subjects.flatMap((subject) => [subject.name, ...Object.values(functions[subject.name]!)])],
    externalName,
  });
  const references = new Map<string, TypeReference>();
  const blocks = subjects.map((subject) => subjectCode(subject, compiler, references));
  const helperNames = Object.fromEntries((options.helpers ?? []).map((helper) => [helper, compiler.runtime(helper)]));
  const localNames = Object.fromEntries((options.locals ?? []).map((name) => [name, compiler.allocate(name)]));
  const constants = compiler.constantDeclarations().map(({ name, code }) => `const ${name} = ${code};`);
  const code = [...(constants.length > 0 ? [constants.join('\n')] : []), ...blocks, ...compiler.liftedFunctions()].join('\n\n');

  const valueImports: Array<{ name: string; from: string }> = [];
  const typeImports: Array<{ name: string; from: string }> = [];
  const importOf = (role: string, local: string, what: string): void => {
    const found = context.findExport(generator, { role });
    if (!found) {
      throw new Error(
        `the ${generator} generator's runtime exports no \`${role}\` (${what}); ask for it with \`requests: () => ({ ${generator}: validatorRequest(subjects) })\``,
      );
    }
    const entry = { name: found.name === local ? local : `${found.name} as ${local}`, from: importPathBetweenOutputs(path, found.path, context) };
    (found.typeOnly ? typeImports : valueImports).push(entry);
  };
  const { issue, result, error } = compiler.runtimeTypes;
  importOf('ValidationError', error, 'the error assert throws');
  importOf('ValidationIssue', issue, 'the issue type');
  importOf('ValidationResult', result, 'the result type');
  for (const { helper, alias } of compiler.runtimeImports()) importOf(helper, alias, 'a check the compiled code calls');
  for (const [id, roles] of compiler.externalFunctions()) {
    for (const role of roles) {
      const found = context.findExport(generator, { declaration: id, role })!;
      valueImports.push({ name: found.name, from: importPathBetweenOutputs(path, found.path, context) });
    }
  }
  const classes = compiler.classImports();
  for (const reference of references.values()) {
    if (!classes.has(reference.name)) typeImports.push({ name: importedName(reference), from: importPath(path, reference.file, context) });
  }
  // Classes with non-public members are tested with `instanceof`: imported as values.
  for (const reference of classes.values()) valueImports.push({ name: importedName(reference), from: importPath(path, reference.file, context, 'value') });
  return {
    code,
    imports: [
      ...groupImports(typeImports).map((entry) => ({ ...entry, typeOnly: true })),
      ...groupImports(valueImports).map((entry) => ({ ...entry, typeOnly: false })),
    ],
    functions,
    runtimeNames: { ValidationIssue: issue, ValidationResult: result, ValidationError: error, ...helperNames },
    localNames,
  };
}

function publicNames(name: string): CompiledValidators['functions'][string] {
  const { is, validate, assert, collect } = declarationFunctionNames(name);
  return { is, validate, assert, collect };
}

/** The four exported functions of one subject, as validate's `declaration.hbs` writes them. */
function subjectCode(subject: ValidatorSubject, compiler: FileCompiler, references: Map<string, TypeReference>): string {
  const typeText = subject.typeText ?? printType(subject.type, compiler.index, references);
  const names = publicNames(subject.name);
  const { issue, result, error } = compiler.runtimeTypes;
  const docs = subject.docs ?? {};
  const doc = (sentence: string): string => docComment({ ...docs, description: [sentence, docs.description].filter(Boolean).join('\n\n') });
  const isBody = isFunctionBody(subject.type, compiler, subject.name);
  const collectBody = collectFunctionBody(subject.type, compiler, subject.name);
  // A type that admits nothing (`never`: an update patch with no mutable column) or anything
  // reads no parameter; an unread one is TS6133 under `noUnusedParameters` (@tsconfig/strictest).
  const parameter = (body: string, name: string): string => (readsName(body, name) ? name : `_${name}`);
  return [
    doc(`Whether \`value\` is a valid \`${typeText}\`, every constraint checked.`),
    `export function ${names.is}(${parameter(isBody, 'value')}: unknown): ${parameter(isBody, 'value')} is ${typeText} {\n${isBody}\n}`,
    '',
    doc(`Checks \`value\` against \`${typeText}\`, listing every issue when it is not valid.`),
    `export function ${names.validate}(value: unknown): ${result}<${typeText}> {`,
    `  const issues: ${issue}[] = [];`,
    `  ${names.collect}(value, "", issues);`,
    '  if (issues.length > 0) return { success: false, issues };',
    `  return { success: true, data: value as ${typeText} };`,
    '}',
    '',
    doc(`Returns \`value\` typed as \`${typeText}\` when it is valid; throws a \`ValidationError\` listing every issue.`),
    `export function ${names.assert}(value: unknown): ${typeText} {`,
    `  const result = ${names.validate}(value);`,
    `  if (result.success === false) throw new ${error}(result.issues);`,
    '  return result.data;',
    '}',
    '',
    docComment({ description: `Appends the issues of \`value\` against \`${typeText}\` to \`issues\`, with paths under \`path\`.` }),
    `export function ${names.collect}(${parameter(collectBody, 'value')}: unknown, ${parameter(collectBody, 'path')}: string, ${parameter(collectBody, 'issues')}: ${issue}[]): void {\n${collectBody}\n}`,
  ]
    .filter((line, position, lines) => line !== '' || lines[position - 1] !== '')
    .join('\n');
}
