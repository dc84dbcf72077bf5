/**
 * How generated files must spell relative imports for the user's compiler settings:
 * Node's ESM resolution (node16/nodenext) needs the `.js` extension, bundler and node10 do not.
 */
import { dirname } from 'node:path';
import { ts } from 'ts-morph';

/**
 * TypeScript's system, except that it lists no folder: parsing a tsconfig then reads its options
 * (through `extends` too) without walking the folders its `include` names for the program's
 * files, which nothing here needs (a few ms on every watch build of a 50-file project).
 */
export const OPTIONS_ONLY_HOST: ts.ParseConfigHost = { ...ts.sys, readDirectory: () => [] };

/** `.js` when the tsconfig resolves modules the node16/nodenext way, else ``. */
export function importExtensionFor(tsconfig: string | undefined): '.js' | '' {
  if (!tsconfig) return '';
  const read = ts.readConfigFile(tsconfig, ts.sys.readFile);
  if (read.error) return '';
  const options = ts.parseJsonConfigFileContent(read.config, OPTIONS_ONLY_HOST, dirname(tsconfig)).options;
  const resolution = options.moduleResolution;
  const module = options.module;
  const nodeStyle =
    resolution === ts.ModuleResolutionKind.Node16 ||
    resolution === ts.ModuleResolutionKind.NodeNext ||
    (resolution === undefined && (module === ts.ModuleKind.Node16 || module === ts.ModuleKind.NodeNext));
  return nodeStyle ? '.js' : '';
}
