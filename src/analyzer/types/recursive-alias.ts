/**
 * Whether an alias of an array or tuple mentions itself: `type Tree = [string, Tree[]]`,
 * `type Pair = [Date, Pair | null]`, `type Nested = (string | Nested)[]`. tsc (3.7+) takes these
 * as named recursive types. Inlined at each use like other array and tuple aliases, they were
 * expanded until the checker type met itself, a CG2004 and unknown; so such an alias is a
 * declaration of its own and each use is a reference to it, as for recursive interfaces.
 */
import { Node, type ts, type TypeAliasDeclaration } from 'ts-morph';

/**
 * Answers per alias, keyed by its checker type: the same aliases are asked at every use, and a
 * new program (watch mode, after an edit of another file the walk passed through) asks again.
 */
const answers = new WeakMap<ts.Type, boolean>();

/**
 * True when `alias`'s written type reaches `alias` again through type references, following
 * other non-generic aliases on the way (`type A = [B]; type B = [A | null]` are both recursive).
 */
export function isSelfReferencingAlias(alias: TypeAliasDeclaration): boolean {
  const key = alias.getType().compilerType;
  const known = answers.get(key);
  if (known !== undefined) return known;
  const answer = reaches(alias, alias, new Set());
  answers.set(key, answer);
  return answer;
}

function reaches(from: TypeAliasDeclaration, target: TypeAliasDeclaration, visited: Set<TypeAliasDeclaration>): boolean {
  if (visited.has(from)) return false;
  visited.add(from);
  const body = from.getTypeNode();
  if (!body) return false;
  const references = Node.isTypeReference(body) ? [body] : body.getDescendants().filter(Node.isTypeReference);
  for (const reference of references) {
    for (const declaration of aliasDeclarations(reference.getTypeName())) {
      if (declaration === target) return true;
      if (declaration.getTypeParameters().length === 0 && !declaration.getSourceFile().isInNodeModules() && reaches(declaration, target, visited)) return true;
    }
  }
  return false;
}

function aliasDeclarations(name: Node): TypeAliasDeclaration[] {
  const symbol = name.getSymbol();
  const resolved = symbol?.isAlias() ? symbol.getAliasedSymbol() : symbol;
  return (resolved?.getDeclarations() ?? []).filter(Node.isTypeAliasDeclaration);
}
