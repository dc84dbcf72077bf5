/** `--type Name…`: generate only for the named declarations and services (as `go generate -type`). */
import type { Model } from '../model/types.js';

/** The model with every other declaration's and service's generators emptied. */
export function selectTypes(model: Model, names: readonly string[]): Model {
  if (names.length === 0) return model;
  const wanted = new Set(names);
  return {
    ...model,
    declarations: model.declarations.map((d) =>
      wanted.has(d.name) || (d.instantiation && wanted.has(d.instantiation.generic)) ? d : { ...d, generators: [] },
    ),
    services: model.services.map((s) => (wanted.has(s.name) ? s : { ...s, generators: [] })),
  };
}

/** Names given to `--type` that match nothing, for a helpful error. */
export function unknownTypes(model: Model, names: readonly string[]): string[] {
  const known = new Set([...model.declarations.map((d) => d.name), ...model.services.map((s) => s.name)]);
  return names.filter((name) => !known.has(name));
}
