/**
 * The params of the standard LSP requests the server answers (hover, references, rename, symbols, code actions, …),
 * checked at the server's edge like the custom ones (params.ts): a request whose params do not have the protocol's
 * shape (a position of `-1` or `"0"`, a `textDocument` without a `uri`, a `query` that is not text) is answered with
 * InvalidParams and a clear message, and never reaches a feature, which would throw (InternalError) on it.
 *
 * `guardStandardRequests` wraps the connection's `on…` registration methods once, before the features register.
 */
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';

type Check = (params: unknown) => string | undefined;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isWhole = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0x7fffffff;

function position(v: unknown, what: string): string | undefined {
  if (!isObject(v) || !isWhole(v.line) || !isWhole(v.character)) return `\`${what}\` must be { line, character } with non-negative whole numbers.`;
  return undefined;
}

function textDocument(p: Record<string, unknown>): string | undefined {
  const d = p.textDocument;
  if (!isObject(d) || typeof d.uri !== 'string' || !d.uri) return '`textDocument.uri` must be a non-empty string.';
  return undefined;
}

const params =
  (...checks: ((p: Record<string, unknown>) => string | undefined)[]): Check =>
  (p) => {
    if (!isObject(p)) return 'expected an object of parameters.';
    for (const c of checks) {
      const problem = c(p);
      if (problem) return problem;
    }
    return undefined;
  };

const atPosition = params(textDocument, (p) => position(p.position, 'position'));
const CHECKS: Record<string, Check> = {
  onHover: atPosition,
  onDefinition: atPosition,
  onDeclaration: atPosition,
  onDocumentHighlight: atPosition,
  onPrepareRename: atPosition,
  onReferences: params(textDocument, (p) => position(p.position, 'position'), (p) => (p.context !== undefined && !isObject(p.context) ? '`context` must be an object.' : undefined)),
  onRenameRequest: params(textDocument, (p) => position(p.position, 'position'), (p) => (typeof p.newName !== 'string' ? '`newName` must be a string.' : undefined)),
  onDocumentSymbol: params(textDocument),
  onWorkspaceSymbol: params((p) => (typeof p.query !== 'string' ? '`query` must be a string.' : undefined)),
  onCodeAction: params(
    textDocument,
    (p) => (isObject(p.range) ? position(p.range.start, 'range.start') ?? position(p.range.end, 'range.end') : '`range` must be { start, end }.'),
    (p) => (!isObject(p.context) || !Array.isArray(p.context.diagnostics) ? '`context.diagnostics` must be a list.' : undefined),
  ),
};

export function guardStandardRequests(connection: Connection): void {
  const c = connection as unknown as Record<string, (handler: (params: unknown, ...rest: unknown[]) => unknown) => unknown>;
  for (const [name, check] of Object.entries(CHECKS)) {
    const register = c[name];
    if (typeof register !== 'function') continue;
    c[name] = (handler) =>
      register.call(connection, (p: unknown, ...rest: unknown[]) => {
        const problem = check(p);
        return problem ? new ResponseError(ErrorCodes.InvalidParams, `${name.replace(/^on/, '')}: ${problem}`) : handler(p, ...rest);
      });
  }
}
