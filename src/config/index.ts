/**
 * The config stage: the option table, finding and loading `codegen.config.{yaml,yml,json}`,
 * validation with positions, generator checks, input globs, `codegen init` text and the schema.
 */
export type { NamingOption, OnHandEdit, ProjectConfig, ResolvedConfig } from './types.js';
export { CONFIG_OPTIONS, PROJECT_KEYS, ROOT_KEYS, configOption, type ConfigOption, type JsonSchema } from './option-table.js';
export { COMMON_GENERATOR_OPTIONS } from './common-generator-options.js';
export { buildConfigSchema, type GeneratorSchemaSource } from './schema.js';
export { CONFIG_FILE_NAMES, findConfigFile } from './discover.js';
export { loadConfig, type LoadConfigOptions, type LoadConfigResult } from './load.js';
export { DEFAULT_PROJECT } from './resolve.js';
export { locateInProject, type Locate, type Position } from './locate.js';
export { interpolate, type Env } from './interpolate.js';
export { validateGenerators, withGeneratorDefaults, type KnownGenerator } from './validate-generators.js';
export { resolveInputFiles, type InputFiles } from './inputs.js';
export { renderInitConfig, type InitConfigOptions } from './init-template.js';
export { printConfig } from './print.js';
export { suggest } from './suggest.js';
export { checkValue, describeSchema, type KeyPath, type ValueProblem } from './check-value.js';
