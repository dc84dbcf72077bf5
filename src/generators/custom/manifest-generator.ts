/**
 * A generator made of templates and a small manifest (`codegen.generator.yaml`), for users
 * who want a new output without writing TypeScript: it renders one file per model item
 * (declaration, entity or service) or one file for the whole project.
 */
import { kebabCase } from '../../model/naming.js';
import type { Model } from '../../model/types.js';
import type { GeneratorDefinition, PlannedFile, TemplateHelper } from '../kit/contract.js';

export interface GeneratorManifest {
  name: string;
  description?: string;
  /** Which model items get a file each; `project` renders a single file. */
  for: 'declarations' | 'entities' | 'services' | 'project';
  /** Output path pattern relative to the output folder: `{name}` kebab-case, `{Name}` as written. */
  output: string;
  /** Template file name in the plugin folder (default `file.hbs`). */
  template?: string;
  /** The generator's own options with their defaults (`{ title: 'Data dictionary' }`); templates see them as `options`. */
  options?: Record<string, unknown>;
}

export const MANIFEST_FOR = ['declarations', 'entities', 'services', 'project'] as const;

/** Builds a generator definition from a manifest and the folder its templates live in. */
export function manifestGenerator(
  manifest: GeneratorManifest,
  templatesDir: string,
  helpers: Record<string, TemplateHelper> = {},
): GeneratorDefinition<Record<string, unknown>> {
  const template = manifest.template ?? 'file.hbs';
  return {
    name: manifest.name,
    description: manifest.description ?? `Custom generator ${manifest.name}`,
    options: Object.entries(manifest.options ?? {}).map(([name, value]) => ({
      name,
      description: `Option of ${manifest.name}`,
      schema: schemaOf(value),
      default: value,
    })),
    templatesDir,
    // Its files are named by the manifest's `output` pattern.
    namesFilesByPattern: false,
    helpers,
    plan(model, options, context) {
      const { split: _split, fileName: _fileName, output: _output, ...own } = options;
      if (manifest.for === 'project') {
        return [{ path: manifest.output, template, data: { model, options: own }, source: context.configSource }];
      }
      return itemsFor(model, manifest).map(
        (item): PlannedFile => ({
          path: manifest.output.replaceAll('{name}', kebabCase(item.name)).replaceAll('{Name}', item.name),
          template,
          data: { item, model, options: own },
          source: item.source.file,
        }),
      );
    },
  };
}

function itemsFor(model: Model, manifest: GeneratorManifest) {
  const selected = (generators: string[]) => generators.includes(manifest.name);
  switch (manifest.for) {
    case 'declarations':
      return model.declarations.filter((declaration) => selected(declaration.generators));
    case 'services':
      return model.services.filter((service) => selected(service.generators));
    case 'entities': {
      const chosen = new Set(model.declarations.filter((d) => selected(d.generators)).map((d) => d.id));
      return model.entities.filter((entity) => chosen.has(entity.declaration));
    }
    default:
      return [];
  }
}

/** The JSON Schema of an option, from the type of its default value. */
function schemaOf(value: unknown): Record<string, unknown> {
  if (Array.isArray(value)) return { type: 'array' };
  if (value === null) return {};
  return { type: typeof value === 'object' ? 'object' : typeof value };
}
