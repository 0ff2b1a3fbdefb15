/** What every benchmark returns: the lines to print, and whether its targets were met. */
export interface BenchResult {
  name: string;
  lines: string[];
  ok: boolean;
}
