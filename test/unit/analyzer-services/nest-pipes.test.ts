/**
 * NestJS controllers as the validation guide writes them (the `nest-pipes` fixture; tester s20):
 * a named query key is one parameter; a decorator's pipes are the server's (`@Body(ValidationPipe)`
 * is the whole body, not a bad name); `@Param() params: Dto` fills the placeholders from its
 * properties; an `Observable<T>` result is `T`; handlers no JSON API describes are left out with
 * CG2210, the rest of the controller read.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalyzeResult } from '../../../src/analyzer/index.js';
import type { Operation } from '../../../src/model/types.js';
import { analyzeCase } from '../analyzer-entities/fixture-suite.js';
import { analyzeSources } from '../openapi/helpers.js';

let result: AnalyzeResult;

beforeAll(() => {
  result = analyzeCase(path.resolve(import.meta.dirname, '../../fixtures/analyzer-services/nest-pipes'));
}, 60_000);

function operation(name: string): Operation | undefined {
  return result.model.services.find((s) => s.name === 'ItemsController')?.operations.find((o) => o.name === name);
}

function parameters(name: string): string[] {
  return operation(name)!.parameters.map((p) => `${p.in} ${p.name}→${p.wireName}${p.spread ? ' spread' : ''}${p.optional ? ' optional' : ''}`);
}

function messages(code: string): string[] {
  return result.diagnostics.filter((d) => d.code === code).map((d) => `${d.line}:${d.column} ${d.message}`);
}

describe('NestJS parameter decorators', () => {
  it('reads no pipe as a name: no CG2206', () => {
    expect(messages('CG2206')).toEqual([]);
  });

  it("keeps @Query('filter') filter: FilterDto one parameter under its key (Nest passes req.query.filter)", () => {
    expect(parameters('list')).toEqual(['query filter→filter', 'query again→filter optional']);
  });

  it('spreads a bare @Query(pipe) as it spreads @Query()', () => {
    expect(parameters('search')).toEqual(['query query→query spread']);
  });

  it('reads @Body(ValidationPipe), @Body(new ValidationPipe()), @Body(new ParseArrayPipe()) as the whole body', () => {
    expect(parameters('create')).toEqual(['body item→item', 'header tenant→x-tenant']);
    expect(parameters('validated')).toEqual(['body item→item']);
    expect(parameters('tags')).toEqual(['body tags→tags']);
    expect(parameters('byNumber')).toEqual(['path id→id']);
  });

  it('fills the placeholders from @Param() params: Dto, one path parameter per property', () => {
    expect(operation('byParams')!.path).toBe('/items/{id}/{slug}');
    expect(parameters('byParams')).toEqual(['path id→id', 'path slug→slug']);
    expect(operation('byParams')!.parameters.map((p) => p.type)).toEqual([{ kind: 'string' }, { kind: 'string' }]);
  });

  it('is CG2202 for a placeholder the DTO has no property for', () => {
    expect(messages('CG2202')).toEqual([expect.stringContaining('ItemsController.missing: path placeholder {other} of GET missing/:id/:other has no parameter.')]);
  });
});

describe('NestJS defaults and redirects', () => {
  it("makes @Query('page', new DefaultValuePipe(1), ParseIntPipe) optional: the server fills it", () => {
    expect(parameters('paged')).toEqual(['query page→page optional', 'query size→size']);
  });

  it('documents the status of @Redirect(url, status), 302 without one, and no body', () => {
    expect(operation('old')!.response).toEqual({ status: 301 });
    expect(operation('moved')!.response).toEqual({ status: 302 });
  });
});

describe('NestJS results', () => {
  it('reads Observable<T> as T (Nest sends its last value)', () => {
    expect(messages('CG2205')).toEqual([]);
    expect(operation('observed')!.response).toEqual({ status: 200, type: { kind: 'ref', id: expect.stringContaining('Item') } });
    expect(operation('observed')!.observable).toBe(true);
    expect(operation('observedList')!.response.type).toEqual({ kind: 'array', items: { kind: 'ref', id: expect.stringContaining('Item') } });
  });

  it('leaves out @Body(name), @Res(), StreamableFile and @Sse() handlers with a located CG2210, and reads the rest', () => {
    expect(['rename', 'raw', 'file', 'events'].map(operation)).toEqual([undefined, undefined, undefined, undefined]);
    expect(operation('passthrough')).toBeDefined();
    expect(messages('CG2210')).toEqual([
      '121:3 ItemsController.events: @Sse() sends a stream of server-sent events, not one JSON answer; the operation is left out of the API.',
      "98:10 ItemsController.rename: @Body('name') reads one property of the request body, which codegen does not model; the operation is left out of the API.",
      '104:7 ItemsController.raw: @Res() hands the response to the handler, so its return type does not say what is sent; the operation is left out of the API.',
      '116:11 ItemsController.file: a StreamableFile result is a file download, not JSON; the operation is left out of the API.',
    ]);
    // The only error is the `missing` route's CG2202 (above).
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['CG2202']);
  });
});

describe('a key codegen cannot read', () => {
  it('is CG2206 when the first argument is a string it cannot read statically; a non-string is a pipe', () => {
    const source = `import { Controller, Get, Query, ParseIntPipe } from '@nestjs/common';
function keyName(): string { return 'page'; }
@Controller('items')
export class ItemsController {
  @Get()
  list(@Query(keyName(), ParseIntPipe) page: number, @Query(ParseIntPipe) all: { q?: string }): number[] {
    return [page];
  }
}
`;
    const { model, diagnostics } = analyzeSources({ 'c.ts': source });
    expect(diagnostics.map((d) => `${d.code} ${d.line}:${d.column} ${d.message}`)).toEqual([
      'CG2206 6:8 @Query() on ItemsController.list(page): expected a name string codegen can read (a string literal, or a constant initialised with one).',
    ]);
    expect(model.services[0]!.operations[0]!.parameters.map((p) => `${p.wireName}${p.spread ? ' spread' : ''}`)).toEqual(['page', 'all spread']);
  });
});
