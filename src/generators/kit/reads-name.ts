/**
 * Whether a piece of generated code reads a variable, so a generator declares a parameter or a
 * local (`r`, `depth`, `entry`, `key`) only where it is used: `noUnusedParameters` and
 * `noUnusedLocals` refuse an unread one (TS6133), and leaving out a read one is TS2304.
 *
 * The word alone is not enough: the code also spells the name as an object key
 * (`{ depth: r.int(0, 9) }`), a property (`value.key`), a string (`"depth" as const`) or a regular
 * expression, which read nothing. So where the word appears, the code is parsed and only an
 * identifier in an expression position counts. A name a nested function declares for itself is
 * still counted: reading it as used keeps the code compiling (the unsure way round is an unused
 * declaration, never a missing one).
 */
import { createRequire } from 'node:module';
import type { ts as Ts } from 'ts-morph';

// Loaded on first use, as format-checks.ts does: a run that renders nothing (no-op) never loads TypeScript for it.
let typescript: typeof Ts | undefined;
const loadTypescript = (): typeof Ts => (typescript ??= (createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph')).ts);

/** How the code is parsed: one expression, or the statements of a function body. */
export type CodeForm = 'expression' | 'statements';

/**
 * Whether `code` reads the variable `name`.
 * @param code generated TypeScript: an expression or a sequence of statements, per `form`.
 * @param name an identifier (`depth`).
 */
export function readsName(code: string, name: string, form: CodeForm = 'statements'): boolean {
  if (!new RegExp(`(?<![\\w$])${name}(?![\\w$])`).test(code)) return false;
  const key = `${form}\u0000${code}`;
  let names = answers.get(key);
  if (names === undefined && hasCertainRead(code, name)) return true;
  if (names === undefined) {
    if (answers.size >= MAX_ANSWERS) answers = new Map();
    answers.set(key, (names = readNames(code, form)));
  }
  return names.has(name);
}

/**
 * The names each code reads, by code and form: one parse answers every name asked of the same
 * code (a mock's expression is asked for `r` and `depth`: two parses per declaration before, a
 * tenth of a cold c1000 run's plan), and a watch build plans the edited file's mocks again, whose
 * unchanged declarations give the same code. Let go past a size: a miss only costs parsing again.
 */
let answers = new Map<string, ReadonlySet<string>>();
const MAX_ANSWERS = 20_000;

/**
 * Whether the tokens of `code` show a read of `name` that no parse could take for anything else:
 * the name, not after `.`/`?.` or a declaring keyword, followed by `.`/`?.` or a binary operator
 * that cannot follow a name in a type (`r.int(…)`, `depth + 1`, `item === null`), or after
 * `typeof`. One such read answers the question, and most generated code shows one in its first
 * tokens, so TypeScript's scanner stands in for its parser (a tenth of a cold run's planning,
 * spent parsing every mock to find `r`). Scanning stops, and the parse answers, at a token after
 * which the scanner cannot tell what follows without the grammar: a `/` (division or a regular
 * expression) or a template with substitutions. `false` means "not shown", never "not read".
 */
function hasCertainRead(code: string, name: string): boolean {
  const ts = loadTypescript();
  const { SyntaxKind } = ts;
  const scanner = (sharedScanner ??= ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard));
  const { stop, readAfter, notAReadAfter } = sets();
  scanner.setText(code);
  try {
    let previous: Ts.SyntaxKind = SyntaxKind.Unknown;
    let candidate = false;
    for (let token = scanner.scan(); token !== SyntaxKind.EndOfFileToken; token = scanner.scan()) {
      if (candidate && readAfter.has(token)) return true;
      if (stop.has(token)) return false;
      const isName = token === SyntaxKind.Identifier && scanner.getTokenValue() === name;
      if (isName && previous === SyntaxKind.TypeOfKeyword) return true;
      candidate = isName && !notAReadAfter.has(previous);
      previous = token;
    }
    return false;
  } finally {
    scanner.setText(undefined);
  }
}

let sharedScanner: Ts.Scanner | undefined;

interface TokenSets {
  /** Tokens the scanner cannot take further on its own (see `hasCertainRead`). */
  stop: ReadonlySet<Ts.SyntaxKind>;
  /** Operators after which a name is an operand: none of them follows a name in a type or a declaration. */
  readAfter: ReadonlySet<Ts.SyntaxKind>;
  /** Tokens after which a name is a member's name or a declared one, not a read. */
  notAReadAfter: ReadonlySet<Ts.SyntaxKind>;
}

// Built on first use, with TypeScript (see `loadTypescript`).
let tokenSets: TokenSets | undefined;

function sets(): TokenSets {
  if (tokenSets) return tokenSets;
  const { SyntaxKind } = loadTypescript();
  const kinds = (names: readonly (keyof typeof SyntaxKind)[]) => new Set(names.map((name) => SyntaxKind[name]));
  tokenSets = {
    stop: kinds(['SlashToken', 'SlashEqualsToken', 'TemplateHead', 'Unknown']),
    readAfter: kinds([
      'DotToken', 'QuestionDotToken', 'EqualsEqualsEqualsToken', 'ExclamationEqualsEqualsToken', 'EqualsEqualsToken', 'ExclamationEqualsToken',
      'LessThanEqualsToken', 'PlusToken', 'MinusToken', 'AsteriskToken', 'AsteriskAsteriskToken', 'PercentToken',
      'AmpersandAmpersandToken', 'BarBarToken', 'QuestionQuestionToken', 'InstanceOfKeyword',
    ]),
    notAReadAfter: kinds([
      'DotToken', 'QuestionDotToken', 'ConstKeyword', 'LetKeyword', 'VarKeyword', 'FunctionKeyword', 'ClassKeyword', 'InterfaceKeyword',
      'TypeKeyword', 'EnumKeyword', 'NamespaceKeyword', 'ModuleKeyword', 'GetKeyword', 'SetKeyword', 'ImportKeyword', 'ExportKeyword', 'DeclareKeyword',
    ]),
  };
  return tokenSets;
}

/** Every identifier `code` reads (see `isRead`), parsed in `form`. */
function readNames(code: string, form: CodeForm): ReadonlySet<string> {
  const text = form === 'expression' ? `(${code}\n);` : `function _() {\n${code}\n}`;
  const ts = loadTypescript();
  // Without parent pointers (setting them is a pass of its own): the walk hands each node its parent.
  const file = ts.createSourceFile('generated.ts', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const names = new Set<string>();
  const visit = (node: Ts.Node, parent: Ts.Node): void => {
    if (ts.isIdentifier(node)) {
      if (isRead(ts, node, parent)) names.add(node.text);
      return;
    }
    ts.forEachChild(node, (child) => visit(child, node));
  };
  ts.forEachChild(file, (child) => visit(child, file));
  return names;
}

/** An identifier (whose parent node is `parent`) that names a value, not a key, a member, a label or a declaration. */
function isRead(ts: typeof Ts, node: Ts.Identifier, parent: Ts.Node): boolean {
  if (ts.isPropertyAccessExpression(parent)) return node !== parent.name;
  if (ts.isQualifiedName(parent)) return node !== parent.right;
  if (ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent)) return node !== parent.name;
  if (ts.isGetAccessorDeclaration(parent) || ts.isSetAccessorDeclaration(parent) || ts.isEnumMember(parent)) return node !== parent.name;
  if (ts.isBindingElement(parent)) return node !== parent.name && node !== parent.propertyName;
  if (ts.isParameter(parent) || ts.isVariableDeclaration(parent) || ts.isFunctionDeclaration(parent) || ts.isFunctionExpression(parent)) return node !== parent.name;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return false;
  // `x: depth` in a type (`typeof depth` reads it; a type reference names a type).
  if (ts.isTypeReferenceNode(parent)) return false;
  return true;
}
