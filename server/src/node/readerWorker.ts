/**
 * A worker thread that reads text files for the server (workerReads.ts): each batch of requests is read one file after
 * the other with synchronous calls, which cost a fraction of what a file handle's promises cost the server's thread
 * (four round trips through libuv's pool per file, and a handle to collect). Answers each request with the text,
 * nothing (no such file), or the error, in the order asked, a group of answers at a time.
 */
import { parentPort } from 'node:worker_threads';
import { FileRefusedError } from '../workspace/fileSystem';
import type { ReadAnswer, ReadRequest } from './readerMessages';
import { readTextFileSync } from './textFileReading';

/**
 * Answers are sent a group at a time as they are read, not once the whole batch is: the server asks for hundreds of
 * reads at once (articleLoading.ts reads 512 ahead and more), and waited for the last of them before it could import
 * the first. A group of 64 articles of a few kilobytes is still a message of a few hundred kilobytes, whose strings V8
 * makes in the old generation at once.
 */
const ANSWERS_PER_MESSAGE = 64;

parentPort?.on('message', (requests: ReadRequest[]) => {
  let answers: ReadAnswer[] = [];
  for (const { id, file, options } of requests) {
    answers.push(answerOf(id, file, options));
    if (answers.length === ANSWERS_PER_MESSAGE) {
      parentPort!.postMessage(answers);
      answers = [];
    }
  }
  if (answers.length) parentPort!.postMessage(answers);
});

function answerOf(id: number, file: string, options: ReadRequest['options']): ReadAnswer {
  try {
    const text = readTextFileSync(file, options);
    return text === undefined ? { id } : { id, text };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { id, error: { message: err.message, ...(err.code ? { code: err.code } : {}), refused: e instanceof FileRefusedError } };
  }
}
