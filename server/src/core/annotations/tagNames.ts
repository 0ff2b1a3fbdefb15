/**
 * Tag names: hierarchical (`security/cybercrime`, levels separated by `/`). Plain string functions with no imports, so
 * that the VS Code client shares them with the server and the core.
 */

/** A tag name as stored: each level trimmed, no empty levels (`a / b/` → `a/b`). */
export function normalizeTagName(name: string): string {
  return name
    .split('/')
    .map((p) => p.trim())
    .filter(Boolean)
    .join('/');
}

/**
 * The new name of `label` when `from` is renamed (or moved) to `to`: `from` itself, and everything below it
 * (`from/x` → `to/x`). Undefined when the rename does not touch `label`.
 */
export function renamedLabel(label: string, from: string, to: string): string | undefined {
  if (label === from) return to;
  if (label.startsWith(`${from}/`)) return `${to}${label.slice(from.length)}`;
  return undefined;
}
