import { IsInt, Max, MaxLength, Min } from '../lib/decorators.js';

/** A reader's review of a book (class-validator style). */
export class Review {
  /** @format uuid */
  bookId!: string;

  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;

  @MaxLength(2000)
  body?: string;

  /** @format date */
  readOn?: string;
}
