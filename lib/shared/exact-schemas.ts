import type * as v from 'valibot';

/** `T` with every object and array rebuilt as a plain mapped type, so equal shapes compare equal. */
type Flat<T> = T extends (...args: never[]) => unknown ? T : T extends object ? { [K in keyof T]: Flat<T[K]> } : T;

/** Whether two types are the same, optional fields included (mutual assignability is not enough). */
export type SameType<A, B> = (<T>() => T extends Flat<A> ? 1 : 2) extends (<T>() => T extends Flat<B> ? 1 : 2) ? true : false;

type Drift<Name extends PropertyKey> = { '~drift': `the schema of "${Name & string}" and its type in lib/protocol.ts differ` };

/**
 * Checks, at compile time, that each schema validates exactly its type in `Types` (what it
 * accepts and what it gives the handler): `tsc` fails, naming the entry, when one drifts.
 * Call as `exactSchemas<Types>()({ … })`; it returns the schemas unchanged.
 */
export function exactSchemas<Types>() {
  // S is inferred loosely, so one missing entry is reported as missing, not as every entry drifting.
  return <S extends Record<PropertyKey, v.GenericSchema>>(
    schemas: S & {
      [K in keyof Types]: K extends keyof S
        ? SameType<v.InferOutput<S[K]>, Types[K]> extends true
          ? SameType<v.InferInput<S[K]>, Types[K]> extends true
            ? unknown
            : Drift<K>
          : Drift<K>
        : v.GenericSchema<Types[K]>;
    },
  ): S & Record<keyof Types, v.GenericSchema> => schemas;
}
