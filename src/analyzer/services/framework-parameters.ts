/**
 * Parameters the server fills rather than the client sends: NestJS's `@Req()`, `@Res()`,
 * `@Next()`, `@Session()`, `@Ip()`, `@HostParam()` and `@Headers()` without a name (all
 * headers) are left out of the API silently, being the framework's; a custom param decorator
 * (`@CurrentUser()`) or `@UploadedFile()` is left out with CG2208, since it may hide an input.
 */
import type { DecoratorCall } from '../tags/decorators.js';
import type { AnalyzerContext } from '../context.js';
import { staticKey } from './nest-parameter-key.js';

const FRAMEWORK = new Set(['Req', 'Request', 'Res', 'Response', 'Next', 'Session', 'Ip', 'HostParam']);
const API = new Set(['Param', 'Query', 'Headers', 'Body']);

/** True when a parameter's decorators make it the server's, left out of the API (no diagnostic). */
export function isServerFilled(decorators: readonly DecoratorCall[]): boolean {
  return decorators.length > 0 && !decorators.some((d) => API.has(d.name) && !isAllHeaders(d));
}

/** True when a parameter's decorators make it the server's (CG2208 when it is not plainly the framework's). */
export function isFrameworkParameter(decorators: readonly DecoratorCall[], where: string, ctx: AnalyzerContext): boolean {
  if (!isServerFilled(decorators)) return false;
  const other = decorators.find((d) => !FRAMEWORK.has(d.name) && !isAllHeaders(d));
  if (other) {
    const why = other.name.startsWith('Uploaded') ? 'file uploads (multipart bodies) are not part of the generated API' : 'codegen reads it as a value the server fills (a custom param decorator)';
    ctx.report('CG2208', other.location, `@${other.name}() on ${where}: ${why}; the parameter is left out of the document and the client.`, "If the client must send it, read it with @Param('name'), @Query(), @Headers('name') or @Body().");
  }
  return true;
}

/** `@Headers()` without a name: the request's headers, not one the client sends. */
function isAllHeaders(decorator: DecoratorCall): boolean {
  return decorator.name === 'Headers' && staticKey(decorator) === undefined;
}
