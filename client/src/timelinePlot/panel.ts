/**
 * The timeline plot webview panel: one at a time, redrawn when the timeline changes; clicks open passages. Its script
 * is the bundled dist/timelinePlot.js, the only file the webview may load.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { TimelineItem, TimelineTagWithoutDate } from '../../../server/src/protocolTimeline';
import type { TimelineModel } from '../timelineModel';
import { plotHtml } from './html';

export class TimelinePlot implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private drawn: readonly TimelineItem[] = [];
  private drawnTags: readonly TimelineTagWithoutDate[] = [];
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly model: TimelineModel,
    private readonly open: (item: TimelineItem) => Promise<void>,
    private readonly openTag: (tag: TimelineTagWithoutDate) => Promise<void>,
    /** The extension's dist/ folder, which holds timelinePlot.js. */
    private readonly scripts: vscode.Uri,
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
      localResourceRoots: [this.scripts],
      retainContextWhenHidden: false,
    });
    this.panel = panel;
    panel.onDidDispose(() => (this.panel = undefined));
    panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m));
    this.draw();
    await this.model.ensureFresh();
    return panel;
  }

  /**
   * Handles a message from the webview: `{ type: 'open', index }` opens that mention's passage; with `kind: 'tag'`,
   * the tagged passage without a date of that index.
   */
  async onMessage(message: unknown): Promise<void> {
    const m = message as { type?: unknown; index?: unknown; kind?: unknown };
    if (m?.type !== 'open' || typeof m.index !== 'number') return;
    if (m.kind === 'tag') {
      const tag = this.drawnTags[m.index];
      if (tag) await this.openTag(tag);
      return;
    }
    const item = this.drawn[m.index];
    if (item) await this.open(item);
  }

  private draw(): void {
    if (!this.panel) return;
    this.drawn = this.model.items;
    this.drawnTags = this.model.result.tagsWithoutDate ?? [];
    const webview = this.panel.webview;
    webview.html = plotHtml({
      nonce: randomBytes(16).toString('base64'),
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.scripts, 'timelinePlot.js')).toString(),
      items: this.drawn,
      tagsWithoutDate: this.drawnTags,
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.panel?.dispose();
  }
}
