/** An email address. */
/** @format email */
export type Email = string;

/** An amount of money in the store's currency, to the cent. */
/**
 * @minimum 0
 * @multipleOf 0.01
 */
export type Money = number;

/** A postal address. */
export interface Address {
  /** @minLength 1 */
  street: string;
  /** @minLength 1 */
  city: string;
  /**
   * Postal or ZIP code.
   * @pattern ^[A-Z0-9][A-Z0-9 -]{1,9}$
   */
  postalCode: string;
  /**
   * ISO 3166-1 alpha-2 country code.
   * @pattern ^[A-Z]{2}$
   * @example "GB"
   */
  country: string;
  /** Where the parcel goes, as [latitude, longitude]. */
  location?: [latitude: number, longitude: number];
}

/**
 * One page of a listing.
 * @codegen-ignore
 */
export interface Page<T> {
  items: T[];
  /** @type integer @minimum 0 */
  total: number;
  /** Opaque cursor for the next page; absent on the last page. */
  next?: string;
}

/** The error body every endpoint answers with. */
export interface ApiError {
  /** Machine-readable code, e.g. `not_found`. */
  code: string;
  message: string;
  /** Field-level details, by JSON Pointer. */
  details?: Record<string, string>;
}
