/**
 * NestJS versions: `@Controller({ version: '1' })` and `@Version('2')` on a method (which wins).
 * The app's versioning type is set in `main.ts` (`app.enableVersioning(...)`), which is not
 * read; codegen assumes URI versioning with its default prefix `v`, so version `1` puts the
 * operation under `/v1/…` (docs/annotations.md says so). `VERSION_NEUTRAL` adds no prefix.
 */
import type { DecoratorCall, StaticValue } from '../tags/decorators.js';
import type { AnalyzerContext } from '../context.js';

/** The default prefix of NestJS URI versioning. */
export const URI_VERSION_PREFIX = 'v';

/** The path prefix of a version value (`'1'` → `/v1`), `` for none or neutral; reports what it cannot read. */
export function versionPrefix(value: StaticValue | undefined, decorator: DecoratorCall, where: string, ctx: AnalyzerContext): string {
  if (value === undefined || isNeutral(value)) return '';
  const versions = Array.isArray(value) ? value : [value];
  const first = versions.find((version) => !isNeutral(version));
  if (typeof first !== 'string' && typeof first !== 'number') {
    ctx.report('CG2206', decorator.location, `version of ${where}: expected a version string, e.g. '1'.`);
    return '';
  }
  if (versions.length > 1) {
    ctx.report('CG2207', decorator.location, `${where} answers versions ${versions.map(describe).join(', ')}; only version ${first} is documented and called.`, 'Give each version its own method (`@Version(\'2\')`) to have all of them in the API.');
  }
  return `/${URI_VERSION_PREFIX}${first}`;
}

/** `@Version('2')` on a method: its prefix, or undefined when the method names no version. */
export function methodVersionPrefix(decorators: readonly DecoratorCall[], where: string, ctx: AnalyzerContext): string | undefined {
  const decorator = decorators.find((d) => d.name === 'Version');
  return decorator ? versionPrefix(decorator.arguments[0], decorator, where, ctx) : undefined;
}

function isNeutral(value: StaticValue): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'unsupported' in value && /\bVERSION_NEUTRAL$/.test(value.unsupported);
}

function describe(value: StaticValue): string {
  return isNeutral(value) ? 'VERSION_NEUTRAL' : String(value);
}
