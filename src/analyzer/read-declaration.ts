/** One table entry → one model declaration, through the reader that claims its node. */
import { Node } from 'ts-morph';
import type { Declaration, TypeNode } from '../model/index.js';
import type { AnalyzerContext } from './context.js';
import { isExported, type TableEntry } from './declaration-table.js';
import { readerFor } from './readers/registry.js';
import { applyPropertyConstraints } from './constraints/apply.js';
import { readDocs } from './tags/docs.js';
import type { JsDocTag } from './tags/jsdoc.js';
import { reportUnknownAnnotations } from './tags/known-tags.js';
import { importNameOf, isTypeOnlyExport } from './export-name.js';
import { qualifiedName } from './types/namespaces.js';
import { isAmbientDeclaration, isGlobalDeclaration } from './global-scope.js';
import { isInAmbientModule } from './ambient-module.js';
import { exportedByPackage } from './package-exports.js';
import { reportDroppedConstraints } from './types/dropped-constraints.js';
import { readingCarried } from './types/keyed-values.js';
import { mergedDescription, mergedTags, isMerged, mergedDeclarations } from './merged-declarations.js';
import { inheritsStrict } from './types/strict-mapping.js';
import { cannotConstructBare, isCollectionSubclass, requiresArguments } from './types/collection-subtypes.js';

/** The declaration for an entry, or undefined when no type reader claims its node. */
export function readDeclaration(entry: TableEntry, ctx: AnalyzerContext): Declaration | undefined {
  const reader = readerFor(entry.node);
  if (!reader?.readType) return undefined;
  // The tags of every part of a merged declaration (CG2020 where they disagree, once: not per instantiation).
  const tags = mergedTags(entry.node, ctx, !entry.instantiation);
  // An instantiation re-reads its generic's annotations: report them once, on the generic's uses.
  if (!entry.instantiation) reportUnknownAnnotations(tags, ctx.decorators(entry.node), entry.id, ctx);
  ctx.owner = entry;
  ctx.strict = tags.some((tag) => tag.name === 'strict') || inheritsStrictDeclaration(entry.node);
  // `Field_UserName`: the syntax its arguments carried takes `User.name`'s constraints wherever its body puts it (types/keyed-values.ts).
  const readType = reader.readType.bind(reader);
  const body = readingCarried(entry.instantiation?.carried, () => readType(entry.node, entry, ctx));
  // Constraint tags on a named declaration (`/** @minLength 3 */ type Point = {…}`) apply to its type, or are CG2006.
  if (!entry.instantiation) applyPropertyConstraints(body.type, tags, [], entry.id, ctx);
  // `type Maybe = ReturnType<() => Slug> | null`: an alias's own body can lose an alias's constraints too (CG2021).
  if (!entry.instantiation && Node.isTypeAliasDeclaration(entry.node)) reportDroppedConstraints(entry.node.getTypeNode(), entry.node.getType(), body.type, entry.node, entry.id, ctx);
  ctx.owner = undefined;
  ctx.strict = false;
  const declaration: Declaration = {
    id: entry.id,
    name: entry.id,
    kind: body.kind,
    source: ctx.source(entry.node),
    exported: isExported(entry.node) && importableFromPackage(entry.node, ctx),
    docs: docsOf(entry, tags),
    generators: entry.generators,
    internal: tags.some((tag) => tag.name === 'internal'),
    type: body.type,
  };
  const qualified = qualifiedName(entry.node);
  if (!entry.instantiation && qualified.includes('.')) declaration.qualifiedName = qualified;
  const importName = declaration.exported ? importNameOf(entry.node) : undefined;
  if (importName !== undefined) declaration.importName = importName;
  if (declaration.exported && isTypeOnlyExport(entry.node)) declaration.typeOnlyExport = true;
  if (!declaration.exported && isGlobalDeclaration(entry.node)) declaration.global = true;
  // Only what has a value can lack one: an enum's members, a class for `instanceof` or a prototype.
  if ((Node.isEnumDeclaration(entry.node) || Node.isClassDeclaration(entry.node)) && isAmbientDeclaration(entry.node)) declaration.ambient = true;
  if (Node.isClassDeclaration(entry.node) && isCollectionSubclass(body.type) && requiresArguments(entry.node)) declaration.constructorArguments = true;
  // A class with non-public fields, which a mock builds with `new` when it can (mock/compile/declaration-body.ts).
  if (Node.isClassDeclaration(entry.node) && hasPrivateFields(body.type) && cannotConstructBare(entry.node)) declaration.constructorArguments = true;
  if (entry.instantiation) {
    declaration.instantiation = { generic: entry.instantiation.generic, typeArguments: entry.instantiation.typeArguments };
  }
  return declaration;
}

/**
 * A type of an installed package's file (not a `declare module 'x'` member, which the module
 * exports by its name) is imported only when a specifier of the package exports it by name
 * (package-exports.ts); else generated code prints its shape.
 */
function importableFromPackage(node: TableEntry['node'], ctx: AnalyzerContext): boolean {
  if (!node.getSourceFile().isInNodeModules() || isInAmbientModule(node)) return true;
  return exportedByPackage(node, ctx.options.rootDir);
}

/** `interface P extends Partial<S> {}` of a `@strict` S, in any merged part: closed as `Partial<S>` is (strict-mapping.ts). */
function inheritsStrictDeclaration(node: TableEntry['node']): boolean {
  const checker = node.getProject().getTypeChecker().compilerObject;
  return mergedDeclarations(node).some((part) => inheritsStrict(part.compilerNode, checker));
}

/** The declaration's docs; a merged one's description joins those of its parts. */
function docsOf(entry: TableEntry, tags: readonly JsDocTag[]): Declaration['docs'] {
  const docs = readDocs(entry.node, tags);
  if (!isMerged(entry.node)) return docs;
  const description = mergedDescription(entry.node) ?? tags.find((tag) => tag.name === 'description')?.text;
  if (description) docs.description = description;
  return docs;
}

/** Whether a class's type has non-public fields its constructor sets (`private secret`, `#count`), not only ones on its prototype. */
function hasPrivateFields(type: TypeNode): boolean {
  const behaviour = type.kind === 'object' ? type.behaviour : undefined;
  return behaviour !== undefined && behaviour.privateFields.some((name) => !behaviour.privateOnPrototype?.includes(name));
}
