/** The timeline plot webview panel: one at a time, redrawn when the timeline changes; clicks open passages. */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { TimelineItem } from '../../../server/src/protocolTimeline';
import type { TimelineModel } from '../timelineModel';
import { plotHtml } from './html';

export class TimelinePlot implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private drawn: readonly TimelineItem[] = [];
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly model: TimelineModel,
    private readonly open: (item: TimelineItem) => Promise<void>,
  ) {
    this.subscription = model.onDidChange(() => this.draw());
  }

  /** The open panel, if any (for tests). */
  get current(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  isOpen(): boolean {
    return !!this.panel;
  }

  async show(): Promise<vscode.WebviewPanel> {
    if (this.panel) {
      this.panel.reveal();
      return this.panel;
    }
    const panel = vscode.window.createWebviewPanel('corpusAnnotator.timelinePlot', 'Corpus Timeline', vscode.ViewColumn.Beside, {
      enableScripts: true,
      localResourceRoots: [],
      retainContextWhenHidden: false,
    });
    this.panel = panel;
    panel.onDidDispose(() => (this.panel = undefined));
    panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m));
    this.draw();
    await this.model.ensureFresh();
    return panel;
  }

  /** Handles a message from the webview: `{ type: 'open', index }` opens that mention's passage. */
  async onMessage(message: unknown): Promise<void> {
    const m = message as { type?: unknown; index?: unknown };
    if (m?.type !== 'open' || typeof m.index !== 'number') return;
    const item = this.drawn[m.index];
    if (item) await this.open(item);
  }

  private draw(): void {
    if (!this.panel) return;
    this.drawn = this.model.items;
    this.panel.webview.html = plotHtml({ nonce: randomBytes(16).toString('base64'), cspSource: this.panel.webview.cspSource, items: this.drawn });
  }

  dispose(): void {
    this.subscription.dispose();
    this.panel?.dispose();
  }
}
