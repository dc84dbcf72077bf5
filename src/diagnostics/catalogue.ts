/**
 * Every diagnostic code codegen can print, with what it means and how to fix it.
 * The single source for docs/diagnostics.md (generated from this table by a test) and for
 * the default severity. Ranges: CG1xxx config, CG2xxx sources and annotations, CG3xxx
 * templates and plugins, CG4xxx output and file system, CG5xxx generators.
 */
import type { Severity } from './types.js';

export interface CatalogueEntry {
  code: string;
  severity: Severity;
  title: string;
  /** What it means and how to fix it, for docs/diagnostics.md. */
  fix: string;
}

export const CATALOGUE = [
  // CG1xxx: config
  { code: 'CG1001', severity: 'error', title: 'Config file cannot be parsed', fix: 'Fix the YAML or JSON syntax at the reported position.' },
  { code: 'CG1002', severity: 'error', title: 'Unknown generator', fix: 'Use the name of a built-in generator (`codegen list` shows them) or of one of your plugins; the message suggests the closest name.' },
  { code: 'CG1003', severity: 'error', title: 'Unknown config key', fix: 'Remove the key or correct its spelling; the message suggests the closest known key.' },
  { code: 'CG1004', severity: 'error', title: 'Invalid config value', fix: 'Give the key a value of the type the message names (see docs/config.md).' },
  { code: 'CG1005', severity: 'error', title: 'Config file not found', fix: 'Run `codegen init`, or pass `--config <path>`.' },
  { code: 'CG1006', severity: 'error', title: 'Input globs match no file', fix: 'Check the `input` globs: they resolve against the config file\'s folder.' },
  { code: 'CG1007', severity: 'error', title: 'Undefined environment variable', fix: 'Set the variable, or give a default with `${VAR:-default}`.' },
  { code: 'CG1008', severity: 'error', title: 'Unknown project', fix: 'Name one of the projects listed under `projects:` in the config.' },
  { code: 'CG1009', severity: 'error', title: 'Invalid command-line usage', fix: 'See `codegen --help` for the commands and flags.' },
  { code: 'CG1010', severity: 'error', title: 'tsconfig not found or invalid', fix: 'Point `tsconfig` at an existing tsconfig.json, or remove the key to use the nearest one.' },
  { code: 'CG1011', severity: 'error', title: 'File already exists', fix: 'Pass `--force` to overwrite it.' },
  { code: 'CG1012', severity: 'warning', title: 'An input glob matches no file', fix: 'Correct the glob, or leave it for files to come: until it matches, it does not count toward the input base, so outputs stay where they are (see "Where outputs go" in docs/cli.md).' },
  { code: 'CG1013', severity: 'error', title: 'Output folder holds the inputs', fix: 'Give `output` a folder of its own, not an input folder or a folder above one (e.g. `src/generated` for inputs in `src/models`): codegen never reads its output folder as input.' },

  // CG2xxx: sources and annotations
  { code: 'CG2001', severity: 'error', title: 'Syntax error in a source file', fix: 'Fix the TypeScript syntax at the reported position.' },
  { code: 'CG2002', severity: 'error', title: 'Bad annotation value', fix: 'Give the tag a value of the expected form, e.g. `@minLength 3`.' },
  { code: 'CG2003', severity: 'error', title: 'Invalid regular expression', fix: 'Fix the pattern so that `new RegExp(source, "u")` accepts it: every @pattern is read in Unicode mode, as JSON Schema reads patterns.' },
  { code: 'CG2004', severity: 'warning', title: 'Unsupported type', fix: 'Use a supported type form (see docs/annotations.md), or type the property `unknown`. Meanwhile it is checked as unknown (anything passes), except what a runtime test can tell: a function is `typeof` checked, a `WeakMap`/`WeakSet` must be one (entries unchecked; a `Map`/`Set` is supported, its entries checked), and a library type no test can tell (`Promise<T>`, a class from node_modules) accepts no value; the message says which. `--strict` makes this an error.' },
  { code: 'CG2005', severity: 'error', title: 'Unknown string format', fix: 'Use one of the formats listed in docs/annotations.md.' },
  { code: 'CG2006', severity: 'error', title: 'Constraint on the wrong kind of type', fix: 'Move the constraint to a property of the kind it applies to (e.g. `@minLength` on a string).' },
  { code: 'CG2007', severity: 'error', title: 'Duplicate type name', fix: 'Two different processed types (in different files or namespaces) would get the same generated name; rename one, or exclude one with `@codegen-ignore`. Declarations TypeScript merges into one type (`interface A` written twice, an interface and a class of one name, an enum in parts) are one type, not duplicates.' },
  { code: 'CG2008', severity: 'error', title: 'Unknown generator in @codegen', fix: 'Name configured generators in `@codegen`, separated by spaces or commas.' },
  { code: 'CG2009', severity: 'warning', title: 'Unknown annotation', fix: 'Check the tag or decorator name; unknown JSDoc tags are otherwise ignored.' },
  { code: 'CG2010', severity: 'error', title: 'Unresolved type', fix: 'Import or declare the type; codegen resolves types the way tsc does: with a tsconfig (the nearest one by default), the declaration files its `files`/`include` hold (`globals.d.ts`, `declare global {}`) are part of the program even when the input glob leaves them out. The hint follows what tsc failed on: a module to mend, a property the type lacks, a count of type arguments, or a generic it gave up on (TS2589, `DeepPartial<Json>`), whose recursion is to be named by a recursive alias or interface.' },
  { code: 'CG2011', severity: 'error', title: 'Contradictory constraints', fix: 'The constraints cannot all hold (e.g. `@minLength 5 @maxLength 2`, `@format uuid @pattern ^x`); relax one of them. Reported only when proven: a mock that finds no value without a proof warns with CG5001.' },
  { code: 'CG2012', severity: 'warning', title: 'Type cannot be exported', fix: 'Generated code imports the types it checks: export the type from its file. Global types (a script `.d.ts` without imports or exports, `declare global {}`) are named without an import and never get this warning: `export` would turn their file into a module and break them.' },
  { code: 'CG2013', severity: 'error', title: 'Decorator argument is not static', fix: 'Decorators are read statically: pass literals (numbers, strings, regex literals, object literals) rather than variables or calls.' },
  { code: 'CG2014', severity: 'error', title: 'Source file name an import cannot carry', fix: 'Generated code imports this source file, and its name holds a character tsc or Node reads differently in an import (`#`, `?` and `%` are URL syntax to Node, `\\` is a folder separator to tsc, tab and line breaks are dropped by Node): rename the file. Type-only imports tolerate every character but `\\`; value imports (an enum a mock uses) need all of them gone.' },
  { code: 'CG2015', severity: 'warning', title: 'class-validator rule codegen does not check', fix: 'The decorator is a class-validator rule with no counterpart in codegen, so the generated validators, mocks and schemas ignore it: say the same with what codegen checks (a union of literals for `@IsIn()`, a pattern for `@IsAlpha()`, a supported format), or check it in your own code. docs/annotations.md lists what is read.' },
  { code: 'CG2016', severity: 'warning', title: 'class-validator rule looser than the type', fix: 'class-validator would accept a value the property\'s TypeScript type rejects (`@IsOptional()` lets `null` and a missing key through); the generated validators follow the type. Write the type that says what you mean (`nickname?: string | null`), or drop the decorator.' },
  { code: 'CG2017', severity: 'error', title: 'Enum member value not static', fix: 'Generated code checks enum values, so each must be known without running your code: initialise the member with a string or number literal, another member, or a `const` of one (casts such as `\'legacy\' as any` are read through).' },
  { code: 'CG2018', severity: 'warning', title: 'Type no value can have', fix: 'The members of an intersection give a property types that share no value (`{ b: bigint } & { b: string }`: `b` is `never`; `{ k: \'a\' } & { k: \'b\' }` is `never` as a whole), so TypeScript accepts no value of it: the validators reject every value and its mock throws when built. Make the members agree, or make the property optional if it is meant to stay absent. Literals none of which meets a constrained member (`{ b: Code } & { b: \'abc\' | \'xyz\' }` with `@pattern ^[A-Z]{3}$` on `Code`, which TypeScript does not see) have no value either: the mock generator reports them, since it puts each literal to the validator\'s own checks.' },
  { code: 'CG2019', severity: 'warning', title: 'Optional property TypeScript treats as required', fix: 'The property is named like a member of Object.prototype (`toString?: number`, `valueOf?: string`, `constructor?: number`) and that member is not a value of its type: TypeScript reads the inherited member when the key is missing, so `{}` is not a value of the type, and the generated validators, mocks and schemas require the key (it may hold `undefined`). Write it without `?`, or rename it. Types the inherited member fits (`constructor?: Function`, `toString?: unknown`) are not reported, but for `valueOf?: object` and the like: TypeScript takes the inherited function there, the validators (plain data) do not.' },
  { code: 'CG2020', severity: 'warning', title: 'Merged declarations disagree on a tag', fix: 'TypeScript merges declarations of one name (`interface A` written twice, an interface beside a class, an enum in parts) into one type, and codegen reads the type-level tags of all of them together: a tag that sets how the whole type is read (`@strict`, `@codegen`, `@internal`, a constraint) written on one part applies to the members of every part. Write it alike on every declaration of the type, or on none.' },
  { code: 'CG2021', severity: 'warning', title: 'Alias constraints not carried', fix: 'A constrained alias (`/** @pattern … */ type Slug = string`) is written inside a type form codegen cannot follow it through (`ReturnType<() => Slug>`), so the property is checked without its constraints: write the alias where the value is (`x: Slug`), or repeat its tags on the property.' },
  { code: 'CG2022', severity: 'warning', title: 'Enum member JSON cannot carry', fix: 'An enum member initialised with `NaN`, `Infinity` or `-Infinity` (`A = NaN`, `B = 1e400`) has a value no JSON document can hold (`JSON.stringify(NaN)` is `null`), and `NaN` equals nothing, itself included: the member is left out of every output, so validators reject it, mocks never pick it and schemas do not list it. Give the member a finite number or a string.' },
  { code: 'CG2023', severity: 'warning', title: 'class-validator type check contradicts the type', fix: 'A type-check decorator (`@IsString()`, `@IsNumber()`, `@IsBoolean()`, `@IsDate()`, `@IsArray()`, `@IsObject()`, `@IsEnum()`, `@IsIn()`) accepts no value of the property\'s TypeScript type (`@IsString() age: number`), so class-validator would reject every value, while the generated validators follow the type. Type the property as the decorator says (`age: string`), or drop the decorator. A check that narrows the type (`@IsNumber()` on `number | string`, `@IsEnum(Role)` on `string`) is applied without a diagnostic.' },
  { code: 'CG2024', severity: 'warning', title: 'Documented value not of the type', fix: 'A `@default` or `@example` is not a value the property\'s type and constraints accept (`@default 200` with `@maximum 100`, `@default "x"` on a number, `@default red` on `\'green\' | \'blue\'`); the openapi generator also judges `@format`s (with the generated validator\'s own check: `@format email @example "not-an-email"`) and referenced types. The value is left out of the OpenAPI schema (with ajv\'s `useDefaults` a bad default would turn valid input into invalid), and SQL still uses a default as the column\'s DEFAULT: write a value the generated validators accept, or drop the tag. Dates, bigints and tuples are not judged.' },
  { code: 'CG2025', severity: 'warning', title: 'Type checked less strictly than written', fix: 'A type form the model holds only in part is checked as the nearest form it can hold, which accepts every value TypeScript does and a few more; the message names what is not checked. A mapping of a mapping (`Lowercase<Uppercase<string>>`, which TypeScript reads as the strings that applying Uppercase, then Lowercase, gives back) is checked as its outermost mapping (`Lowercase<string>`: `\'ß\'` passes). Write the form codegen holds (one mapping), or check the rest in your own code.' },

  // CG21xx: persistence
  { code: 'CG2101', severity: 'error', title: 'Bad persistence annotation', fix: 'See the persistence table in docs/annotations.md for the accepted values.' },
  { code: 'CG2102', severity: 'error', title: 'Unknown referenced entity or field', fix: '`@references Type[.field]` must name an entity (and one of its properties).' },
  { code: 'CG2103', severity: 'error', title: 'Entity without a primary key', fix: 'Mark a property `@primaryKey`, or name one `id`.' },
  { code: 'CG2104', severity: 'warning', title: 'Persistence option not supported', fix: 'A TypeORM decorator or option codegen does not model (`collation`, `transformer`, `select: false`, `@VersionColumn()`…) or does not know is ignored, never silently: remove it, or accept that the generated schema and code leave it out. The message suggests the closest known option for a misspelling.' },
  { code: 'CG2105', severity: 'error', title: 'Two properties mapped to one column', fix: 'Give each property its own column (`@column name`, `@Column({ name })`, `@JoinColumn({ name })`), or mark one `@transient`. A relation and the scalar holding its key (`user: User` beside `userId: string`) may share the column: they become one column.' },
  { code: 'CG2106', severity: 'error', title: 'Relation without an owning side', fix: 'A one-to-one needs `@JoinColumn()` on exactly one side (JSDoc: `@oneToOne` on the owner, `@oneToOne Type.property` on the other); a many-to-many needs `@JoinTable()` on exactly one side (JSDoc: `@manyToMany` on the owner, `@manyToMany Type.property` on the other).' },

  // CG22xx: services
  { code: 'CG2201', severity: 'error', title: 'Unknown HTTP method', fix: 'Use GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS.' },
  { code: 'CG2202', severity: 'error', title: 'Path placeholder without parameter', fix: 'Add a parameter named like the placeholder, or `@Param(\'name\')`.' },
  { code: 'CG2203', severity: 'error', title: 'Duplicate operation', fix: 'Two operations share a method and path; change one of them.' },
  { code: 'CG2204', severity: 'error', title: 'Body on a method that takes none', fix: 'GET, HEAD and DELETE take no body: pass the value as `@query` or path parameters.' },
  { code: 'CG2205', severity: 'error', title: 'Type is not serialisable', fix: 'Operation parameters and results must be JSON-serialisable types (no functions, symbols or class instances with methods).' },
  { code: 'CG2206', severity: 'error', title: 'Bad service annotation', fix: 'See the services table in docs/annotations.md.' },
  { code: 'CG2207', severity: 'warning', title: 'Route the API cannot express as written', fix: 'NestJS route syntax is translated into OpenAPI path templates (`:id` → `{id}`, `*path` → `{path}`); what a template cannot say is reported: an optional part (`{/:id}`, `:id?`) is documented and sent as present; a pattern (`ab?cd`, `(\\d+)`) or a wildcard no parameter reads leaves the operation out; a controller `host` is not part of the API; of several versions only the first is documented. See docs/annotations.md (NestJS routes).' },
  { code: 'CG2208', severity: 'warning', title: 'Parameter left out of the API', fix: 'A parameter with a decorator codegen does not know as an API location (a custom param decorator such as `@CurrentUser()`, or `@UploadedFile()`) is filled by the server, not sent by the client, so it is left out of the document and the client. Read values the client sends with `@Param()`, `@Query()`, `@Headers(\'name\')` or `@Body()`. Framework parameters (`@Req()`, `@Res()`, `@Next()`, `@Session()`, `@Ip()`, `@HostParam()`, `@Headers()`) are left out without a warning.' },
  { code: 'CG2209', severity: 'warning', title: 'Body chosen among several parameters', fix: 'A POST, PUT or PATCH without an object parameter sends its first array, tuple or other non-scalar parameter as the JSON body; when several could be, the others stay query parameters. Mark them `@query` to say so (the warning goes), or pass one object as the body. See docs/annotations.md (services).' },

  // CG23xx: SQL schemas (the sql generator)
  { code: 'CG2301', severity: 'error', title: 'Column type cannot be stored', fix: 'The property\'s type has no column type (e.g. only `null`); give it a type from the column-type map in docs/sql.md, or mark it `@transient`.' },
  { code: 'CG2302', severity: 'error', title: 'Raw SQL is not a type or an expression', fix: '`@dbType` must be a type name (`varchar(40)`, `numeric(10, 2)`) and an SQL default one expression without `;` or comments: both are copied into the schema as written.' },
  { code: 'CG2303', severity: 'error', title: 'Generated key the dialect cannot make', fix: '`@generated increment` needs an integer column; on SQLite it must be the one-column primary key (SQLite numbers rows only through `INTEGER PRIMARY KEY`). Use `@generated uuid`, or drop `sqlite` from `dialects`.' },
  { code: 'CG2304', severity: 'error', title: 'Two SQL objects share a name', fix: 'Two tables, two columns of a table, two constraints of a table or two indexes have one name (PostgreSQL compares the first 63 bytes). Rename one with `@table`, `@column` or the constraint or index name.' },
  { code: 'CG2305', severity: 'error', title: 'Default does not fit the column', fix: 'Give a default of the column\'s type (a string for text, a number for numbers, `true`/`false` for booleans); `@generated now` needs a `Date` or date column, `@generated uuid` a string one.' },
  { code: 'CG2306', severity: 'error', title: 'SET NULL on a column that cannot be null', fix: 'The foreign key would set a NOT NULL column to null when its target row goes: make the property nullable, or use `cascade` or `restrict`.' },
  { code: 'CG2307', severity: 'error', title: 'Relation the schema cannot express', fix: 'A foreign key must reference a primary key or a unique column; a many-to-many needs a join table and one-column primary keys on both sides.' },
  { code: 'CG2308', severity: 'warning', title: 'Identifier PostgreSQL cannot keep as written', fix: 'PostgreSQL keeps the first 63 bytes of a name (and cannot store NUL, an error): shorten the `@table` or `@column` name.' },
  { code: 'CG2309', severity: 'warning', title: 'Column type replaced on PostgreSQL', fix: 'A written column type that would shift values or that PostgreSQL lacks was replaced, and the message says by what: `timestamp` (without time zone) and `datetime` become `timestamptz` for a Date (a Date is an instant; a zoneless timestamp shifts it by the session\'s offset), MySQL and SQL Server names become their PostgreSQL equivalents (`tinyint` → `smallint`, `longtext` → `text`, `int(11)` → `int`), an array type is stored as JSON. Write the replacement to silence it.' },
  { code: 'CG2310', severity: 'error', title: 'Column type the runtime cannot read', fix: 'The written column type holds values the generated runtime cannot read back as the property\'s type: `money` (read back as formatted text, e.g. `$12.50`; use `numeric(p, s)`), binary types (no codec for bytes), a numeric type (`bigint`, `numeric`…) on a `string` property (drivers read numbers back; type the property `number` or `bigint`).' },
  { code: 'CG2311', severity: 'error', title: 'Property name that cannot be a row field', fix: 'An entity property named `__proto__` cannot be a field of the generated row objects (JavaScript treats it as the prototype): rename the property; `@column` keeps the column\'s name. Other Object.prototype names (`constructor`, `toString`…) are fine.' },
  { code: 'CG2312', severity: 'warning', title: 'Entity stored as a JSON copy', fix: 'A property whose type holds entities inside a union, tuple or object (`owner: User | Org`, `pair: [User, User]`, `meta: { by: User }`) is stored as a JSON column with copies of the rows, not as a relation. Type it as one entity (`owner: User`) or a list of one (`users: User[]`) for a relation; use a type that is not an entity for a deliberate snapshot; or mark it @transient.' },

  // CG3xxx: templates and plugins
  { code: 'CG3001', severity: 'error', title: 'Template parse error', fix: 'Fix the Handlebars syntax at the reported template position.' },
  { code: 'CG3002', severity: 'error', title: 'Template runtime error', fix: 'The template read a value the view model does not have (templates run in strict mode); see docs/model.md for what each generator passes.' },
  { code: 'CG3003', severity: 'error', title: 'Template not found', fix: 'A generator asked for a template that is neither in your templates folder nor built in.' },
  { code: 'CG3004', severity: 'error', title: 'Generated output cannot be formatted', fix: 'Prettier rejected the generated code: usually a broken custom template. The message gives Prettier\'s position in the output.' },
  { code: 'CG3005', severity: 'error', title: 'Plugin cannot be loaded', fix: 'Check the path in `plugins`: a folder with a `codegen.generator.yaml` manifest or a module exporting a generator definition.' },
  { code: 'CG3006', severity: 'error', title: 'Plugin failed', fix: 'A generator threw while planning; the message names it. Run with `-v` for the stack trace.' },
  { code: 'CG3007', severity: 'error', title: 'Plugin returned an invalid result', fix: 'A plugin\'s `plan`, `check`, `requests` or `uses` returned a value that does not fit the generator contract; the message names the plugin, the file and the field. See "A JavaScript module" in docs/templates-and-plugins.md.' },

  // CG4xxx: output and file system
  { code: 'CG4001', severity: 'error', title: 'Generated file was edited by hand', fix: 'Move the change into a template or the source, then run again; or pass `--force` to overwrite it (or set `onHandEdit`).' },
  { code: 'CG4002', severity: 'error', title: 'Output cannot be written', fix: 'Check that the output folder is writable and not a file.' },
  { code: 'CG4003', severity: 'error', title: 'Output is missing', fix: 'Run `codegen generate`.' },
  { code: 'CG4004', severity: 'error', title: 'Output is stale', fix: 'Run `codegen generate`.' },
  { code: 'CG4005', severity: 'error', title: 'Output is orphaned', fix: 'Run `codegen generate` to delete it (it is no longer generated).' },
  { code: 'CG4006', severity: 'warning', title: 'Manifest is unreadable', fix: 'The output folder\'s `.codegen-manifest.json` was damaged; it is rebuilt on the next run. Check hand edits by hand.' },
  { code: 'CG4007', severity: 'error', title: 'Two generators write the same file', fix: 'Change one generator\'s `fileName` pattern or output folder.' },
  { code: 'CG4008', severity: 'warning', title: 'Hand-edited file overwritten or kept', fix: 'Under `onHandEdit: warn` a hand edit is overwritten with this warning; an edited file that is no longer generated is kept and left to you.' },
  { code: 'CG4009', severity: 'warning', title: 'Unsafe entry in codegen\'s records ignored', fix: 'An entry of `.codegen-manifest.json` or `.codegen-journal.json` names a path outside the output folder (absolute, with `..`, a backslash or a NUL, or through a link leading out), a folder, a name over 255 bytes or a path over 4,096 bytes, or a journal temp that is not a regular file; or the journal is damaged; or the format cache folder is a link leading out of the project (then the cache is not used). codegen ignores it and touches no file for it; the next `codegen generate` rewrites the manifest without it. Check how it got there (a merge, a hand edit).' },
  { code: 'CG4010', severity: 'error', title: 'A previous run was interrupted', fix: 'A run was killed while writing the output folder (its journal `.codegen-journal.json` or temporary `.*.codegen-tmp-*` files remain). Run `codegen generate` (or `codegen clean`): it completes or undoes the interrupted run first.' },
  { code: 'CG4011', severity: 'error', title: 'Two sources share an output name', fix: 'Output names keep a source\'s Unicode letters, digits, `_`, `.` and `-` (NFC) and kebab-case its name, so `a#b.ts` and `a-b.ts`, or `User.ts` and `user.ts`, would both write `a-b.validate.ts` or `user.validate.ts`: rename one source, or give `fileName` a pattern that tells them apart.' },

  // CG5xxx: generators
  { code: 'CG5001', severity: 'error', title: 'Generator cannot handle a type', fix: 'The generator names what it cannot emit and why; exclude the type from it with `@codegen`.' },
  { code: 'CG5002', severity: 'error', title: 'Invalid generator options', fix: 'See the generator\'s options in docs/config.md.' },
  { code: 'CG5003', severity: 'error', title: 'Unexpected internal error', fix: 'A bug in codegen: run again with `-v` and report the stack trace.' },
  { code: 'CG5004', severity: 'error', title: 'Internal limit reached', fix: 'A type is too deeply nested or too large for a tool codegen relies on (the message names the tool, the output and the part of it): split the type into named types, or leave it out of the generator with `@codegen`; and report it, since codegen means to stay within these limits.' },
] as const satisfies readonly CatalogueEntry[];

export type DiagnosticCode = (typeof CATALOGUE)[number]['code'];

const byCode = new Map<string, CatalogueEntry>(CATALOGUE.map((entry) => [entry.code, entry]));

/** The catalogue entry for a code; throws for an unknown code (a bug, caught by tests). */
export function catalogueEntry(code: string): CatalogueEntry {
  const entry = byCode.get(code);
  if (!entry) throw new Error(`Unknown diagnostic code ${code}`);
  return entry;
}
