/**
 * The boundary between codegen and a plugin. A plugin is the user's code, often plain
 * JavaScript: nothing checked its values at compile time. What it exports is checked when it is
 * loaded (CG3005), and everything it returns (`plan`'s files, `check`'s diagnostics, `requests`,
 * `uses`) is checked against the contract before codegen uses it (CG3007, naming the plugin, the
 * file and the field), so that a wrong value never reaches the index file, a header or the
 * manifest, nor ends as an internal error.
 */
import { statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { diagnostic } from '../diagnostics/create.js';
import { DiagnosticError, type Diagnostic } from '../diagnostics/types.js';
import type { GeneratorDefinition, PlannedFile } from '../generators/kit/contract.js';
import {
  CHECK_RESULT,
  describeValue,
  GENERATOR_DEFINITION,
  PLAN_RESULT,
  REQUESTS_RESULT,
  USES_RESULT,
  type Check,
  type Problem,
} from './plugin-contract-schema.js';

type Definition = GeneratorDefinition<any>;

/** The fields of a definition codegen reads; a module may export more, which is its own business. */
const DEFINITION_FIELDS = ['name', 'description', 'options', 'templatesDir', 'namesFilesByPattern', 'helpers', 'uses', 'requests', 'check', 'plan'] as const;

/**
 * Checks what a plugin module exports and returns a definition whose functions check what they
 * return. Throws an Error whose message says which field is wrong (the loader reports CG3005).
 */
export function guardPlugin(exported: unknown, display?: string): Definition {
  if (typeof exported !== 'object' || exported === null || Array.isArray(exported)) {
    throw new Error(`the module must export a generator definition (name, templatesDir, plan) as default or \`generator\`, got ${describeValue(exported)}`);
  }
  const source = exported as Record<string, unknown>;
  const fields = Object.fromEntries(DEFINITION_FIELDS.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]));
  const problems = GENERATOR_DEFINITION(fields, '');
  if (typeof fields['templatesDir'] === 'string' && !isAbsolute(fields['templatesDir'])) {
    problems.push({ field: 'templatesDir', expected: "an absolute path (fileURLToPath(new URL('./templates', import.meta.url)))", got: fields['templatesDir'] });
  } else if (typeof fields['templatesDir'] === 'string' && !isDirectory(fields['templatesDir'])) {
    problems.push({ field: 'templatesDir', expected: 'the path of an existing folder (the generator\'s templates)', got: fields['templatesDir'] });
  }
  if (problems.length > 0) throw new Error(problems.map(problemText).join('; '));
  return guardResults(fields as unknown as Definition, display, source);
}

/**
 * A definition whose `plan`, `check`, `requests` and `uses` results are checked (CG3007). Its
 * functions run with `self` as `this`: the exported object, when it is a class instance.
 */
export function guardResults(definition: Definition, display?: string, self: object = definition): Definition {
  const name = definition.name;
  const call = <T>(run: () => unknown, check: Check, what: string): T => {
    const result = run();
    const problems = check(result, '');
    if (problems.length > 0) throw new DiagnosticError(problems.map((problem) => resultDiagnostic(name, what, problem, result, display)));
    return result as T;
  };
  const guarded: Definition = {
    ...definition,
    description: definition.description ?? `Custom generator ${name}`,
    options: definition.options ?? [],
    plan: (model, options, context) => {
      const files = call<PlannedFile[]>(() => definition.plan.call(self, model, options, context), PLAN_RESULT, 'plan()');
      const twice = duplicatePaths(files);
      if (twice.length > 0) throw new DiagnosticError(twice.map((path) => planDiagnostic(name, `plan() returned two files with the path "${path}"`, display)));
      return files;
    },
  };
  const { check, requests, uses } = definition;
  if (check) guarded.check = (model, options, context) => call(() => check.call(self, model, options, context), CHECK_RESULT, 'check()');
  if (requests) guarded.requests = (model, options) => call(() => requests.call(self, model, options), REQUESTS_RESULT, 'requests()');
  if (typeof uses === 'function') guarded.uses = (options) => call(() => uses.call(self, options), USES_RESULT, 'uses()');
  return guarded;
}

/** A problem in `plan()`'s files names the file by its path (or its place, when the path is what is wrong). */
function resultDiagnostic(plugin: string, what: string, problem: Problem, result: unknown, display?: string): Diagnostic {
  const index = /^\[(\d+)\]\.?(.*)$/.exec(problem.field);
  if (what !== 'plan()' || !index) {
    const subject = problem.field === '' ? `${what} returned` : `${what} returned an invalid value:`;
    return planDiagnostic(plugin, `${subject} ${problemText(problem)}`, display);
  }
  const position = Number(index[1]);
  const path = (Array.isArray(result) ? (result[position] as { path?: unknown } | undefined)?.path : undefined);
  const file = typeof path === 'string' && path.length > 0 && index[2] !== 'path' ? `"${path}"` : `number ${position + 1}`;
  const rest = index[2] ?? '';
  const detail = rest === '' ? problemText({ ...problem, field: '' }).replace(/^/, 'must be ') : problemText({ ...problem, field: rest });
  return planDiagnostic(plugin, `planned file ${file}: ${detail}`, display);
}

/** Located at the plugin's file (`codegen/names.js`), which is where the fix goes. */
function planDiagnostic(plugin: string, message: string, display?: string): Diagnostic {
  return diagnostic('CG3007', { message: `Plugin "${plugin}": ${message}`, ...(display ? { file: display } : {}) });
}

/** `"indexExports" must be an array of export names …, got the string "N"`. */
function problemText(problem: Problem): string {
  const field = problem.field === '' ? '' : `"${problem.field}" `;
  if (problem.note) return `${field}${problem.note}`;
  if (problem.field === '') return `${problem.expected}, got ${describeValue(problem.got)}`;
  return `${field}must be ${problem.expected}, got ${describeValue(problem.got)}`;
}

function duplicatePaths(files: readonly PlannedFile[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const file of files) (seen.has(file.path) ? twice : seen).add(file.path);
  return [...twice];
}

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
}
