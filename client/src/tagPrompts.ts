/**
 * The prompts of the tag commands: the tag picker, input boxes and small choices. Each is a `createQuickPick` /
 * `createInputBox` kept in `TagPrompts.current` while it is open, so that integration tests can type into it as a
 * user would (set its value, wait for the active item, accept).
 */
import * as vscode from 'vscode';
import { isExistingTag, normalizeTagName, tagChoices, type TagChoice } from './tagChoices';
import type { TagModel } from './tagModel';
import type { TaxonomyModel } from './taxonomyModel';

export interface TagPrompts {
  /** The prompt open now, if any. */
  current: vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox | undefined;
  /**
   * Types into the open prompt as a user would: sets its value and runs what a change of value runs (an input box
   * set from the extension host does not report the change back).
   */
  type?: (value: string) => void;
}

function open(prompts: TagPrompts, input: vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox, onValue: (value: string) => void): void {
  prompts.current = input;
  prompts.type = (value) => {
    input.value = value;
    onValue(value);
  };
}

function closed(prompts: TagPrompts, input: vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox): void {
  if (prompts.current !== input) return;
  prompts.current = undefined;
  prompts.type = undefined;
}

const RECENT_KEY = 'corpusAnnotator.recentTags';
const RECENT_MAX = 10;

export function recentTags(memento: vscode.Memento): string[] {
  return memento.get<string[]>(RECENT_KEY, []);
}

export async function rememberTag(memento: vscode.Memento, label: string): Promise<void> {
  const recent = recentTags(memento).filter((l) => l !== label);
  await memento.update(RECENT_KEY, [label, ...recent].slice(0, RECENT_MAX));
}

/** After a rename or merge: recent tags follow (`from` and what is below it), without duplicates. */
export async function renameRecent(memento: vscode.Memento, from: string, to: string): Promise<void> {
  const renamed = recentTags(memento).map((l) => (l === from ? to : l.startsWith(`${from}/`) ? `${to}${l.slice(from.length)}` : l));
  await memento.update(RECENT_KEY, [...new Set(renamed)]);
}

export interface AskOptions {
  title: string;
  value?: string;
  /** Selected part of the prefilled value, [start, end). */
  valueSelection?: [number, number];
  prompt?: string;
  placeholder?: string;
  /** Says what Enter will do (info) or why it cannot (error: Enter is refused). */
  validate?: (value: string) => { message: string; error?: boolean } | undefined;
}

/** An input box; resolves to the text entered, or undefined when dismissed. */
export function ask(prompts: TagPrompts, options: AskOptions): Promise<string | undefined> {
  const box = vscode.window.createInputBox();
  box.title = options.title;
  box.value = options.value ?? '';
  if (options.valueSelection) box.valueSelection = options.valueSelection;
  box.prompt = options.prompt;
  box.placeholder = options.placeholder;
  box.ignoreFocusOut = false;
  let refusal: string | undefined;
  const check = (value: string) => {
    const v = options.validate?.(value);
    refusal = v?.error ? v.message : undefined;
    box.validationMessage = v ? { message: v.message, severity: v.error ? vscode.InputBoxValidationSeverity.Error : vscode.InputBoxValidationSeverity.Info } : undefined;
  };
  check(box.value);
  box.onDidChangeValue(check);
  return new Promise((resolve) => {
    box.onDidAccept(() => {
      if (refusal) return;
      resolve(box.value);
      box.hide();
    });
    box.onDidHide(() => {
      resolve(undefined);
      closed(prompts, box);
      box.dispose();
    });
    open(prompts, box, check);
    box.show();
  });
}

/**
 * A quick pick of fixed items; resolves to the item accepted, or undefined when dismissed. With `keepOpen`, it stays
 * up after Enter until the next prompt replaces it (the caller must show one): were it hidden first, the editor would
 * take the focus for a moment and a fast typist's next keys would edit the article.
 */
export function choose<T extends vscode.QuickPickItem>(prompts: TagPrompts, items: readonly T[], title: string, placeholder?: string, keepOpen = false): Promise<T | undefined> {
  const qp = vscode.window.createQuickPick<T>();
  qp.title = title;
  qp.placeholder = placeholder;
  qp.items = items;
  return new Promise((resolve) => {
    qp.onDidAccept(() => {
      const picked = qp.selectedItems[0] ?? qp.activeItems[0];
      if (!picked) return;
      resolve(picked);
      if (keepOpen) qp.busy = true;
      else qp.hide();
    });
    qp.onDidHide(() => {
      resolve(undefined);
      closed(prompts, qp as unknown as vscode.QuickPick<vscode.QuickPickItem>);
      qp.dispose();
    });
    open(prompts, qp as unknown as vscode.QuickPick<vscode.QuickPickItem>, () => undefined);
    qp.show();
  });
}

interface TagPickItem extends vscode.QuickPickItem {
  /** The tag this item applies; undefined for separators. */
  tag?: string;
}

const GROUP_TITLE: Record<TagChoice['group'], string> = { recent: 'recent', taxonomy: 'taxonomy', inUse: 'in use' };

function itemsFor(choices: readonly TagChoice[]): TagPickItem[] {
  const items: TagPickItem[] = [];
  let group: TagChoice['group'] | undefined;
  for (const c of choices) {
    if (c.group !== group) {
      group = c.group;
      items.push({ label: GROUP_TITLE[c.group], kind: vscode.QuickPickItemKind.Separator });
    }
    const count = c.count ? `${c.count} passage${c.count === 1 ? '' : 's'}` : 'not used yet';
    items.push({ label: c.label, description: c.description ? `${c.description} · ${count}` : count, tag: c.label });
  }
  return items;
}

export interface PickTagOptions {
  title?: string;
  /** Stay up after Enter until the next prompt replaces it (see `choose`). */
  keepOpen?: boolean;
}

/**
 * The tag to apply: recent tags first, then the taxonomy (with descriptions, hierarchical names in full), then the
 * other tags in use. Typing filters them (best match first); a "new tag" entry is offered only when no tag is exactly
 * the typed text, and it comes last, so Enter picks a matching tag (`defence` → `defence-cooperation`) rather than
 * creating a near-duplicate. Enter on an empty box repeats the last tag used (and does nothing when there is none,
 * never the first of the list).
 */
export async function pickTag(prompts: TagPrompts, model: TagModel, taxonomy: TaxonomyModel, memento: vscode.Memento, options: PickTagOptions = {}): Promise<string | undefined> {
  await Promise.all([model.whenLoaded(), taxonomy.whenLoaded()]);
  const inUse = new Map(model.labels().map(({ label, count }) => [label, count]));
  const choices = tagChoices({ recent: recentTags(memento), taxonomy: taxonomy.tags, inUse });
  const last = choices.find((c) => c.group === 'recent')?.label;
  const qp = vscode.window.createQuickPick<TagPickItem>();
  qp.title = options.title ?? 'Tag the selected passage';
  qp.placeholder = last ? `Choose a tag or type a new one (Enter: “${last}” again)` : choices.length ? 'Choose a tag or type a new one' : 'Type a new tag';
  qp.matchOnDescription = false;
  const items = itemsFor(choices);
  qp.items = items;
  const onValue = (value: string) => {
    const v = normalizeTagName(value);
    // While the user types, the picker shows the tags whose name matches, best match first. The "new tag" entry has
    // no label text to match, so it always comes after them: with a label of its own, `defence` would be an exact
    // match and come before `defence-cooperation`.
    qp.items = v && !isExistingTag(choices, v) ? [...items, { label: '$(add)', description: `New tag “${v}”`, alwaysShow: true, tag: v }] : items;
  };
  qp.onDidChangeValue(onValue);
  return new Promise((resolve) => {
    qp.onDidAccept(() => {
      const typed = normalizeTagName(qp.value);
      if (!typed && !last) return;
      const picked = typed ? (qp.selectedItems[0]?.tag ?? qp.activeItems[0]?.tag ?? typed) : last;
      resolve(picked || undefined);
      if (options.keepOpen) qp.busy = true;
      else qp.hide();
    });
    qp.onDidHide(() => {
      resolve(undefined);
      closed(prompts, qp as unknown as vscode.QuickPick<vscode.QuickPickItem>);
      qp.dispose();
    });
    open(prompts, qp as unknown as vscode.QuickPick<vscode.QuickPickItem>, onValue);
    qp.show();
  });
}
