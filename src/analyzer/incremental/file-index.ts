/**
 * What a warm analysis needs to know about one source file to tell whether a declaration read
 * from it (or from what it names) can be reused: a position-independent key per named statement
 * (`Entity.Address#0`: qualified name and ordinal among same-named ones), its version (start
 * line and full text, so a moved declaration counts as changed: the model holds positions),
 * and the file's shape (the statements that name nothing: imports, export lists…). Kept per
 * TypeScript SourceFile object, which a refresh replaces, so a changed file is indexed again.
 */
import { Node, ts, type Project, type SourceFile } from 'ts-morph';

/** The key of a file's shape (its unnamed statements and whether it is a module). */
export const SHAPE_KEY = '#shape';
/** The key of a file's whole text (a dependency on the file as a module: `import * as m`). */
export const FILE_KEY = '#file';

export interface FileIndex {
  /** key → version: start line and full text. `SHAPE_KEY` and `FILE_KEY` are in it too. */
  readonly versions: ReadonlyMap<string, string>;
  /** The named statement each key stands for, by compiler node (a symbol's declaration climbs to one). */
  readonly keys: ReadonlyMap<ts.Node, string>;
  /** key → the ts-morph node, for declarations the table can hold. */
  readonly nodes: ReadonlyMap<string, Node>;
  /**
   * Declares global things other files see without naming this file (a script, `declare global`,
   * `declare module 'x'`, a declaration file): a change here can change any reading.
   */
  readonly ambient: boolean;
}

const indexes = new WeakMap<ts.SourceFile, FileIndex>();

/** The index of a file, built once per parsed version of it. */
export function fileIndex(file: SourceFile): FileIndex {
  const known = indexes.get(file.compilerNode);
  if (known) return known;
  const index = buildIndex(file);
  indexes.set(file.compilerNode, index);
  return index;
}

/**
 * The index of a file met as TypeScript's SourceFile (a symbol's declaration), or undefined
 * when the project does not hold that version of it.
 */
export function fileIndexOf(project: Project, file: ts.SourceFile): FileIndex | undefined {
  const known = indexes.get(file);
  if (known) return known;
  const wrapped = project.getSourceFile(file.fileName);
  return wrapped && wrapped.compilerNode === file ? fileIndex(wrapped) : undefined;
}

function buildIndex(file: SourceFile): FileIndex {
  const versions = new Map<string, string>();
  const keys = new Map<ts.Node, string>();
  const nodes = new Map<string, Node>();
  const ordinals = new Map<string, number>();
  const shape: string[] = [ts.isExternalModule(file.compilerNode) ? 'module' : 'script'];
  let ambient = file.isDeclarationFile() || !ts.isExternalModule(file.compilerNode);
  const compiler = file.compilerNode;

  const add = (name: string, node: Node, versionOf: Node) => {
    const ordinal = ordinals.get(name) ?? 0;
    ordinals.set(name, ordinal + 1);
    const key = `${name}#${ordinal}`;
    const line = compiler.getLineAndCharacterOfPosition(versionOf.getStart()).line;
    versions.set(key, `${line}\u0000${versionOf.getFullText()}`);
    keys.set(node.compilerNode, key);
    nodes.set(key, node);
  };
  const visit = (statements: readonly Node[], prefix: string) => {
    for (const statement of statements) {
      if (Node.isModuleDeclaration(statement)) {
        const name = statement.compilerNode.name;
        if (!ts.isIdentifier(name) || (statement.compilerNode.flags & ts.NodeFlags.GlobalAugmentation) !== 0) {
          ambient = true;
          shape.push(statement.getText());
          continue;
        }
        add(`${prefix}${name.text}`, statement, statement);
        let body = statement.getBody();
        let path = `${prefix}${name.text}.`;
        while (body && Node.isModuleDeclaration(body)) {
          path += `${body.getName()}.`;
          body = body.getBody();
        }
        if (body && Node.isModuleBlock(body)) visit(body.getStatements(), path);
      } else if (
        Node.isInterfaceDeclaration(statement) ||
        Node.isTypeAliasDeclaration(statement) ||
        Node.isClassDeclaration(statement) ||
        Node.isEnumDeclaration(statement) ||
        Node.isFunctionDeclaration(statement)
      ) {
        add(`${prefix}${statement.getName() ?? 'default'}`, statement, statement);
      } else if (Node.isVariableStatement(statement)) {
        for (const declaration of statement.getDeclarations()) add(`${prefix}${declaration.getName()}`, declaration, statement);
        keys.set(statement.compilerNode, keys.get(statement.getDeclarations()[0]?.compilerNode as ts.Node) ?? SHAPE_KEY);
      } else {
        shape.push(statement.getText());
      }
    }
  };
  visit(file.getStatements(), '');
  versions.set(SHAPE_KEY, shape.join('\u0000'));
  versions.set(FILE_KEY, file.getFullText());
  return { versions, keys, nodes, ambient };
}

/** The key of the named statement holding `node` (itself or an ancestor), or undefined. */
export function keyHolding(index: FileIndex, node: ts.Node): string | undefined {
  for (let at: ts.Node | undefined = node; at && !ts.isSourceFile(at); at = at.parent) {
    const key = index.keys.get(at);
    if (key !== undefined) return key;
  }
  return undefined;
}
