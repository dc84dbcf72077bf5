/**
 * Helpers as the render stage registers them: a helper that throws is reported at the tag that
 * called it, by name, instead of at 1:1; and `lookup` is strict like every other read.
 */
import type { HelperDelegate, HelperOptions } from 'handlebars';
import { isLocated, TemplateFailure } from './template-failure.js';

/** Wraps each helper so that its failures carry the helper's name and the calling tag's position. */
export function locatedHelpers(helpers: Record<string, HelperDelegate>): Record<string, HelperDelegate> {
  return Object.fromEntries(Object.entries(helpers).map(([name, helper]) => [name, located(name, helper)]));
}

function located(name: string, helper: HelperDelegate): HelperDelegate {
  return function (this: unknown, ...args: unknown[]) {
    try {
      return (helper as (...values: unknown[]) => unknown).apply(this, args);
    } catch (error) {
      // A failure inside a block's body (`options.fn`) already says where it happened.
      if (isLocated(error)) throw error;
      const options = args[args.length - 1] as Partial<HelperOptions> & { loc?: TemplateFailure['loc'] };
      const reason = error instanceof Error ? error.message : String(error);
      throw new TemplateFailure(`Helper "${name}" failed: ${reason}`, 'helper-threw', options?.loc, { cause: error });
    }
  };
}

/** Handlebars' `lookup` answers `undefined` for a missing key; in strict templates that is an error. */
export function strictLookupHelper(target: unknown, key: unknown, options: { loc?: TemplateFailure['loc'] }): unknown {
  const name = String(key);
  if (target !== null && target !== undefined && Object.prototype.hasOwnProperty.call(Object(target), name)) {
    return (target as Record<string, unknown>)[name];
  }
  throw new TemplateFailure(`"${name}" is not defined in the value given to lookup`, 'missing-value', options.loc);
}
