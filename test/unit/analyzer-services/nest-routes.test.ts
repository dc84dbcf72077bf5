/**
 * NestJS controllers as users write them (the `nest-routes` fixture): framework parameters are
 * not API parameters, route syntax becomes OpenAPI path templates or a located CG2207, and
 * versions prefix the path as URI versioning does.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalyzeResult } from '../../../src/analyzer/index.js';
import type { Operation } from '../../../src/model/types.js';
import { analyzeCase } from '../analyzer-entities/fixture-suite.js';

let result: AnalyzeResult;

beforeAll(() => {
  result = analyzeCase(path.resolve(import.meta.dirname, '../../fixtures/analyzer-services/nest-routes'));
}, 60_000);

function operation(service: string, name: string): Operation | undefined {
  return result.model.services.find((s) => s.name === service)?.operations.find((o) => o.name === name);
}

function parameters(service: string, name: string): string[] {
  return operation(service, name)!.parameters.map((p) => `${p.in} ${p.wireName}${p.spansSegments ? ' spans' : ''}`);
}

function messages(code: string): string[] {
  return result.diagnostics.filter((d) => d.code === code).map((d) => `${d.line}: ${d.message}`);
}

describe('framework parameters', () => {
  it('leaves a handler that writes its response with @Res() out of the API, with CG2210', () => {
    expect(operation('FrameworkController', 'raw')).toBeUndefined();
    expect(messages('CG2210')).toEqual(['12: FrameworkController.raw: @Res() hands the response to the handler, so its return type does not say what is sent; the operation is left out of the API.']);
  });

  it('leaves @Req(), @Next(), @Session(), @Ip(), @HostParam() and @Headers() out, keeps @Param, @Headers(name), @Query', () => {
    expect(parameters('FrameworkController', 'all')).toEqual(['path id', 'header x-tenant', 'query q']);
  });

  it('leaves custom param decorators and uploads out with a located CG2208', () => {
    expect(parameters('FrameworkController', 'upload')).toEqual(['body item']);
    expect(messages('CG2208')).toEqual([
      '32: @UploadedFile() on FrameworkController.upload(file): file uploads (multipart bodies) are not part of the generated API; the parameter is left out of the document and the client.',
      '32: @CurrentUser() on FrameworkController.upload(user): codegen reads it as a value the server fills (a custom param decorator); the parameter is left out of the document and the client.',
    ]);
  });
});

describe('route syntax', () => {
  it.each([
    ['read', '/files/{path}', ['path path spans']],
    ['rawRead', '/files/raw/{path}', ['path path spans']],
    ['legacy', '/files/legacy/{path}', ['path path spans']],
    ['plus', '/files/v6/{rest}', ['path rest spans']],
    ['byId', '/files/by-id/{id}', ['path id']],
    ['optional', '/files/opt/{version}', ['path version']],
    ['oldOptional', '/files/old/{version}', ['path version']],
    ['escaped', '/files/name.:ext/{id}', ['path id']],
  ])('%s → %s', (name, template, expected) => {
    expect(operation('FilesController', name)?.path).toBe(template);
    expect(parameters('FilesController', name)).toEqual(expected);
  });

  it('keeps a :id(\\d+) pattern on the string parameter', () => {
    expect(operation('FilesController', 'byId')!.parameters[0]!.type).toEqual({ kind: 'string', constraints: { pattern: { source: '^(?:\\d+)$', flags: '' } } });
  });

  it('leaves out what no template expresses, and says so where the route is written', () => {
    expect(['pattern', 'question', 'catchAll'].map((name) => operation('FilesController', name))).toEqual([undefined, undefined, undefined]);
    expect(messages('CG2207').filter((m) => m.includes('FilesController'))).toEqual([
      "65: FilesController.optional: the optional route part '{/:version}' is documented and sent as present: OpenAPI has no optional path parameters, so the route without it is not in the API.",
      "70: FilesController.oldOptional: the optional route part ':version?' is documented and sent as present: OpenAPI has no optional path parameters, so the route without it is not in the API.",
      "75: FilesController.pattern: 'ab*cd' is a pattern in NestJS 10 and older, which no OpenAPI path template can express, and in NestJS 11 a wildcard named 'cd', which no @Param('cd') reads, so no client could fill it; the operation is left out of the API.",
      "80: FilesController.question: the route part 'ab?cd' is a pattern no OpenAPI path template can express; the operation is left out of the API.",
      "85: FilesController.catchAll: the wildcard '*' is read by no parameter (NestJS 11 names it 'path'), so no client could fill it; the operation is left out of the API.",
    ]);
  });
});

describe('versions and hosts', () => {
  it('prefixes the controller version (/v1/items); a method @Version wins, VERSION_NEUTRAL has none', () => {
    expect(['get', 'details', 'list'].map((name) => operation('ItemsController', name)?.path)).toEqual(['/v1/items/{id}', '/v2/items/{id}/details', '/items']);
    expect(result.model.services.find((s) => s.name === 'ItemsController')!.basePath).toBe('/v1/items');
  });

  it('documents the first of several versions and warns; warns that a host is not in the API', () => {
    expect(operation('ManyVersionsController', 'list')!.path).toBe('/v1/many');
    expect(operation('AdminController', 'list')!.path).toBe('/admin');
    expect(messages('CG2207').filter((m) => !m.includes('FilesController') && !m.includes('AliasController'))).toEqual([
      '117: ManyVersionsController answers versions 1, 2; only version 1 is documented and called.',
      "125: @Controller() on AdminController answers only on 'admin.example.com'; the host is not part of the generated API, whose paths are relative to the client's baseUrl.",
    ]);
  });

  it('reports nothing else', () => {
    expect(result.diagnostics.map((d) => d.code).filter((code) => code !== 'CG2207' && code !== 'CG2208' && code !== 'CG2210')).toEqual([]);
  });
});

describe('several paths for one route', () => {
  it('describes the first of @Controller([…]) and @Get([…]) and names the others in CG2207', () => {
    expect(operation('AliasController', 'one')?.path).toBe('/aliases/one');
    expect(messages('CG2207').filter((message) => message.includes('paths;'))).toEqual([
      expect.stringContaining("@Controller() on AliasController answers on 2 paths; the API describes the first, 'aliases', and leaves out 'alt'."),
      expect.stringContaining("@Get() on AliasController.one answers on 2 paths; the API describes the first, 'one', and leaves out 'uno'."),
    ]);
  });
});
