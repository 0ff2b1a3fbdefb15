/** RFC 4180 CSV fields (pure): what the CLI's and the editor's CSV exports are written with. */

/** One RFC 4180 field: quoted when it holds a comma, a double quote, or a line break; quotes doubled. */
export function csvField(value: string | number | boolean | null): string {
  const s = value === null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
