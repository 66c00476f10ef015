/**
 * The values of an enumeration of the API, in the order written. Giving them as the keys of a record makes the
 * compiler check the list is complete and has nothing extra, so a value added to the OpenAPI document fails the
 * build until the interface knows it.
 */
export function enumValues<T extends string>(values: Record<T, 1>): readonly T[] {
  return Object.keys(values) as T[]
}
