/**
 * Index signatures over some of the string keys (`PatternIndex` in the model): a template literal
 * key (`[k: \`x-${string}\`]: V`, `Record<\`${number}px\`, V>`, `{ [K in \`a-${string}\`]: V }`), an
 * intrinsic string mapping of `string` (`Record<Uppercase<string>, V>`), and a string key written
 * as a constrained alias (`Record<Slug, V>` with `@pattern` on `Slug`), whose constraints the
 * validators check on each key as JSON Schema's `propertyNames` would (TypeScript reads `Slug`
 * as `string` and forgets them). The checker reads a mapped type over such keys as the same
 * index signature, so written signatures and mapped types take one path.
 */
import { Node, ts, type Type, type TypeNode as TypeNodeSyntax } from 'ts-morph';
import type { PatternIndex, StringMapping, StringType, TypeNode } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import { bindingsOf, boundArgument, type Bindings } from './bindings.js';
import { resolveType } from './resolve.js';
import { childSite, type Site } from './site.js';
import { templateType } from './unsupported-form.js';
import { inlinedAliasOf, namedAliasOf } from './declarations.js';
import { indexInfoSyntax, indexSyntax, type Written } from './written-syntax.js';
import { constrainedKeyAliases, reportDroppedTemplateKeyConstraints } from './dropped-key-constraints.js';
import { absorbedInUnion } from './dropped-constraints.js';
import { nestedStringMappings, reportNestedMapping, reportTemplateMappings } from './nested-mapping.js';

const MAPPINGS: ReadonlySet<string> = new Set<StringMapping>(['Uppercase', 'Lowercase', 'Capitalize', 'Uncapitalize']);

/** What the index signatures of `type` that are not plain `string`/`number` ones become. */
export interface PatternIndexes {
  indexes: PatternIndex[];
  /** Keys the model cannot say (`\`x-${Uppercase<string>}\``, `Uppercase<\`a${string}\`>`), for CG2004. */
  unsupported: ts.IndexInfo[];
  /** Symbol index signatures whose values TypeScript constrains (`[k: symbol]: number`), for CG2004: not checked. */
  symbolKeyed: ts.IndexInfo[];
}

/** The pattern indexes of `type` (symbol keys aside: JSON has none, and `for…in` skips them). */
export function readPatternIndexes(type: Type, site: Site, ctx: AnalyzerContext): PatternIndexes {
  const result: PatternIndexes = { indexes: [], unsupported: [], symbolKeyed: [] };
  for (const info of patternIndexInfos(type, site)) {
    if (info.keyType.flags & ts.TypeFlags.ESSymbolLike) {
      if (!(info.type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown))) result.symbolKeyed.push(info);
      continue;
    }
    const written = indexInfoSyntax(type, info, bindingsOf(site.node, site.bindings), site.at);
    const key = keyOf(info.keyType, written.key, site, ctx);
    if (!key) {
      result.unsupported.push(info);
      continue;
    }
    reportDroppedTemplateKeyConstraints(written.key?.node, site, ctx);
    const value = resolveType(wrapType(site.at, info.type), valueSite(site, written.value, info), ctx);
    result.indexes.push({ ...key, value });
  }
  return result;
}

/**
 * `Record<Slug, V>`, `{ [k: Slug]: V }`: the string index of `type` as a pattern index holding
 * every key, when its key is written as an alias with constraints; undefined otherwise.
 */
export function constrainedStringIndex(type: Type, site: Site, ctx: AnalyzerContext): PatternIndex | undefined {
  const checker = site.at.getProject().getTypeChecker().compilerObject;
  const info = checker.getIndexInfosOfType(type.compilerType).find((candidate) => (candidate.keyType.flags & ts.TypeFlags.String) !== 0);
  if (!info) return undefined;
  const bindings = bindingsOf(site.node, site.bindings);
  const written = indexInfoSyntax(type, info, bindings, site.at);
  if (written.key && inlinedAliasOf(written.key.node)) {
    if (!alone(written.key.node)) return undefined;
    const key = resolveType(wrapType(site.at, info.keyType), keySite(site, written.key), ctx);
    if (key.kind !== 'string' || !key.constraints) return undefined;
    return { key, value: resolveType(wrapType(site.at, info.type), valueSite(site, written.value, info), ctx) };
  }
  // `Partial<Record<Slug, V>>`: the key as the mapped type's source wrote it; the value as a record's is read (indexSyntax sees through too).
  const sourceKey = sourceKeySyntax(type, info, bindings, site.at);
  if (!sourceKey || !alone(sourceKey.node)) return undefined;
  const key = resolveType(wrapType(site.at, info.keyType), keySite(site, sourceKey), ctx);
  if (key.kind !== 'string' || !key.constraints) return undefined;
  const value = indexSyntax(type, 'string', bindings, site.at);
  return { key, value: resolveType(wrapType(site.at, info.type), valueSite(site, value, info), ctx) };
}

/**
 * Whether a key alias is the whole key, not one member of a union the checker reduced to `string`
 * (`Record<Slug | Digits, V>`, `Record<Slug | 'ID', V>`): a key meeting any member is a key,
 * which one alias's constraints cannot say (CG2021 then, from reportDroppedKeyConstraints).
 */
function alone(key: TypeNodeSyntax): boolean {
  return keyUnion(key) === undefined;
}

/** The union of several members a key is one member of (through parentheses), if it is. */
function keyUnion(key: TypeNodeSyntax): Node | undefined {
  let at: Node = key;
  for (let parent = at.getParent(); parent && Node.isParenthesizedTypeNode(parent); parent = at.getParent()) at = parent;
  const parent = at.getParent();
  return parent && Node.isUnionTypeNode(parent) && parent.getTypeNodes().length > 1 ? parent : undefined;
}

/**
 * The written key of a homomorphic mapped type's source index (`[P in keyof T]?: T[P]`, as
 * `Partial`, `Readonly` and `Required` are written), through nested ones
 * (`Readonly<Partial<Record<Slug, V>>>`) and aliases of the source (`Partial<Dict>`), when
 * it is a constrained alias's name; the checker's key is plain `string` by then.
 */
function sourceKeySyntax(type: Type, info: ts.IndexInfo, bindings: Bindings | undefined, anchor: Node): Written | undefined {
  const mapped = (type.compilerType as unknown as { declaration?: ts.Node }).declaration;
  if (!mapped || !ts.isMappedTypeNode(mapped) || !isHomomorphic(mapped)) return undefined;
  const objectType = (mapped.type as ts.IndexedAccessTypeNode).objectType;
  const bound = boundArgument(wrapNode(anchor, objectType), bindings);
  if (!bound) return undefined;
  // `Partial<Dict>` with `type Dict = Record<Slug, V>`: the alias's body wrote the key.
  const alias = namedAliasOf(bound.node) ?? inlinedAliasOf(bound.node);
  const body = alias && Node.isTypeAliasDeclaration(alias) && alias.getTypeParameters().length === 0 ? alias.getTypeNode() : undefined;
  const source = body ? { node: body, bindings: bound.bindings } : bound;
  const sourceType = source.node.getType();
  const checker = anchor.getProject().getTypeChecker().compilerObject;
  const sourceInfo = checker.getIndexInfosOfType(sourceType.compilerType).find((candidate) => candidate.keyType === info.keyType);
  if (!sourceInfo) return undefined;
  const own = bindingsOf(source.node, source.bindings);
  const key = indexInfoSyntax(sourceType, sourceInfo, own, anchor).key;
  if (key && inlinedAliasOf(key.node)) return key;
  return sourceKeySyntax(sourceType, sourceInfo, own, anchor);
}

/** `{ [P in keyof T]: T[P] }`, modifiers aside: each key of `T` kept, with `T`'s value. */
function isHomomorphic(mapped: ts.MappedTypeNode): boolean {
  const constraint = mapped.typeParameter.constraint;
  const template = mapped.type;
  if (!constraint || !template || !ts.isTypeOperatorNode(constraint) || constraint.operator !== ts.SyntaxKind.KeyOfKeyword) return false;
  if (!ts.isIndexedAccessTypeNode(template)) return false;
  const index = template.indexType;
  const reads = ts.isTypeReferenceNode(index) && ts.isIdentifier(index.typeName) && index.typeName.text === mapped.typeParameter.name.text;
  return reads && constraint.type.getText() === template.objectType.getText();
}

/**
 * CG2021 for a string index whose written syntax puts a constrained alias in a key position
 * (`Omit<Record<Slug, V>, 'x'>`: `Omit` is `Pick<T, Exclude<keyof T, K>>`, whose keys codegen
 * does not follow back to `Slug`) when the model checks its keys without it: a located warning
 * instead of keys silently accepted. Object literal types inside are read, and checked, on their own.
 */
export function reportDroppedKeyConstraints(site: Site, ctx: AnalyzerContext): void {
  const root = site.node;
  if (!root) return;
  // `NoInfer<Slug>`, `` `x-${Slug}` ``: an alias inside the key is not followed either.
  for (const key of writtenKeys(root)) for (const alias of absorbedInUnion(key, ctx) ? [] : constrainedKeyAliases(key, ctx)) {
    const union = keyUnion(key);
    const why = union
      ? `a key of \`${union.getText()}\` meets any one member, which one alias's constraints cannot say`
      : `codegen cannot follow the key through \`${root.getText()}\``;
    const message = `The constraints of ${alias.getName()} do not reach the keys of ${site.path}: ${why}, so its keys are checked without them.`;
    ctx.reportOnce('CG2021', ctx.source(site.at), `dropped-key/${alias.getName()}`, message, `Write Record<${alias.getName()}, …> (or Partial, Readonly, Required of it) with the alias alone as the key, or check the keys yourself.`);
  }
}

/** The key types `root` writes (a `Record`'s first argument, a mapped type's `in` constraint, an index signature's parameter), outside nested object literal types; union members one by one. */
function writtenKeys(root: TypeNodeSyntax): TypeNodeSyntax[] {
  const keys: TypeNodeSyntax[] = [];
  const add = (node: TypeNodeSyntax | undefined): void => {
    if (!node) return;
    if (Node.isParenthesizedTypeNode(node)) return add(node.getTypeNode());
    if (Node.isUnionTypeNode(node)) return node.getTypeNodes().forEach(add);
    keys.push(node);
  };
  // A value's own keys (`Record<string, Record<Slug, V>>`) are read, and reported, with the value.
  const visit = (node: Node): void => {
    if (node !== root && Node.isTypeLiteral(node)) return;
    if (Node.isTypeReference(node) && node.getTypeName().getText() === 'Record') {
      add(node.getTypeArguments()[0]);
      return;
    }
    if (Node.isMappedTypeNode(node)) {
      add(node.getTypeParameter().getConstraint());
      return;
    }
    if (Node.isIndexSignatureDeclaration(node)) {
      add(node.getKeyTypeNode());
      return;
    }
    node.forEachChild(visit);
  };
  visit(root);
  // An index signature of the literal itself (`{ [k: Slug]: V }`) is in a key position too.
  if (Node.isTypeLiteral(root)) for (const member of root.getMembers()) if (Node.isIndexSignatureDeclaration(member)) add(member.getKeyTypeNode());
  return keys;
}

/** The index signatures of `type` whose key is neither `string` nor `number` (a template literal, `Uppercase<string>`, a symbol). */
export function patternIndexInfos(type: Type, site: Site): readonly ts.IndexInfo[] {
  const checker = site.at.getProject().getTypeChecker().compilerObject;
  return checker.getIndexInfosOfType(type.compilerType).filter((info) => !(info.keyType.flags & (ts.TypeFlags.String | ts.TypeFlags.Number)));
}

/**
 * `Uppercase<string>` and its kin: the mapping, for a key or a value; undefined for a mapping of
 * anything but `string` (`Uppercase<\`a${string}\`>`), which the model cannot say.
 */
export function stringMappingOf(type: ts.Type): StringMapping | undefined {
  if (!(type.flags & ts.TypeFlags.StringMapping)) return undefined;
  const mapping = type.symbol?.getName();
  const inner = (type as ts.StringMappingType).type;
  return mapping && MAPPINGS.has(mapping) && inner.flags & ts.TypeFlags.String ? (mapping as StringMapping) : undefined;
}

/** The key as the model says it: a template (with a written alias's constraints), or a mapping of `string`. */
function keyOf(keyType: ts.Type, written: Written | undefined, site: Site, ctx: AnalyzerContext): Pick<PatternIndex, 'key' | 'mapping' | 'innerMappings'> | undefined {
  if (keyType.flags & ts.TypeFlags.StringMapping) {
    // `Record<Lowercase<Uppercase<string>>, V>`: the chain; the schema's pattern is its outermost mapping, with CG2025 (nested-mapping.ts).
    const chain = stringMappingOf(keyType) ? undefined : nestedStringMappings(keyType);
    if (chain) reportNestedMapping(chain, site, ctx, 'keys of ');
    const mapping = stringMappingOf(keyType) ?? chain?.[0];
    if (!mapping) return undefined;
    // `/** @minLength 3 *\/ type EnvKey = Uppercase<string>`: the alias's constraints hold on every key too.
    const read: TypeNode | undefined = written && inlinedAliasOf(written.node) ? resolveType(wrapType(site.at, keyType), keySite(site, written), ctx) : undefined;
    const constraints = read?.kind === 'string' ? read.constraints : undefined;
    return { key: { kind: 'string', ...(constraints ? { constraints } : {}) }, mapping, ...(chain ? { innerMappings: chain.slice(1) } : {}) };
  }
  if (!(keyType.flags & ts.TypeFlags.TemplateLiteral)) return undefined;
  const template = templateType(wrapType(site.at, keyType));
  if (!template) return undefined;
  // `type XKey = \`x-${string}\`` with tags: read through the alias, which keeps them.
  if (written && inlinedAliasOf(written.node)) {
    const read: TypeNode = resolveType(wrapType(site.at, keyType), keySite(site, written), ctx);
    if (read.kind === 'string' && read.template) return { key: read };
  }
  // Read through an alias, resolveType reported a chain in a hole (CG2025) already.
  if (template.template) reportTemplateMappings(template.template, site, ctx, 'keys of ');
  return { key: template satisfies StringType };
}

function keySite(site: Site, written: Written): Site {
  return { path: `${site.path}[key]`, at: site.at, node: written.node, ...(written.bindings ? { bindings: written.bindings } : {}) };
}

function valueSite(site: Site, written: Written | undefined, info: ts.IndexInfo): Site {
  const parent: Site = { path: `${site.path}[key]`, at: site.at, ...(written?.bindings ? { bindings: written.bindings } : {}) };
  return childSite(parent, written?.node, wrapType(site.at, info.type));
}

interface Factory {
  getType(type: ts.Type): Type;
  getNodeFromCompilerNode(node: ts.Node, sourceFile: unknown): Node;
  getSourceFile(node: ts.SourceFile, options: { markInProject: boolean }): unknown;
}

function factoryOf(anchor: Node): Factory {
  return (anchor as unknown as { _context: { compilerFactory: Factory } })._context.compilerFactory;
}

function wrapType(anchor: Node, type: ts.Type): Type {
  return factoryOf(anchor).getType(type);
}

/** A compiler node as ts-morph wraps it (the wrapper `getDeclarations()` returns). */
function wrapNode(anchor: Node, node: ts.Node): TypeNodeSyntax {
  const factory = factoryOf(anchor);
  return factory.getNodeFromCompilerNode(node, factory.getSourceFile(node.getSourceFile(), { markInProject: false })) as TypeNodeSyntax;
}
