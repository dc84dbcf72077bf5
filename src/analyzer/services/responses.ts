/**
 * An operation's responses. Success: the return type (`Promise<T>`, rxjs's `Observable<T>` unwrapped); `void` means no
 * body and 204. Its status is `@status code` / `@HttpCode(code)`, else 204 without a body,
 * 201 for POST, 200 otherwise. Errors: `@throws status Type [description]`, with `Type`
 * looked up by name in the method's scope, as the compiler would.
 */
import { Node, ts, type Type, type TypeNode as SyntaxNode, type TypeReferenceNode } from 'ts-morph';
import type { HttpMethod, OperationResponse } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import { tagNeedsValue } from '../tags/bad-value.js';
import type { JsDocTag } from '../tags/jsdoc.js';
import { bindingsOf, type Bindings } from '../types/bindings.js';
import { declarationOf } from '../types/declarations.js';
import { resolveType } from '../types/resolve.js';
import { operationType } from './operation-type.js';
import type { ServiceMember } from './service-members.js';

type Method = Node;

/** The success response of a member, from its return type as the service sees it. */
export function readSuccess(member: ServiceMember, verb: HttpMethod, tags: readonly JsDocTag[], path: string, ctx: AnalyzerContext): OperationResponse {
  const method = member.node;
  const written = member.returnSyntax && Node.isTypeNode(member.returnSyntax) ? member.returnSyntax : undefined;
  const { type, syntax, bindings } = unwrapPromise(member.returnType, written, member.bindings);
  const redirect = redirectStatus(method, path, ctx);
  // A `@Redirect()` handler's result (`{ url, statusCode }`) overrides the redirect, it is no body.
  const empty = redirect !== undefined || type.isVoid() || type.isUndefined();
  const response: OperationResponse = { status: redirect ?? statusOf(method, tags, path, ctx) ?? (empty ? 204 : verb === 'POST' ? 201 : 200) };
  if (!empty) response.type = operationType(type, { syntax, written: syntax ?? written, signature: written, at: method, path: `${path}(): result`, result: true, bindings }, ctx);
  const description = tags.find((tag) => tag.name === 'returns' || tag.name === 'return')?.text;
  if (description) response.description = description;
  return response;
}

/** The `@throws` responses of a method, in the order written. */
export function readErrors(method: Method, tags: readonly JsDocTag[], path: string, ctx: AnalyzerContext): OperationResponse[] {
  return tags
    .filter((tag) => tag.name === 'throws')
    .flatMap((tag) => {
      const match = /^(\d{3})\s+([A-Za-z_$][\w$]*)(?:\s+([\s\S]+))?$/.exec(tag.text);
      if (!match || !isStatus(Number(match[1]))) {
        const message = tag.text.trim() === '' ? tagNeedsValue('throws', path, '`status Type [description]`') : `@throws on ${path}: expected \`status Type [description]\`, got '${tag.text}'.`;
        ctx.report('CG2206', tag.location, message, 'Write e.g. `@throws 404 NotFoundError when no book has this id`.');
        return [];
      }
      const declaration = declarationOf(method.getSymbolsInScope(ts.SymbolFlags.Type | ts.SymbolFlags.Alias).find((symbol) => symbol.getName() === match[2]));
      if (!declaration) {
        ctx.report('CG2010', tag.location, `@throws on ${path}: cannot find type '${match[2]}'.`);
        return [];
      }
      const type = resolveType(declaration.getType(), { path: `${path}(): ${match[1]}`, at: method }, ctx);
      const response: OperationResponse = { status: Number(match[1]), type };
      if (match[3]) response.description = match[3].trim();
      return [response];
    });
}

function statusOf(method: Method, tags: readonly JsDocTag[], path: string, ctx: AnalyzerContext): number | undefined {
  let status: number | undefined;
  for (const tag of tags.filter((t) => t.name === 'status')) {
    if (/^\d{3}$/.test(tag.text) && isStatus(Number(tag.text))) status = Number(tag.text);
    else if (tag.text.trim() === '') ctx.report('CG2206', tag.location, tagNeedsValue('status', path, 'an HTTP status code'));
    else ctx.report('CG2206', tag.location, `@status on ${path}: expected an HTTP status code, got '${tag.text}'.`);
  }
  for (const decorator of ctx.decorators(method).filter((d) => d.name === 'HttpCode')) {
    const [code] = decorator.arguments;
    if (typeof code === 'number' && Number.isInteger(code) && isStatus(code)) status = code;
    else ctx.report('CG2206', decorator.location, `@HttpCode() on ${path}: expected an HTTP status code.`);
  }
  return status;
}

/**
 * NestJS's `@Redirect(url, status)`: the handler answers with that status (302 when none is
 * written) and a `Location` header, not with a JSON body.
 */
function redirectStatus(method: Method, path: string, ctx: AnalyzerContext): number | undefined {
  const redirect = ctx.decorators(method).find((decorator) => decorator.name === 'Redirect');
  if (!redirect) return undefined;
  const [, code] = redirect.arguments;
  if (code === undefined) return 302;
  if (typeof code === 'number' && Number.isInteger(code) && isStatus(code)) return code;
  ctx.report('CG2206', redirect.location, `@Redirect() on ${path}: expected an HTTP status code as its second argument.`);
  return 302;
}

function isStatus(code: number): boolean {
  return code >= 100 && code <= 599;
}

/** Whether a member's return type (as the service sees it) is a `Promise`. */
export function returnsPromise(returnType: Type): boolean {
  return isLibWrapper(returnType, 'Promise');
}

/** Whether a member's return type is rxjs's `Observable` (NestJS answers with its last value). */
export function returnsObservable(returnType: Type): boolean {
  return isLibWrapper(returnType, 'Observable');
}

/** What a handler answers with: `T` of `Promise<T>` or `Observable<T>`, else the type itself. */
export function resultType(returnType: Type): Type {
  return unwrapPromise(returnType, undefined, undefined).type;
}

interface Unwrapped {
  type: Type;
  syntax: SyntaxNode | undefined;
  /** What the syntax's type parameters are bound to: the service's, and a generic alias's own (`Async<Code>`). */
  bindings: Bindings | undefined;
}

/**
 * `T` (and its syntax) for `Promise<T>`, and for rxjs's `Observable<T>` (NestJS subscribes to an
 * observable a handler returns and sends its last value, as it awaits a promise); the type itself
 * otherwise. The syntax is found through the aliases the return type is written with (`type Reply
 * = Promise<Code>`, `type Async<T> = Promise<T>`): without it `Code`'s constraints left the
 * response in silence.
 */
function unwrapPromise(type: Type, syntax: SyntaxNode | undefined, bindings: Bindings | undefined): Unwrapped {
  if (!isLibWrapper(type, 'Promise') && !isLibWrapper(type, 'Observable')) return { type, syntax, bindings };
  const inner = type.getTypeArguments()[0];
  if (!inner) return { type, syntax, bindings };
  const written = promiseSyntax(syntax, bindings);
  return { type: inner, syntax: written?.node.getTypeArguments()[0], bindings: written ? written.bindings : bindings };
}

/** The `Promise<…>` reference `syntax` writes, directly or through type aliases, with the bindings its argument is read under. */
function promiseSyntax(syntax: SyntaxNode | undefined, bindings: Bindings | undefined, depth = 0): { node: TypeReferenceNode; bindings: Bindings | undefined } | undefined {
  let node = syntax;
  while (node && Node.isParenthesizedTypeNode(node)) node = node.getTypeNode();
  if (!node || !Node.isTypeReference(node) || depth > 16) return undefined;
  if (['Promise', 'Observable'].includes(node.getTypeName().getText())) return { node, bindings };
  const alias = declarationOf(node.getTypeName().getSymbol());
  const body = alias && Node.isTypeAliasDeclaration(alias) ? alias.getTypeNode() : undefined;
  return body ? promiseSyntax(body, bindingsOf(node, bindings), depth + 1) : undefined;
}

/** A `Promise` or `Observable` declared by a package (the lib, rxjs), not a type of the user's of that name. */
function isLibWrapper(type: Type, name: 'Promise' | 'Observable'): boolean {
  const symbol = type.getSymbol();
  const declaration = symbol?.getDeclarations()[0];
  return symbol?.getName() === name && declaration !== undefined && declaration.getSourceFile().isInNodeModules() && type.getTypeArguments().length > 0;
}
