/**
 * A worker thread that reads text files for the server (workerReads.ts): each batch of requests is read one file after
 * the other with synchronous calls, which cost a fraction of what a file handle's promises cost the server's thread
 * (four round trips through libuv's pool per file, and a handle to collect). Answers each request with the text,
 * nothing (no such file), or the error, in the order asked.
 */
import { parentPort } from 'node:worker_threads';
import { FileRefusedError } from '../workspace/fileSystem';
import type { ReadAnswer, ReadRequest } from './readerMessages';
import { readTextFileSync } from './textFileReading';

parentPort?.on('message', (requests: ReadRequest[]) => {
  const answers: ReadAnswer[] = requests.map(({ id, file, options }) => {
    try {
      const text = readTextFileSync(file, options);
      return text === undefined ? { id } : { id, text };
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      return { id, error: { message: err.message, ...(err.code ? { code: err.code } : {}), refused: e instanceof FileRefusedError } };
    }
  });
  parentPort!.postMessage(answers);
});
