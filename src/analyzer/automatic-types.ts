/**
 * tsc's automatic `types` (every package of `node_modules/@types` when the tsconfig sets no
 * `types`: see project.ts), paid for only when they can change what the analysis reads.
 *
 * Building a program over every @types package costs about four times a small analysis (module
 * resolution and reading of @types/node's ~60 files, every run), and most projects never reach
 * them. A package the inputs do not import (an import of `pg` finds @types/pg by module
 * resolution, with or without `types`) changes a program only through what it declares outside
 * its own module:
 *
 * - global names and augmentations of global ones (`Buffer`, `NodeJS`, `declare global {
 *   namespace Express { interface User } }`, @types/node's `interface Array<T> extends
 *   RelativeIndexable<T>`), and the lib files its `/// <reference lib>` adds;
 * - modules it declares or augments by name (`declare module 'node:fs'`,
 *   `declare module 'express-serve-static-core' { interface Request { user?: User } }`).
 *
 * So the program is first built without them, and they are added (as tsc has them) when:
 * (a) a name the packages declare globally is written in a file of the program and resolves to
 *     nothing or to a global (a lib's, or the user's own `declare global`, which would merge);
 * (b) a module name the packages declare or augment is written in a file of the program (an
 *     import, an `import('x')` type, a `declare module 'x'` of the user's);
 * (c) the packages augment an interface of the lib (String, Array, Object…), whose members a
 *     file reaches only through type operators: the program has a `keyof`, an indexed access, a
 *     mapped or conditional type, a `typeof` type or a lib alias built on them (`Pick`);
 * and always when a package augments a module by a relative path (its target cannot be told by
 * name). Otherwise the program with them would read every type alike, which is the point: the
 * model is the one tsc's types give, only cheaper.
 *
 * What the packages declare is read once per process from a program of the packages alone,
 * cached by the type roots' packages and their package.json times, the options that resolve
 * them, and the facts of each file by its parse (parses are shared: shared-source-files.ts).
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Project, ts } from 'ts-morph';
import { shareDeclarationFiles } from './shared-source-files.js';

/** What a set of automatic @types packages declares outside their own modules. */
interface TypesIndex {
  /** Top-level names declared or augmented in the global scope (`Buffer`, `NodeJS`, `Array`). */
  readonly globals: ReadonlySet<string>;
  /** Module names declared or augmented (`fs`, `node:fs`, `express-serve-static-core`). */
  readonly modules: ReadonlySet<string>;
  /** A relative `declare module './x'`: which module it augments cannot be told by name. */
  readonly always: boolean;
  /** The lib files of the packages' program with their global names (a `/// <reference lib>` adds some). */
  readonly libGlobals: ReadonlyMap<string, readonly string[]>;
}

/** What one declaration file declares outside its module. */
interface DeclaredFacts {
  globals: string[];
  modules: string[];
  relativeAugmentation: boolean;
}

/** What one file of the analysed program writes that the packages could change. */
interface WrittenFacts {
  /** Identifiers by text (value and type positions alike: a superset of the names resolved). */
  identifiers: Map<string, ts.Identifier[]>;
  /** Module names written: imports, exports, `import('x')` types, `require('x')`, `declare module 'x'`. */
  modules: Set<string>;
  /** A type operator that lists or indexes members: keyof, T[K], mapped, conditional, typeof, infer. */
  computes: boolean;
  /** Type references by their (rightmost) name, to find lib aliases built on those operators. */
  typeReferences: ts.Identifier[];
}

/** Lib aliases that list no members of their arguments (`Record<K, V>` maps over K, which a `keyof` would have to write). */
const NON_COMPUTING_LIB_ALIASES = new Set(['Record', 'PropertyKey', 'Uppercase', 'Lowercase', 'Capitalize', 'Uncapitalize']);

/** The tsconfig whose automatic types a project left out, until they are needed. */
const deferred = new WeakMap<Project, string>();

/** Per-process indexes of the packages, by key (see `indexKey`). */
const indexes = new Map<string, TypesIndex>();
const declaredFacts = new WeakMap<ts.SourceFile, DeclaredFacts>();
const writtenFacts = new WeakMap<ts.SourceFile, WrittenFacts>();
const libNames = new WeakMap<ts.SourceFile, readonly string[]>();

/**
 * Records that `project` (built from `tsconfig` without `types`) leaves out tsc's automatic
 * types, then adds them at once if its files need them (see the module comment).
 */
export function deferAutomaticTypes(project: Project, tsconfig: string): void {
  deferred.set(project, tsconfig);
  includeAutomaticTypesWhenNeeded(project);
}

/**
 * Adds the automatic types to a project that left them out, when its files (as they are now:
 * a warm project's edit may add `import … from 'node:fs'`) need them. Returns true when it added
 * them: the program was rebuilt, and every node read before belongs to the old one. Once added
 * they stay (a program with them reads every type as tsc does).
 */
export function includeAutomaticTypesWhenNeeded(project: Project): boolean {
  const tsconfig = deferred.get(project);
  if (tsconfig === undefined || !needsAutomaticTypes(project, typesIndex(project, tsconfig))) return false;
  deferred.delete(project);
  project.compilerOptions.set({ types: ['*'] });
  project.resolveSourceFileDependencies();
  return true;
}

/** Whether the project still leaves out automatic types it would include (false once they are in). */
export function defersAutomaticTypes(project: Project): boolean {
  return deferred.has(project);
}

function needsAutomaticTypes(project: Project, index: TypesIndex): boolean {
  if (index.always) return true;
  const program = project.getProgram().compilerObject;
  const files = program.getSourceFiles();
  const libFiles = files.filter((file) => program.isSourceFileDefaultLibrary(file));
  const ownLibs = new Set(libFiles.map((file) => file.fileName));
  const globals = new Set(index.globals);
  // A lib file only the packages reference declares globals the program does not have.
  for (const [file, names] of index.libGlobals) if (!ownLibs.has(file)) for (const name of names) globals.add(name);
  const libDeclared = new Set(libFiles.flatMap(globalNamesOfLib));
  const augmentsLib = [...globals].some((name) => libDeclared.has(name));
  const checker = program.getTypeChecker();
  for (const file of files) {
    if (ownLibs.has(file.fileName)) continue;
    const written = writtenFactsOf(file);
    for (const name of written.modules) if (index.modules.has(name)) return true;
    for (const [name, identifiers] of written.identifiers) {
      if (globals.has(name) && identifiers.some((identifier) => resolvesGlobally(identifier, checker))) return true;
    }
    if (augmentsLib && (written.computes || written.typeReferences.some((name) => isComputingLibAlias(name, checker, program)))) return true;
  }
  return false;
}

/** Unresolved, or resolved to a global declaration (which the packages' one would merge with or stand for). */
function resolvesGlobally(identifier: ts.Identifier, checker: ts.TypeChecker): boolean {
  // An unresolved name has no symbol, or the checker's `unknown` symbol, which has no declarations.
  const declarations = checker.getSymbolAtLocation(identifier)?.declarations ?? [];
  return declarations.length === 0 || declarations.some(isGlobalDeclaration);
}

function isGlobalDeclaration(declaration: ts.Declaration): boolean {
  let container: ts.Node = declaration.parent;
  if (ts.isVariableDeclarationList(container)) container = container.parent.parent;
  if (ts.isSourceFile(container)) return !ts.isExternalModule(container);
  return ts.isModuleBlock(container) && (container.parent.flags & ts.NodeFlags.GlobalAugmentation) !== 0;
}

/** `Pick<…>`, `Partial<…>`, `ReturnType<…>` of the lib: built on keyof, mapped or conditional types. */
function isComputingLibAlias(name: ts.Identifier, checker: ts.TypeChecker, program: ts.Program): boolean {
  if (NON_COMPUTING_LIB_ALIASES.has(name.text)) return false;
  const symbol = checker.getSymbolAtLocation(name);
  return (symbol?.declarations ?? []).some(
    (declaration) => ts.isTypeAliasDeclaration(declaration) && program.isSourceFileDefaultLibrary(declaration.getSourceFile()),
  );
}

/** The index of the automatic packages the project would include, built once per key. */
function typesIndex(project: Project, tsconfig: string): TypesIndex {
  const key = indexKey(project, tsconfig);
  let index = indexes.get(key);
  if (!index) {
    index = buildIndex(tsconfig);
    indexes.set(key, index);
  }
  return index;
}

/**
 * The type roots' packages with their package.json times (an install or an update changes it),
 * and the options that resolve them and their imports; not the config's own path, so projects
 * in different folders under one node_modules share the index.
 */
function indexKey(project: Project, tsconfig: string): string {
  const options = project.getCompilerOptions();
  const roots = ts.getEffectiveTypeRoots(options, { getCurrentDirectory: () => path.dirname(tsconfig) }) ?? [];
  const packages = roots.flatMap((root) => {
    let names: string[];
    try {
      names = readdirSync(root).sort();
    } catch {
      return [];
    }
    return names.map((name) => `${path.join(root, name)}@${mtimeOf(path.join(root, name, 'package.json'))}`);
  });
  const { target, lib, noLib, module, moduleResolution, paths, baseUrl, customConditions, moduleSuffixes, resolvePackageJsonExports, resolvePackageJsonImports } = options;
  return JSON.stringify({ packages, target, lib, noLib, module, moduleResolution, paths, baseUrl, customConditions, moduleSuffixes, resolvePackageJsonExports, resolvePackageJsonImports });
}

function mtimeOf(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

/** Reads what the packages declare from a program of them alone, with the project's options. */
function buildIndex(tsconfig: string): TypesIndex {
  const project = new Project({ tsConfigFilePath: tsconfig, skipAddingFilesFromTsConfig: true, compilerOptions: { types: ['*'], skipLibCheck: true, noEmit: true } });
  shareDeclarationFiles(project);
  // TypeScript adds automatic types only to a program with a root file: an empty one, in memory.
  const root = project.createSourceFile(path.join(path.dirname(tsconfig), '__codegen_automatic_types__.ts'), '', { overwrite: true }).compilerNode;
  const program = project.getProgram().compilerObject;
  const globals = new Set<string>();
  const modules = new Set<string>();
  const libGlobals = new Map<string, readonly string[]>();
  let always = false;
  for (const file of program.getSourceFiles()) {
    if (file === root) continue;
    if (program.isSourceFileDefaultLibrary(file)) {
      libGlobals.set(file.fileName, globalNamesOfLib(file));
      continue;
    }
    const facts = declaredFactsOf(file);
    for (const name of facts.globals) globals.add(name);
    for (const name of facts.modules) modules.add(name);
    always ||= facts.relativeAugmentation;
  }
  return { globals, modules, always, libGlobals };
}

/** The global names a lib file declares (lib files are scripts). */
function globalNamesOfLib(file: ts.SourceFile): readonly string[] {
  let names = libNames.get(file);
  if (!names) {
    const found: string[] = [];
    addDeclaredNames(file.statements, found);
    libNames.set(file, (names = found));
  }
  return names;
}

function declaredFactsOf(file: ts.SourceFile): DeclaredFacts {
  let facts = declaredFacts.get(file);
  if (facts) return facts;
  facts = { globals: [], modules: [], relativeAugmentation: false };
  const script = !ts.isExternalModule(file);
  if (script) addDeclaredNames(file.statements.filter((statement) => !isNamedModule(statement)), facts.globals);
  for (const statement of file.statements) {
    if (!ts.isModuleDeclaration(statement)) continue;
    if (ts.isStringLiteral(statement.name)) {
      facts.modules.push(statement.name.text);
      // An augmentation in a module file by a relative path: of a file, not of a name.
      if (!script && /^\.\.?(?:\/|$)/.test(statement.name.text)) facts.relativeAugmentation = true;
      // `declare module 'buffer' { global { var Buffer } }`
      if (statement.body && ts.isModuleBlock(statement.body)) {
        for (const inner of statement.body.statements) if (isGlobalAugmentation(inner)) addDeclaredNames(inner.body.statements, facts.globals);
      }
    } else if (isGlobalAugmentation(statement)) addDeclaredNames(statement.body.statements, facts.globals);
  }
  declaredFacts.set(file, facts);
  return facts;
}

function isNamedModule(statement: ts.Statement): boolean {
  return ts.isModuleDeclaration(statement) && ts.isStringLiteral(statement.name);
}

function isGlobalAugmentation(statement: ts.Statement): statement is ts.ModuleDeclaration & { body: ts.ModuleBlock } {
  return ts.isModuleDeclaration(statement) && (statement.flags & ts.NodeFlags.GlobalAugmentation) !== 0 && statement.body !== undefined && ts.isModuleBlock(statement.body);
}

/** The names of declarations among `statements` (`var a, b`, `interface X`, `namespace NodeJS`). */
function addDeclaredNames(statements: readonly ts.Statement[], names: string[]): void {
  for (const statement of statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
    } else if (
      (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isFunctionDeclaration(statement) ||
        ts.isEnumDeclaration(statement) || ts.isModuleDeclaration(statement)) &&
      statement.name !== undefined &&
      ts.isIdentifier(statement.name)
    ) {
      names.push(statement.name.text);
    }
  }
}

const COMPUTING_KINDS = new Set([ts.SyntaxKind.IndexedAccessType, ts.SyntaxKind.MappedType, ts.SyntaxKind.ConditionalType, ts.SyntaxKind.TypeQuery, ts.SyntaxKind.InferType]);

function writtenFactsOf(file: ts.SourceFile): WrittenFacts {
  let facts = writtenFacts.get(file);
  if (facts) return facts;
  const found: WrittenFacts = { identifiers: new Map(), modules: new Set(), computes: false, typeReferences: [] };
  const moduleName = (node: ts.Node | undefined) => {
    if (node && ts.isStringLiteralLike(node)) found.modules.add(node.text);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      const list = found.identifiers.get(node.text);
      if (list) list.push(node);
      else found.identifiers.set(node.text, [node]);
      return;
    }
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) moduleName(node.moduleSpecifier);
    else if (ts.isExternalModuleReference(node)) moduleName(node.expression);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) moduleName(node.argument.literal);
    else if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) moduleName(node.name);
    else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) moduleName(node.arguments[0]);
    else if (ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.KeyOfKeyword) found.computes = true;
    else if (COMPUTING_KINDS.has(node.kind)) found.computes = true;
    else if (ts.isTypeReferenceNode(node)) found.typeReferences.push(rightmost(node.typeName));
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(file, visit);
  writtenFacts.set(file, (facts = found));
  return facts;
}

function rightmost(name: ts.EntityName): ts.Identifier {
  return ts.isIdentifier(name) ? name : name.right;
}
