/** Types of operation parameters and results: serialisable (else CG2205 and unknown), then resolved. */
import type { Node, Type, TypeNode as SyntaxNode } from 'ts-morph';
import type { TypeNode } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import type { Bindings } from '../types/bindings.js';
import { reportDroppedConstraints } from '../types/dropped-constraints.js';
import { resolveType } from '../types/resolve.js';
import { matchingSyntax } from '../types/site.js';
import { unserialisablePart } from './serialisable.js';

export interface OperationTypeSite {
  /** The syntax that wrote the type, when it still denotes it. */
  syntax?: SyntaxNode | undefined;
  /**
   * The syntax to search for constrained aliases codegen could not carry (CG2021), when it is not
   * `syntax`: a result written `type Reply = Promise<ReturnType<() => Slug>>` has no syntax of
   * its own for the awaited value, yet names the alias.
   */
  written?: SyntaxNode | undefined;
  /** The type written at the signature, where CG2021 points (`Reply`, or `Promise<Ret>` for `Ret`). */
  signature?: SyntaxNode | undefined;
  /** Where diagnostics point. */
  at: Node;
  /** `BookService.getBook(id)`, for messages. */
  path: string;
  /** Set to true when `undefined` was folded out of the type. */
  optional?: { value: boolean };
  /** An operation's result: a value with its own `toJSON()` travels as what that returns (serialisable.ts). */
  result?: boolean;
  /** What the service's `extends` clauses bind the syntax's type parameters to (`id: K` of `Reader<Code, Code>`). */
  bindings?: Bindings | undefined;
}

/** The model type of a parameter or result, or `unknown` after CG2205. */
export function operationType(type: Type, site: OperationTypeSite, ctx: AnalyzerContext): TypeNode {
  const problem = unserialisablePart(type, site.at, site.result === true);
  if (problem) {
    ctx.report('CG2205', site.at, `${site.path} is not serialisable: ${problem}.`);
    return { kind: 'unknown' };
  }
  // An inherited `get(id: K)` is written with the base's `K`: kept when the service binds it (site.ts).
  const syntax = matchingSyntax(site.syntax, type, site.bindings);
  const bindings = syntax && site.bindings ? { bindings: site.bindings } : {};
  const resolved = resolveType(type, { node: syntax, path: site.path, at: site.at, ...bindings, ...(site.optional ? { optional: site.optional } : {}) }, ctx);
  // `id: ReturnType<() => Slug>`: as for a property, a constrained alias codegen cannot follow is said, at the type written.
  const written = site.written ?? site.syntax;
  const shown = site.signature ?? written;
  reportDroppedConstraints(written, type, resolved, shown ?? site.at, site.path, ctx, { bindings: site.bindings, operation: true, shown });
  return resolved;
}
