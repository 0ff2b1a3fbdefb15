export interface LayerCounts {
  passed: number;
  failed: number;
  pending: number;
}
export interface LayerResult extends LayerCounts {
  label: string;
  code: number;
  seconds: number;
  host?: string;
  notRun?: string;
}
export declare function countsOf(out: string, name?: string): LayerCounts;
export declare function notRunOf(out: string, name?: string): string | undefined;
export declare function hostOf(out: string): string | undefined;
export declare function summarize(results: readonly LayerResult[]): { lines: string[]; ok: boolean };
