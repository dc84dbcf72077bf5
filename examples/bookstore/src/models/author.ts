import { Column, CreateDateColumn, Entity, IsEmail, IsOptional, IsUrl, Length, PrimaryGeneratedColumn } from '../lib/decorators.js';
import type { Book } from './book.js';

/** Someone who writes books. Annotated the class-validator and TypeORM way. */
@Entity('authors')
export class Author {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column()
  @Length(1, 120)
  name!: string;

  @Column({ unique: true })
  @IsEmail()
  email!: string;

  /** A short biography, shown on the author's page. */
  @Column({ type: 'text', nullable: true })
  @IsOptional()
  bio?: string | null;

  @Column({ nullable: true })
  @IsUrl()
  @IsOptional()
  website?: string | null;

  /** The author's books: the one-to-many side of `Book.author`, found from the types. */
  books?: Book[];

  /** @readOnly */
  @CreateDateColumn()
  readonly createdAt!: Date;
}
