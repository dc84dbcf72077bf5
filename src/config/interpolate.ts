/**
 * `${VAR}` and `${VAR:-default}` in config strings (shell semantics: the default applies when
 * the variable is unset or empty). `$${` writes a literal `${`.
 */
import { parse as parseYaml, visit, type Document, type Scalar } from 'yaml';

const REFERENCE = /\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;
const WHOLE_REFERENCE = /^\$\{[A-Za-z_][A-Za-z0-9_]*(?::-[^}]*)?\}$/;

export type Env = Record<string, string | undefined>;

export interface Interpolated {
  value: string;
  /** Variables referenced without a default and not set. */
  undefinedVariables: string[];
}

/** Replaces the variable references in one string. */
export function interpolate(text: string, env: Env): Interpolated {
  const undefinedVariables: string[] = [];
  const value = text.replace(REFERENCE, (match, name: string | undefined, fallback: string | undefined) => {
    if (name === undefined) return '${';
    const set = env[name];
    if (set !== undefined && set !== '') return set;
    if (fallback !== undefined) return fallback;
    if (set === undefined) undefinedVariables.push(name);
    return '';
  });
  return { value, undefinedVariables };
}

/**
 * Interpolates every string value (not keys) of a document in place, keeping positions.
 * An unquoted value that is exactly one reference is read as if its text had been written
 * there (`debounce: ${DEBOUNCE:-150}` is a number); quote it to keep a string.
 */
export function interpolateDocument(
  document: Document,
  env: Env,
  onUndefined: (variable: string, node: Scalar) => void,
): void {
  visit(document, {
    Scalar(key, node) {
      if (key === 'key' || typeof node.value !== 'string' || !node.value.includes('${')) return;
      const source = node.value;
      const { value, undefinedVariables } = interpolate(source, env);
      for (const variable of undefinedVariables) onUndefined(variable, node);
      node.value = node.type === 'PLAIN' && WHOLE_REFERENCE.test(source) ? retype(value) : value;
    },
  });
}

function retype(text: string): unknown {
  try {
    const value: unknown = parseYaml(text);
    return value !== null && typeof value === 'object' ? text : value;
  } catch {
    return text;
  }
}

