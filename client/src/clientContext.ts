/** What the client's UI features share. Each feature module exports `register(ctx)` and is listed in extension.ts. */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export interface ClientContext {
  readonly extension: vscode.ExtensionContext;
  readonly client: LanguageClient;
  /** Named objects features expose for tests and for each other (e.g. a tree provider). */
  readonly exports: Record<string, unknown>;
}

export interface ClientFeature {
  register(ctx: ClientContext): vscode.Disposable[];
}
