/** Sets a key of a document part; undefined removes the key, so unset options disappear. */
export function withKey<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): T {
  const result = { ...target };
  if (value === undefined) delete result[key];
  else result[key] = value;
  return result;
}

/** The object without the given keys. */
export function withoutKeys<T extends object>(target: T, keys: readonly (keyof T)[]): T {
  const result = { ...target };
  for (const key of keys) delete result[key];
  return result;
}

/** The list with item `index` replaced. */
export function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((old, i) => (i === index ? item : old));
}

/** The list without item `index`; undefined when nothing is left, so the key disappears. */
export function removeAt<T>(items: readonly T[], index: number): T[] | undefined {
  const rest = items.filter((_, i) => i !== index);
  return rest.length > 0 ? rest : undefined;
}
