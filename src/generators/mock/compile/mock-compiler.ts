/**
 * The state of compiling one mock output file: the runtime helpers it uses (aliased where a
 * user type took the name), its hoisted sample constants, the other files' `randomT` functions
 * and the enums it imports as values, the user types it names, and the problems found (which
 * `check` reports as diagnostics). The strategy does the per-kind work; this class keeps books.
 */
import type { SourceLocation, TypeNode } from '../../../model/types.js';
import { snakeCase } from '../../../model/naming.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';
import { NameAllocator } from '../../kit/emit.js';
import { printType, type TypeReference } from '../../kit/print-type.js';
import { directRefs } from '../../kit/type-refs.js';
import { declarationFunctionNames } from './function-names.js';
import type { MockContext } from './mock-context.js';
import type { RuntimeHelper } from './runtime-helpers.js';

/** Runtime names every mock file may import besides the helpers. */
export const CORE_NAMES = ['Rng', 'DeepPartial', 'MockOptions', 'mockOne', 'mockList', 'seededRng', 'MAX_DEPTH'] as const;
export type CoreName = (typeof CORE_NAMES)[number];

export interface MockProblem {
  code: 'CG2011' | 'CG5001';
  message: string;
  hint: string;
  source: SourceLocation;
}

export interface MockCompilerOptions {
  index: DeclarationIndex;
  /** Ids of the declarations whose mocks this file holds. */
  localIds: ReadonlySet<string>;
  /** Names of services whose mocks this file holds. */
  serviceNames?: readonly string[];
}

export class MockCompiler {
  readonly index: DeclarationIndex;
  readonly problems: MockProblem[] = [];
  readonly references = new Map<string, TypeReference>();
  private readonly localIds: ReadonlySet<string>;
  private readonly names = new NameAllocator();
  private readonly runtimeAliases = new Map<RuntimeHelper | CoreName, string>();
  private readonly constants = new Map<string, string>();
  private readonly external = new Set<string>();
  private readonly enums = new Map<string, string>();

  constructor(options: MockCompilerOptions) {
    this.index = options.index;
    this.localIds = options.localIds;
    // Users' names and the public functions are taken first, so no helper or constant shadows them.
    for (const declaration of options.index.all) {
      this.names.reserve(declaration.name, declaration.instantiation?.generic ?? declaration.name);
      this.names.reserve(...Object.values(declarationFunctionNames(declaration.name)));
    }
    for (const service of options.serviceNames ?? []) this.names.reserve(service, `create${service}Mock`, `${service}Mock`);
    this.names.reserve('r', 'depth', 'overrides', 'options', 'count', 'calls', 'args', 'partialImpl');
  }

  /** The local name of a runtime export. */
  runtime(name: RuntimeHelper | CoreName): string {
    let alias = this.runtimeAliases.get(name);
    if (!alias) {
      alias = this.names.allocate(name);
      this.runtimeAliases.set(name, alias);
    }
    return alias;
  }

  /** The local name of a runtime export already used (its own name otherwise), without recording a use. */
  localName(name: RuntimeHelper | CoreName): string {
    return this.runtimeAliases.get(name) ?? name;
  }

  /** A module-level constant holding `code` (sample strings), shared by equal code. */
  constant(code: string, base: string): string {
    let name = this.constants.get(code);
    if (!name) {
      name = this.names.allocate(snakeCase(base).toUpperCase() || 'SAMPLES');
      this.constants.set(code, name);
    }
    return name;
  }

  /** The `randomT` function of a declaration, recording an import when it lives in another file. */
  randomFunction(id: string): string {
    if (!this.localIds.has(id)) this.external.add(id);
    return declarationFunctionNames(this.index.get(id).name).random;
  }

  /** Records that an exported enum is imported as a value; returns its name. */
  enumValue(id: string): string {
    const declaration = this.index.get(id);
    this.enums.set(declaration.name, declaration.source.file);
    return declaration.name;
  }

  /** TypeScript text of `node`, recording the user types it names. */
  typeText(node: TypeNode): string {
    return printType(node, this.index, this.references);
  }

  /** Whether `node` refers directly to a declaration on a cycle (so depth must bound it). */
  reachesCycle(node: TypeNode): boolean {
    return directRefs(node).some((id) => this.index.isRecursive(id));
  }

  /** Records contradictory constraints (CG2011); returns `fallback` so compilation goes on. */
  contradiction(context: MockContext, detail: string, fallback: string): string {
    this.problems.push({
      code: 'CG2011',
      message: `Contradictory constraints on ${context.label}: ${detail}, so no mock can satisfy them.`,
      hint: 'Relax one of the constraints; a mock must pass the generated validator.',
      source: context.source,
    });
    return fallback;
  }

  /** Records what the mock generator cannot build (CG5001); returns `fallback`. */
  unsupported(context: MockContext, detail: string, fallback: string): string {
    this.problems.push({
      code: 'CG5001',
      message: `mock cannot build ${context.label}: ${detail}.`,
      hint: 'Simplify the type or constraint, or leave the type out of `mock` with `@codegen`.',
      source: context.source,
    });
    return fallback;
  }

  /** Runtime names used so far, with their local names. */
  runtimeImports(): Array<{ name: RuntimeHelper | CoreName; alias: string }> {
    return [...this.runtimeAliases].map(([name, alias]) => ({ name, alias }));
  }

  /** Ids of other files' declarations whose `randomT` this file calls. */
  externalFunctions(): ReadonlySet<string> {
    return this.external;
  }

  /** Enums imported as values: name → source file. */
  enumImports(): ReadonlyMap<string, string> {
    return this.enums;
  }

  /** The hoisted constants, in order of first use. */
  constantDeclarations(): Array<{ name: string; code: string }> {
    return [...this.constants].map(([code, name]) => ({ name, code }));
  }
}
