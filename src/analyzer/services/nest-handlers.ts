/**
 * NestJS handlers whose request or response no JSON API describes. Each is left out of the
 * document, the client and the mock with the warning CG2210 at what makes it so, and the rest of
 * the project is read (an error would stop the whole run over one route):
 * - `@Body('name') name: string` reads one property of the body; several of them make a body no
 *   one parameter types (read the whole body with `@Body() dto: Dto`);
 * - `@Res()` / `@Response()` without `{ passthrough: true }`: the handler writes the response
 *   itself, so its return type says nothing about what is sent;
 * - a `StreamableFile` result (also in a `Promise` or an `Observable`): a file download, not JSON;
 * - `@Sse()`: an event stream, not one JSON answer (it is no route for codegen: serviceMembers
 *   reports it where it would report an unrouted method).
 */
import type { Node } from 'ts-morph';
import type { SourceLocation } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import type { DecoratorCall } from '../tags/decorators.js';
import { decoratorKey } from './nest-parameter-key.js';
import { resultType } from './responses.js';
import type { ServiceMember } from './service-members.js';

const HINT = 'Read the whole body with @Body() dto: Dto, return the value instead of writing it with @Res() (or use @Res({ passthrough: true })), or keep the route out of the generated API.';

/** True when the member's handler can be described; else CG2210 (the operation is left out). */
export function describableHandler(member: ServiceMember, path: string, ctx: AnalyzerContext): boolean {
  for (const parameter of member.parameters) {
    for (const decorator of ctx.decorators(parameter)) {
      const key = decorator.name === 'Body' ? decoratorKey(parameter, decorator) : undefined;
      if (key?.kind === 'key') return leaveOut(decorator.location, `${path}: @Body('${key.key}') reads one property of the request body, which codegen does not model; the operation is left out of the API.`, ctx);
      if ((decorator.name === 'Res' || decorator.name === 'Response') && !passesThrough(decorator)) {
        return leaveOut(decorator.location, `${path}: @${decorator.name}() hands the response to the handler, so its return type does not say what is sent; the operation is left out of the API.`, ctx);
      }
    }
  }
  const result = resultType(member.returnType);
  if (result.getSymbol()?.getName() === 'StreamableFile') {
    return leaveOut(member.returnSyntax ?? member.node, `${path}: a StreamableFile result is a file download, not JSON; the operation is left out of the API.`, ctx);
  }
  return true;
}

/** CG2210 at an `@Sse()` handler: an event stream is no operation of the API. */
export function reportServerSentEvents(method: Node, path: string, ctx: AnalyzerContext): void {
  const sse = ctx.decorators(method).find((decorator) => decorator.name === 'Sse');
  if (sse) ctx.report('CG2210', sse.location, `${path}: @Sse() sends a stream of server-sent events, not one JSON answer; the operation is left out of the API.`, 'Describe the events in your own documentation; codegen generates no client for them.');
}

/** `@Res({ passthrough: true })`: Nest still sends what the handler returns. */
function passesThrough(decorator: DecoratorCall): boolean {
  const [options] = decorator.arguments;
  return typeof options === 'object' && options !== null && 'object' in options && options.object.passthrough === true;
}

function leaveOut(at: Node | SourceLocation, message: string, ctx: AnalyzerContext): false {
  ctx.report('CG2210', at, message, HINT);
  return false;
}
