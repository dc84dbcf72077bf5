/** The resolved config: what `loadConfig` returns and the pipeline reads. Absolute paths. */

export type OnHandEdit = 'error' | 'warn' | 'overwrite';

/** The config's `naming`: whose names entities' unnamed tables and columns get (analyzer/persistence/naming.ts). */
export type NamingOption = 'auto' | 'codegen' | 'typeorm' | 'typeorm-snake';

export interface ResolvedConfig {
  /** Absolute path of the config file. */
  configFile: string;
  /** Absolute path of the config file's folder; relative paths resolved against it. */
  rootDir: string;
  projects: ProjectConfig[];
}

export interface ProjectConfig {
  /** `default` for a config without `projects:`. */
  name: string;
  /** Globs, as written (relative to rootDir). */
  input: string[];
  /** Absolute path of the output folder. */
  output: string;
  /** Absolute path of the tsconfig, or undefined to let the analyzer use compiler defaults. */
  tsconfig?: string;
  /** Generator name to options, in config order. */
  generators: Record<string, Record<string, unknown>>;
  /** Absolute path of the templates override folder. */
  templates?: string;
  /** Absolute paths of plugin folders or modules. */
  plugins: string[];
  format: 'auto' | boolean;
  /** How entities' unnamed tables and columns are named (analyzer/persistence/naming.ts). */
  naming: NamingOption;
  onHandEdit: OnHandEdit;
  /** Globs of output paths (relative to the output folder) never written or deleted. */
  protect: string[];
  /** Watch debounce in milliseconds. */
  debounce: number;
}
