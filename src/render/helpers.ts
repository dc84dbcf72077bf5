/** Helpers every template can use: naming, JSON, comparisons. Generators add their own. */
import type { HelperDelegate } from 'handlebars';
import { camelCase, kebabCase, pascalCase, plural, snakeCase } from '../model/naming.js';

/** Handlebars passes an options object last; helpers here only want the real arguments. */
function args(values: unknown[]): unknown[] {
  return values.slice(0, -1);
}

export const BUILTIN_HELPERS: Record<string, HelperDelegate> = {
  camelCase: (value: string) => camelCase(value),
  pascalCase: (value: string) => pascalCase(value),
  kebabCase: (value: string) => kebabCase(value),
  snakeCase: (value: string) => snakeCase(value),
  plural: (value: string) => plural(value),
  json: (value: unknown) => JSON.stringify(value),
  eq: (...values: unknown[]) => {
    const [a, b] = args(values);
    return a === b;
  },
  not: (value: unknown) => !value,
  and: (...values: unknown[]) => args(values).every(Boolean),
  or: (...values: unknown[]) => args(values).some(Boolean),
  join: (list: unknown[], separator: unknown) => (Array.isArray(list) ? list.join(typeof separator === 'string' ? separator : ', ') : ''),
};
