/**
 * Declaration merging: TypeScript reads `interface A {}` written twice, an interface beside a
 * class of the same name (the mixin idiom), an enum in two parts, and any of them beside a
 * `namespace` of the same name, as one symbol with several declarations. The model holds one
 * declaration for it, read from its primary node: the checker's type already has the members
 * of every part, each member keeps its own JSDoc, and the type-level tags of the parts are
 * combined here (a namespace's functions and constants are values, not types: not read).
 */
import { Node, ts } from 'ts-morph';
import type { AnalyzerContext } from './context.js';
import type { DeclarationNode } from './declaration-table.js';
import { isDefaultLib } from './default-lib.js';
import { CONSTRAINT_TAGS } from './constraints/requests.js';
import { readDescription, type JsDocTag } from './tags/jsdoc.js';
import { SELECTION_TAGS } from './tags/selection.js';

type MergeableNode = Extract<DeclarationNode, { getMembers(): unknown }>;

/** The interface, class and enum declarations merged with `node` (itself included), in source order. */
export function mergedDeclarations(node: DeclarationNode): DeclarationNode[] {
  if (Node.isTypeAliasDeclaration(node)) return [node];
  // The name's symbol is the checker's merged one (a `declare module` augmentation's too); the node's own is per file.
  const symbol = node.getNameNode()?.getSymbol() ?? node.getSymbol();
  const parts = (symbol?.getDeclarations() ?? []).filter(
    (part): part is MergeableNode => Node.isInterfaceDeclaration(part) || Node.isClassDeclaration(part) || Node.isEnumDeclaration(part),
  );
  if (parts.length < 2 || !parts.includes(node as MergeableNode)) return [node];
  return parts.sort(bySource);
}

/**
 * The node that stands for a merged declaration in the model: the class when there is one (the
 * value generated code imports and `instanceof` knows), else the first part written outside a
 * module augmentation (`declare module './a.js' {}` adds to a type declared elsewhere).
 */
export function primaryDeclaration(node: DeclarationNode): DeclarationNode {
  // Asked on every reference: a part alone in its file's symbol, written outside an augmentation,
  // stands for itself (another file can only augment it, and an augmentation never stands for it).
  const own = (node.compilerNode as { symbol?: { declarations?: unknown[] } }).symbol;
  if ((own?.declarations?.length ?? 0) <= 1 && !inAugmentation(node)) return node;
  const parts = mergedDeclarations(node);
  if (parts.length === 1) return node;
  // A lib type stays the lib's wherever a package (@types/node's global `interface Uint8Array`)
  // or the user adds to it: the parts' order is their paths', which put @types/node first for a
  // project under /home or /Users and a lib file first under /work.
  return (
    parts.find((part) => Node.isClassDeclaration(part)) ??
    parts.find(isDefaultLib) ??
    parts.find((part) => !inAugmentation(part)) ??
    parts[0]!
  );
}

/** True when the declaration has more than one part. */
export function isMerged(node: DeclarationNode): boolean {
  return mergedDeclarations(node).length > 1;
}

/**
 * The type-level JSDoc tags of every part, in source order, as TypeScript combines them. A tag
 * that sets how the whole type is read (`@strict`, `@codegen`, `@internal`, a constraint) and
 * that the parts do not all write alike is CG2020 at the part that differs: the combined reading
 * (the tag applies to the members of every part) may not be what the part without it meant.
 * `report` is false where the tags are only looked at (collecting candidates): reading reports.
 */
export function mergedTags(node: DeclarationNode, ctx: AnalyzerContext, report: boolean): JsDocTag[] {
  const parts = mergedDeclarations(node);
  if (parts.length === 1) return ctx.tags(node);
  const tagsOf = parts.map((part) => ctx.tags(part));
  if (report) reportDisagreements(parts, tagsOf, ctx);
  return tagsOf.flat();
}

/** The descriptions of the parts, joined by a blank line (TypeScript's quick info shows them all). */
export function mergedDescription(node: DeclarationNode): string | undefined {
  const descriptions = mergedDeclarations(node).flatMap((part) => readDescription(part) ?? []);
  return descriptions.length > 0 ? descriptions.join('\n\n') : undefined;
}

/** Tags whose presence or value changes how the whole type is read, so every part must agree on them. */
const SETTING_TAGS: readonly string[] = [...SELECTION_TAGS, ...CONSTRAINT_TAGS, 'title', 'default', 'entity', 'table'];

function reportDisagreements(parts: readonly DeclarationNode[], tagsOf: readonly JsDocTag[][], ctx: AnalyzerContext): void {
  const name = parts[0]!.getName() ?? 'Default';
  for (const tag of SETTING_TAGS) {
    const written = tagsOf.map((tags) => tags.filter((t) => t.name === tag));
    const readings = written.map((tags) => tags.map((t) => t.text).join('\u0000'));
    const present = written.findIndex((tags) => tags.length > 0);
    if (present < 0) continue;
    const other = readings.findIndex((reading, i) => i !== present && (reading !== readings[present] || written[i]!.length !== written[present]!.length));
    if (other < 0) continue;
    const here = written[other]![0]?.location ?? ctx.display(parts[other]!);
    const there = written[present]![0]!.location;
    const says = (i: number): string => (written[i]!.length === 0 ? 'does not write it' : `writes ${written[i]!.map((t) => `@${t.name}${t.text ? ` ${t.text}` : ''}`).join(' ')}`);
    ctx.report(
      'CG2020',
      here,
      `The declarations of '${name}' disagree on @${tag}: the one at ${there.file}:${there.line}:${there.column} ${says(present)}, this one ${says(other)}. TypeScript merges them into one type, so codegen reads the tags of all of them together.`,
      `Write @${tag} alike on every declaration of ${name} (or on none): it applies to the members of all of them.`,
    );
  }
}

function inAugmentation(node: Node): boolean {
  for (let parent = node.compilerNode.parent; parent && !ts.isSourceFile(parent); parent = parent.parent) {
    if (ts.isModuleDeclaration(parent) && (ts.isStringLiteral(parent.name) || (parent.flags & ts.NodeFlags.GlobalAugmentation) !== 0)) return true;
  }
  return false;
}

function bySource(a: Node, b: Node): number {
  const pathA = a.getSourceFile().getFilePath();
  const pathB = b.getSourceFile().getFilePath();
  return pathA < pathB ? -1 : pathA > pathB ? 1 : a.getStart() - b.getStart();
}
