/**
 * Formats outputs in-process with Prettier and the user's own config, through the format
 * cache. Outputs end with a final newline; their line endings are LF, except that a file
 * Prettier formats gets the `endOfLine` of its Prettier config (`auto`: what the file on disk
 * uses), so `prettier --check` agrees. Prettier itself always runs with LF, so the cache and the
 * hashes (over LF text, see hash.ts) do not depend on the line ending.
 */
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import type { FileSystem } from './file-system.js';
import { joinSegments, planSplit } from './chunked-format.js';
import { formatCacheKey, loadFormatCache, type CachedJoin, type FormatCache } from './format-cache.js';
import { formatError, formatLimitError, isStackOverflow } from './format-error.js';
import { formatMemoFor, type FormatMemo } from './format-memo.js';
import { cacheKeyOptions, fastParserApplies, withFastParser } from './fast-parser.js';
import { shortHash, stableStringify } from './hash.js';
import { jsonLayoutOptions, printJsonLayout, printJsonPieces } from './json-layout.js';
import { printWithLayout } from './layout/entry.js';
import { layoutOptions, type LayoutOptions } from './layout/options.js';
import { endOfLineOption, withLineEnding } from './line-endings.js';
import { displayPath } from './paths.js';
import { createFormatPool, poolSize, type FormatPool } from './format-pool.js';
import { loadPrettier, prettierModuleUrl, type PrettierApi } from './prettier-module.js';
import { pathChecker, unsafePathReason } from './safe-path.js';
import { isStringifiedJson } from './stringified-json.js';

export interface FormatterOptions {
  /** The user's project: where its Prettier, `.prettierignore` and cache are found. */
  projectRoot: string;
  /** `auto` and `true`: the project's Prettier, else the bundled one; `false`: none. */
  format: 'auto' | boolean;
  /** Default `<projectRoot>/node_modules/.cache/codegen`. */
  cacheDir?: string;
  /**
   * Whether to use the format cache; default true. `check` passes false: the cache is trusted (as
   * much as node_modules), and a CI cache restored from another branch must not vouch for outputs.
   */
  useCache?: boolean;
  fs: FileSystem;
  /** Paths in diagnostics are relative to it; default `projectRoot`. */
  displayRoot?: string;
  /** A Prettier to use instead of resolving one (tests count its calls through this); formats in-thread. */
  prettier?: PrettierApi;
  /**
   * Format in worker threads when many outputs wait for Prettier at once (see format-pool.ts);
   * default true, unless `prettier` is given or `CODEGEN_FORMAT_WORKERS=0`.
   */
  workers?: boolean;
  /**
   * How large the pieces of a large output formatted in pieces are (chunked-format.ts); the
   * default suits Prettier's cost per call. Tests set `{ min: 1, max: 1 }`: every safe cut.
   */
  pieceSize?: { min: number; max: number };
  /**
   * Print JSON outputs in Prettier's layout without Prettier where that is proven to give the same
   * text (json-layout.ts); default true. Tests of the paths through Prettier for JSON set false.
   */
  jsonLayout?: boolean;
  /**
   * Keep Prettier's outputs in memory for the process (format-memo.ts), so a text formatted by an
   * earlier run in this process is not formatted again; default true, unless `prettier` is given
   * (tests count its calls) or `workers` is (tests comparing the pool with the main thread must
   * reach Prettier both ways).
   */
  memo?: boolean;
  /**
   * Print TypeScript outputs of codegen's own layout with the layout printer (layout/) where it
   * supports every node, Prettier's output without Prettier's parse and printer; default true.
   */
  layout?: boolean;
}

/** What the caller knows about one output to format. */
export interface FormatRequest {
  /** See `Formatter.format`; default false. */
  builtInLayout?: boolean;
  /**
   * False: the options this text is formatted with stay out of `identity`. For the manifest,
   * which records the identity of the outputs: a one-shot run reads it before formatting the
   * manifest, and a watch's next build must record the same.
   */
  identity?: boolean;
  /**
   * Pieces whose join is `content`, which is then `JSON.stringify(value, null, 2)` plus a line
   * break (so LF only): a JSON output in Prettier's layout is laid out piece by piece, each
   * remembered (json-layout.ts `printJsonPieces`), where the whole text would be searched and
   * copied again in every watch build. Whoever passes them guarantees that.
   */
  jsonPieces?: readonly string[];
}

/**
 * How many outputs must be waiting for Prettier at once before the worker pool starts: starting
 * workers and loading Prettier in each costs about as much as formatting a few files in-thread.
 */
const POOL_THRESHOLD = 8;

export interface Formatter {
  /**
   * The formatted text of the output at `path` (absolute, or relative to the project); throws
   * CG3004. `builtInLayout`: the text is of codegen's own layout (a built-in generator with its
   * built-in templates), on which a faster parser is proven to print the same (fast-parser.ts);
   * without it, Prettier formats with the parser it infers.
   */
  format(path: string, content: string, options?: FormatRequest): Promise<string>;
  /** `prettier@<version>+<hash of the options used>`, or `none`; recorded in manifests. */
  readonly identity: string;
  /** How many outputs Prettier formatted (`inWorkers` of them in worker threads), and how many came from the cache. */
  readonly stats: { formatted: number; cached: number; inWorkers: number };
  /**
   * Of outputs formatted in pieces (large TypeScript and JSON outputs, chunked-format.ts): how many
   * pieces Prettier formatted, and how many came from the cache (an edit re-formats only its pieces).
   * The cuts of an output of codegen's own layout are found by a scan, not a parse (scan-cuts.ts).
   */
  readonly pieces: { formatted: number; cached: number };
  /** How many JSON outputs were printed in Prettier's layout without Prettier (json-layout.ts). */
  readonly printedJson: number;
  /** How many TypeScript texts (outputs or pieces) the layout printer printed instead of Prettier (layout/). */
  readonly printedLayout: number;
  /**
   * Forgets what outputs other than `paths` (absolute, or relative to the project) needed from the
   * format cache: a long-lived formatter (watch) calls it after each build with the build's outputs,
   * so the cache, in memory and in its next save, holds only what those outputs need (their whole
   * texts, or their joins and pieces), not every piece a session ever formatted.
   */
  retainOutputs(paths: Iterable<string>): Promise<void>;
  /** Writes the format cache back (once, at the end of a run; after each build in watch). */
  saveCache(): Promise<void>;
  /**
   * Resolves once every `format` called so far has been taken: answered, or its texts handed to
   * Prettier (the worker pool's queue, or in-thread). A caller with more synchronous work (the
   * next generator's plan) awaits it first, so the pool formats meanwhile.
   */
  queued(): Promise<void>;
  /**
   * Starts the worker pool now if this formatter will format every output afresh (its cache held
   * nothing, or is not used): the workers start and load Prettier while the caller analyses, on
   * the core analysis leaves idle, instead of when the first outputs wait. Otherwise (a warm cache:
   * an edit re-formats a few files) it does nothing. Never fails.
   */
  warmUp(): Promise<void>;
  /** Warnings about the run's formatting (a cache folder not used, CG4009), each once. */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * Stops its worker threads (format-pool.ts) and waits for them to exit; formatting after it runs
   * in-thread. The owner of the formatter (a run, a watch session) calls it when done, on every path.
   */
  close(): Promise<void>;
}

/** Creates the formatter for one run. */
export async function createFormatter(options: FormatterOptions): Promise<Formatter> {
  if (options.format === false) return plainFormatter();
  const prettier = options.prettier ?? (await loadPrettier(options.projectRoot));
  // A long-lived process (watch) must see an edited .prettierrc.
  await prettier.clearConfigCache?.();
  const workers = options.workers ?? (options.prettier === undefined && process.env.CODEGEN_FORMAT_WORKERS !== '0');
  const url = workers ? prettierModuleUrl(options.projectRoot) : undefined;
  return prettierFormatter(prettier, options, url ? (preload) => createFormatPool(url, poolSize(), { preload }) : undefined);
}

function plainFormatter(): Formatter {
  return {
    format: async (_path, content) => normalizeText(content),
    identity: 'none',
    stats: { formatted: 0, cached: 0, inWorkers: 0 },
    pieces: { formatted: 0, cached: 0 },
    printedJson: 0,
    printedLayout: 0,
    retainOutputs: async () => undefined,
    saveCache: async () => undefined,
    queued: async () => undefined,
    warmUp: async () => undefined,
    diagnostics: [],
    close: async () => undefined,
  };
}

function prettierFormatter(prettier: PrettierApi, options: FormatterOptions, startPool?: (preload: boolean) => FormatPool): Formatter {
  const { projectRoot, fs } = options;
  const cacheDir = options.cacheDir ?? join(projectRoot, 'node_modules', '.cache', 'codegen');
  const ignorePath = join(projectRoot, '.prettierignore');
  const displayRoot = options.displayRoot ?? projectRoot;
  const configs = new Map<string, Promise<Record<string, unknown>>>();
  const optionSets = new Set<string>();
  const stats = { formatted: 0, cached: 0, inWorkers: 0 };
  const pieceStats = { formatted: 0, cached: 0 };
  let printedJson = 0;
  let printedLayout = 0;
  let cache: Promise<FormatCache> | undefined;
  /** Per output (absolute path): the cache keys its last formatting used (its text's, and its pieces' when joined). */
  const needs = new Map<string, readonly string[]>();
  const diagnostics: Diagnostic[] = [];
  const memo: FormatMemo | undefined = (options.memo ?? (options.prettier === undefined && options.workers === undefined)) ? formatMemoFor(prettier) : undefined;
  /** Prettier's output for a text by its cache key, from the process's memo when an earlier run formatted it. */
  const memoized = async (key: string, run: () => Promise<string>): Promise<string> => {
    const known = memo?.get(key);
    if (known !== undefined) return known;
    const formatted = await run();
    memo?.set(key, formatted);
    return formatted;
  };
  const openCache = async (): Promise<FormatCache> => {
    if (options.useCache === false) return noCache();
    // The cache folder is written and swept of temps: like an output folder, it must not lead out
    // of the project through a link (node_modules/.cache/codegen → /somewhere/else).
    const inProject = relative(projectRoot, cacheDir).split(sep).join('/');
    const leaves = unsafePathReason(inProject) !== undefined || (await pathChecker(fs, projectRoot).leavesThroughLink(inProject));
    if (!leaves) return loadFormatCache(fs, cacheDir);
    const shown = displayPath(displayRoot, cacheDir);
    diagnostics.push(
      diagnostic('CG4009', {
        message: `The format cache folder ${shown} leads outside the project (through a link, or configured there); it is neither read nor written, so every output is formatted afresh.`,
        file: shown,
        hint: 'Make it a real folder inside the project (or remove the link); codegen then caches formatted outputs there again.',
      }),
    );
    return noCache();
  };

  /** `format` calls not yet taken (see Formatter.queued), and who waits for none to be left. */
  let preparing = 0;
  let whenQueued: (() => void)[] = [];
  /** Counts a `format` call until the returned release is called (once is enough; later calls do nothing). */
  const prepare = (): (() => void) => {
    preparing += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      preparing -= 1;
      if (preparing > 0) return;
      const waiting = whenQueued;
      whenQueued = [];
      for (const resolveWaiter of waiting) resolveWaiter();
    };
  };

  let pool: FormatPool | undefined;
  /** Set by close(): no pool is started after it. */
  let closed = false;
  /** Outputs waiting for Prettier now: many at once start the pool (a one-file edit never does). */
  let waiting = 0;
  /** In-thread jobs run one after the other, so a large run without workers holds one syntax tree at a time. */
  let inThread: Promise<unknown> = Promise.resolve();
  const formatInThread = (text: string, formatOptions: Record<string, unknown>): Promise<string> => {
    const job = inThread.then(() => prettier.format(text, formatOptions));
    inThread = job.catch(() => undefined);
    return job;
  };
  /**
   * Prettier's output for `text`, with the faster parser where it is proven to print the same
   * (fast-parser.ts), and first the layout printer where `layout` is given (layout/).
   */
  const runPrettier = async (text: string, formatOptions: Record<string, unknown>, fastOptions: Record<string, unknown>, layout?: LayoutOptions): Promise<string> => {
    if (fastOptions === formatOptions) return runPrettierWith(text, formatOptions, layout);
    try {
      return await runPrettierWith(text, fastOptions, layout);
    } catch {
      // Whatever `babel-ts` refuses, `typescript` formats or reports as it always did.
      return runPrettierWith(text, formatOptions);
    }
  };
  const runPrettierWith = async (text: string, formatOptions: Record<string, unknown>, layout?: LayoutOptions): Promise<string> => {
    waiting += 1;
    try {
      if (!pool && !closed && startPool && poolSize() > 0 && waiting >= POOL_THRESHOLD) pool = startPool(false);
      const formatted = pool ? await pool.format(text, formatOptions, layout) : undefined;
      if (formatted !== undefined) stats.inWorkers += 1;
      if (formatted !== undefined) return formatted;
      const printed = layout && prettier.doc ? await printWithLayout(text, layout, prettier.doc) : undefined;
      if (printed !== undefined) {
        printedLayout += 1;
        return printed;
      }
      return await formatInThread(text, formatOptions);
    } finally {
      waiting -= 1;
    }
  };

  const configFor = (file: string) => {
    // Per file, not per folder: `overrides` in a Prettier config match file names.
    let config = configs.get(file);
    if (!config) {
      config = prettier.resolveConfig(file, { editorconfig: true }).then((found) => found ?? {});
      configs.set(file, config);
    }
    return config;
  };

  async function format(path: string, content: string, request: FormatRequest = {}): Promise<string> {
    const release = prepare();
    try {
      return await formatTaken(path, content, request, release);
    } finally {
      release();
    }
  }

  /** `format`, calling `taken` once its texts are with Prettier (or it is answered). */
  async function formatTaken(path: string, content: string, request: FormatRequest, taken: () => void): Promise<string> {
    const file = isAbsolute(path) ? path : resolve(projectRoot, path);
    // JSON.stringify's text is LF with a final line break already: not read through for a CR.
    const text = request.jsonPieces ? content : normalizeText(content);
    const shown = displayPath(displayRoot, file);
    let parser: string | null;
    let config: Record<string, unknown>;
    try {
      const info = await prettier.getFileInfo(file, { ignorePath });
      if (info.ignored || !info.inferredParser) {
        needs.delete(file);
        return text;
      }
      parser = info.inferredParser;
      config = await configFor(file);
    } catch (failure) {
      throw formatError(shown, text, failure);
    }
    const formatOptions = { ...config, parser, endOfLine: 'lf' };
    const endOfLine = endOfLineOption(config.endOfLine);
    const builtInLayout = request.builtInLayout === true;
    const keyOptions = cacheKeyOptions(stableStringify(formatOptions), fastParserApplies(prettier.version, parser, config), builtInLayout);
    // The identity names the line ending asked for, so changing it rewrites the outputs (plan.ts).
    if (request.identity !== false) optionSets.add(stableStringify(portableOptions({ ...formatOptions, endOfLine })));
    const finish = async (lf: string) =>
      withLineEnding(lf, endOfLine, endOfLine === 'auto' ? await fs.readFile(file).catch(() => undefined) : undefined);
    // Cheaper than a cache lookup for a large JSON output, and needs no cache entry.
    const layout = options.jsonLayout === false ? undefined : jsonLayoutOptions(prettier.version, parser, config);
    // Pieces are JSON.stringify's text by the caller's guarantee: laid out whole when they cannot be one by one.
    const printed = layout && ((request.jsonPieces && printJsonPieces(request.jsonPieces, layout)) ?? printJsonLayout(text, layout, request.jsonPieces !== undefined || isStringifiedJson(text)));
    if (printed !== undefined) {
      printedJson += 1;
      needs.delete(file);
      return finish(printed);
    }
    cache ??= openCache();
    const opened = await cache;
    const key = formatCacheKey(prettier.version, keyOptions, text);
    const whole = opened.get(key);
    const join = whole === undefined ? opened.getJoin(key) : undefined;
    const hit = whole ?? joinFromCache(opened, join);
    if (hit !== undefined) {
      stats.cached += 1;
      needs.set(file, join ? [key, ...joinKeys(join)] : [key]);
      return finish(hit);
    }
    const prettierOptions = { ...formatOptions, filepath: file };
    const fastOptions = withFastParser(prettier.version, parser, config, prettierOptions, builtInLayout);
    const printer = builtInLayout && options.layout !== false ? layoutOptions(prettier.version, parser, config) : undefined;
    const pieces = await formatInPieces(text, prettierOptions, fastOptions, keyOptions, opened, builtInLayout, printer, taken);
    if (pieces !== undefined) {
      stats.formatted += 1;
      opened.setJoin(key, pieces.join);
      needs.set(file, [key, ...joinKeys(pieces.join)]);
      return finish(pieces.formatted);
    }
    let formatted: string;
    try {
      const running = memoized(key, async () => normalizeText(await runPrettier(text, prettierOptions, fastOptions, printer)));
      taken();
      formatted = await running;
    } catch (failure) {
      if (isStackOverflow(failure)) throw formatLimitError(shown, text, await overflowingPart(prettier, text, prettierOptions));
      throw formatError(shown, text, failure);
    }
    stats.formatted += 1;
    opened.set(key, formatted);
    needs.set(file, [key]);
    return finish(formatted);
  }

  /**
   * `text` formatted in pieces (chunked-format.ts), each piece from the cache or Prettier (in the
   * pool when many wait), with the join to cache; undefined when the file is formatted whole (it
   * cannot be split, or a piece failed: the whole file then reports the failure as it always did).
   */
  async function formatInPieces(
    text: string,
    prettierOptions: Record<string, unknown>,
    fastOptions: Record<string, unknown>,
    optionsJson: string,
    opened: FormatCache,
    builtInLayout: boolean,
    layout: LayoutOptions | undefined,
    taken: () => void,
  ): Promise<{ formatted: string; join: CachedJoin } | undefined> {
    const plan = await planSplit(text, prettier.version, prettierOptions, options.pieceSize, builtInLayout).catch(() => undefined);
    if (!plan) return undefined;
    const keys = plan.jobs.map((job) => formatCacheKey(prettier.version, optionsJson, job));
    const formatting = Promise.all(
      plan.jobs.map(async (job, index) => {
        const cached = opened.get(keys[index]!);
        if (cached !== undefined) {
          pieceStats.cached += 1;
          return cached;
        }
        const formatted = await memoized(keys[index]!, () => runPrettier(job, prettierOptions, fastOptions, layout)).catch(() => undefined);
        if (formatted === undefined) return undefined;
        pieceStats.formatted += 1;
        opened.set(keys[index]!, formatted);
        return formatted;
      }),
    );
    // Every piece is with Prettier (or answered) by now: each job's call reaches the pool's queue before its first await.
    taken();
    const outputs = await formatting;
    if (outputs.some((output) => output === undefined)) return undefined;
    const segments = plan.join(outputs as string[]);
    if (!segments) return undefined;
    const formatted = joinSegments(segments, (job) => outputs[job]!);
    const join = segments.map((segment) => (typeof segment === 'string' ? segment : { key: keys[segment.job]!, from: segment.from, to: segment.to }));
    return { formatted, join };
  }

  return {
    format,
    stats,
    pieces: pieceStats,
    get printedJson() {
      return printedJson;
    },
    get printedLayout() {
      return printedLayout + (pool?.printedByLayout ?? 0);
    },
    get identity() {
      const base = `prettier@${prettier.version}`;
      return optionSets.size === 0 ? base : `${base}+${shortHash(...[...optionSets].sort()).slice(0, 8)}`;
    },
    async retainOutputs(paths) {
      const kept = new Set([...paths].map((path) => (isAbsolute(path) ? path : resolve(projectRoot, path))));
      for (const file of needs.keys()) if (!kept.has(file)) needs.delete(file);
      if (cache) (await cache).retain(new Set([...needs.values()].flat()));
    },
    async saveCache() {
      if (cache) await (await cache).save();
    },
    queued() {
      return preparing === 0 ? Promise.resolve() : new Promise<void>((resolveWaiter) => whenQueued.push(resolveWaiter));
    },
    async warmUp() {
      if (pool || closed || !startPool || poolSize() === 0) return;
      cache ??= openCache();
      const opened = await cache.catch(() => undefined);
      if (opened?.startedEmpty && !pool && !closed) pool = startPool(true);
    },
    diagnostics,
    async close() {
      closed = true;
      await pool?.close();
    },
  };
}

/** A cache that holds nothing and saves nothing. */
function noCache(): FormatCache {
  return { startedEmpty: true, get: () => undefined, set: () => undefined, getJoin: () => undefined, setJoin: () => undefined, retain: () => undefined, save: async () => undefined };
}

/** The keys of the pieces a join names. */
function joinKeys(join: CachedJoin): string[] {
  return join.flatMap((segment) => (typeof segment === 'string' ? [] : [segment.key]));
}

/** The whole output a cached join gives, when every piece it names is cached too. */
function joinFromCache(cache: FormatCache, join: CachedJoin | undefined): string | undefined {
  if (!join) return undefined;
  const texts: string[] = [];
  const segments = join.map((segment) => {
    if (typeof segment === 'string') return segment;
    const text = cache.get(segment.key);
    if (text === undefined) return undefined;
    texts.push(text);
    return { job: texts.length - 1, from: segment.from, to: segment.to };
  });
  if (segments.some((segment) => segment === undefined)) return undefined;
  return joinSegments(segments as Exclude<(typeof segments)[number], undefined>[], (job) => texts[job]!);
}

/**
 * The first top-level part of `text` (parts start at column 0 after a blank line: the generated
 * functions and constants) that Prettier cannot format on its own for lack of stack, with its
 * line: what a CG5004 points at. Undefined when no single part overflows.
 */
async function overflowingPart(prettier: PrettierApi, text: string, options: Record<string, unknown>): Promise<{ line: number; text: string } | undefined> {
  let line = 1;
  for (const part of text.split(/\n\n(?=\S)/)) {
    try {
      await prettier.format(part, options);
    } catch (failure) {
      const first = part.split('\n').find((entry) => !entry.startsWith('//') && !entry.startsWith('/*') && !entry.startsWith(' *')) ?? '';
      if (isStackOverflow(failure)) return { line: line + part.split('\n').indexOf(first), text: first.trim() };
    }
    line += part.split('\n').length + 1;
  }
  return undefined;
}

/** LF line endings and a final newline. */
export function normalizeText(content: string): string {
  // Looking for a CR costs a fraction of a replace that finds none (a 2 MB JSON output in every watch build).
  const lf = content.includes('\r') ? content.replace(/\r\n?/g, '\n') : content;
  return lf.endsWith('\n') ? lf : `${lf}\n`;
}

/**
 * The options as they go into the formatter identity: plugin paths reduced to what follows
 * `node_modules/`, so the identity (and the manifest) is the same on every machine.
 */
function portableOptions(options: Record<string, unknown>): Record<string, unknown> {
  const plugins = options.plugins;
  if (!Array.isArray(plugins)) return options;
  const portable = plugins.map((plugin) => {
    if (typeof plugin !== 'string') return '<plugin object>';
    const posixPath = plugin.split(sep).join('/');
    const inModules = posixPath.lastIndexOf('node_modules/');
    return inModules >= 0 ? posixPath.slice(inModules + 'node_modules/'.length) : posixPath.split('/').pop();
  });
  return { ...options, plugins: portable };
}
