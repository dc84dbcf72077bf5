/**
 * CG2021 for a constrained alias written inside a key where the model cannot carry it: a template
 * key's hole (`Record<\`x-${Slug}\`, V>`, `{ [k: \`x-${Slug}\`]: V }`: the hole is read as
 * `string`, and no key constraint says "the rest matches Slug's `@pattern`"), or a key wrapped in
 * a type codegen does not look through (`Record<NoInfer<Slug>, V>`). As a value (`` `${Slug}-x` ``)
 * is CG2021 at the property, so is a key: checked with less than was written, but said so.
 */
import { Node, ts, type TypeAliasDeclaration, type TypeNode as SyntaxNode, type TypeParameterDeclaration } from 'ts-morph';
import { CONSTRAINT_TAGS } from '../constraints/requests.js';
import type { AnalyzerContext } from '../context.js';
import { inlinedAliasOf } from './declarations.js';
import type { Site } from './site.js';

/**
 * The constrained string aliases `key` names, itself or inside it (a template's hole, a type
 * argument), through the bodies of the aliases it names, outside nested object literal types.
 * `carried` is an alias whose own tags the model holds (the key's alias itself): only what it
 * names inside is looked at.
 */
export function constrainedKeyAliases(key: SyntaxNode, ctx: AnalyzerContext, carried?: Node, seen: Set<Node> = new Set()): TypeAliasDeclaration[] {
  const found: TypeAliasDeclaration[] = [];
  for (const reference of [key, ...key.getDescendantsOfKind(ts.SyntaxKind.TypeReference)]) {
    if (insideLiteral(reference, key)) continue;
    // `[P in Slug as \`k-${P}\`]`: `P` stands for the keys of `Slug`.
    const parameter = mappedParameterOf(reference);
    if (parameter && !seen.has(parameter)) {
      seen.add(parameter);
      const constraint = parameter.getConstraint();
      if (constraint) found.push(...constrainedKeyAliases(constraint, ctx, undefined, seen));
      continue;
    }
    const alias = inlinedAliasOf(reference);
    if (!alias || !Node.isTypeAliasDeclaration(alias) || seen.has(alias)) continue;
    seen.add(alias);
    const stringLike = (alias.getType().getFlags() & (ts.TypeFlags.String | ts.TypeFlags.TemplateLiteral | ts.TypeFlags.StringMapping)) !== 0;
    const tagged = ctx.tags(alias).some((tag) => (CONSTRAINT_TAGS as readonly string[]).includes(tag.name));
    if (alias !== carried && stringLike && tagged) found.push(alias);
    const body = alias.getTypeNode();
    if (body) found.push(...constrainedKeyAliases(body, ctx, undefined, seen));
  }
  return found;
}

/**
 * CG2021 at the property for each constrained alias inside a pattern index's written key (see
 * the top of the file). `written` is the key as written (the member of a union key that denotes
 * this index); an alias naming the whole key keeps its own tags (`/** @maxLength 6 *\/ type
 * XKey = \`x-${string}\``), so only what it names inside counts.
 */
export function reportDroppedTemplateKeyConstraints(written: SyntaxNode | undefined, site: Site, ctx: AnalyzerContext): void {
  if (!written) return;
  const carried = inlinedAliasOf(written);
  for (const alias of constrainedKeyAliases(written, ctx, carried)) {
    const message = `The constraints of ${alias.getName()} do not reach the keys of ${site.path}: codegen cannot follow the alias into the key \`${written.getText()}\`, so its keys are checked without them.`;
    const hint = `Give the whole key an alias with the constraints its keys must meet (\`/** @pattern ^x-[a-z]+$ */ type XKey = \\\`x-\${string}\\\`\`), or check the keys yourself.`;
    ctx.reportOnce('CG2021', ctx.source(site.at), `dropped-key/${alias.getName()}`, message, hint);
  }
}

/** The type parameter of a mapped type that `node` names (`P` of `[P in K as …]`), if it names one. */
function mappedParameterOf(node: Node): TypeParameterDeclaration | undefined {
  if (!Node.isTypeReference(node) || node.getTypeArguments().length > 0) return undefined;
  const declaration = node.getTypeName().getSymbol()?.getDeclarations()[0];
  return declaration && Node.isTypeParameterDeclaration(declaration) && Node.isMappedTypeNode(declaration.getParent()) ? declaration : undefined;
}

/** Whether `node` is written inside an object literal type within `root`. */
function insideLiteral(node: Node, root: Node): boolean {
  for (let at = node.getParent(); at && at !== root; at = at.getParent()) if (Node.isTypeLiteral(at)) return true;
  return false;
}
