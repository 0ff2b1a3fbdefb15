/** The corpus timeline in VS Code: the Timeline tree, the plot webview, and their commands. */
import * as vscode from 'vscode';
import { TimelineNotifications, type TimelineItem, type TimelineTagWithoutDate } from '../../server/src/protocolTimeline';
import type { ClientFeature } from './clientContext';
import { TimelineModel } from './timelineModel';
import { TimelineOutlineModel } from './timelineOutline';
import { TimelineTreeProvider } from './timelineTree';
import { TimelinePlot } from './timelinePlot/panel';

/** Opens the article and selects the date expression, with its sentence in view. */
async function revealEntry(item: TimelineItem): Promise<void> {
  try {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(item.uri));
    const editor = await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.One });
    const r = item.range;
    const s = item.sentenceRange;
    const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(new vscode.Range(s.start.line, s.start.character, s.end.line, s.end.character), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    if (doc.getText(range) !== item.text) {
      void vscode.window.showWarningMessage(`The text of ${item.document} changed since the timeline was built; refresh the timeline.`);
    }
  } catch (e) {
    void vscode.window.showErrorMessage(`Corpus Annotator: cannot open ${item.document}: ${(e as Error).message}`);
  }
}

/** Opens the article and selects a tagged passage that the plot placed at its article's date. */
async function revealTagWithoutDate(tag: TimelineTagWithoutDate): Promise<void> {
  try {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(tag.uri));
    const editor = await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.One });
    const r = tag.range;
    const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  } catch (e) {
    void vscode.window.showErrorMessage(`Corpus Annotator: cannot open ${tag.document}: ${(e as Error).message}`);
  }
}

export const timelineFeature: ClientFeature = {
  register(ctx) {
    // The tree fetches the outline and the buckets it expands; the plot, the whole timeline, only while it is open.
    const outline = new TimelineOutlineModel(ctx.client);
    const timeline = new TimelineModel(ctx.client);
    const timelineTree = new TimelineTreeProvider(outline);
    const timelineView = vscode.window.createTreeView('corpusAnnotator.timeline', { treeDataProvider: timelineTree, showCollapseAll: true });
    const timelinePlot = new TimelinePlot(timeline, revealEntry, revealTagWithoutDate, vscode.Uri.joinPath(ctx.extension.extensionUri, 'dist'));
    outline.watched = () => timelineView.visible;
    timeline.watched = () => timelinePlot.isOpen();
    const updateMessage = () => {
      const skipped = outline.outline.skipped.length;
      timelineView.message = skipped ? `${skipped} article(s) too large to analyse are left out.` : undefined;
    };
    Object.assign(ctx.exports, { timeline, timelineOutline: outline, timelineTree, timelineView, timelinePlot });
    if (timelineView.visible) void outline.refresh();
    // Refreshed when the server says the timeline changed (one handler per notification: both models hear it here).
    return [
      ctx.client.onNotification(TimelineNotifications.changed, (params) => {
        outline.serverChanged(params);
        timeline.refreshSoon();
      }),
      outline,
      timeline,
      timelineTree,
      timelineView,
      timelinePlot,
      outline.onDidChange(updateMessage),
      timelineView.onDidChangeVisibility((e) => e.visible && void outline.ensureFresh()),
      vscode.commands.registerCommand('corpusAnnotator.revealTimelineEntry', revealEntry),
      vscode.commands.registerCommand('corpusAnnotator.refreshTimeline', () =>
        Promise.all([outline.refreshAll(), timelinePlot.isOpen() ? timeline.refresh() : Promise.resolve()]).then(() => undefined),
      ),
      vscode.commands.registerCommand('corpusAnnotator.showTimelinePlot', () => timelinePlot.show()),
    ];
  },
};
