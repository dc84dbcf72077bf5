/**
 * `@strict` through homomorphic mapped types (issue 9 G1). `Partial<S>`, `Required<S>`,
 * `Readonly<S>`, `Pick<S, K>` and `Omit<S, K>` of a `@strict` S (and any `{ [K in keyof S]: … }`
 * written without `as`) have S's keys or fewer, so they are closed too, with S's nested inline
 * objects: what a zod user expects of `.partial()` or `.pick()` of a `.strict()` object, and what
 * a user who wrote `@strict` on S means by a PATCH body of `Partial<S>`. Key-remapped types (`as`)
 * make new keys and stay open unless tagged themselves.
 *
 * Heritage carries it the same way: `interface P extends Partial<S> {}` is `type P = Partial<S>`
 * written as an interface, so it is closed too; an interface or class whose `extends` or
 * `implements` names a `@strict` type (or a copy of one) is closed over all its keys, as the
 * intersection `S & { x: number }` is (what zod's `.extend()` of a `.strict()` object does).
 */
import { ts } from 'ts-morph';

/** Whether a checker type is a homomorphic mapped type over a `@strict` type (or a chain of them: `Partial<Pick<S, 'a'>>`). */
export function mapsStrictType(type: ts.Type, checker: ts.TypeChecker): boolean {
  const source = mappedSource(type, checker);
  return source !== undefined && (isStrictType(source, checker) || mapsStrictType(source, checker));
}

/**
 * Whether an interface or class declaration inherits `@strict`: a type its `extends` or
 * `implements` names is `@strict` itself, inherits it, or copies such a type (`Partial<S>`).
 */
export function inheritsStrict(declaration: ts.Node, checker: ts.TypeChecker, seen = new Set<ts.Node>()): boolean {
  if (!(ts.isInterfaceDeclaration(declaration) || ts.isClassDeclaration(declaration)) || seen.has(declaration)) return false;
  // A heritage cycle is TS2310; the set keeps it from looping here too.
  seen.add(declaration);
  return (declaration.heritageClauses ?? []).some((clause) =>
    clause.types.some((written) => {
      const type = checker.getTypeAtLocation(written);
      return isStrictType(type, checker, seen) || mapsStrictType(type, checker);
    }),
  );
}

/** The type a homomorphic mapped type copies its keys from (`S` of `Partial<S>`, `Pick<S, K>`), or undefined. */
function mappedSource(type: ts.Type, checker: ts.TypeChecker): ts.Type | undefined {
  if (!(type.flags & ts.TypeFlags.Object) || !((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Mapped)) return undefined;
  // Compiler internals (stable since TypeScript 2.1): the mapped type's syntax and, once its
  // members are resolved, the type its keys come from (`keyof S`, or `K extends keyof S`).
  const mapped = type as ts.ObjectType & { declaration?: ts.MappedTypeNode; modifiersType?: ts.Type };
  if (mapped.declaration?.nameType) return undefined;
  // A heritage clause's `Partial<S>` may not be resolved yet: its members set `modifiersType`.
  if (!mapped.modifiersType) checker.getPropertiesOfType(type);
  const source = mapped.modifiersType;
  return source && !(source.flags & ts.TypeFlags.Unknown) ? source : undefined;
}

/** Whether a type is (an intersection with) a declaration tagged `@strict`, in any of its merged parts, or one inheriting it. */
function isStrictType(type: ts.Type, checker: ts.TypeChecker, seen = new Set<ts.Node>()): boolean {
  if (type.flags & ts.TypeFlags.Intersection) return (type as ts.IntersectionType).types.some((member) => isStrictType(member, checker, seen));
  const declarations = [...(type.aliasSymbol?.declarations ?? []), ...(type.getSymbol()?.declarations ?? [])];
  return declarations.some((declaration) => {
    // `/** @strict */ type S = { … }`: the tag is on the alias, the literal's parent.
    const tagged = ts.isTypeLiteralNode(declaration) && ts.isTypeAliasDeclaration(declaration.parent) ? declaration.parent : declaration;
    return ts.getJSDocTags(tagged).some((tag) => tag.tagName.text === 'strict') || inheritsStrict(declaration, checker, seen);
  });
}
