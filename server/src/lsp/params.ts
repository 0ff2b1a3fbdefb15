/**
 * Checks of what clients send, in one place, at the server's edge: a bad request gets a clear error (InvalidParams,
 * through UserError) and writes nothing. Positions must be non-negative integers inside the document.
 *
 * Custom requests are registered through `handleRequest`, which reads the params however the client sent them:
 * vscode-jsonrpc spreads array params over the handler's arguments (so `[]` or no params would hand the handler the
 * cancellation token as its first argument), and Neovim encodes an empty Lua table as `[]`.
 */
import { CancellationToken, ErrorCodes, LSPErrorCodes, ResponseError, type Connection, type RequestType } from 'vscode-languageserver';
import { CancelledError, type LineIndex } from '../core/index';
import type { LspPosition, LspRange } from '../protocol';
import { UserError } from './tagService';

type Fields = Record<string, unknown>;

/** The object a command or request was given (commands take `[args]`; some clients send `[]` for `{}`). */
export function paramsObject(raw: unknown, what: string): Fields {
  if (raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0)) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new UserError(`${what}: expected an object of arguments, got ${describe(raw)}.`);
  return raw as Fields;
}

/**
 * Registers a custom request whose params are checked by `parse` (which throws UserError) before `handler` runs.
 * No params, `null`, `[]` and `[{…}]` all count as the object (or `{}`); anything else, and whatever `parse` refuses,
 * is answered with InvalidParams and a message that says what was wrong. A handler that stops on cancellation
 * (CancelledError) is answered with RequestCancelled.
 */
export function handleRequest<P, R>(
  connection: Connection,
  type: RequestType<P, R, void>,
  parse: (params: Fields, what: string) => P,
  handler: (params: P, token: CancellationToken) => R | ResponseError<void> | Promise<R | ResponseError<void>>,
): void {
  const what = type.method;
  connection.onRequest(type.method, async (...args: unknown[]) => {
    const last = args[args.length - 1];
    const token = args.length && CancellationToken.is(last) ? (args.pop() as CancellationToken) : CancellationToken.None;
    let params: P;
    try {
      if (args.length > 1) throw new UserError(`${what}: expected one object of parameters, got ${args.length} positional parameters.`);
      params = parse(paramsObject(args[0], what), what);
    } catch (e) {
      if (e instanceof UserError) return new ResponseError(ErrorCodes.InvalidParams, e.message);
      throw e;
    }
    try {
      return await handler(params, token);
    } catch (e) {
      // Cancelled (by the client, or by newer work): answered as such, not as a failure of the server.
      if (e instanceof CancelledError) return new ResponseError(LSPErrorCodes.RequestCancelled, `${what}: cancelled.`);
      throw e;
    }
  });
}

/** A whole number within [min, max], or undefined when absent. */
export function optionalInteger(o: Fields, key: string, what: string, min = 0, max = 0x7fffffff): number | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new UserError(`${what}: \`${key}\` must be a whole number from ${min}${max < 0x7fffffff ? ` to ${max}` : ' up'}, got ${describe(v)}.`);
  }
  return v;
}

export function requiredString(o: Fields, key: string, what: string): string {
  const v = o[key];
  if (typeof v !== 'string' || !v.trim()) throw new UserError(`${what}: \`${key}\` must be a non-empty string, got ${describe(v)}.`);
  return v;
}

/** A string, possibly blank (the caller says what a blank one means). */
export function stringField(o: Fields, key: string, what: string): string {
  const v = o[key];
  if (typeof v !== 'string') throw new UserError(`${what}: \`${key}\` must be a string, got ${describe(v)}.`);
  return v;
}

export function optionalString(o: Fields, key: string, what: string): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new UserError(`${what}: \`${key}\` must be a string, got ${describe(v)}.`);
  return v;
}

export function oneOf<T extends string>(o: Fields, key: string, allowed: readonly T[], what: string): T | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw new UserError(`${what}: \`${key}\` must be one of ${allowed.join(', ')}, got ${describe(v)}.`);
  }
  return v as T;
}

/** A range of two positions with non-negative integer line and character, start not after end. */
export function requiredRange(o: Fields, key: string, what: string): LspRange {
  const r = o[key] as Fields | undefined;
  if (!r || typeof r !== 'object') throw new UserError(`${what}: \`${key}\` must be a range {start, end}, got ${describe(r)}.`);
  const start = position(r.start, `${key}.start`, what);
  const end = position(r.end, `${key}.end`, what);
  if (end.line < start.line || (end.line === start.line && end.character < start.character)) {
    throw new UserError(`${what}: \`${key}\` ends before it starts.`);
  }
  return { start, end };
}

/** The range as offsets into a document, or an error when it lies outside the document. */
export function offsetsIn(range: LspRange, lines: LineIndex, what: string): { start: number; end: number } {
  const start = lines.offsetAt(range.start);
  const end = lines.offsetAt(range.end);
  for (const [p, o] of [[range.start, start], [range.end, end]] as const) {
    const back = lines.positionAt(o);
    if (back.line !== p.line || back.character !== p.character) {
      throw new UserError(`${what}: position ${p.line}:${p.character} is outside the document (the text may have changed; try again).`);
    }
  }
  return { start, end };
}

function position(raw: unknown, key: string, what: string): LspPosition {
  const p = raw as Fields | undefined;
  const ok = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0x7fffffff;
  if (!p || typeof p !== 'object' || !ok(p.line) || !ok(p.character)) {
    throw new UserError(`${what}: \`${key}\` must be {line, character} with non-negative whole numbers, got ${describe(raw)}.`);
  }
  return { line: p.line as number, character: p.character as number };
}

/** A value as a short string for error messages. */
export function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
