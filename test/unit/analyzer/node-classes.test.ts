/**
 * Classes of Node's API as @types/node declares them (tester T7d): `data: Buffer` was read member
 * by member as the generic interface's instantiation `Buffer_ArrayBufferOrUnknown`, with a CG2004
 * located inside @types/node naming that internal name. Such a class (one of methods only,
 * `EventEmitter`, or one extending a lib class or such a class, `Buffer`, `Readable`) is behaviour, as a lib class is: one CG2004 at
 * the user's property, naming the type as written, Buffer's hint saying to type it `Uint8Array`.
 * Platform classes (`Uint8Array`), `Map` and `Set` stay supported without a word, and an
 * interface of data (`NodeJS.ProcessEnv`, `Stats` of node:fs with its methods) is still read as data.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, type AnalyzeResult } from '../../../src/analyzer/index.js';
import { makeProject, removeProject } from '../../helpers/workspace.js';

const SOURCE = `import { EventEmitter } from 'node:events';
import type { Stats } from 'node:fs';
import { Readable } from 'node:stream';

export interface Upload {
  data: Buffer;
  chunks: Buffer[];
  maybe: Buffer | null;
  bytes: Uint8Array;
  map: Map<string, number>;
  set: Set<string>;
  stream: ReadableStream;
  blob: Blob;
  emitter: EventEmitter;
  env: NodeJS.ProcessEnv;
  readable: Readable;
  stats: Stats;
}
`;

let root: string;
let result: AnalyzeResult;

beforeAll(() => {
  root = makeProject('node-classes', {
    'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', types: ['node'] } }),
    'input/upload.ts': SOURCE,
  });
  result = analyze({ rootDir: root, files: [join(root, 'input/upload.ts')], tsconfig: join(root, 'tsconfig.json'), defaultGenerators: ['validate', 'mock', 'openapi'], knownGenerators: ['validate', 'mock', 'openapi'], displayRoot: root });
}, 120_000);
afterAll(() => removeProject(root));

describe("Node's classes in a model", () => {
  it('are one CG2004 each, at the property, naming the type as written', () => {
    expect(result.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual([
      "CG2004 input/upload.ts:6:3 Unsupported type 'Buffer' (Upload.data): validators cannot tell its values, so they reject every value here.",
      "CG2004 input/upload.ts:7:3 Unsupported type 'Buffer' (Upload.chunks): validators cannot tell its values, so they reject every value here.",
      "CG2004 input/upload.ts:8:3 Unsupported type 'Buffer' (Upload.maybe): validators cannot tell its values, so they reject every value here.",
      "CG2004 input/upload.ts:12:3 Unsupported type 'ReadableStream' (Upload.stream): validators cannot tell its values, so they reject every value here.",
      "CG2004 input/upload.ts:13:3 Unsupported type 'Blob' (Upload.blob): validators cannot tell its values, so they reject every value here.",
      "CG2004 input/upload.ts:14:3 Unsupported type 'EventEmitter' (Upload.emitter): validators cannot tell its values, so they reject every value here.",
      "CG2004 input/upload.ts:16:3 Unsupported type 'Readable' (Upload.readable): validators cannot tell its values, so they reject every value here.",
    ]);
    expect(result.diagnostics[0]!.hint).toBe('A Buffer is a Uint8Array: type it Uint8Array, which validators test with instanceof and mocks build, or unknown to leave it unchecked.');
  });

  it('declare no model type of their own, and leave the supported forms as they were', () => {
    // ProcessEnv (a string index) and Stats (data with methods) are data: declarations of the model as before.
    expect(result.model.declarations.map((d) => d.name).sort()).toEqual(['ProcessEnv', 'Stats', 'Upload']);
    const upload = result.model.declarations.find((d) => d.name === 'Upload')!;
    const types = Object.fromEntries(upload.type.kind === 'object' ? upload.type.properties.map((p) => [p.name, p.type]) : []);
    expect(types['data']).toEqual({ kind: 'unknown', unsupported: { form: 'library', text: 'Buffer' } });
    expect(types['bytes']).toEqual({ kind: 'unknown', unsupported: { form: 'instance', text: 'Uint8Array', global: 'Uint8Array' } });
    expect(types['map']).toMatchObject({ unsupported: { form: 'map' } });
    expect(types['set']).toMatchObject({ unsupported: { form: 'set' } });
    expect(types['env']).toEqual({ kind: 'ref', id: 'ProcessEnv' });
    expect(result.model.declarations.find((d) => d.name === 'ProcessEnv')!.type).toMatchObject({ kind: 'record', key: 'string' });
    expect(types['stats']).toEqual({ kind: 'ref', id: 'Stats' });
  });
});
