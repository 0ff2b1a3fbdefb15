// `node --import tsx scripts/try-10k-typing.mjs [--corpus /tmp/corpus-10k] [--articles 10000] [--out-dir docs/screens]`:
// a new user's first session on a 10,000-article workspace (issue 13), in code-server in headless Chromium (1280x800).
// The corpus is the benches' own (test/bench/benchWorkspace.ts: --articles generated articles of about 4 KB and one of
// 100 KB), written once into --corpus (reused when it is there) and copied beside the seeds of a fresh workspace, with
// no analysis cache. The script
//   - opens the workspace and polls (no fixed waits) the status bar's progress and the Entities view until the corpus
//     is indexed: the time from the window's opening to indexed, and the server's own "Indexed …" log line; then waits
//     (at most 5 minutes) until the Entities, Timeline and Boilerplate views have rows, before typing;
//   - watches the four views every second through the whole run and prints each change (rows, welcome text, progress);
//   - opens a generated article, then a seed article, and in each types a sentence with a person's name and a date on
//     a new first line, key by key at a human pace (80-200 ms a key), pausing after each phrase; at each pause, the
//     time from the last key until the typed line's squiggles (their place on the line, read from the editor's DOM)
//     and the Problems count last changed, whether they are where the phrase's date or name is, and every change seen;
//   - hovers the name; asks Find Entity… (Entities) every 2 s until it lists the name with its 2 mentions, reveals and
//     expands it; finds the date's year at the end of the Timeline and expands it; expands a kind and a passage in
//     Boilerplate; tags the sentence and expands the tag in Corpus Tags: the time each took;
//   - then types a sentence in each of three more generated articles: the server's RSS per round (does it keep growing?);
//   - samples the language server's RSS and CPU time every second (the node process running <extension>/dist/server.js
//     below this run's code-server): its maximum, per stage, and its steady state (median over 10 s once its CPU is
//     quiet after the last action);
//   - prints the load average at start and end, every notification shown, the server's log, and the problems seen.
// Saves under --out-dir: 10k-1-indexing.png (a third indexed), 10k-2-indexed.png, 10k-3-seed-typing.png (the first
// pause in the seed, the Problems panel open), 10k-4-seed-hover.png, 10k-5-entities-timeline.png,
// 10k-6-boilerplate-tags.png.
// Run `npm run build` first (the extension is loaded from dist/). CPU-heavy: 6 to 10 minutes on 2 cores.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from './code-server/paths.mjs';
import { exitWith, runScreenshotSession } from './code-server/screenshotSession.mjs';
import { openCorpusWorkbench, openFile, runCommand, screenshotter } from './code-server/workbench.mjs';
import { writeBenchWorkspace } from '../test/bench/benchWorkspace.ts';

function argValue(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const articles = Number(argValue('--articles', '10000'));
const corpusDir = path.resolve(argValue('--corpus', path.join(os.tmpdir(), `corpus-${articles >= 1000 ? `${articles / 1000}k` : articles}`)));
const outDir = path.resolve(PROJECT_ROOT, argValue('--out-dir', 'docs/screens'));
const extension = PROJECT_ROOT;
const generatedName = (share) => `article${String(Math.floor(articles * share)).padStart(5, '0')}.txt`;
const GENERATED = generatedName(0.4242);
const SEED = 'seeds/003_0e5bd4099b662286.txt';
const NAME = 'Somsavath Inthavong';
const YEAR = '2037';
/**
 * The sentences, phrase by phrase (one for the generated article, another for the seed, so that neither is a copy of
 * the other); at the end of each phrase the typist pauses. `expect`: what its squiggles should mark.
 */
const SENTENCES = {
  generated: [
    { text: 'On 14 March 2037', expect: ['14 March 2037'] },
    { text: ' General Somsavath', expect: [] },
    { text: ' Inthavong', expect: [NAME] },
    { text: ' met the delegation in Vientiane.', expect: ['Vientiane'] },
  ],
  seed: [
    { text: 'Talks with General Somsavath', expect: [] },
    { text: ' Inthavong', expect: [NAME] },
    { text: ' ended on 14 March 2037', expect: ['14 March 2037'] },
    { text: ' in Pakse.', expect: [] },
  ],
};
/** A pause lasts at least this long, and until the squiggles have not changed for QUIET_MS. */
const MIN_PAUSE_MS = 3000;
/** After the views are checked: more articles, each with a sentence of its own, to see whether memory keeps growing. */
const ROUNDS = [
  { file: generatedName(0.1), phrases: [{ text: 'Colonel Bounmy Keomany', expect: ['Bounmy Keomany'] }, { text: ' arrived on 2 May 2036.', expect: ['2 May 2036'] }] },
  { file: generatedName(0.2), phrases: [{ text: 'Minister Phonesavanh Sisouk', expect: ['Phonesavanh Sisouk'] }, { text: ' spoke on 9 June 2035.', expect: ['9 June 2035'] }] },
  { file: generatedName(0.3), phrases: [{ text: 'Major Khamphet Vongsa', expect: ['Khamphet Vongsa'] }, { text: ' left Pakse on 21 July 2034.', expect: ['21 July 2034'] }] },
];
const QUIET_MS = 2000;
const PAUSE_LIMIT_MS = 60_000;

const loadavg = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};
const median = (xs) => pct(xs, 50);

/** The bench workspace's articles in `corpusDir/seeds`, written unless they are there already. */
async function ensureCorpus(log) {
  const seeds = path.join(corpusDir, 'seeds');
  const marker = path.join(corpusDir, `.complete-${articles}`);
  if (fs.existsSync(marker)) return seeds;
  fs.rmSync(corpusDir, { recursive: true, force: true });
  const t = Date.now();
  const { names, bytes } = await writeBenchWorkspace(corpusDir, articles);
  fs.writeFileSync(marker, '');
  log(`[10k] wrote ${names.length} articles (${(bytes / 1e6).toFixed(1)} MB) into ${seeds} in ${Date.now() - t} ms`);
  return seeds;
}

// ---- The language server's memory, sampled every second ----------------------------------------------------------

const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

function processes() {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' });
  const byPid = new Map();
  for (const line of out.split('\n')) {
    const m = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    if (m) byPid.set(Number(m[1]), { pid: Number(m[1]), ppid: Number(m[2]), rssKb: Number(m[3]), args: m[4] });
  }
  return byPid;
}

function cpuSeconds(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / CLK_TCK;
  } catch {
    return NaN;
  }
}

/** Samples the RSS and CPU time of the language server below `rootPid` (and of its parent, the extension host). */
function startSampler(rootPid, log) {
  const serverScript = path.join(extension, 'dist', 'server.js');
  const samples = [];
  const marks = [];
  const t0 = Date.now();
  let lastPid;
  const sample = () => {
    const ps = processes();
    const below = (p) => {
      for (let q = p, n = 0; q && n < 20; q = ps.get(q.ppid), n++) if (q.pid === rootPid) return true;
      return false;
    };
    const server = [...ps.values()].find((p) => p.args.includes(serverScript) && below(p));
    if (!server) return;
    if (lastPid !== undefined && server.pid !== lastPid) log(`[10k] PROBLEM: the language server's pid changed ${lastPid} -> ${server.pid} (restarted) at ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    lastPid = server.pid;
    const host = ps.get(server.ppid);
    samples.push({ t: Date.now(), pid: server.pid, rssKb: server.rssKb, cpu: cpuSeconds(server.pid), hostRssKb: host?.rssKb ?? NaN });
  };
  const timer = setInterval(sample, 1000);
  return {
    samples,
    mark: (label) => marks.push({ t: Date.now(), label }),
    marks,
    now: () => samples[samples.length - 1],
    stop: () => clearInterval(timer),
  };
}

const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;

// ---- What the editor shows ----------------------------------------------------------------------------------------

/**
 * The squiggles on the editor's line that starts with `lineStart`, and where each of `spans` is on it (px from the
 * line's left), plus the Problems count; undefined when the line is not rendered.
 */
async function lineState(page, lineStart, spans) {
  return page.evaluate(({ lineStart, spans }) => {
    const editor = document.querySelector('.part.editor .editor-instance .monaco-editor');
    if (!editor) return undefined;
    const norm = (s) => s.replace(/\u00a0/g, ' ');
    const line = [...editor.querySelectorAll('.view-lines .view-line')].find((l) => norm(l.textContent ?? '').startsWith(lineStart));
    if (!line) return undefined;
    const text = norm(line.textContent ?? '');
    const base = line.getBoundingClientRect().left;
    const top = line.style.top;
    const overlay = [...editor.querySelectorAll('.view-overlays > div')].find((d) => d.style.top === top);
    const squiggles = overlay
      ? [...overlay.querySelectorAll('[class*="squiggly"]')].map((d) => {
          const r = d.getBoundingClientRect();
          return { cls: [...d.classList].find((c) => c.startsWith('squiggly')) ?? '', left: Math.round(r.left - base), right: Math.round(r.right - base) };
        }).sort((a, b) => a.left - b.left)
      : [];
    const spanAt = (s) => {
      const at = text.indexOf(s);
      if (at < 0) return undefined;
      // The text nodes of the line, to place a DOM range on the span's characters.
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let offset = 0;
      let started = false;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const len = n.textContent.length;
        if (!started && at < offset + len) { range.setStart(n, at - offset); started = true; }
        if (started && at + s.length <= offset + len) { range.setEnd(n, at + s.length - offset); break; }
        offset += len;
      }
      const r = range.getBoundingClientRect();
      return { text: s, left: Math.round(r.left - base), right: Math.round(r.right - base) };
    };
    const tab = document.querySelector('.part.panel .composite-bar .action-item [aria-label^="Problems"]')?.closest('.action-item');
    const badge = tab?.querySelector('.badge-content')?.textContent?.trim() ?? '';
    const status = document.querySelector('[id="status.problems"]')?.getAttribute('aria-label') ?? '';
    return { text, squiggles, spans: spans.map(spanAt), problems: badge || status };
  }, { lineStart, spans });
}

/** Whether each expected span has a squiggle starting where it starts (and, unless a hint, ending where it ends). */
function marked(state) {
  return state.spans.every((s) => s && state.squiggles.some((q) => Math.abs(q.left - s.left) <= 3 && (q.cls.includes('hint') || Math.abs(q.right - s.right) <= 3)));
}

const signature = (state) => (state ? JSON.stringify([state.squiggles, state.problems]) : 'none');

/** A deterministic 80-200 ms between keys. */
function keyDelays(seed) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return 80 + Math.floor((x / 2147483648) * 120);
  };
}

const squiggleText = (state) => state?.squiggles.map((q) => `${q.cls.replace('squiggly-', '')}@${q.left}-${q.right}`).join(' ') || 'none';

/**
 * Types `phrases` key by key on a new first line of the active editor; after each phrase, polls the line every 50 ms
 * until its squiggles and the Problems count have settled (MIN_PAUSE_MS, then QUIET_MS without a change) and returns,
 * per pause, the time from the last key to the last change, whether the phrase's spans were marked then, and the
 * changes seen. `atPause(i)` runs at the end of pause i (a screenshot).
 */
async function typeSentence(page, label, phrases, { log, serverCpu, atPause }) {
  await page.locator('.part.editor .editor-instance .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  const nextDelay = keyDelays(label.length * 7919);
  const lineStart = phrases[0].text.slice(0, 12);
  const pauses = [];
  let typed = '';
  for (const [index, phrase] of phrases.entries()) {
    let lastKey = 0;
    const firstKey = Date.now();
    for (const [i, ch] of [...phrase.text].entries()) {
      await page.keyboard.type(ch);
      lastKey = Date.now();
      if (i < phrase.text.length - 1) await page.waitForTimeout(nextDelay());
    }
    typed += phrase.text;
    const cpuAtKey = serverCpu();
    let state = await lineState(page, lineStart, phrase.expect);
    let sig = signature(state);
    const changes = [];
    let lastChange = 0;
    let matchedAt = state && marked(state) ? 0 : undefined;
    for (;;) {
      await page.waitForTimeout(50);
      const elapsed = Date.now() - lastKey;
      state = await lineState(page, lineStart, phrase.expect);
      const s = signature(state);
      if (s !== sig) {
        sig = s;
        lastChange = elapsed;
        changes.push(`${elapsed} ms: ${squiggleText(state)}, Problems ${state?.problems || '?'}`);
        matchedAt = state && marked(state) ? elapsed : undefined;
      } else if (matchedAt === undefined && state && marked(state)) {
        // Marked with no change of the squiggles the signature reads (the first read came before the line was drawn).
        matchedAt = elapsed;
      }
      if (elapsed >= MIN_PAUSE_MS && elapsed - lastChange >= QUIET_MS && (matchedAt !== undefined || !phrase.expect.length)) break;
      if (elapsed > PAUSE_LIMIT_MS) break;
    }
    const ok = !!state && state.text.startsWith(typed) && marked(state);
    const cpu = serverCpu() - cpuAtKey;
    pauses.push({ phrase: phrase.text.trim(), settledMs: lastChange, ok, lastKey });
    log(
      `[10k] ${label}: paused after "${phrase.text.trim()}" (typed in ${((lastKey - firstKey) / 1000).toFixed(1)} s, last key ${new Date(lastKey).toISOString().slice(11, 23)}): squiggles settled ${lastChange} ms after the last key; ` +
        `${phrase.expect.length ? (ok ? `${phrase.expect.map((e) => `"${e}"`).join(', ')} marked` : `PROBLEM: ${phrase.expect.map((e) => `"${e}"`).join(', ')} NOT marked`) : 'nothing expected'}` +
        `; server CPU during the pause ${cpu.toFixed(1)} s; changes:${changes.length ? changes.map((c) => `\n      ${c}`).join('') : ' none'}` +
        `\n      final: ${squiggleText(state)}, Problems ${state?.problems || '?'}`,
    );
    await atPause?.(index);
  }
  return pauses;
}

/** Texts of the notifications on screen (toasts), to be reported. */
async function notifications(page) {
  return (await page.locator('.notifications-toasts .notification-toast').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/** The window progress in the status bar (the language server's work-done progress), or ''. */
async function statusProgress(page) {
  const items = await page.locator('.part.statusbar .statusbar-item').allInnerTexts();
  return items.map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => /Corpus Annotator|Analysing|Grouping|Finding articles/i.test(t)).join(' | ');
}

/** The server's log (the "Corpus Annotator" output channel's log file): its lines matching `re`. */
function serverLogLines(runDir, re = /./) {
  const out = [];
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === 'Corpus Annotator.log') for (const line of fs.readFileSync(p, 'utf8').split('\n')) if (line.trim() && re.test(line)) out.push(line.trim());
    }
  };
  walk(path.join(runDir, 'user-data', 'logs'));
  return out;
}

/** Per view of the side bar: its rows, its welcome text, whether its progress bar runs. */
async function viewStates(page) {
  return page.evaluate(() => {
    const out = {};
    for (const pane of document.querySelectorAll('.sidebar .pane')) {
      const title = pane.querySelector('.pane-header')?.getAttribute('aria-label') ?? pane.querySelector('.pane-header .title')?.textContent ?? '';
      const name = ['Corpus Tags', 'Entities', 'Timeline', 'Boilerplate'].find((t) => title.toLowerCase().includes(t.toLowerCase()));
      if (!name) continue;
      const welcome = pane.querySelector('.welcome-view-content');
      if (pane.querySelector('.pane-header')?.getAttribute('aria-expanded') !== 'true') {
        out[name] = { collapsed: true };
        continue;
      }
      out[name] = {
        rows: pane.querySelectorAll('.monaco-list-row').length,
        welcome: welcome && welcome.offsetParent ? welcome.textContent.replace(/\s+/g, ' ').trim().slice(0, 50) : '',
        busy: !!pane.querySelector('.monaco-progress-container.active'),
      };
    }
    return out;
  });
}

exitWith(
  runScreenshotSession(
    {
      name: 'try-10k-typing',
      viewport: { width: 1280, height: 800 },
      prepare: async (workspace, { log }) => {
        const seeds = await ensureCorpus(log);
        for (const name of fs.readdirSync(seeds)) fs.copyFileSync(path.join(seeds, name), path.join(workspace, 'seeds', name));
        log(`[10k] workspace ${workspace}: ${fs.readdirSync(path.join(workspace, 'seeds')).length} articles`);
      },
    },
    async ({ page, server, workspace, runDir, log }) => {
      fs.mkdirSync(outDir, { recursive: true });
      const shot = screenshotter(page, outDir, log, PROJECT_ROOT);
      log(`[10k] load average at start: ${loadavg()}`);
      const sampler = startSampler(server.pid, log);
      const since = (t) => Date.now() - t;
      const header = (title) => page.locator('.sidebar .pane-header', { hasText: title }).first();
      const pane = (title) => page.locator('.sidebar .pane', { has: page.locator('.pane-header', { hasText: title }) }).first();
      const row = (title, text) => pane(title).locator('.monaco-list-row', { hasText: text }).first();
      /** Expands the panes named, collapses the others. */
      const showPanes = async (...titles) => {
        for (const title of ['Corpus Tags', 'Entities', 'Timeline', 'Boilerplate']) {
          await header(title).waitFor({ timeout: 60_000 });
          const open = (await header(title).getAttribute('aria-expanded')) === 'true';
          if (open !== titles.includes(title)) await header(title).click();
        }
      };
      /** Expands a tree row (by its twistie, as a click on the row may only select it). */
      const expand = async (rowLocator) => {
        if ((await rowLocator.getAttribute('aria-expanded')) === 'true') return;
        await rowLocator.locator('.monaco-tl-twistie').click();
        await page.waitForFunction((el) => el?.getAttribute('aria-expanded') === 'true', await rowLocator.elementHandle(), { timeout: 60_000 });
      };
      const problems = [];
      let stopViewWatch = () => {};
      const note = async (stage) => {
        for (const n of await notifications(page)) {
          log(`[10k] notification (${stage}): ${n}`);
          problems.push(`${stage}: notification "${n}"`);
        }
      };

      try {
        // ---- Open, index ------------------------------------------------------------------------------------------
        const opened = Date.now();
        sampler.mark('open');
        await openCorpusWorkbench(page, server, workspace, extension);
        await page.mouse.move(800, 600);
        // The views, every second through the whole run: each change of their rows, welcome text or progress bar.
        const viewLast = {};
        const viewFirstRows = {};
        let watching = false;
        const viewTimer = setInterval(async () => {
          if (watching) return;
          watching = true;
          try {
            const states = await viewStates(page);
            const at = since(opened);
            for (const [name, v] of Object.entries(states)) {
              if (v.rows && viewFirstRows[name] === undefined) viewFirstRows[name] = at;
              const text = v.collapsed ? 'collapsed' : `${v.rows ? `${v.rows} rows` : `"${v.welcome}"`}${v.busy ? ', progress bar running' : ''}`;
              if (viewLast[name] !== text) log(`[10k] +${(at / 1000).toFixed(1)} s view ${name}: ${text}`);
              viewLast[name] = text;
            }
          } catch { /* the page is busy or closing */ }
          watching = false;
        }, 1000);
        stopViewWatch = () => clearInterval(viewTimer);
        const people = row('Entities', 'People');
        let progressSeen = '';
        let firstProgressMs;
        let shotWhileIndexing = false;
        let lastLogged = 0;
        for (;;) {
          const progress = await statusProgress(page);
          const elapsed = since(opened);
          if (progress) {
            firstProgressMs ??= elapsed;
            progressSeen = progress;
          }
          if (elapsed - lastLogged >= 10_000) {
            lastLogged = elapsed;
            const s = sampler.now();
            log(`[10k] +${(elapsed / 1000).toFixed(0)} s: status bar "${progress}"; server RSS ${s ? mb(s.rssKb) : '?'}, CPU ${s ? s.cpu.toFixed(0) : '?'} s`);
          }
          const m = /Analysing (\d+)\/(\d+)/.exec(progress);
          if (!shotWhileIndexing && m && Number(m[1]) >= Number(m[2]) / 3) {
            shotWhileIndexing = true;
            await shot('10k-1-indexing.png');
          }
          if (!progress && progressSeen && (await people.isVisible())) break;
          if (elapsed > 20 * 60_000) throw new Error(`not indexed after 20 minutes (status bar "${progress}")`);
          await page.waitForTimeout(250);
        }
        const indexedMs = since(opened);
        sampler.mark('indexed');
        log(`[10k] window opened -> indexed (status bar progress gone, Entities listing People): ${(indexedMs / 1000).toFixed(1)} s; progress first shown at ${((firstProgressMs ?? NaN) / 1000).toFixed(1)} s; the views' first rows at ${Object.entries(viewFirstRows).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ')}`);
        for (const line of serverLogLines(runDir, /Indexed \d+ articles/)) log(`[10k] server log: ${line}`);
        if (!shotWhileIndexing) log('[10k] (no screenshot while indexing: the progress never showed a third done)');
        await note('indexing');
        await shot('10k-2-indexed.png');
        // The views' first rows, before anything is typed (polled every second by the watcher; at most 5 minutes).
        const viewsReady = {};
        for (const deadline = Date.now() + 5 * 60_000; ; ) {
          for (const name of ['Entities', 'Timeline', 'Boilerplate']) if (viewFirstRows[name] !== undefined) viewsReady[name] ??= viewFirstRows[name] - indexedMs;
          if (Object.keys(viewsReady).length === 3 || Date.now() > deadline) break;
          await page.waitForTimeout(250);
        }
        log(`[10k] after indexed, with nothing typed, the views' first rows came: ${['Entities', 'Timeline', 'Boilerplate'].map((n) => `${n} ${viewsReady[n] === undefined ? 'NOT within 5 minutes' : `+${(viewsReady[n] / 1000).toFixed(1)} s`}`).join(', ')}`);
        for (const n of ['Entities', 'Timeline', 'Boilerplate']) if (viewsReady[n] === undefined) problems.push(`${n}: no rows within 5 minutes of indexed`);

        // ---- Type in a generated article, then in a seed ------------------------------------------------------------
        sampler.mark('typing generated');
        let t = Date.now();
        await openFile(page, GENERATED);
        log(`[10k] opened ${GENERATED} in ${since(t)} ms`);
        await page.keyboard.press('Control+Shift+M');
        const serverCpu = () => sampler.now()?.cpu ?? NaN;
        const genPauses = await typeSentence(page, GENERATED, SENTENCES.generated, { log, serverCpu });
        await note('typing in a generated article');

        sampler.mark('typing seed');
        t = Date.now();
        await openFile(page, SEED);
        log(`[10k] opened ${path.basename(SEED)} in ${since(t)} ms`);
        const seedPauses = await typeSentence(page, path.basename(SEED), SENTENCES.seed, {
          log,
          serverCpu,
          atPause: async (i) => { if (i === 0) await shot('10k-3-seed-typing.png'); },
        });
        const lastKeyInSeed = seedPauses.at(-1).lastKey;
        await note('typing in a seed article');

        // Hover the name.
        sampler.mark('views');
        const nameAt = await page.evaluate((name) => {
          const line = [...document.querySelectorAll('.part.editor .editor-instance .monaco-editor .view-lines .view-line')].find((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ').includes(name));
          if (!line) return undefined;
          const at = (line.textContent ?? '').replace(/\u00a0/g, ' ').indexOf(name) + 3;
          // The text node holding the name's fourth character, to place the pointer on it.
          const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
          let offset = 0;
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            if (at < offset + n.textContent.length) {
              const range = document.createRange();
              range.setStart(n, at - offset);
              range.setEnd(n, at - offset + 1);
              const r = range.getBoundingClientRect();
              return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
            }
            offset += n.textContent.length;
          }
          return undefined;
        }, NAME);
        let hoverMs;
        let hoverText = '';
        if (nameAt) {
          t = Date.now();
          await page.mouse.move(nameAt.x, nameAt.y);
          const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden)', { hasText: 'Somsavath' }).first();
          await hover.waitFor({ timeout: 30_000 }).catch(() => problems.push(`hover: none on "${NAME}" within 30 s`));
          hoverMs = since(t);
          // The entity's part of the hover (its spellings, counts) may come after the diagnostic's.
          const entityPart = page.locator('.monaco-editor .monaco-hover:not(.hidden)', { hasText: 'Spellings' }).first();
          await entityPart.waitFor({ timeout: 30_000 }).catch(() => problems.push(`hover: on "${NAME}", no entity part (Spellings) within 30 s`));
          const entityHoverMs = since(t);
          hoverText = (await entityPart.innerText().catch(() => hover.innerText().catch(() => ''))).replace(/\s+/g, ' ').trim();
          log(`[10k] hover on "${NAME}": shown after ${hoverMs} ms, with the entity's part after ${entityHoverMs} ms (editor.hover.delay 300 ms included): ${JSON.stringify(hoverText.slice(0, 400))}`);
        } else problems.push(`hover: "${NAME}" not found on screen`);
        await shot('10k-4-seed-hover.png');
        await page.mouse.move(1000, 780);

        // ---- The views ------------------------------------------------------------------------------------------------
        const views = {};
        // Entities: Find Entity… by a lower-case spelling, then revealed.
        await showPanes('Entities', 'Timeline');
        // Find Entity… again and again (every 2 s) until it lists the name typed in both articles: the clustering is
        // rebuilt in the background after typing pauses, so the view may lag the text.
        const findEntity = async (query) => {
          await header('Entities').hover();
          const find = page.locator('.sidebar .action-label[aria-label^="Find Entity"]').first();
          await find.waitFor({ timeout: 20_000 });
          await find.click();
          const input = page.locator('.quick-input-widget input');
          await input.waitFor({ timeout: 20_000 });
          const t1 = Date.now();
          await input.fill(query);
          // Rows, or none at all (no entity by that name in the clustering yet): the pick then shows an empty list, its
          // progress bar stopped (it shows only after 800 ms of waiting, hence the 2 s).
          await page.waitForFunction(
            (from) => document.querySelector('.quick-input-widget .monaco-list-row') || (Date.now() - from > 2000 && !document.querySelector('.quick-input-widget .monaco-progress-container.active')),
            t1,
            { timeout: 120_000, polling: 100 },
          );
          await page.waitForFunction(() => !document.querySelector('.quick-input-widget .monaco-progress-container.active'), null, { timeout: 60_000 }).catch(() => {});
          const rows = (await page.locator('.quick-input-widget .monaco-list-row').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
          return { ms: Date.now() - t1, rows };
        };
        let found;
        const stale = [];
        for (const deadline = Date.now() + 5 * 60_000; ; ) {
          const r = await findEntity('somsavath');
          views.findEntityRowsMs ??= r.ms;
          if (r.rows.some((x) => x.includes(NAME) && /2 mentions/.test(x))) {
            found = r;
            break;
          }
          const seen = r.rows.length ? r.rows.slice(0, 3).join(' / ') : '(an empty list)';
          if (stale.at(-1)?.seen !== seen) stale.push({ at: since(lastKeyInSeed), seen });
          await page.keyboard.press('Escape');
          if (Date.now() > deadline) break;
          await page.waitForTimeout(2000);
        }
        for (const s of stale) log(`[10k] Entities: Find Entity "somsavath" ${(s.at / 1000).toFixed(1)} s after the last key listed: ${s.seen}`);
        if (!found) {
          problems.push(`Entities: Find Entity never listed "${NAME}" with 2 mentions within 5 minutes of the last key (last: ${stale.at(-1)?.seen})`);
          throw new Error(`"${NAME}" never found`);
        }
        views.entityCaughtUpMs = since(lastKeyInSeed);
        if (stale.length) problems.push(`Entities: for ${(views.entityCaughtUpMs / 1000).toFixed(0)} s after the last key, Find Entity listed ${stale.map((s) => JSON.stringify(s.seen)).join(', then ')} instead of "${NAME}" (2 mentions)`);
        log(`[10k] Entities: Find Entity "somsavath" listed ${JSON.stringify(found.rows[0])} in ${found.ms} ms, ${(views.entityCaughtUpMs / 1000).toFixed(1)} s after the last key in the seed`);
        t = Date.now();
        await page.locator('.quick-input-widget .monaco-list-row', { hasText: NAME }).first().click();
        const selected = pane('Entities').locator('.monaco-list-row.selected', { hasText: NAME }).first();
        await selected.waitFor({ timeout: 60_000 });
        views.entityRevealedMs = since(t);
        const selectedText = (await selected.innerText()).replace(/\s+/g, ' ').trim();
        log(`[10k] Entities: revealed ${JSON.stringify(selectedText)} in ${views.entityRevealedMs} ms`);
        if (!/2 articles/.test(selectedText)) problems.push(`Entities: "${NAME}", typed in two articles, shows ${JSON.stringify(selectedText)}`);
        t = Date.now();
        await expand(selected);
        const articleRow = pane('Entities').locator('.monaco-list-row', { hasText: '003_0e5bd4099b662286' }).first();
        await articleRow.waitFor({ timeout: 60_000 }).catch(() => problems.push('Entities: the seed article not listed under the new name'));
        views.entityExpandedMs = since(t);
        log(`[10k] Entities: the name expanded (its articles) in ${views.entityExpandedMs} ms`);

        // Timeline: the new year at the end of the tree, expanded.
        await runCommand(page, 'Corpus Annotator: Focus on Timeline View');
        t = Date.now();
        const endUntil = async (text, limitMs) => {
          for (const deadline = Date.now() + limitMs; !(await row('Timeline', text).isVisible()); ) {
            if (Date.now() > deadline) return false;
            await page.keyboard.press('End');
            await page.waitForTimeout(100);
          }
          return true;
        };
        if (await endUntil(YEAR, 120_000)) {
          views.timelineYearMs = since(t);
          t = Date.now();
          await expand(row('Timeline', YEAR));
          await endUntil(`March ${YEAR}`, 60_000);
          await expand(row('Timeline', `March ${YEAR}`));
          const found = await endUntil(`14 March ${YEAR}`, 60_000);
          views.timelineExpandedMs = since(t);
          // Both mentions in view: the tree's end once more, until they are rendered (or 10 s).
          const readRows = async () => (await pane('Timeline').locator('.monaco-list-row').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
          let rows = await readRows();
          for (const deadline = Date.now() + 10_000; rows.filter((r) => r.includes(`14 March ${YEAR}`)).length < 2 && Date.now() < deadline; rows = await readRows()) {
            await page.keyboard.press('End');
            await page.waitForTimeout(100);
          }
          const mentions = rows.filter((r) => r.includes(`14 March ${YEAR}`));
          log(`[10k] Timeline: ${YEAR} shown in ${views.timelineYearMs} ms (End pressed until it is in view); year and month expanded in ${views.timelineExpandedMs} ms; rows: ${rows.slice(-6).join(' | ')}`);
          if (!found || mentions.length < 2) problems.push(`Timeline: expected the date typed in two articles under March ${YEAR}, saw ${JSON.stringify(mentions)}`);
        } else problems.push(`Timeline: ${YEAR} never showed (End pressed for 2 minutes)`);
        await page.mouse.move(1000, 780);
        await shot('10k-5-entities-timeline.png');

        // Boilerplate: a kind expanded, then its first passage.
        await showPanes('Boilerplate', 'Corpus Tags');
        t = Date.now();
        const firstKind = pane('Boilerplate').locator('.monaco-list-row').first();
        await firstKind.waitFor({ timeout: 60_000 });
        views.boilerplateRowsMs = since(t);
        const kinds = (await pane('Boilerplate').locator('.monaco-list-row').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
        t = Date.now();
        await expand(firstKind);
        const passage = pane('Boilerplate').locator('.monaco-list-row[aria-level="2"]').first();
        await passage.waitFor({ timeout: 60_000 });
        views.boilerplateKindMs = since(t);
        t = Date.now();
        await expand(passage);
        await pane('Boilerplate').locator('.monaco-list-row[aria-level="3"]').first().waitFor({ timeout: 60_000 });
        views.boilerplatePassageMs = since(t);
        log(`[10k] Boilerplate: kinds ${JSON.stringify(kinds.slice(0, 4))} (${views.boilerplateRowsMs} ms); a kind expanded in ${views.boilerplateKindMs} ms, a passage's copies in ${views.boilerplatePassageMs} ms`);

        // Corpus Tags: the typed sentence tagged with a new tag, which shows in the view.
        await page.locator('.part.editor .editor-instance .monaco-editor .view-lines').first().click();
        await page.keyboard.press('Control+Home');
        await page.keyboard.press('Shift+End');
        await page.keyboard.press('Control+Alt+T');
        const tagInput = page.locator('.quick-input-widget input');
        await tagInput.waitFor({ timeout: 20_000 });
        await tagInput.fill('visit-2037');
        await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'New tag' }).first().click();
        await page.locator('.quick-input-widget', { hasText: 'Optional note' }).waitFor({ timeout: 20_000 });
        t = Date.now();
        await page.keyboard.press('Enter');
        const tagRow = row('Corpus Tags', 'visit-2037');
        await tagRow.waitFor({ timeout: 60_000 });
        views.tagRowMs = since(t);
        t = Date.now();
        await expand(tagRow);
        await pane('Corpus Tags').locator('.monaco-list-row[aria-level="2"]', { hasText: '003_0e5bd4099b662286' }).first().waitFor({ timeout: 60_000 });
        views.tagExpandedMs = since(t);
        log(`[10k] Corpus Tags: "visit-2037" listed ${views.tagRowMs} ms after the note was skipped; expanded to its article in ${views.tagExpandedMs} ms`);
        await page.mouse.move(1000, 780);
        await shot('10k-6-boilerplate-tags.png');
        await note('views');

        // ---- More typing: does the server's memory keep growing? -------------------------------------------------------
        sampler.mark('more typing');
        const roundPauses = [];
        const rounds = [];
        for (const [i, round] of ROUNDS.entries()) {
          const from = Date.now();
          await openFile(page, round.file);
          roundPauses.push(...(await typeSentence(page, round.file, round.phrases, { log, serverCpu })));
          const during = sampler.samples.filter((x) => x.t >= from);
          rounds.push({ file: round.file, maxKb: Math.max(...during.map((x) => x.rssKb)), endKb: during.at(-1)?.rssKb ?? NaN });
          log(`[10k] round ${i + 1} (${round.file}): server RSS max ${mb(rounds.at(-1).maxKb)}, at its end ${mb(rounds.at(-1).endKb)}`);
        }
        await note('more typing');

        // ---- Idle: the server's steady state --------------------------------------------------------------------------
        sampler.mark('idle');
        // Until the server has used under 0.2 s of CPU in 5 s (its background work done), at most 3 minutes; then 10 s.
        const quietFrom = Date.now();
        for (;;) {
          const now = sampler.now();
          const before = sampler.samples.find((x) => x.t >= now.t - 5000);
          if (now.t - quietFrom >= 5000 && now.cpu - before.cpu < 0.2) break;
          if (Date.now() - quietFrom > 180_000) {
            problems.push('the server was still busy (CPU) 3 minutes after the last action');
            break;
          }
          await page.waitForTimeout(1000);
        }
        log(`[10k] the server went quiet ${((Date.now() - quietFrom) / 1000).toFixed(0)} s after the last action`);
        const steadyFrom = Date.now();
        await page.waitForTimeout(10_000);
        const progressLeft = await statusProgress(page);
        if (progressLeft) problems.push(`status bar still shows "${progressLeft}" once the server is quiet`);
        const spinning = await page.locator('.sidebar .monaco-progress-container.active').count();
        if (spinning) problems.push(`${spinning} view progress bar(s) still active once the server is quiet`);
        sampler.stop();
        stopViewWatch();

        // ---- Report ------------------------------------------------------------------------------------------------------
        const all = sampler.samples;
        const between = (a, b) => all.filter((s) => s.t >= a && s.t < b);
        const markAt = (label) => sampler.marks.find((m) => m.label === label)?.t ?? Infinity;
        const maxOf = (xs) => xs.reduce((m, s) => (s.rssKb > m.rssKb ? s : m), { rssKb: 0, t: 0 });
        const steady = all.filter((s) => s.t >= steadyFrom);
        const top = maxOf(all);
        const stageMax = (a, b) => mb(maxOf(between(markAt(a), markAt(b))).rssKb);
        const last = all[all.length - 1];
        const settled = [...genPauses, ...seedPauses].map((p) => p.settledMs);
        log('[10k] ---- summary ----');
        log(`[10k] ${articles} generated + seeds; window opened -> indexed ${(indexedMs / 1000).toFixed(1)} s`);
        log(`[10k] diagnostics settled after each pause (${settled.length} pauses): p50 ${median(settled)} ms, max ${Math.max(...settled)} ms; per pause ${[...genPauses, ...seedPauses].map((p) => `${p.phrase.split(' ').pop()}=${p.settledMs}${p.ok ? '' : '!'}`).join(' ')}`);
        const roundSettled = roundPauses.map((p) => p.settledMs);
        log(`[10k] more typing (${ROUNDS.length} more articles, ${roundSettled.length} pauses): diagnostics settled p50 ${median(roundSettled)} ms, max ${Math.max(...roundSettled)} ms; server RSS per round max/end ${rounds.map((r) => `${mb(r.maxKb)}/${mb(r.endKb)}`).join(', ')}`);
        log(`[10k] views: ${Object.entries(views).map(([k, v]) => `${k} ${v} ms`).join(', ')}; hover ${hoverMs ?? '?'} ms`);
        log(`[10k] server RSS: max ${mb(top.rssKb)} at ${((top.t - opened) / 1000).toFixed(0)} s; max while indexing ${stageMax('open', 'indexed')}, typing ${stageMax('typing generated', 'views')}, views ${stageMax('views', 'more typing')}, more typing ${stageMax('more typing', 'idle')}; steady (median of the last 10 s idle) ${mb(median(steady.map((s) => s.rssKb)))}; extension host RSS at the end ${mb(last?.hostRssKb ?? NaN)}`);
        log(`[10k] server CPU: ${sampler.samples.length ? `${between(markAt('open'), markAt('indexed')).at(-1)?.cpu.toFixed(1)} s to indexed, ${last.cpu.toFixed(1)} s in all (${((last.t - opened) / 1000).toFixed(0)} s wall)` : '?'}`);
        log(`[10k] RSS every 10 s (MB): ${all.filter((_, i) => i % 10 === 0).map((s) => (s.rssKb / 1024).toFixed(0)).join(' ')}`);
        log(`[10k] the server's log:\n  ${serverLogLines(runDir).join('\n  ')}`);
        for (const p of [...genPauses, ...seedPauses, ...roundPauses]) if (!p.ok) problems.push(`pause after "${p.phrase}": the expected squiggle never showed`);
        log(`[10k] problems seen: ${problems.length ? `\n  ${problems.join('\n  ')}` : 'none'}`);
        log(`[10k] load average at end: ${loadavg()}`);
      } finally {
        sampler.stop();
        stopViewWatch();
      }
    },
  ),
);
