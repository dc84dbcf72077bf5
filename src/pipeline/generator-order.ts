/**
 * Which generators a project runs and in what order: the configured ones, those a `@codegen` tag
 * names, and those they `uses` (enabled with their default options when the config does not
 * list them), ordered so that every generator is planned after the ones it uses. An unknown
 * used name or a cycle is a diagnostic (CG3005: the definitions cannot be loaded together).
 */
import { withGeneratorDefaults } from '../config/index.js';
import { diagnostic } from '../diagnostics/create.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { CommonGeneratorOptions, GeneratorDefinition } from '../generators/kit/contract.js';
import { usedGenerators } from '../generators/kit/plan-outputs.js';
import type { Model } from '../model/types.js';

export interface ActiveGenerator {
  definition: GeneratorDefinition<any>;
  options: Record<string, unknown> & CommonGeneratorOptions;
  /** The generators it uses (with these options). */
  uses: readonly string[];
  /** Set when the config does not list it and no tag names it: the generators that use it. */
  enabledBy?: string[];
}

export interface GeneratorOrder {
  active: ActiveGenerator[];
  diagnostics: Diagnostic[];
}

/**
 * The generators to run, in planning order. Without dependencies the order is the config's,
 * then the order the generators are known in (so existing outputs keep their order); a used
 * generator moves before its first user.
 */
export function orderGenerators(
  model: Model,
  configured: Record<string, Record<string, unknown>>,
  known: readonly GeneratorDefinition<any>[],
): GeneratorOrder {
  const diagnostics: Diagnostic[] = [];
  const tagged = new Set([...model.declarations, ...model.services].flatMap((item) => item.generators));
  const names = [...Object.keys(configured), ...known.map((g) => g.name).filter((name) => tagged.has(name) && !(name in configured))];
  const byName = new Map<string, ActiveGenerator>();
  const activate = (name: string): ActiveGenerator | undefined => {
    const definition = known.find((generator) => generator.name === name);
    if (!definition) return undefined;
    const options = withGeneratorDefaults(definition, configured[name] ?? {}) as ActiveGenerator['options'];
    const entry: ActiveGenerator = { definition, options, uses: usedGenerators(definition, options) };
    byName.set(name, entry);
    return entry;
  };
  const pending = names.flatMap((name) => activate(name) ?? []);
  // Enable what is used but not active, transitively.
  for (let i = 0; i < pending.length; i++) {
    const user = pending[i]!;
    for (const used of user.uses) {
      const existing = byName.get(used);
      if (existing) {
        if (existing.enabledBy && !existing.enabledBy.includes(user.definition.name)) existing.enabledBy.push(user.definition.name);
        continue;
      }
      const enabled = activate(used);
      if (!enabled) {
        diagnostics.push(unknownUse(user.definition.name, used, known));
        continue;
      }
      enabled.enabledBy = [user.definition.name];
      pending.push(enabled);
    }
  }
  const order = topologicalOrder(pending, byName, diagnostics);
  return { active: order, diagnostics };
}

/** Depth-first, in the initial order: each generator after what it uses; a cycle is reported once. */
function topologicalOrder(entries: readonly ActiveGenerator[], byName: Map<string, ActiveGenerator>, diagnostics: Diagnostic[]): ActiveGenerator[] {
  const ordered: ActiveGenerator[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (entry: ActiveGenerator, trail: string[]): void => {
    const name = entry.definition.name;
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(name)), name];
      diagnostics.push(
        diagnostic('CG3005', {
          message: `Generators use each other in a cycle: ${cycle.join(' → ')}; none of them can be planned first.`,
          hint: 'Remove one of the `uses` entries: a generator can only build on generators planned before it.',
        }),
      );
      return;
    }
    state.set(name, 'visiting');
    for (const used of entry.uses) {
      const next = byName.get(used);
      if (next) visit(next, [...trail, name]);
    }
    state.set(name, 'done');
    ordered.push(entry);
  };
  for (const entry of entries) visit(entry, []);
  return ordered;
}

function unknownUse(user: string, used: string, known: readonly GeneratorDefinition<any>[]): Diagnostic {
  return diagnostic('CG3005', {
    message: `Generator "${user}" uses "${used}", which is not a known generator (known: ${known.map((g) => g.name).join(', ')}).`,
    hint: 'Correct the name in `uses`, or add the plugin that defines it to `plugins`.',
  });
}

/**
 * The model as the generators see it: an item (declaration or service) that selects a generator
 * also selects the generators it uses, transitively, so that e.g. a type processed by a generator
 * building on `validate` has validators to build on. Returns the same model when nothing changes.
 */
export function withUsedSelections(model: Model, active: readonly ActiveGenerator[]): Model {
  const usesOf = new Map(active.map((entry) => [entry.definition.name, entry.uses]));
  if ([...usesOf.values()].every((uses) => uses.length === 0)) return model;
  const expand = <T extends { generators: string[] }>(item: T): T => {
    const generators = [...item.generators];
    for (let i = 0; i < generators.length; i++) {
      for (const used of usesOf.get(generators[i]!) ?? []) if (!generators.includes(used)) generators.push(used);
    }
    return generators.length === item.generators.length ? item : { ...item, generators };
  };
  return { ...model, declarations: model.declarations.map(expand), services: model.services.map(expand) };
}
