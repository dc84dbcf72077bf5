/** What every reader shares while one analysis runs: options, the declaration table, diagnostics. */
import type { Node, ts } from 'ts-morph';
import { diagnostic, type Diagnostic, type DiagnosticCode } from '../diagnostics/index.js';
import type { SourceLocation } from '../model/index.js';
import type { DeclarationTable, TableEntry } from './declaration-table.js';
import { nameNodeOf, positionOf } from './location.js';
import { readDecorators, type DecoratorCall } from './tags/decorators.js';
import { readJsDocTags, type JsDocTag } from './tags/jsdoc.js';
import { isParameterProperty } from './tags/parameter-property-decorators.js';
import type { NamingOption } from './persistence/naming.js';

export interface AnalyzerOptions {
  rootDir: string;
  displayRoot: string;
  defaultGenerators: string[];
  knownGenerators: string[];
  /** The config's `naming`: how entities' unnamed tables and columns are named (persistence/naming.ts); `auto` when absent. */
  naming?: NamingOption;
}

export class AnalyzerContext {
  readonly diagnostics: Diagnostic[] = [];
  /** The declaration being read: references made now are made on its behalf. */
  owner: TableEntry | undefined;
  /** `@strict` on the declaration being read: applies to its object and nested inline objects. */
  strict = false;
  /**
   * The checker's `undefined` type when the user's tsconfig sets `exactOptionalPropertyTypes`:
   * an optional property whose type holds this one admits `undefined`, one holding only the
   * checker's "missing" type (`x?: string`) does not (properties.ts).
   */
  exactOptionalUndefined: ts.Type | undefined;
  /**
   * Class fields have define semantics in the user's program (`useDefineForClassFields`, on by
   * default from target ES2022): `x?: T` declared without an initialiser is an own property
   * holding `undefined` on every new instance (properties.ts).
   */
  defineClassFields = false;

  constructor(
    readonly options: AnalyzerOptions,
    readonly table: DeclarationTable,
  ) {}

  /** Keys of the diagnostics `reportOnce` has recorded. */
  private readonly reported = new Set<string>();

  /** Records a diagnostic pointing at a node (its name when it has one) or a known position. */
  report(code: DiagnosticCode, at: Node | SourceLocation, message: string, hint?: string): void {
    const location = 'file' in at && typeof at.file === 'string' ? (at as SourceLocation) : this.display(at as Node);
    this.diagnostics.push(diagnostic(code, { message, ...location, ...(hint === undefined ? {} : { hint }) }));
  }

  /**
   * `report`, unless a diagnostic with this code and `key` was recorded at this position before:
   * one written annotation is read again wherever a mapped type (`Pick<User, 'name'>`,
   * `Partial<User>`) copies its property, and its problem is still one problem.
   */
  reportOnce(code: DiagnosticCode, at: SourceLocation, key: string, message: string, hint?: string): void {
    const id = `${code}|${at.file}:${at.line}:${at.column}|${key}`;
    if (this.reported.has(id)) return;
    this.reported.add(id);
    this.report(code, at, message, hint);
  }

  /** The model's source location of a declaration or property (relative to the config folder). */
  source(node: Node): SourceLocation {
    return positionOf(nameNodeOf(node), this.options.rootDir);
  }

  /** A node's position for diagnostics (relative to the display root). */
  display(node: Node): SourceLocation {
    return positionOf(nameNodeOf(node), this.options.displayRoot);
  }

  tags(node: Node): JsDocTag[] {
    return readJsDocTags(node, this.options.displayRoot);
  }

  /**
   * The decorators on a node; none on a constructor's parameter property, where a property
   * decorator applies to no property (tags/parameter-property-decorators.ts).
   */
  decorators(node: Node): DecoratorCall[] {
    if (isParameterProperty(node)) return [];
    return readDecorators(node, this.options.displayRoot);
  }
}
