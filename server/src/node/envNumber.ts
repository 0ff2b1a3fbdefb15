/**
 * A whole number an environment variable gives (surrounding spaces allowed), or `fallback` when it is unset or is not
 * a whole number of at most `maxDigits` digits: no V8 flag string is ever built from anything else.
 */
export function wholeNumberFrom(value: string | undefined, fallback: number, maxDigits: number): number {
  const given = value?.trim();
  return given !== undefined && given.length <= maxDigits && /^\d+$/.test(given) ? Number(given) : fallback;
}
