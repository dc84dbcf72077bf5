/**
 * The type arguments a declaration's `extends` clauses write, bound to the type parameters of the
 * bases they fill, at every depth. The checker reads `interface IC extends Box<Code> {}` as a
 * `Box<string>`: the inherited `value: T` is a plain `string`, and `Code`'s tags are gone (tester8
 * F9, F12, F8). Bound, `T` is the syntax `Code` again wherever a base's own syntax says `T`, as it
 * is for the property type `b: Box<Code>` (bindings.ts). Followed: interfaces and classes, several
 * clauses, several levels (`A extends B<Code>`, `B<T> extends C<T[]>`), defaults (`D<T = Code>`
 * extended as `D`), type-alias bases (`type ItemCrud = Crud<Item>`, an intersection of references)
 * and mapped-type bases (`extends Nullable<Item>`, whose template's `T[K]` is then `Item`'s property),
 * and a class extending a generic mixin's call with written type arguments (`extends WithValue<Code>()`,
 * `extends Extending<Code>()` whose returned class `extends Base<T>`).
 *
 * The same bindings serve wherever a declaration's members are read without its own reading: a
 * mapped or indexed form over it (`Partial<Sub>`, `Pick<Sub, 'code'>`, `Sub['code']`: `baseBindings`),
 * and a checker type no syntax writes (NestJS's `PartialType(CreateDto)`, an intersection a mixin
 * call made: `checkedBaseBindings`).
 * Not followed: a mixin call whose type arguments the checker infers (`extends Boxed(code)`), which
 * only the checker knows, as a plain `string` with no alias.
 */
import { Node, SyntaxKind, type ts, type Type, type TypeNode as SyntaxNode, type TypeParameteredNode } from 'ts-morph';
import { mergedDeclarations } from '../merged-declarations.js';
import { bindArguments, genericOf, mentionsFreeParameter, type Bindings, type Bound, type BoundKey } from './bindings.js';

type Binding = Map<ts.Node, Bound | BoundKey>;

/** Bases followed through alias bodies and heritage clauses: a cycle of them is a checker error. */
const DEPTH = 32;

/**
 * `outer` (the bindings the declaration itself is read under, for an instantiation) plus what
 * the heritage clauses of `node` bind, at every depth. The nearest clause wins a parameter bound
 * twice (`interface A extends B<Code>, C {}` with `C extends B<string>`), as TypeScript takes the
 * first base's member. `outer` itself when no clause writes an argument.
 */
export function heritageBindings(node: Node, outer: Bindings | undefined): Bindings | undefined {
  const into = new Map(outer ?? []);
  bindHeritage(node, outer, into, new Set(), DEPTH);
  return into.size === (outer?.size ?? 0) ? outer : into;
}

/**
 * `bindings` (under which a reference to `declaration` was read: `Sub`, `Sub2<Code>`) plus what the
 * `extends` clauses of `declaration` bind, which win over `bindings` for the bases' parameters: they
 * are what `declaration`'s inherited members mean, wherever the reference is read.
 */
export function baseBindings(declaration: Node, bindings: Bindings | undefined): Bindings | undefined {
  const into: Binding = new Map();
  bindHeritage(declaration, bindings, into, new Set(), DEPTH);
  if (into.size === 0) return bindings;
  const merged = new Map(bindings ?? []);
  for (const [parameter, bound] of into) merged.set(parameter, bound);
  return merged;
}

/**
 * What the `extends` clauses of the classes and interfaces a checker type is made of bind, for a
 * type no syntax writes: the instance type of `class UpdateDto extends PartialType(CreateDto)`'s
 * base is `Partial<CreateDto>` to the checker alone, and CreateDto's `code: T` (from
 * `extends BaseDto<Code>`) is then `Code` only through CreateDto's own clauses. Followed through
 * intersections (`IntersectionType(CreateDto, TagDto)`, a mixin's `Mixin & TBase`) and the base
 * types a class's call expression gives it. Declarations with type parameters of their own are left
 * out: the checker's arguments for them are written nowhere. Undefined when nothing is bound.
 */
export function checkedBaseBindings(type: Type): Bindings | undefined {
  if (checkedBases.has(type.compilerType)) return checkedBases.get(type.compilerType);
  const into: Binding = new Map();
  collectCheckedBases(type, into, new Set(), DEPTH);
  const bindings = into.size > 0 ? into : undefined;
  checkedBases.set(type.compilerType, bindings);
  return bindings;
}

/** Asked for each inherited member a type holds: a checker type's answer, for as long as its program lives. */
const checkedBases = new WeakMap<ts.Type, Bindings | undefined>();

function collectCheckedBases(type: Type, into: Binding, seen: Set<ts.Type>, depth: number): void {
  if (seen.has(type.compilerType) || depth === 0) return;
  seen.add(type.compilerType);
  for (const member of type.getIntersectionTypes()) collectCheckedBases(member, into, seen, depth - 1);
  const declaration = type.getSymbol()?.getDeclarations().find((node) => Node.isInterfaceDeclaration(node) || Node.isClassDeclaration(node) || Node.isClassExpression(node));
  if (!declaration || enclosingTypeParameters(declaration)) return;
  const own: Binding = new Map();
  bindHeritage(declaration, undefined, own, new Set(), DEPTH);
  for (const [parameter, bound] of own) if (!into.has(parameter)) into.set(parameter, bound);
  for (const base of type.getBaseTypes()) collectCheckedBases(base, into, seen, depth - 1);
}

/** Whether a class or interface has type parameters, of its own or of a generic function (a mixin) it is declared in. */
function enclosingTypeParameters(declaration: Node): boolean {
  for (let at: Node | undefined = declaration; at; at = at.getParent()) {
    if (Node.isTypeParametered(at) && at.getTypeParameters().length > 0) return true;
  }
  return false;
}

/** Binds the bases each `extends` clause of an interface or a class names (not `implements`: it copies nothing). */
function bindHeritage(node: Node, under: Bindings | undefined, into: Binding, seen: Set<Node>, depth: number): void {
  if (Node.isClassExpression(node)) return bindClauses(node, under, into, seen, depth);
  if (!Node.isInterfaceDeclaration(node) && !Node.isClassDeclaration(node)) return;
  // `interface M {}` and `interface M extends Base<Code> {}`: every merged part's clauses (merged-declarations.ts).
  for (const part of mergedDeclarations(node)) bindClauses(part, under, into, seen, depth);
}

function bindClauses(node: Node, under: Bindings | undefined, into: Binding, seen: Set<Node>, depth: number): void {
  if (!Node.isInterfaceDeclaration(node) && !Node.isClassDeclaration(node) && !Node.isClassExpression(node)) return;
  for (const clause of node.getHeritageClauses()) {
    if (clause.getToken() !== SyntaxKind.ExtendsKeyword) continue;
    for (const base of clause.getTypeNodes()) {
      const expression = base.getExpression();
      if (Node.isCallExpression(expression)) bindMixinCall(expression, under, into, seen, depth);
      else bindBase(expression, base.getTypeArguments(), under, into, seen, depth);
    }
  }
}

/**
 * `class Valued extends WithValue<Code>() {}`: the mixin's type parameters bound to the arguments
 * the call writes (or their defaults), and the bases of the class it returns under them
 * (`return class extends BaseDto<T> {}`), so its members' `T` is `Code`. Arguments the checker
 * infers are not written: those parameters stay unbound.
 */
function bindMixinCall(call: Node, under: Bindings | undefined, into: Binding, seen: Set<Node>, depth: number): void {
  if (!Node.isCallExpression(call) || depth === 0) return;
  const mixin = mixinFunction(call.getExpression());
  if (!mixin || seen.has(mixin)) return;
  seen.add(mixin);
  const bindings = bindArguments(mixin, call.getTypeArguments(), under);
  bindInto(into, bindings);
  for (const returned of returnedClasses(mixin)) bindHeritage(returned, bindings, into, seen, depth - 1);
}

type MixinFunction = Node & TypeParameteredNode;

/** The generic function (a declaration, or an arrow function or function expression a `const` holds) a callee names. */
function mixinFunction(callee: Node): MixinFunction | undefined {
  const symbol = callee.getSymbol();
  const target = symbol?.isAlias() ? symbol.getAliasedSymbol() : symbol;
  for (const declaration of target?.getDeclarations() ?? []) {
    const fn = Node.isVariableDeclaration(declaration) ? declaration.getInitializer() : declaration;
    if ((Node.isFunctionDeclaration(fn) || Node.isArrowFunction(fn) || Node.isFunctionExpression(fn)) && fn.getTypeParameters().length > 0) return fn;
  }
  return undefined;
}

/** The class expressions a function returns: `return class … {}`, an arrow function's body, through parentheses. */
function returnedClasses(fn: MixinFunction): Node[] {
  const returned: Node[] = [];
  const body = Node.isArrowFunction(fn) ? fn.getBody() : undefined;
  if (body && !Node.isBlock(body)) returned.push(body);
  fn.forEachDescendant((node, traversal) => {
    if (Node.isFunctionLikeDeclaration(node) || Node.isClassExpression(node) || Node.isClassDeclaration(node)) return traversal.skip();
    if (Node.isReturnStatement(node)) {
      const expression = node.getExpression();
      if (expression) returned.push(expression);
    }
  });
  return returned.map(unparenthesized).flatMap(namedClass);
}

/** A returned class: a class expression, or the name of a class declared (or a `const` holding one) in the function. */
function namedClass(node: Node): Node[] {
  if (Node.isClassExpression(node)) return [node];
  if (!Node.isIdentifier(node)) return [];
  return (node.getSymbol()?.getDeclarations() ?? []).flatMap((declaration) => {
    if (Node.isClassDeclaration(declaration)) return [declaration];
    const initializer = Node.isVariableDeclaration(declaration) ? declaration.getInitializer() : undefined;
    return initializer && Node.isClassExpression(unparenthesized(initializer)) ? [unparenthesized(initializer)] : [];
  });
}

function unparenthesized(node: Node): Node {
  return Node.isParenthesizedExpression(node) ? unparenthesized(node.getExpression()) : node;
}

/**
 * Adds what `bindings` bind and `into` does not, but no parameter bound to syntax naming a free
 * one: `Sub2<X> extends Base<X>` read as the checker's `Sub2<string>` (no argument written for
 * `X`) leaves Base's `T` to the checker's `string`, not to the bare `X`.
 */
function bindInto(into: Binding, bindings: Bindings | undefined): void {
  for (const [parameter, bound] of bindings ?? []) {
    if (into.has(parameter) || ('node' in bound && mentionsFreeParameter(bound.node, bound.bindings))) continue;
    into.set(parameter, bound);
  }
}

/** Binds the generic `name` refers to with `written`, then what its own bases or alias body bind. */
function bindBase(name: Node, written: readonly SyntaxNode[], under: Bindings | undefined, into: Binding, seen: Set<Node>, depth: number): void {
  const generic = Node.isIdentifier(name) || Node.isPropertyAccessExpression(name) || Node.isQualifiedName(name) ? genericOf(name.getSymbol()) : undefined;
  if (!generic || seen.has(generic) || depth === 0) return;
  seen.add(generic);
  const bindings = bindArguments(generic, written, under);
  bindInto(into, bindings);
  if (Node.isTypeAliasDeclaration(generic)) bindAliasBody(generic.getTypeNode(), bindings, into, seen, depth - 1);
  else bindHeritage(generic, bindings, into, seen, depth - 1);
}

/** `type ItemCrud = Crud<Item>`, `type Both = Crud<Item> & Audited<Code>`: the references an alias's body writes. */
function bindAliasBody(body: SyntaxNode | undefined, under: Bindings | undefined, into: Binding, seen: Set<Node>, depth: number): void {
  if (!body) return;
  if (Node.isParenthesizedTypeNode(body)) return bindAliasBody(body.getTypeNode(), under, into, seen, depth);
  if (Node.isIntersectionTypeNode(body)) return body.getTypeNodes().forEach((member) => bindAliasBody(member, under, into, seen, depth));
  if (Node.isTypeReference(body)) bindBase(body.getTypeName(), body.getTypeArguments(), under, into, seen, depth);
}
