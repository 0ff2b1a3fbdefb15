/**
 * The Timeline view at corpus scale, as the VS Code client drives it: a fresh bundled server (`node dist/server.js
 * --stdio`) on a workspace of generated articles (default 10,000 of about 4 KB, all different), indexed, then:
 *
 * - the first timeline: what the view needs to show its first rows (the whole corpus timeline from a server that only
 *   has `corpusAnnotator/timeline`; the outline of years and months and one month's mentions from one that has
 *   `corpusAnnotator/timelineOutline`), its time and the size of its JSON replies;
 * - typing in an article with pauses (an edit every PAUSE_MS, on a line with a date), first with the view hidden, then
 *   with the view shown, the client refetching as it does on `corpusAnnotator/timelineChanged` (after 600 ms of quiet,
 *   one request at a time): the edited article's diagnostics past the 150 ms debounce (p50/p95/slowest) in both, and
 *   per refetch its server time and reply size.
 *
 * Every figure comes with a ratio: against `node -e 0` and a plain read of every article (measured in the same run), or
 * shown against hidden. Run `npm run build` first.
 *
 *   npx tsx test/bench/timeline.ts     # TIMELINE_BENCH_ARTICLES=3000 for a quicker run; TIMELINE_BENCH_SERVER=path/to/server.js
 *                                      # to measure another build (e.g. an earlier commit) the same way;
 *                                      # TIMELINE_BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { generateCorpus } from '../support/corpusGenerator';
import { SERVER_ENVIRONMENT } from '../../server/src/serverEnvironment';
import type { BenchResult } from './benchResult';

const ARTICLES = Number(process.env.TIMELINE_BENCH_ARTICLES ?? process.env.SERVER_BENCH_ARTICLES ?? 10_000);
const EDITS = Number(process.env.TIMELINE_BENCH_EDITS ?? 12);
/** A typist's pause between edits: long enough for the server's notice and the client's refetch to start. */
const PAUSE_MS = 2000;
const DEBOUNCE_MS = 150;
/** The VS Code client's quiet spell before it refetches (client/src/timelineModel.ts). */
const CLIENT_DEBOUNCE_MS = 600;
const NODE_ARGS = (process.env.TIMELINE_BENCH_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
const SERVER = path.resolve(process.env.TIMELINE_BENCH_SERVER ?? process.env.SERVER_BENCH_SERVER ?? path.join(__dirname, '../../dist/server.js'));
/** Targets: the view's first rows, a refetch after an edit, and the edited article's diagnostics while it is shown. */
const TARGET_FIRST_MS = 2000;
const TARGET_REFETCH_BYTES = 200_000;
const TARGET_DIAGNOSTICS_P95_MS = 200;
/** How long the server must send no timelineChanged for the view to count as settled. */
const QUIET_MS = 3000;

const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x: number) => `${x.toFixed(0)} ms`;
/** A ratio with two significant digits (`0.031×`, `4.6×`, `19×`). */
const times = (x: number) => `${x >= 10 ? x.toFixed(0) : Number(x.toPrecision(2))}×`;
const kb = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} KB`);
/** The pace of the simulated typist (edits PAUSE_MS apart): a user's rhythm, not a wait for a condition. */
const sleep = (msecs: number) => new Promise((r) => setTimeout(r, msecs));

interface Fetch {
  ms: number;
  bytes: number;
}

/**
 * The client's side of the Timeline view: `shown` or not; fetches as the VS Code client does for the protocol the
 * server speaks (the whole timeline, or the outline and the expanded months).
 */
class ViewEmulation {
  shown = false;
  /** The months (buckets) the user expanded. */
  expanded = new Set<string>();
  refetches: Fetch[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  /** Wakes `settled` at the next notification or refetch. */
  private wake: (() => void) | undefined;
  private changedBuckets: Set<string> | undefined = new Set();
  notifications = 0;
  lastNoticeAt = 0;

  constructor(
    private readonly conn: MessageConnection,
    readonly paged: boolean,
  ) {
    conn.onNotification('corpusAnnotator/timelineChanged', (p?: { buckets?: string[] }) => {
      this.notifications++;
      this.lastNoticeAt = performance.now();
      this.wake?.();
      if (!p?.buckets) this.changedBuckets = undefined;
      else if (this.changedBuckets) for (const b of p.buckets) this.changedBuckets.add(b);
      if (!this.shown) return;
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.refetch();
      }, CLIENT_DEBOUNCE_MS);
    });
  }

  private refetch(): void {
    this.wake?.();
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        const buckets = this.changedBuckets;
        this.changedBuckets = new Set();
        this.refetches.push(await this.fetch(buckets));
      } while (this.again);
      this.running = undefined;
    })();
  }

  /** Everything the view shows (the first time), or what changed in it. */
  async fetch(changed?: Set<string>): Promise<Fetch> {
    const t0 = performance.now();
    let bytes = 0;
    if (!this.paged) {
      bytes += JSON.stringify(await this.conn.sendRequest('corpusAnnotator/timeline', {})).length;
    } else {
      bytes += JSON.stringify(await this.conn.sendRequest('corpusAnnotator/timelineOutline', {})).length;
      for (const bucket of this.expanded) {
        if (changed && !changed.has(bucket)) continue;
        bytes += JSON.stringify(await this.conn.sendRequest('corpusAnnotator/timelineItems', { bucket })).length;
      }
    }
    return { ms: performance.now() - t0, bytes };
  }

  /**
   * Resolves once no refetch is due or running and the server has been quiet for QUIET_MS: each turn waits for the
   * refetch running, else for the next notification or refetch (`wake`), or the end of the quiet spell if none comes.
   */
  async settled(): Promise<void> {
    for (;;) {
      if (this.running) {
        await this.running;
        continue;
      }
      const quietFor = performance.now() - this.lastNoticeAt;
      if (!this.timer && quietFor > QUIET_MS) return;
      await new Promise<void>((resolve) => {
        const end = setTimeout(resolve, Math.max(0, QUIET_MS - quietFor) + 1);
        this.wake = () => {
          clearTimeout(end);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }
}

export async function runTimelineBench(): Promise<BenchResult> {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` first`);
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'timeline-bench-'));
  const lines: string[] = [];
  let ok = true;
  try {
    const docs = generateCorpus({ articles: ARTICLES, seed: 11 });
    await fs.mkdir(path.join(root, 'seeds'), { recursive: true });
    for (const d of docs) await fs.writeFile(path.join(root, 'seeds', path.basename(d.uri).replace(/\.\w+$/, '') + '.txt'), d.text);
    const names = (await fs.readdir(path.join(root, 'seeds'))).sort();
    const bytes = docs.reduce((n, d) => n + d.text.length, 0);

    let t = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    const nodeStart = performance.now() - t;
    t = performance.now();
    for (const n of names) await fs.readFile(path.join(root, 'seeds', n));
    const scan = performance.now() - t;
    lines.push(`workspace: ${names.length} articles, ${(bytes / 1e6).toFixed(1)} MB; server ${SERVER}; load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    lines.push(`baselines: node -e 0 ${ms(nodeStart)}; plain read of every article ${ms(scan)}`);

    const rootUri = pathToFileURL(root).href;
    const child = spawn(process.execPath, [...NODE_ARGS, SERVER, '--stdio'], {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, ...SERVER_ENVIRONMENT, CORPUS_ANNOTATOR_CACHE: path.join(root, 'analysis-cache') },
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    let indexed: () => void = () => undefined;
    const indexedSeen = new Promise<void>((resolve) => (indexed = resolve));
    const published = new Map<string, { version: number; at: number }>();
    const waiters: (() => void)[] = [];
    conn.onNotification('corpusAnnotator/indexed', () => indexed());
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      published.set(p.uri, { version: p.version ?? 0, at: performance.now() });
      for (const w of waiters.splice(0)) w();
    });
    conn.listen();
    const spawned = performance.now();
    await conn.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'bench' }], capabilities: {} });
    await conn.sendNotification('initialized', {});
    // Which protocol the server speaks, without building anything: a bucket request without its bucket is refused at
    // once (InvalidParams) by a server that has it, and is unknown (MethodNotFound) to one that has not.
    const paged = await conn.sendRequest('corpusAnnotator/timelineItems', {}).then(
      () => true,
      (e: { code?: number }) => e.code !== -32601,
    );
    await indexedSeen;
    lines.push(`spawn → corpus indexed: ${ms(performance.now() - spawned)}; protocol: ${paged ? 'outline + months on demand' : 'whole timeline per request'}`);
    const rss = () => Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    const rssIndexed = rss();
    const view = new ViewEmulation(conn, paged);

    const diagnosticsOf = (uri: string, version: number) =>
      new Promise<number>((resolve) => {
        const check = () => {
          const p = published.get(uri);
          if (p && p.version >= version) resolve(p.at);
          else waiters.push(check);
        };
        check();
      });
    // The edited article: one with a dated mention on a line of its own text (not its dateline).
    const name = names[Math.floor(names.length / 2)];
    const uri = pathToFileURL(path.join(root, 'seeds', name)).href;
    const text = await fs.readFile(path.join(root, 'seeds', name), 'utf8');
    const textLines = text.split('\n');
    const dateLine = Math.max(
      0,
      textLines.findIndex((l, i) => i > 0 && /\b(?:19|20)\d{2}\b/.test(l)),
    );
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    await diagnosticsOf(uri, 1);
    let version = 1;
    const typeWithPauses = async () => {
      const late: number[] = [];
      for (let i = 0; i < EDITS; i++) {
        const v = ++version;
        const t0 = performance.now();
        await conn.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: v },
          contentChanges: [{ range: { start: { line: dateLine, character: 0 }, end: { line: dateLine, character: 0 } }, text: 'x' }],
        });
        late.push(Math.max(0, (await diagnosticsOf(uri, v)) - t0 - DEBOUNCE_MS));
        await sleep(Math.max(0, PAUSE_MS - (performance.now() - t0)));
      }
      await view.settled();
      return late;
    };
    const stats = (xs: number[]) => `p50 ${ms(pct(xs, 50))}, p95 ${ms(pct(xs, 95))}, slowest ${ms(Math.max(...xs))}`;

    // View hidden: no timeline request at all.
    const hidden = await typeWithPauses();
    lines.push(`edit → diagnostics, Timeline view hidden (${EDITS} edits, one every ${PAUSE_MS} ms): ${stats(hidden)} past the ${DEBOUNCE_MS} ms debounce`);

    // The view is shown: its first rows.
    view.shown = true;
    let first: Fetch;
    if (paged) {
      const t0 = performance.now();
      const outline = (await conn.sendRequest('corpusAnnotator/timelineOutline', {})) as { buckets: { key: string; count: number }[] };
      const outlineMs = performance.now() - t0;
      const outlineBytes = JSON.stringify(outline).length;
      // The user expands the month where the edited article's dates are: the busiest month stands in for it.
      const busiest = [...outline.buckets].filter((b) => /^\d{4}-\d{2}$/.test(b.key)).sort((a, b) => b.count - a.count)[0];
      if (busiest) view.expanded.add(busiest.key);
      const t1 = performance.now();
      const month = busiest ? JSON.stringify(await conn.sendRequest('corpusAnnotator/timelineItems', { bucket: busiest.key })).length : 0;
      first = { ms: performance.now() - t0, bytes: outlineBytes + month };
      lines.push(
        `first timeline: outline ${ms(outlineMs)} (${kb(outlineBytes)}, ${outline.buckets.length} years and months), then the busiest month ${busiest?.key} (${busiest?.count} mentions) ${ms(performance.now() - t1)} (${kb(month)})`,
      );
      const t2 = performance.now();
      const whole = JSON.stringify(await conn.sendRequest('corpusAnnotator/timeline', {})).length;
      lines.push(`the whole timeline (corpusAnnotator/timeline, as the plot asks), once built: ${ms(performance.now() - t2)}, ${kb(whole)} (${times(whole / bytes)} the corpus's bytes)`);
    } else {
      first = await view.fetch();
    }
    lines.push(
      `time to the first timeline rows: ${ms(first.ms)} (${times(first.ms / nodeStart)} node -e 0, ${times(first.ms / scan)} the plain read; target ${TARGET_FIRST_MS} ms), replies ${kb(first.bytes)} (${((first.bytes / bytes) * 100).toFixed(1)}% of the corpus's bytes)`,
    );
    ok &&= first.ms <= TARGET_FIRST_MS;
    const rssShown = rss();

    // Typing with the view shown.
    const noticesBefore = view.notifications;
    const shown = await typeWithPauses();
    const refetches = view.refetches;
    lines.push(`edit → diagnostics, Timeline view shown: ${stats(shown)} past the debounce (${times(pct(shown, 95) / Math.max(1, pct(hidden, 95)))} hidden's p95; target p95 ${TARGET_DIAGNOSTICS_P95_MS} ms)`);
    const perRefetch = refetches.map((r) => r.ms);
    const sizes = refetches.map((r) => r.bytes);
    lines.push(
      refetches.length
        ? `refetches while typing: ${refetches.length} after ${view.notifications - noticesBefore} timelineChanged for ${EDITS} edits; each ${stats(perRefetch)} (${times(pct(perRefetch, 50) / nodeStart)} node -e 0), replies p50 ${kb(pct(sizes, 50))}, largest ${kb(Math.max(...sizes))} (target ${kb(TARGET_REFETCH_BYTES)}), ${kb(sizes.reduce((a, b) => a + b, 0))} in all`
        : `refetches while typing: none (${view.notifications - noticesBefore} timelineChanged for ${EDITS} edits)`,
    );
    lines.push(`server memory (VmRSS): ${rssIndexed.toFixed(0)} MB once indexed, ${rssShown.toFixed(0)} MB once the view's first rows were fetched, ${rss().toFixed(0)} MB after the typing`);
    ok &&= pct(shown, 95) <= TARGET_DIAGNOSTICS_P95_MS && (!sizes.length || Math.max(...sizes) <= TARGET_REFETCH_BYTES);

    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    await exited;
    conn.dispose();
    return { name: 'timeline', lines, ok };
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runTimelineBench().then(
    (r) => {
      for (const l of r.lines) console.log(l);
      if (!r.ok) process.exitCode = 1;
    },
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
