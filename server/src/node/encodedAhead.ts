/**
 * Notifications encoded before they are sent: the bytes of a message the server knows it will send, made while it
 * waits, and written as they are when it sends it.
 *
 * The diagnostics of the article being typed in are worded while the editor's debounce runs (analyse-ahead, in
 * lsp/features/publishDiagnostics.ts), and sent when it ends. Encoding them was then the rest of the wait: a 100 KB
 * article's 2,000 diagnostics are 0.7 MB of JSON, 12 ms to encode, and the largest block the keystroke allocated, the
 * one that made a due collection finish then. Encoded ahead, at the end of the debounce the message is only written.
 *
 * Each encoding is held by its params object (a WeakMap: one never sent is dropped with it) and used once. A message
 * whose params were not encoded ahead is encoded by vscode-jsonrpc's own encoder.
 */
import { RAL, type ContentTypeEncoder, type ContentTypeEncoderOptions, type Message } from 'vscode-languageserver/node';

export class EncodedAhead {
  private readonly encoded = new WeakMap<object, Uint8Array>();

  /** Encodes the notification `method` with `params` now: sending these very `params` later writes its bytes. */
  notification(method: string, params: object): void {
    this.encoded.set(params, Buffer.from(JSON.stringify({ jsonrpc: '2.0', method, params }), 'utf-8'));
  }

  /** Whether `params` have an encoding not used yet (for tests). */
  holds(params: object): boolean {
    return this.encoded.has(params);
  }

  /** The content-type encoder of the server's message writer (vscode-jsonrpc's MessageWriterOptions). */
  readonly encoder: ContentTypeEncoder = {
    name: 'application/json',
    encode: (msg: Message, options: ContentTypeEncoderOptions): Promise<Uint8Array> => {
      const params = (msg as { params?: unknown }).params;
      if (typeof params === 'object' && params !== null && options.charset === 'utf-8' && (msg as { method?: unknown }).method !== undefined) {
        const bytes = this.encoded.get(params);
        if (bytes !== undefined) {
          this.encoded.delete(params);
          return Promise.resolve(bytes);
        }
      }
      return RAL().applicationJson.encoder.encode(msg, options);
    },
  };
}
