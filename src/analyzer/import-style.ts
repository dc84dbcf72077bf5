/**
 * How generated files must spell relative imports for the user's compiler settings:
 * Node's ESM resolution (node16/nodenext) needs the `.js` extension, bundler and node10 do not.
 */
import { dirname } from 'node:path';
import { ts } from 'ts-morph';

/** `.js` when the tsconfig resolves modules the node16/nodenext way, else ``. */
export function importExtensionFor(tsconfig: string | undefined): '.js' | '' {
  if (!tsconfig) return '';
  const read = ts.readConfigFile(tsconfig, ts.sys.readFile);
  if (read.error) return '';
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(tsconfig));
  const options = parsed.options;
  const resolution = options.moduleResolution;
  const module = options.module;
  const nodeStyle =
    resolution === ts.ModuleResolutionKind.Node16 ||
    resolution === ts.ModuleResolutionKind.NodeNext ||
    (resolution === undefined && (module === ts.ModuleKind.Node16 || module === ts.ModuleKind.NodeNext));
  return nodeStyle ? '.js' : '';
}
