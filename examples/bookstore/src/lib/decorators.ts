/**
 * Stand-ins for the decorators of class-validator, TypeORM and @nestjs/common, with the same
 * names and signatures, so the example compiles without installing those frameworks.
 * codegen reads decorators statically, by name: a real project imports them from the
 * frameworks themselves and nothing changes.
 */
type AnyDecorator = (target: object, key?: string | symbol, indexOrDescriptor?: unknown) => void;
const noop: AnyDecorator = () => undefined;

// class-validator
export const IsEmail = (_options?: object): AnyDecorator => noop;
export const IsUUID = (_version?: string | number): AnyDecorator => noop;
export const IsUrl = (_options?: object): AnyDecorator => noop;
export const IsInt = (): AnyDecorator => noop;
export const IsOptional = (): AnyDecorator => noop;
export const Length = (_min: number, _max?: number): AnyDecorator => noop;
export const MinLength = (_min: number): AnyDecorator => noop;
export const MaxLength = (_max: number): AnyDecorator => noop;
export const Matches = (_pattern: RegExp): AnyDecorator => noop;
export const Min = (_min: number): AnyDecorator => noop;
export const Max = (_max: number): AnyDecorator => noop;
export const ArrayMaxSize = (_max: number): AnyDecorator => noop;
export const ArrayUnique = (): AnyDecorator => noop;

// TypeORM
export const Entity = (_name?: string): AnyDecorator => noop;
export const PrimaryGeneratedColumn = (_strategy?: 'increment' | 'uuid'): AnyDecorator => noop;
export const Column = (_options?: object): AnyDecorator => noop;
export const CreateDateColumn = (): AnyDecorator => noop;
export const UpdateDateColumn = (): AnyDecorator => noop;
export const OneToMany = (_type: () => unknown, _inverse?: (target: never) => unknown): AnyDecorator => noop;
export const ManyToOne = (_type: () => unknown, _options?: object): AnyDecorator => noop;
export const Index = (_name?: string): AnyDecorator => noop;

// @nestjs/common
export const Controller = (_path?: string): AnyDecorator => noop;
export const Get = (_path?: string): AnyDecorator => noop;
export const Post = (_path?: string): AnyDecorator => noop;
export const Patch = (_path?: string): AnyDecorator => noop;
export const Delete = (_path?: string): AnyDecorator => noop;
export const HttpCode = (_status: number): AnyDecorator => noop;
export const Param = (_name?: string): AnyDecorator => noop;
export const Query = (_name?: string): AnyDecorator => noop;
export const Body = (): AnyDecorator => noop;
export const Headers = (_name?: string): AnyDecorator => noop;
