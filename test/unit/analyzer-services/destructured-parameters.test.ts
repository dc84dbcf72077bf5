/**
 * A destructured parameter has no name (tester8 F15): `one({ id }: { id: string })` under
 * `GET /{id}` was CG2202 and CG2204 about a parameter called `{ id }`, and in a POST the client
 * sent `{ id }`, the destructured properties only, as the body. Now it is one CG2206 at the
 * parameter that says so, and the operation is left out. NestJS's `@Body() { … }: Dto` and
 * `@Query() { … }: Page` say where the whole value goes: parameters named `body` and `query`;
 * `@Req() { user }` is the server's and left out, as any `@Req()` parameter is.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSources } from '../openapi/helpers.js';

const INTERFACE = `export interface Item { id: string; n: number }
/** @service /p */
export interface PService {
  /** @http GET /{id} */
  one({ id }: { id: string }): Promise<Item>;
  /** @http POST / */
  make({ id }: Item): Promise<Item>;
  /** @http GET /pair */
  pair([a, b]: [string, string]): Promise<Item[]>;
  /** @http GET /named/{id} */
  named(id: string): Promise<Item>;
}
`;

const CONTROLLER = `import { Body, Controller, Post, Query, Req } from '@nestjs/common';
export interface Item { id: string; n: number }
export interface Page { limit?: number }
@Controller('items')
export class ItemsController {
  @Post()
  create(@Body() { id, n }: Item, @Query() { limit }: Page): Promise<Item> {
    return Promise.resolve({ id, n: n + (limit ?? 0) });
  }
  @Post('by')
  by(@Req() { user }: { user: string }, @Body() item: Item): Promise<Item> {
    return Promise.resolve({ ...item, id: user });
  }
  @Post('clash')
  clash(@Body() { id }: Item, @Query('body') body: string): Promise<Item> {
    return Promise.resolve({ id, n: body.length });
  }
}
`;

describe('a destructured operation parameter', () => {
  it('is one CG2206 that says so, at the parameter; the operation is left out', () => {
    const { model, diagnostics } = analyzeSources({ 'p.ts': INTERFACE });
    expect(diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.line}:${diagnostic.column} ${diagnostic.message}`)).toEqual([
      'CG2206 5:7 PService.one: the destructured parameter { id } has no name, so it cannot be placed by name (a {placeholder}, a query key) nor given to the client; the operation is left out.',
      'CG2206 7:8 PService.make: the destructured parameter { id } has no name, so it cannot be placed by name (a {placeholder}, a query key) nor given to the client; the operation is left out.',
      'CG2206 9:8 PService.pair: the destructured parameter [a, b] has no name, so it cannot be placed by name (a {placeholder}, a query key) nor given to the client; the operation is left out.',
    ]);
    expect(model.services[0]!.operations.map((operation) => operation.name)).toEqual(['named']);
  });

  it('under @Body() or @Query() is the whole body or query, named body or query', () => {
    const { model, diagnostics } = analyzeSources({ 'c.ts': CONTROLLER });
    const [create, by] = model.services[0]!.operations;
    expect(create!.parameters.map((parameter) => `${parameter.name} ${parameter.in} ${parameter.spread}`)).toEqual(['body body false', 'query query true']);
    // `@Req() { user }`: the server's, left out of the API, named or not.
    expect(by!.parameters.map((parameter) => `${parameter.name} ${parameter.in}`)).toEqual(['item body']);
    // Named `body` beside a parameter called so: the client could not have both.
    expect(diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.line} ${diagnostic.message}`)).toEqual([
      "CG2206 15 ItemsController.clash: the destructured @Body() parameter { id } would be named 'body' in the client, which another parameter is called.",
    ]);
  });

  it('under @Param() (pipes or not) fills the placeholders from its properties (tester s20)', () => {
    const source = `import { Controller, Get, Param, ValidationPipe } from '@nestjs/common';
export interface Item { id: string; n: number }
@Controller('items')
export class ItemsController {
  @Get(':id/:n')
  one(@Param(ValidationPipe) { id, n }: { id: string; n: number; unused?: string }): Promise<Item> {
    return Promise.resolve({ id, n });
  }
}
`;
    const { model, diagnostics } = analyzeSources({ 'c.ts': source });
    expect(diagnostics).toEqual([]);
    expect(model.services[0]!.operations[0]!.parameters.map((parameter) => `${parameter.name} ${parameter.in} ${parameter.type.kind}`)).toEqual(['id path string', 'n path number']);
  });
});
