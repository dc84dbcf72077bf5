/**
 * Validation of the config file's shape against the option table: unknown keys (CG1003, with
 * a suggestion) and values of the wrong type (CG1004, naming the key path and expected type).
 * Generator names and options are checked later, by `validateGenerators`, once plugins are known.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { checkValue, describeValue, isPlainObject, type KeyPath, type ValueProblem } from './check-value.js';
import { formatKeyPath, locateNearest, type Locate } from './locate.js';
import { CONFIG_OPTIONS, PROJECT_KEYS, ROOT_KEYS, type ConfigOption } from './option-table.js';
import { didYouMean } from './suggest.js';

/** Diagnostics for every unknown key and ill-typed value of the parsed config. */
export function validateConfigShape(raw: unknown, locate: Locate): Diagnostic[] {
  if (raw === null || raw === undefined) {
    return [invalidValue(locate, [], 'The config file is empty: `input` is required.')];
  }
  if (!isPlainObject(raw)) {
    return [invalidValue(locate, [], `The config file must hold a mapping of keys to values, got ${describeValue(raw)}.`)];
  }
  return [...checkKeys(raw, [], ROOT_KEYS, locate), ...checkProjects(raw.projects, locate)];
}

function checkKeys(settings: Record<string, unknown>, base: KeyPath, allowed: readonly string[], locate: Locate): Diagnostic[] {
  return Object.entries(settings).flatMap(([key, value]) => {
    const option = allowed.includes(key) ? CONFIG_OPTIONS.find((o) => o.key === key) : undefined;
    if (!option) return [unknownKey(locate, [...base, key], allowed)];
    if (option.key === 'projects') return [];
    return checkOption(option, value, [...base, key], locate);
  });
}

function checkOption(option: ConfigOption, value: unknown, keyPath: KeyPath, locate: Locate): Diagnostic[] {
  return checkValue(value, option.schema, keyPath).map((problem) => fromProblem(problem, locate));
}

function checkProjects(projects: unknown, locate: Locate): Diagnostic[] {
  if (projects === undefined) return [];
  if (!isPlainObject(projects) || Object.keys(projects).length === 0) {
    const message = `Invalid value for "projects": expected a mapping of project names to settings, got ${describeValue(projects)}.`;
    return [invalidValue(locate, ['projects'], message)];
  }
  return Object.entries(projects).flatMap(([name, settings]) => {
    const keyPath = ['projects', name];
    if (settings === null) return [];
    if (!isPlainObject(settings)) {
      const message = `Invalid value for "${formatKeyPath(keyPath)}": expected the project's settings (a mapping), got ${describeValue(settings)}.`;
      return [invalidValue(locate, keyPath, message)];
    }
    return checkKeys(settings, keyPath, PROJECT_KEYS, locate);
  });
}

function fromProblem(problem: ValueProblem, locate: Locate): Diagnostic {
  switch (problem.kind) {
    case 'invalid':
      return invalidValue(
        locate,
        problem.path,
        `Invalid value for "${formatKeyPath(problem.path)}": expected ${problem.expected}, got ${describeValue(problem.actual)}.`,
      );
    case 'unknown-key':
      return unknownKey(locate, problem.path, problem.allowed);
    case 'missing-key':
      return invalidValue(locate, problem.path, `Missing key "${formatKeyPath([...problem.path, problem.key])}".`);
  }
}

function unknownKey(locate: Locate, keyPath: KeyPath, allowed: readonly string[]): Diagnostic {
  const key = String(keyPath[keyPath.length - 1]);
  const where = keyPath.length > 1 ? ` in "${formatKeyPath(keyPath.slice(0, -1))}"` : '';
  return diagnostic('CG1003', {
    message: `Unknown config key "${key}"${where}.${didYouMean(key, allowed)}`,
    ...locateNearest(locate, keyPath, 'key'),
  });
}

/** A CG1004 at the value of `keyPath` (or the nearest written ancestor). */
export function invalidValue(locate: Locate, keyPath: KeyPath, message: string): Diagnostic {
  return diagnostic('CG1004', { message, ...locateNearest(locate, keyPath, 'value') });
}
