/**
 * One run of the type-form property: the fixture projects and the random forms are generated,
 * their values judged by every judge there is, and every disagreement returned as a finding:
 *
 * - **unsupported**: no form is called unsupported (CG2004): forms.ts writes only supported
 *   types, and what CG2004 names is checked as unknown, so every value passes it (F73, F74);
 * - **compile**: the generated files pass one `tsc --strict` run over the batch;
 * - **mock**: `mockT({}, { seed })` runs and passes `isT`;
 * - **validators**: `isT`, `validateT` and `assertT` agree on every value (and do not throw);
 * - **schema**: on every value whose JSON form is itself, `isT` and the OpenAPI document's JSON
 *   Schema (ajv, 2020-12) agree, both ways;
 * - **typescript**: `isT` never accepts a value tsc rejects, and, where the type has no
 *   constraint tsc cannot see (`@minLength`, `@strict`…), never rejects one tsc accepts.
 *
 * Values are mocks and mutants of mocks (values.ts); none is assumed valid or invalid.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Declaration, Model, TypeNode } from '../../src/model/types.js';
import { createDeclarationIndex } from '../../src/generators/kit/declaration-index.js';
import { someType } from '../../src/generators/kit/walk.js';
import { weakUnionMembers } from '../../src/generators/kit/weak-members.js';
import { compileComponentSchemas, schemaErrors, type SchemaCheck } from '../helpers/json-schema.js';
import { compileBatch, generateProjects, regenerateProject, type BuiltProject, type CompileError, type ProjectInput } from './batch.js';
import type { Form } from './forms.js';
import { OracleFile, readVerdicts } from './oracle.js';
import { createRandom, isJsonFaithful, literalType, mutants, show } from './values.js';

/** The checks a finding comes from. */
export type Check = 'crash' | 'refused' | 'unsupported' | 'compile' | 'load' | 'mock' | 'validators' | 'schema' | 'typescript' | 'harness';

/** Where a subject comes from: a fixture folder or a generated form. */
export interface Origin {
  /** `fixture validate/primitives` or `form F12`. */
  label: string;
  /** The form's source (empty for fixtures: their files are in the repository). */
  source: string;
  /** The form's features, or `fixture:<kind>/<name>`: what KNOWN_FAULTS names. */
  features: string[];
}

export interface Finding {
  check: Check;
  origin: Origin;
  /** The generated type's name, when the finding is about one. */
  type?: string;
  detail: string;
}

export interface RunOptions {
  /** Temporary folder of the batch. */
  root: string;
  fixtures: boolean;
  forms: readonly Form[];
  /** Mocks per type (seeds 0…). */
  seeds: number;
  /** Mutants per mock. */
  mutantsPerMock: number;
  /** Seed of the mutations. */
  seed: number;
}

export interface RunResult {
  findings: Finding[];
  stats: {
    projects: number;
    forms: number;
    /** Declarations judged (each with validators and a mock). */
    types: number;
    values: number;
    schemaCompared: number;
    oracleCompared: number;
    oracleInconclusive: number;
    /** Values the oracle could not judge: their type has no name it can import (a default export). */
    oracleUnnamed: number;
    /** Wall-clock milliseconds of analysis and generation, of the judges (mocks, validators, ajv), of tsc, and in all. */
    generateMs: number;
    judgeMs: number;
    compileMs: number;
    totalMs: number;
    /** CPU milliseconds of this process (tsc runs in a child and is not counted). */
    cpuMs: number;
  };
}

const FIXTURE_KINDS = ['validate', 'mock', 'openapi'];
/** Unsupported forms validators check at run time though JSON cannot carry them (see validate's behaviour-checks.ts). */
const NOT_DATA: ReadonlySet<string> = new Set(['function', 'map', 'set', 'instance', 'library']);
/** Fixtures whose constraints are contradictory on purpose (mock/check.test.ts): no mock exists. */
const FIXTURES_WITHOUT_MOCKS = new Set(['mock/unsatisfiable']);

/** The fixture folders whose types the fixture tests load: `test/fixtures/<kind>/<name>/input`. */
export function fixtureProjects(): Array<ProjectInput & { origin: Origin }> {
  return FIXTURE_KINDS.flatMap((kind) =>
    readdirSync(resolve('test/fixtures', kind), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !FIXTURES_WITHOUT_MOCKS.has(`${kind}/${entry.name}`))
      .map((entry) => ({
        name: `fx-${kind}-${entry.name}`,
        copyFrom: resolve('test/fixtures', kind, entry.name, 'input'),
        model: JSON.parse(readFileSync(resolve('test/fixtures', kind, entry.name, 'model.json'), 'utf8')) as Model,
        // The validate and mock fixtures' generated files are compiled by test/unit/mock/typecheck.test.ts.
        compileGenerated: kind === 'openapi',
        origin: { label: `fixture ${kind}/${entry.name}`, source: '', features: [`fixture:${kind}/${entry.name}`] },
      })),
  );
}

const formFile = (form: Form): string => `${form.name.toLowerCase()}.ts`;

/** Runs the property over the fixtures (when asked) and the forms; returns every finding. */
export async function runProperty(options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const findings: Finding[] = [];
  const fixtures = options.fixtures ? fixtureProjects() : [];
  const formOrigins = new Map(options.forms.map((form) => [formFile(form), { label: `form ${form.name}`, source: form.source, features: form.features }]));
  const inputs: ProjectInput[] = [...fixtures];
  const formsInput = (forms: readonly Form[]): ProjectInput => ({ name: 'forms', compileGenerated: true, sources: Object.fromEntries(forms.map((form) => [formFile(form), form.source])) });
  if (options.forms.length) inputs.push(formsInput(options.forms));
  let projects = generateProjects(options.root, inputs);
  // A refused form (an error diagnostic) stops generation for all forms: report it, generate the
  // others again (the forms project only: the fixture projects do not change).
  const refused: Finding[] = [];
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const forms = projects.find((project) => project.name === 'forms');
    const files = new Set(forms?.diagnostics.filter((entry) => entry.severity === 'error').map((entry) => entry.file ?? ''));
    const kept = options.forms.filter((form) => !files.has(`input/${formFile(form)}`) && !refused.some((finding) => finding.origin.label === `form ${form.name}`));
    if (!forms || files.size === 0 || files.has('') || kept.length === 0) break;
    for (const entry of forms.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')) {
      refused.push({ check: 'refused', origin: formOrigins.get(basename(entry.file!))!, detail: `${entry.code} ${entry.file}:${entry.line}: ${entry.message}` });
    }
    projects = [...projects.filter((project) => project.name !== 'forms'), regenerateProject(options.root, formsInput(kept))];
  }
  const generateMs = performance.now() - started;

  /** The origin of a file of a project (`input/f3.ts`, `generated/f3.mock.ts`). */
  const originOf = (project: BuiltProject, file = ''): Origin => {
    const fixture = fixtures.find((entry) => entry.name === project.name);
    if (fixture) return fixture.origin;
    const base = /(?:^|\/)([a-z]+\d+)\.[\w.]*ts$/.exec(file)?.[1];
    return (base && formOrigins.get(`${base}.ts`)) || { label: `${project.name} ${file}`, source: '', features: ['runtime-file'] };
  };

  findings.push(...refused);
  const stats = { projects: projects.length, forms: options.forms.length, types: 0, values: 0, schemaCompared: 0, oracleCompared: 0, oracleInconclusive: 0, oracleUnnamed: 0, generateMs, judgeMs: 0, compileMs: 0, totalMs: 0, cpuMs: 0 };
  const oracles: Array<{ project: BuiltProject; oracle: OracleFile; judged: Map<number, Judged> }> = [];
  const random = createRandom(options.seed);

  for (const project of projects) {
    if (project.crash) {
      findings.push({ check: 'crash', origin: originOf(project), detail: project.crash });
      continue;
    }
    const errors = project.diagnostics.filter((entry) => entry.severity === 'error');
    for (const error of errors) {
      findings.push({ check: 'refused', origin: originOf(project, error.file), detail: `${error.code} ${error.file}:${error.line}: ${error.message}` });
    }
    if (errors.length) continue;
    if (project.name === 'forms') {
      for (const warning of project.diagnostics.filter((entry) => entry.code === 'CG2004')) {
        findings.push({ check: 'unsupported', origin: originOf(project, warning.file), detail: `${warning.code} ${warning.file}:${warning.line}: ${warning.message}` });
      }
    }
    const exports = new Map<string, { module: string; value: unknown }>();
    for (const module of project.modules) {
      try {
        const loaded = (await import(`${pathHref(join(project.folder, module))}?seed=${options.seed}`)) as Record<string, unknown>;
        for (const [name, value] of Object.entries(loaded)) exports.set(name, { module, value });
      } catch (error) {
        findings.push({ check: 'load', origin: originOf(project, module), detail: `${module}: ${(error as Error).message}` });
      }
    }
    const oracle = new OracleFile(project.folder, project.model);
    const schemaOf = compileComponentSchemas(project.document);
    const index = createDeclarationIndex(project.model);
    const judged = new Map<number, Judged>();
    const approximated = new Set(
      project.diagnostics.flatMap((entry) => (entry.severity === 'warning' ? (/^openapi: (\w+):/.exec(entry.message)?.slice(1, 2) ?? []) : [])),
    );
    for (const declaration of project.model.declarations) {
      const is = exports.get(`is${declaration.name}`);
      const mock = exports.get(`mock${declaration.name}`)?.value;
      if (!is || typeof mock !== 'function') continue;
      const origin = originOf(project, declaration.source.file);
      const validators = {
        is: is.value as (value: unknown) => boolean,
        validate: exports.get(`validate${declaration.name}`)?.value as (value: unknown) => { success: boolean; issues?: unknown[] },
        assert: exports.get(`assert${declaration.name}`)?.value as (value: unknown) => unknown,
      };
      // A branded primitive (`StartsA & EndsZ & { __brand: 'AZ' }`) has no value tsc accepts without a cast, by design: tsc cannot judge it.
      const branded = someType(declaration.type, (node) => (node.kind === 'string' || node.kind === 'number' || node.kind === 'bigint') && node.brand === true, { index });
      const target = branded ? undefined : oracle.typeOf(declaration, project.compileGenerated ? is.module : undefined);
      const schema = schemaOf(declaration.name);
      const refined = isRefined(declaration, index);
      const enumMembers = oracle.enumMembers(declaration.source.file);
      // A string where a Date or a bigint goes has the JSON form of one: the schema cannot tell them apart.
      const wireAmbiguous = someType(declaration.type, (node) => node.kind === 'date' || node.kind === 'bigint', { index });
      // A decimal `@multipleOf` (0.01): ajv's multipleOfPrecision and the validators' exact decimal differ on binary noise (docs/openapi.md).
      const decimalStep = someType(declaration.type, (node) => node.kind === 'number' && !Number.isInteger(Number(node.constraints?.multipleOf ?? 1)), { index });
      // A step above 10^6: the same precision makes ajv take 2000000001 for a multiple of 10^9, which the validators (exact) refuse.
      const coarseStep = someType(declaration.type, (node) => node.kind === 'number' && Number(node.constraints?.multipleOf ?? 1) > 1e6, { index });
      // Methods, functions and instances (a class with private members, a URL) have no JSON form: the schema leaves them out,
      // as it leaves out auto-accessors, whose values JSON.stringify does not see (CG2026).
      const behaviour = someType(declaration.type, (node) => (node.kind === 'object' && (node.behaviour !== undefined || node.properties.some((property) => property.autoAccessor))) || (node.kind === 'unknown' && NOT_DATA.has(node.unsupported?.form ?? '')), { index });
      // What the document says only approximately, with a warning (a pattern flag, elements after a rest).
      const approximate = someType(declaration.type, (node) => node.kind === 'ref' && approximated.has(node.id), { index }) || approximated.has(declaration.id);
      stats.types += 1;
      const subject: Subject = { declaration, origin, validators, schema };
      // A union with weak members: the validators apply tsc's weak-type rule to them.
      const weakUnion = holdsWeakUnion(declaration.type, index);
      for (let seed = 0; seed < options.seeds; seed += 1) {
        let value: unknown;
        try {
          value = (mock as (overrides: object, options: { seed: number }) => unknown)({}, { seed });
        } catch (error) {
          // A mock that says it cannot be built (a `never` or unsupported member) refuses, as a diagnostic would.
          const message = (error as Error).message;
          findings.push({ check: /^No mock can be built/.test(message) ? 'refused' : 'mock', origin, type: declaration.name, detail: `mock${declaration.name}({}, { seed: ${seed} }) throws: ${message}` });
          break;
        }
        const values = [{ value, how: `mock seed ${seed}` }, ...mutants(value, options.mutantsPerMock, random)];
        for (const [position, entry] of values.entries()) {
          const verdict = judge(subject, entry.value, entry.how, findings);
          stats.values += 1;
          if (verdict === undefined) continue;
          if (position === 0 && !verdict) {
            findings.push({ check: 'mock', origin, type: declaration.name, detail: `the mock fails its validator: ${show(entry.value)}\n    issues: ${issuesOf(subject, entry.value)}` });
          }
          if (schema && !wireAmbiguous && !behaviour && !approximate && !coarseStep && isJsonFaithful(entry.value) && !(decimalStep && holdsBinaryNoise(entry.value))) {
            stats.schemaCompared += 1;
            const accepted = schema(entry.value);
            if (accepted !== verdict) {
              findings.push({
                check: 'schema',
                origin,
                type: declaration.name,
                detail: `${entry.how}: isT ${verdict}, JSON Schema ${accepted}: ${show(entry.value)}${accepted ? `\n    issues: ${issuesOf(subject, entry.value)}` : `\n    ajv: ${schemaErrors(schema)}`}`,
              });
            }
          }
          const literal = target ? literalType(entry.value, enumMembers) : undefined;
          if (literal && target) {
            const id = judged.size;
            judged.set(id, { subject, value: entry.value, how: entry.how, verdict, exact: literal.exact && !refined });
            oracle.add(id, literal.text, target, weakRuleFor(entry.value, weakUnion));
          }
        }
      }
    }
    oracles.push({ project, oracle, judged });
  }

  stats.judgeMs = performance.now() - started - generateMs;
  const files = oracles.map(({ project, oracle }) => `${project.name}/${oracle.write()}`);
  const compileStarted = performance.now();
  const errors = await compileBatch(options.root, projects, files);
  stats.compileMs = performance.now() - compileStarted;
  findings.push(...compileFindings(errors, projects, originOf, new Set(files)));
  // tsc reports no type error of the program once a file has a syntax error (TS1xxx): every oracle
  // line would read as accepted (F77: one `!()` gave 1,831 false findings). The compile finding says why.
  const stopped = errors.some((error) => /error TS1\d{3}:/.test(error.text));
  if (stopped) findings.push({ check: 'harness', origin: { label: 'batch', source: '', features: [] }, detail: 'tsc stopped at a syntax error (see the compile findings): the oracle files were not judged' });

  for (const { project, oracle, judged } of stopped ? [] : oracles) {
    const verdicts = readVerdicts(oracle, `${project.name}/oracle.ts`, errors);
    for (const text of verdicts.harness) findings.push({ check: 'harness', origin: originOf(project), detail: `oracle line not a verdict: ${text}` });
    for (const [id, entry] of judged) {
      if (verdicts.unnamed.has(id)) {
        stats.oracleUnnamed += 1;
        continue;
      }
      if (verdicts.inconclusive.has(id)) {
        stats.oracleInconclusive += 1;
        continue;
      }
      stats.oracleCompared += 1;
      const rejection = verdicts.rejected.get(id);
      const { subject } = entry;
      if (entry.verdict && rejection) {
        findings.push({
          check: 'typescript',
          origin: subject.origin,
          type: subject.declaration.name,
          detail: `${entry.how}: isT accepts what TypeScript rejects: ${show(entry.value)}\n    tsc: ${rejection.split('\n').slice(0, 3).join(' ').replace(/^.*?error /, '')}`,
        });
      } else if (!entry.verdict && !rejection && entry.exact && !rejectsArrayAsObject(subject, entry.value)) {
        findings.push({
          check: 'typescript',
          origin: subject.origin,
          type: subject.declaration.name,
          detail: `${entry.how}: isT rejects what TypeScript accepts (the type has no constraint tsc cannot see): ${show(entry.value)}\n    issues: ${issuesOf(subject, entry.value)}`,
        });
      }
    }
  }
  stats.totalMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  stats.cpuMs = (cpu.user + cpu.system) / 1000;
  return { findings, stats };
}

interface Subject {
  declaration: Declaration;
  origin: Origin;
  validators: {
    is: (value: unknown) => boolean;
    validate: (value: unknown) => { success: boolean; issues?: unknown[] };
    assert: (value: unknown) => unknown;
  };
  schema: SchemaCheck | undefined;
}

interface Judged {
  subject: Subject;
  value: unknown;
  how: string;
  verdict: boolean;
  /** Whether TypeScript accepting the value means the validator must accept it too. */
  exact: boolean;
}

/** `isT`'s verdict, after checking that `validateT` and `assertT` agree; undefined (and a finding) when they do not or throw. */
function judge(subject: Subject, value: unknown, how: string, findings: Finding[]): boolean | undefined {
  const { declaration, origin, validators } = subject;
  const fail = (detail: string): undefined => {
    findings.push({ check: 'validators', origin, type: declaration.name, detail: `${how}: ${detail}: ${show(value)}` });
    return undefined;
  };
  let verdict: boolean;
  let result: { success: boolean; issues?: unknown[] };
  try {
    verdict = validators.is(value);
    result = validators.validate(value);
  } catch (error) {
    return fail(`isT or validateT throws ${(error as Error).message}`);
  }
  if (typeof verdict !== 'boolean') return fail(`isT returns ${String(verdict)}`);
  if (result.success !== verdict) return fail(`isT says ${verdict}, validateT says ${result.success}`);
  if (!result.success && !result.issues?.length) return fail('validateT fails without issues');
  let thrown: unknown;
  try {
    validators.assert(value);
  } catch (error) {
    thrown = error;
  }
  if (verdict && thrown) return fail(`assertT throws on a value isT accepts: ${String(thrown)}`);
  if (!verdict && !(thrown instanceof Error && thrown.name === 'ValidationError')) return fail('assertT does not throw a ValidationError on a value isT rejects');
  return verdict;
}

function issuesOf(subject: Subject, value: unknown): string {
  try {
    const result = subject.validators.validate(value) as { success: boolean; issues?: Array<{ path: string; code: string; message: string }> };
    return result.success ? '(none)' : (result.issues ?? []).map((issue) => `${issue.path} ${issue.code}: ${issue.message}`).join('; ').slice(0, 400);
  } catch (error) {
    return `validate throws ${(error as Error).message}`;
  }
}

/**
 * Whether a value of `node` is judged, at its top level, by a union with weak members: its own,
 * or one a member names (`type F = Weak | string` with `type Weak = { a?: number } | { b?: string }`:
 * `isWeak` applies the rule inside `isF`, so the oracle must not set it aside; F75).
 */
function holdsWeakUnion(node: TypeNode, index: ReturnType<typeof createDeclarationIndex>, seen = new Set<string>()): boolean {
  if (node.kind === 'ref') {
    if (seen.has(node.id)) return false;
    seen.add(node.id);
    const declaration = index.find(node.id);
    return declaration !== undefined && holdsWeakUnion(declaration.type, index, seen);
  }
  if (node.kind !== 'union') return false;
  return weakUnionMembers(node.members, index).size > 0 || node.members.some((member) => holdsWeakUnion(member, index, seen));
}

/**
 * Whether the value holds a number whose shortest decimal has more than 15 significant digits
 * (`0.8200000000000001`, a neighbour of `0.82`): where a decimal `@multipleOf` is documented to
 * differ between the validators (exact on the decimal) and ajv's `multipleOfPrecision` (F76).
 */
function holdsBinaryNoise(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && value.toExponential().replace(/^-?|e.*$/g, '').replace('.', '').length > 15;
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).some(holdsBinaryNoise);
}

/** How the oracle reads tsc's weak-type rule for a value (OracleFile.add). */
function weakRuleFor(value: unknown, weakUnion: boolean): 'aside' | 'verdict' | 'kept' {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'verdict';
  return weakUnion ? 'kept' : 'aside';
}

/**
 * Whether every issue is an array or a primitive where an object type is expected: TypeScript
 * lets an array, or a string (whose apparent type has a number index), be a `Record<number, T>`;
 * validators and JSON Schema keep objects apart, by design.
 */
function rejectsArrayAsObject(subject: Subject, value: unknown): boolean {
  try {
    const result = subject.validators.validate(value) as { success: boolean; issues?: Array<{ path: string; message: string }> };
    return (result.issues ?? []).every((issue) => {
      const node = issue.path
        .split('/')
        .slice(1)
        .reduce<unknown>((current, key) => (current as Record<string, unknown> | undefined)?.[key.replaceAll('~1', '/').replaceAll('~0', '~')], value);
      // An object type among what was expected (`expected object`, `expected { x?: number } | string`).
      return (Array.isArray(node) || typeof node !== 'object') && /expected (object|.*\{)/.test(issue.message);
    });
  } catch {
    return false;
  }
}

/** Whether the type carries a check TypeScript cannot see: a constraint, or `@strict`. */
function isRefined(declaration: Declaration, index: ReturnType<typeof createDeclarationIndex>): boolean {
  return someType(
    declaration.type,
    (node: TypeNode) => {
      const constraints = (node as { constraints?: object }).constraints;
      return (constraints !== undefined && Object.keys(constraints).length > 0) || (node.kind === 'object' && node.strict);
    },
    { index },
  );
}

/** tsc errors outside the oracle files: in generated files (a finding for their form), in inputs (the harness wrote bad TypeScript). */
function compileFindings(errors: readonly CompileError[], projects: readonly BuiltProject[], originOf: (project: BuiltProject, file?: string) => Origin, oracleFiles: Set<string>): Finding[] {
  const findings: Finding[] = [];
  for (const error of errors) {
    if (oracleFiles.has(error.file)) continue;
    const [projectName, ...rest] = error.file.split('/');
    const project = projects.find((entry) => entry.name === projectName);
    const file = rest.join('/');
    const origin = project ? originOf(project, file) : { label: 'batch', source: '', features: [] };
    findings.push({ check: file.startsWith('input/') ? 'harness' : 'compile', origin, detail: error.text.replace(/^.*?: error /, `${file}:${error.line}: `) });
  }
  return findings;
}

function pathHref(path: string): string {
  return new URL(`file://${path}`).href;
}
