/**
 * TypeScript as the oracle on values: each value becomes two lines of a project's `oracle.ts`,
 *
 *     declare const s7: { "a": "x"; "b": [1, 2] };
 *     export const v7: M0.F3 = s7;
 *
 * compiled in the batch's one tsc run. The first line gives the value's exact type (not a fresh
 * literal, so no excess-property check: tsc judges structurally, as a validator sees parsed
 * JSON); an error on the second line is TypeScript rejecting the value. An error on the first
 * is the harness's own fault, reported as such.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Declaration, Model, TypeNode } from '../../src/model/types.js';
import type { CompileError } from './batch.js';

/** How the oracle file names types: imports per input file, and the guard of types no import names. */
export class OracleFile {
  private readonly imports = new Map<string, string>();
  private readonly guards = new Map<string, string>();
  private readonly lines: string[] = [];
  /** Oracle line (1-based) of each value's assignment → the value's id. */
  readonly assignments = new Map<number, number>();
  /** Oracle line of each value's declaration → the value's id. */
  readonly declarations = new Map<number, number>();

  constructor(
    readonly folder: string,
    private readonly model: Model,
  ) {}

  /** The module alias of an input file (`input/a.ts` → `M0`), imported as types. */
  private moduleOf(file: string): string {
    let alias = this.imports.get(file);
    if (!alias) {
      alias = `M${this.imports.size}`;
      this.imports.set(file, alias);
    }
    return alias;
  }

  /**
   * TypeScript's name of a declaration: `M0.Name` (or `M0.Ns.Name`) for an exported plain
   * declaration, else the type its generated guard narrows to (`Guarded<typeof isPage_Order>`).
   */
  typeOf(declaration: Declaration, guardModule: string | undefined): string | undefined {
    if (!declaration.exported) return undefined;
    const name = `${this.moduleOf(declaration.source.file)}.${declaration.qualifiedName ?? declaration.name}`;
    if (!declaration.instantiation) return name;
    if (!guardModule) {
      // `Page<Order>`: the generic, by its own name, with its arguments when they are simple.
      const generic = `${this.moduleOf(declaration.source.file)}.${declaration.instantiation.generic}`;
      const args = declaration.instantiation.typeArguments.map((node) => this.argument(node));
      return args.includes(undefined) ? undefined : `${generic}<${args.join(', ')}>`;
    }
    const guard = `is${declaration.name}`;
    this.guards.set(guard, guardModule);
    return `Guarded<typeof ${guard}>`;
  }

  /** A type argument as TypeScript text: declarations, primitives, literals and arrays of them. */
  private argument(node: TypeNode): string | undefined {
    switch (node.kind) {
      case 'ref': {
        const declaration = this.model.declarations.find((entry) => entry.id === node.id);
        return declaration ? this.typeOf(declaration, undefined) : undefined;
      }
      case 'string':
      case 'number':
      case 'boolean':
      case 'bigint':
      case 'null':
      case 'undefined':
      case 'unknown':
        return node.kind;
      case 'date':
        return 'Date';
      case 'literal':
        return JSON.stringify(node.value);
      case 'array': {
        const items = this.argument(node.items);
        return items === undefined ? undefined : `(${items})[]`;
      }
      default:
        return undefined;
    }
  }

  /**
   * The type of each string enum member value (`"red"` → `M0.Color.Red`), null for a value two
   * members share; numeric members need none (a number literal is assignable to its member).
   * Enums declared in `file` come first: a value other files' enums share is taken as its own.
   */
  enumMembers(file: string): Map<string, string | null> {
    const own = new Map<string, string | null>();
    const others = new Map<string, string | null>();
    for (const declaration of this.model.declarations) {
      if (declaration.type.kind !== 'enum' || !declaration.exported) continue;
      const members = declaration.source.file === file ? own : others;
      const enumType = `${this.moduleOf(declaration.source.file)}.${declaration.qualifiedName ?? declaration.name}`;
      for (const member of declaration.type.members) {
        if (typeof member.value !== 'string') continue;
        const text = /^[A-Za-z_$][\w$]*$/.test(member.name) ? `${enumType}.${member.name}` : `(typeof ${enumType})[${JSON.stringify(member.name)}]`;
        members.set(member.value, members.has(member.value) ? null : text);
      }
    }
    for (const [value, text] of others) if (!own.has(value)) own.set(value, text);
    return own;
  }

  /**
   * Adds the value `id` of type text `valueType` against the target type `target`. `weakRule`
   * says how tsc's weak-type rule (TS2559) is read for this value: `'aside'` (a plain object
   * against a type that is not a union with weak members: validators accept extra keys there, by
   * design, so the target is relaxed, `Judged<T>`), `'verdict'` (an array or a primitive: no
   * object type of the validators accepts one, so TS2559 on the value itself is a rejection), or
   * `'kept'` (a plain object against a union with weak members, which validators test by the rule).
   */
  add(id: number, valueType: string, target: string, weakRule: 'aside' | 'verdict' | 'kept'): void {
    this.lines.push(`declare const s${id}: ${valueType};`);
    this.declarations.set(this.lines.length, id);
    this.lines.push(`export const v${id}: ${weakRule === 'aside' ? `Judged<${target}>` : target} = s${id};`);
    this.assignments.set(this.lines.length, id);
    if (weakRule === 'verdict') this.weakVerdicts.add(id);
  }

  /** Values for which tsc's TS2559 on the value itself is a verdict (see `add`). */
  readonly weakVerdicts = new Set<number>();

  get size(): number {
    return this.assignments.size;
  }

  /** Writes `oracle.ts`; returns its path relative to the batch root's project folder. */
  write(): string {
    // Only the names some line uses: a module is named for an enum member no value turned out to need (noUnusedLocals).
    const body = this.lines.join('\n');
    const used = (name: string): boolean => new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`).test(body);
    const header = [
      ...[...this.imports].filter(([, alias]) => used(alias)).map(([file, alias]) => `import type * as ${alias} from './${file.replace(/\.ts$/, '.js')}';`),
      ...[...this.guards].filter(([guard]) => used(guard)).map(([guard, module]) => `import type { ${guard} } from './${module.replace(/\.ts$/, '.js')}';`),
      // Exported: noUnusedLocals (compileBatch) must not call an unused helper type an error.
      'export type Guarded<F> = F extends (value: unknown) => value is infer T ? T : never;',
      // A target intersected with a type every non-nullish value has (a `toString` of any type)
      // is not a weak (all-optional) type, so tsc's weak-type rule (TS2559: "no properties in
      // common"), which validators apply in unions only (generators/kit/weak-members.ts), does not
      // apply; null and undefined stay as they are. Used for plain objects only: an array or a
      // primitive has a `toString` too, and would pass for an object of optional keys (F70, `[null]`).
      'export type Judged<T> = T & ({ toString: unknown } | null | undefined);',
    ];
    // The header takes the first lines: shift the recorded line numbers past it.
    const shift = (map: Map<number, number>): void => {
      const entries = [...map];
      map.clear();
      for (const [line, id] of entries) map.set(line + header.length, id);
    };
    shift(this.assignments);
    shift(this.declarations);
    writeFileSync(join(this.folder, 'oracle.ts'), `${[...header, ...this.lines].join('\n')}\n`);
    return 'oracle.ts';
  }
}

/** TypeScript's verdict on each value of an oracle file: rejected ids with tsc's message; harness errors apart. */
export interface OracleVerdicts {
  rejected: Map<number, string>;
  /** Values tsc rejected only by its weak-type rule (no property in common): not a verdict on membership. */
  inconclusive: Set<number>;
  /** Values whose line failed for another reason than the value (the target type has no name the oracle can import). */
  unnamed: Set<number>;
  harness: string[];
}

/** Sorts the batch's tsc errors in `file` (relative to the batch root) into verdicts. */
export function readVerdicts(oracle: OracleFile, file: string, errors: readonly CompileError[]): OracleVerdicts {
  const verdicts: OracleVerdicts = { rejected: new Map(), inconclusive: new Set(), unnamed: new Set(), harness: [] };
  const skipped = verdicts.unnamed;
  for (const error of errors) {
    if (error.file !== file) continue;
    const id = oracle.assignments.get(error.line);
    if (id === undefined) {
      const declared = oracle.declarations.get(error.line);
      // The value's type names an enum member the oracle cannot import (a renamed export): no verdict.
      if (declared !== undefined && /error TS(2694|2305|2724):/.test(error.text)) skipped.add(declared);
      else verdicts.harness.push(error.text);
      continue;
    }
    if (skipped.has(id)) continue;
    // Only an assignability error is a verdict (TS2820 is one with "Did you mean"); another (a type the oracle cannot name, as a
    // default export) says nothing about the value.
    if (!/error TS(2322|2741|2739|2740|2559|2375|2719|2820):/.test(error.text)) verdicts.unnamed.add(id);
    // TS2559 on the value itself (not deeper in tsc's elaboration) is a verdict on an array or a primitive.
    else if (/error TS2559:/.test(error.text) && oracle.weakVerdicts.has(id)) verdicts.rejected.set(id, error.text);
    else if (/has no properties in common with type/.test(error.text)) verdicts.inconclusive.add(id);
    else verdicts.rejected.set(id, error.text);
  }
  return verdicts;
}
