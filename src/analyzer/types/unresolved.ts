/**
 * CG2010 for a type the checker cannot resolve (`b: Adress`, a name imported from a deleted
 * file): an error at the use, with tsc's own words, "did you mean" included. A warning would let
 * the generated validator accept anything in its place, the worst outcome a validator can have.
 */
import { Node, ts, type SourceFile, type Type } from 'ts-morph';
import type { UnknownType } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import { relativePosix } from '../location.js';
import type { Site } from './site.js';

/**
 * tsc's codes for a name that does not resolve: cannot find name (2304, 2552 with a suggestion),
 * namespace (2503) or member of one (2694), module (2307), export of a module (2305, 2724 with a
 * suggestion, 2614), a value used as a type (2749), generic arity (2314, 2315); and an instantiation
 * tsc gives up on (2589, excessively deep: `DeepPartial<Json>`), which it types as the error type too;
 * and a module or name whose type definitions package is not in the program (MISSING_TYPE_PACKAGE).
 */
/** tsc's 'Do you need to install type definitions for node?' (2580, 2591), jQuery (2581, 2592), a test runner (2582, 2593): an `import from 'node:fs'` without @types/node. */
const MISSING_TYPE_PACKAGE = [2580, 2581, 2582, 2591, 2592, 2593];

const UNRESOLVED_CODES = new Set([2304, 2552, 2503, 2694, 2307, 2305, 2724, 2614, 2749, 2314, 2315, 2339, 2589, ...MISSING_TYPE_PACKAGE]);

/** True for the checker's error type: what an unresolved name becomes (an `any` that is no user's `any`). */
export function isUnresolvedType(type: Type): boolean {
  return (type.getFlags() & ts.TypeFlags.Any) !== 0 && (type.compilerType as { intrinsicName?: string }).intrinsicName === 'error';
}

/** Reports CG2010 at the site, with tsc's message for the names it could not resolve; the type becomes unknown. */
export function unresolved(type: Type, site: Site, ctx: AnalyzerContext): UnknownType {
  // `T[P]` of `Pick<BigIntStats, 'size'>` is written in lib.es5.d.ts: the user's use is what to point at.
  const written = site.node && !site.node.getSourceFile().isInNodeModules() ? site.node : undefined;
  const use = written ?? typeNodeOf(site.at) ?? site.at;
  reportUnresolvedAt(use, site.path, ctx, written || use !== site.at ? use.getText() : type.getText(site.at, ts.TypeFormatFlags.NoTruncation));
  return { kind: 'unknown' };
}

/** The type written at a declaration or property (`Pick<BigIntStats, 'size'>` of `type SizeOnly = …`), outside node_modules. */
function typeNodeOf(at: Node): Node | undefined {
  if (at.getSourceFile().isInNodeModules()) return undefined;
  return Node.isTypeAliasDeclaration(at) || Node.isPropertySignature(at) || Node.isPropertyDeclaration(at) ? at.getTypeNode() : undefined;
}

/** CG2010 for the names in `use` (a type node, a heritage clause) that tsc cannot resolve; false when tsc reports none there. */
export function reportUnresolvedAt(use: Node, path: string, ctx: AnalyzerContext, text = use.getText()): boolean {
  const found = tscMessages(use, ctx.options.displayRoot);
  const reason = found.map((message) => message.text).join(' ') || (resolvedGeneric(use) ? TOO_DEEP : `Cannot find type '${text}'.`);
  // At the unresolved name itself when tsc points inside the use, else at the use.
  const first = found[0];
  const at = first && first.inUse ? { file: first.file, line: first.line, column: first.column } : ctx.display(use);
  const tooDeep = found.length === 0 && resolvedGeneric(use);
  ctx.reportOnce('CG2010', at, `unresolved|${path}`, `Unresolved type '${text}' (${path}): ${reason}`, hintOf(found, tooDeep ? use : undefined));
  return found.length > 0;
}

/** tsc reports TS2589 only the first time it gives up on an instantiation, often not in the program codegen reads. */
const TOO_DEEP = 'Type instantiation is excessively deep and possibly infinite (tsc gives up on it too, TS2589, and types it as an error).';

/** `DeepPartial<Json>` whose name resolves: what tsc failed on is the instantiation, not a name. */
function resolvedGeneric(use: Node): boolean {
  return Node.isTypeReference(use) && use.getTypeArguments().length > 0 && (use.getTypeName().getSymbol()?.getDeclarations().length ?? 0) > 0;
}

interface TscMessage {
  /** tsc's code (2304, 2589…): which hint fits. */
  code: number;
  text: string;
  file: string;
  line: number;
  column: number;
  suggestion?: string;
  /** Inside the use (not at an import elsewhere). */
  inUse: boolean;
}

/**
 * tsc's messages inside `use`, then at the imports of the names `use` mentions (a deleted file
 * is reported at its import, not where the name is used). A message at an import names its place.
 */
function tscMessages(use: Node, root: string): TscMessage[] {
  const inUse = diagnosticsIn(use.getSourceFile(), use.getStart(), use.getEnd(), root, true);
  const imports = new Set<Node>();
  for (const identifier of [use, ...use.getDescendants()].filter(Node.isIdentifier)) {
    const symbol = identifier.getSymbol();
    for (const declaration of symbol?.getDeclarations() ?? []) for (const part of importParts(declaration)) imports.add(part);
  }
  const atImports = [...imports].flatMap((part) =>
    diagnosticsIn(part.getSourceFile(), part.getStart(), part.getEnd(), root, false).map((message) => ({
      ...message,
      text: `${message.text.replace(/\.$/, '')} (${message.file}:${message.line}:${message.column}).`,
    })),
  );
  return [...inUse, ...atImports];
}

/**
 * The parts of the import that declares a name where tsc reports it unresolved: its own
 * specifier (`Simplify` of `import type { LiteralUnion, Simplify } from 'type-fest'`, so the
 * other names' errors stay out of its message) and the module specifier (a module that does not
 * resolve); a whole `import x = require()`.
 */
function importParts(declaration: Node): Node[] {
  const statement = declaration.getFirstAncestor((node) => Node.isImportDeclaration(node) || Node.isImportEqualsDeclaration(node));
  if (!statement) return [];
  if (!Node.isImportDeclaration(statement)) return [statement];
  const own = Node.isImportSpecifier(declaration) || Node.isNamespaceImport(declaration) || Node.isImportClause(declaration) ? declaration : statement;
  return own === statement ? [statement] : [own, statement.getModuleSpecifier()];
}

function diagnosticsIn(file: SourceFile, start: number, end: number, root: string, inUse: boolean): TscMessage[] {
  return semanticDiagnostics(file)
    .filter((d) => UNRESOLVED_CODES.has(d.code) && d.start !== undefined && d.start >= start && d.start < end)
    .map((d) => {
      const { line, column } = file.getLineAndColumnAtPos(d.start!);
      const text = ts.flattenDiagnosticMessageText(d.messageText, ' ');
      const suggestion = /Did you mean (.+)\?$/.exec(text)?.[1];
      return { code: d.code, text, file: relativePosix(root, file.getFilePath()), line, column, inUse, ...(suggestion ? { suggestion } : {}) };
    });
}

/** Per program: a warm analyzer keeps a file's SourceFile while the files it imports change. */
const cache = new WeakMap<ts.Program, WeakMap<ts.SourceFile, readonly ts.Diagnostic[]>>();

/** The file's semantic diagnostics, computed once per program (only when an unresolved type was met). */
function semanticDiagnostics(file: SourceFile): readonly ts.Diagnostic[] {
  const key = file.compilerNode;
  const program = file.getProject().getProgram().compilerObject;
  let byFile = cache.get(program);
  if (!byFile) cache.set(program, (byFile = new WeakMap()));
  let diagnostics = byFile.get(key);
  if (!diagnostics) {
    diagnostics = program.getSemanticDiagnostics(key);
    byFile.set(key, diagnostics);
  }
  return diagnostics;
}

/**
 * What to do, for what tsc failed on: a name to import or declare is only the commonest case. A
 * generic tsc gave up on (TS2589; `tooDeep` is its use when tsc's message is elsewhere) needs its
 * recursion named, a missing module its import mended, a missing property or a wrong count of type
 * arguments the use corrected.
 */
function hintOf(found: readonly TscMessage[], tooDeep: Node | undefined): string {
  const suggestion = found.find((message) => message.suggestion)?.suggestion;
  if (suggestion) return `Write ${suggestion}, or import the type you meant: codegen resolves types as tsc does.`;
  const codes = new Set(found.map((message) => message.code));
  if (tooDeep || codes.has(2589)) return tooDeepHint(tooDeep);
  if (MISSING_TYPE_PACKAGE.some((code) => codes.has(code))) return 'Install the type definitions tsc names (`npm i -D @types/node`) and, when your tsconfig sets `types`, list them there (`"types": ["node"]`); nothing is generated until it resolves.';
  if (codes.has(2307)) return 'Mend the import: the module it names does not resolve (a deleted or moved file, a package not installed); nothing is generated until it resolves.';
  if (codes.has(2339)) return 'Name a property the type declares (an indexed access `T[\'k\']` needs `k` to be a key of `T`); nothing is generated until it resolves.';
  if (codes.has(2314) || codes.has(2315)) return 'Give the generic as many type arguments as it declares parameters (tsc says how many); nothing is generated until it resolves.';
  if (codes.has(2749)) return 'A value is named where a type is expected: write `typeof` before it for its type, or import the type of that name; nothing is generated until it resolves.';
  return 'Import or declare the type (codegen resolves types as tsc does); nothing is generated until it resolves.';
}

/** TS2589: the recursion tsc cannot unfold (`DeepPartial<Json>`) must be written as a named, finite step. */
function tooDeepHint(use: Node | undefined): string {
  const generic = use && Node.isTypeReference(use) ? use.getTypeName().getText() : 'the generic';
  const written = use?.getText() ?? 'it';
  return (
    `${generic} recurses without end for these arguments: tsc gives up on ${written} (TS2589) and types it as an error. ` +
    'Name the recursion: declare the type you mean as an alias or interface that refers to itself by name ' +
    '(`type PartialJson = string | number | boolean | null | PartialJson[] | { [key: string]: PartialJson | undefined }` for `DeepPartial<Json>`), ' +
    'or give the generic a depth limit; nothing is generated until it resolves.'
  );
}
