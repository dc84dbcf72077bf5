/**
 * Destructured parameters of an operation (`one({ id }: { id: string })`, `list([a, b]: Pair)`).
 * A binding pattern has no name: none to match a `{placeholder}` or to send as a query key, and
 * none for the client's parameter. So one is CG2206, saying so, and the operation is left out
 * (tester8 F15: it was CG2202 and CG2204 about a parameter named `{ id }`, and in a POST the
 * client sent the body as `{ id }`, the destructured properties only). NestJS's
 * `@Body() { name }: CreateDto`, `@Query() { limit }: Page` and `@Param() { id }: Ids` say where the
 * whole value goes: those are read as parameters named `body`, `query` and `params` (the client's parameter names; the body
 * and a spread query's keys do not depend on them). A destructured parameter the server fills
 * (`@Req() { user }: Request`) is left out of the API like any such one, and needs no name.
 */
import { Node, type ParameterDeclaration } from 'ts-morph';
import type { AnalyzerContext } from '../context.js';
import { isServerFilled } from './framework-parameters.js';
import { decoratorKey } from './nest-parameter-key.js';

/** The name a parameter has in the model and the generated client: its own, or `body`/`query` for a destructured `@Body()`/`@Query()`. */
export function parameterName(parameter: ParameterDeclaration, ctx: AnalyzerContext): string {
  if (!isDestructured(parameter)) return parameter.getName();
  const decorator = wholeValueDecorator(parameter, ctx);
  return decorator === 'Body' ? 'body' : decorator === 'Param' ? 'params' : 'query';
}

/**
 * True when every destructured parameter can be named (a `@Body()` or `@Query()` without a key, its
 * name not taken by another parameter); CG2206 at each other one, and false.
 */
export function namedParameters(parameters: readonly ParameterDeclaration[], path: string, ctx: AnalyzerContext): boolean {
  let named = true;
  for (const parameter of parameters.filter(isDestructured)) {
    // `@Req() { user }: Request`: the server's, left out of the API (framework-parameters.ts), so it needs no name.
    if (isServerFilled(ctx.decorators(parameter))) continue;
    const pattern = parameter.getNameNode().getText().replace(/\s+/g, ' ');
    const decorator = wholeValueDecorator(parameter, ctx);
    const name = parameterName(parameter, ctx);
    const taken = parameters.some((other) => other !== parameter && parameterName(other, ctx) === name);
    if (decorator && !taken) continue;
    named = false;
    const message = decorator
      ? `${path}: the destructured @${decorator}() parameter ${pattern} would be named '${name}' in the client, which another parameter is called.`
      : `${path}: the destructured parameter ${pattern} has no name, so it cannot be placed by name (a {placeholder}, a query key) nor given to the client; the operation is left out.`;
    ctx.report('CG2206', parameter, message, 'Name the parameter (`params: { id: string }`) and destructure it in the body; a path placeholder takes a parameter of its name (`id: string`), an object goes in the query with `@query params` or is the body.');
  }
  return named;
}

function isDestructured(parameter: ParameterDeclaration): boolean {
  const name = parameter.getNameNode();
  return Node.isObjectBindingPattern(name) || Node.isArrayBindingPattern(name);
}

/**
 * `Body`, `Query` or `Param` when the parameter is NestJS's `@Body()`, `@Query()` or `@Param()`
 * without a key (pipes aside: `@Body(ValidationPipe)`): the whole body, query or path parameters.
 */
function wholeValueDecorator(parameter: ParameterDeclaration, ctx: AnalyzerContext): 'Body' | 'Query' | 'Param' | undefined {
  const decorator = ctx.decorators(parameter).find((candidate) => candidate.name === 'Body' || candidate.name === 'Query' || candidate.name === 'Param');
  return decorator && decoratorKey(parameter, decorator).kind === 'whole' ? (decorator.name as 'Body' | 'Query' | 'Param') : undefined;
}
