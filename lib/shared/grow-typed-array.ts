/** The typed arrays that grow by doubling in Cairn's hash tables and tallies. */
type Growable = Int32Array | Float32Array | Float64Array | Uint8Array;

/** A copy of `array` with room for `size` entries (the new ones zero). */
export function grownTo<T extends Growable>(array: T, size: number): T {
  const grown = new (array.constructor as new (size: number) => T)(size);
  grown.set(array);
  return grown;
}
