/** The messages between the server's thread and its file-reading worker (readerWorker.ts, workerReads.ts). */
import type { ReadOptions } from '../workspace/fileSystem';

export interface ReadRequest {
  readonly id: number;
  readonly file: string;
  readonly options?: ReadOptions;
}

/** A file's text; neither text nor error: there is no such file. */
export interface ReadAnswer {
  readonly id: number;
  readonly text?: string;
  /** `refused`: a `FileRefusedError` (not a regular file, too large); `code`: the system error's (`ELOOP`, `EACCES`…). */
  readonly error?: { readonly message: string; readonly code?: string; readonly refused: boolean };
}
