/**
 * What reading one declaration depended on, found from its syntax: every name it writes
 * (type references, `extends`, `typeof`, initialisers…) resolved through the checker to the
 * named statements that declare it, with their versions, plus the shapes of the files the
 * resolution went through (its own, and those of the imports and re-exports followed). A
 * declaration whose dependencies all still have these versions reads the same again.
 */
import { ts, type Project, type SourceFile } from 'ts-morph';
import { FILE_KEY, fileIndex, fileIndexOf, keyHolding, SHAPE_KEY, type FileIndex } from './file-index.js';

/** One thing a reading depended on: a key of a file (see file-index.ts) at a version. */
export interface Dependency {
  file: string;
  key: string;
  version: string;
}

/**
 * The dependencies of the declaration `node` in `file`, or undefined when they cannot all be
 * named (a name that resolves to nothing, an `import('…')` type, a type inferred from values):
 * such a declaration is read again on every build.
 */
export function dependenciesOf(project: Project, file: SourceFile, node: ts.Node): Dependency[] | undefined {
  const program = project.getProgram().compilerObject;
  const checker = program.getTypeChecker();
  const found = new Map<string, Dependency>();
  const depend = (sourceFile: ts.SourceFile, key: string | undefined): boolean => {
    // Library and package types do not change while watching (a dependency update is a new session);
    // a workspace package linked into node_modules is the user's own source, edited like any other.
    if (program.isSourceFileDefaultLibrary(sourceFile) || (program.isSourceFileFromExternalLibrary(sourceFile) && isInstalled(sourceFile))) return true;
    const index = fileIndexOf(project, sourceFile);
    if (!index) return false;
    const at = key ?? FILE_KEY;
    const version = index.versions.get(at);
    if (version === undefined) return false;
    found.set(`${sourceFile.fileName}\u0000${at}`, { file: sourceFile.fileName, key: at, version });
    return true;
  };
  const self = fileIndex(file).keys.get(node);
  if (self === undefined || !depend(file.compilerNode, self) || !depend(file.compilerNode, SHAPE_KEY)) return undefined;

  let complete = true;
  const visit = (child: ts.Node): void => {
    if (!complete) return;
    if (ts.isImportTypeNode(child) || isInferredFromValues(child)) {
      complete = false;
      return;
    }
    if (ts.isIdentifier(child) && !isDeclarationName(child)) complete = dependOnName(child);
    ts.forEachChild(child, visit);
  };
  const dependOnName = (name: ts.Identifier): boolean => {
    let symbol = checker.getSymbolAtLocation(name);
    if (!symbol) return !isReference(name);
    for (let hops = 0; symbol.flags & ts.SymbolFlags.Alias; hops++) {
      for (const declaration of symbol.declarations ?? []) if (!depend(declaration.getSourceFile(), SHAPE_KEY)) return false;
      const next: ts.Symbol | undefined = checker.getImmediateAliasedSymbol(symbol);
      if (!next || hops > 50) return false;
      symbol = next;
    }
    // An import that resolves to nothing ends at the checker's unknown symbol, which declares nothing.
    if (!symbol.declarations || symbol.declarations.length === 0) return false;
    for (const declaration of symbol.declarations) {
      const sourceFile = declaration.getSourceFile();
      if (ts.isSourceFile(declaration)) {
        if (!depend(sourceFile, FILE_KEY)) return false;
        continue;
      }
      if (sourceFile === file.compilerNode && isWithin(declaration, node)) continue;
      const index = fileIndexOf(project, sourceFile);
      const key = index && keyHolding(index, declaration);
      if (!depend(sourceFile, key)) return false;
    }
    return true;
  };
  ts.forEachChild(node, visit);
  return complete ? [...found.values()] : undefined;
}

/**
 * Whether every dependency still has its version in the project as it is now. `files` remembers
 * each file's index for one analysis pass (looking a file up by path is not free, and a pass
 * checks thousands of dependencies).
 */
export function dependenciesHold(project: Project, dependencies: readonly Dependency[], files: Map<string, FileIndex | undefined>): boolean {
  for (const { file, key, version } of dependencies) {
    let index = files.get(file);
    if (index === undefined && !files.has(file)) {
      const sourceFile = project.getSourceFile(file);
      index = sourceFile && fileIndex(sourceFile);
      files.set(file, index);
    }
    if (!index || index.versions.get(key) !== version) return false;
  }
  return true;
}

/**
 * A type TypeScript infers from values (`typeof x`, an initialiser without a type, a method
 * without a return type): it can follow calls into other files' function bodies, which the
 * versions of the names written here do not cover.
 */
function isInferredFromValues(node: ts.Node): boolean {
  if (ts.isTypeQueryNode(node)) return true;
  if ((ts.isPropertyDeclaration(node) || ts.isVariableDeclaration(node)) && node.initializer && !node.type) return true;
  return (ts.isMethodDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isFunctionDeclaration(node)) && node.body !== undefined && !node.type;
}

/** A name being declared (a property, a parameter, a type parameter) rather than used. */
function isDeclarationName(name: ts.Identifier): boolean {
  const parent = name.parent;
  return (ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodSignature(parent) || ts.isMethodDeclaration(parent) ||
    ts.isParameter(parent) || ts.isTypeParameterDeclaration(parent) || ts.isEnumMember(parent) || ts.isInterfaceDeclaration(parent) ||
    ts.isTypeAliasDeclaration(parent) || ts.isClassDeclaration(parent) || ts.isEnumDeclaration(parent) || ts.isPropertyAssignment(parent) ||
    ts.isGetAccessor(parent) || ts.isSetAccessor(parent)) && parent.name === name;
}

/** A name written where a type or value is referred to: it must resolve. */
function isReference(name: ts.Identifier): boolean {
  const parent = name.parent;
  return ts.isTypeReferenceNode(parent) || ts.isExpressionWithTypeArguments(parent) || ts.isTypeQueryNode(parent) ||
    ts.isQualifiedName(parent) || ts.isHeritageClause(parent.parent);
}

/** A file installed in a `node_modules` folder, by its real path (TypeScript names a linked package's files by theirs). */
function isInstalled(sourceFile: ts.SourceFile): boolean {
  return sourceFile.fileName.split('/').includes('node_modules');
}

function isWithin(node: ts.Node, container: ts.Node): boolean {
  for (let at: ts.Node | undefined = node; at; at = at.parent) if (at === container) return true;
  return false;
}
