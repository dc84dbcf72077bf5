/**
 * `@strict` through homomorphic mapped types (issue 9 G1). `Partial<S>`, `Required<S>`,
 * `Readonly<S>`, `Pick<S, K>` and `Omit<S, K>` of a `@strict` S (and any `{ [K in keyof S]: … }`
 * written without `as`) have S's keys or fewer, so they are closed too, with S's nested inline
 * objects: what a zod user expects of `.partial()` or `.pick()` of a `.strict()` object, and what
 * a user who wrote `@strict` on S means by a PATCH body of `Partial<S>`. Key-remapped types (`as`)
 * make new keys and stay open unless tagged themselves.
 */
import { ts } from 'ts-morph';

/** Whether a checker type is a homomorphic mapped type over a `@strict` type (or a chain of them: `Partial<Pick<S, 'a'>>`). */
export function mapsStrictType(type: ts.Type): boolean {
  const source = mappedSource(type);
  return source !== undefined && (isStrictType(source) || mapsStrictType(source));
}

/** The type a homomorphic mapped type copies its keys from (`S` of `Partial<S>`, `Pick<S, K>`), or undefined. */
function mappedSource(type: ts.Type): ts.Type | undefined {
  if (!(type.flags & ts.TypeFlags.Object) || !((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Mapped)) return undefined;
  // Compiler internals (stable since TypeScript 2.1): the mapped type's syntax and, once its
  // members are resolved, the type its keys come from (`keyof S`, or `K extends keyof S`).
  const mapped = type as ts.ObjectType & { declaration?: ts.MappedTypeNode; modifiersType?: ts.Type };
  if (mapped.declaration?.nameType) return undefined;
  const source = mapped.modifiersType;
  return source && !(source.flags & ts.TypeFlags.Unknown) ? source : undefined;
}

/** Whether a type is (an intersection with) a declaration tagged `@strict`, in any of its merged parts. */
function isStrictType(type: ts.Type): boolean {
  if (type.flags & ts.TypeFlags.Intersection) return (type as ts.IntersectionType).types.some(isStrictType);
  const declarations = [...(type.aliasSymbol?.declarations ?? []), ...(type.getSymbol()?.declarations ?? [])];
  return declarations.some((declaration) => {
    // `/** @strict */ type S = { … }`: the tag is on the alias, the literal's parent.
    const tagged = ts.isTypeLiteralNode(declaration) && ts.isTypeAliasDeclaration(declaration.parent) ? declaration.parent : declaration;
    return ts.getJSDocTags(tagged).some((tag) => tag.tagName.text === 'strict');
  });
}
