/** Types of operation parameters and results: serialisable (else CG2205 and unknown), then resolved. */
import type { Node, Type, TypeNode as SyntaxNode } from 'ts-morph';
import type { TypeNode } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import type { Bindings } from '../types/bindings.js';
import { resolveType } from '../types/resolve.js';
import { matchingSyntax } from '../types/site.js';
import { unserialisablePart } from './serialisable.js';

export interface OperationTypeSite {
  /** The syntax that wrote the type, when it still denotes it. */
  syntax?: SyntaxNode;
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
  return resolveType(type, { node: syntax, path: site.path, at: site.at, ...bindings, ...(site.optional ? { optional: site.optional } : {}) }, ctx);
}
