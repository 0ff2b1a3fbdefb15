// `node scripts/screenshot-timeline.mjs`: the timeline plot as an analyst sees it, in a split editor of code-server in
// headless Chromium, on a fresh copy of the seeds with three tags (one on a dated sentence, two on sentences without a
// date). Saves, under docs/screens/ (or --out-dir):
//   timeline-1-split.png   the plot beside an article, side bar open (its default view: the busy range)
//   timeline-2-narrow.png  the same in a narrower window (labels above their rows)
//   timeline-3-by-tag.png  by tag (rings: tagged passages placed at their article's date)
//   timeline-4-zoomed.png  after dragging across the plot (brush)
//   timeline-5-all.png     after All dates
// and prints, for each, the span the plot says it shows. Run `npm run build` first.
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './code-server/paths.mjs';
import { exitWith, runScreenshotSession } from './code-server/screenshotSession.mjs';
import { openCorpusWorkbench, runCommand } from './code-server/workbench.mjs';

const FILE = 'seeds/003_0e5bd4099b662286.txt';
const TAGS = [
  ['cooperation', 'highly valued the cooperation results'],
  ['drug-crime', 'combating drug crime'],
  ['training', 'training collaboration'],
];

function argValue(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

function writeTags(workspace) {
  const text = fs.readFileSync(path.join(workspace, FILE), 'utf8');
  const lines = ['version: 1', `document: ${FILE}`, 'tags:'];
  TAGS.forEach(([tag, quote], i) => {
    const start = text.indexOf(quote);
    if (start < 0) throw new Error(`"${quote}" is not in ${FILE}`);
    lines.push(`  - id: shot${i}`, `    tag: ${tag}`, `    quote: ${JSON.stringify(quote)}`, `    start: ${start}`, `    end: ${start + quote.length}`);
  });
  fs.writeFileSync(path.join(workspace, 'annotations', `${path.basename(FILE, '.txt')}.yaml`), `${lines.join('\n')}\n`);
}

const outDir = path.resolve(PROJECT_ROOT, argValue('--out-dir', 'docs/screens'));

exitWith(
  runScreenshotSession({ name: 'screenshot-timeline', viewport: { width: 1280, height: 800 }, prepare: writeTags }, async ({ page, server, workspace, log }) => {
    await openCorpusWorkbench(page, server, workspace, PROJECT_ROOT);
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill(path.basename(FILE));
    await page.locator('.quick-input-widget .monaco-list-row').first().waitFor({ timeout: 20_000 });
    await page.keyboard.press('Enter');
    await page.locator(`.tabs-container .tab[aria-label^="${path.basename(FILE)}"]`).first().waitFor({ timeout: 20_000 });
    await runCommand(page, 'Corpus: Show Timeline Plot');
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    // The plot is redrawn when the timeline arrives; wait until it holds the tags' rows.
    await frame.locator('svg#plot-entity circle.dot').first().waitFor({ timeout: 90_000 });
    const view = () => frame.locator('#view').innerText();
    fs.mkdirSync(outDir, { recursive: true });
    const shot = async (name) => {
      await page.waitForTimeout(300); // let the webview paint its last redraw
      const file = path.join(outDir, name);
      await page.screenshot({ path: file });
      const box = await frame.locator('svg.plot:visible').first().boundingBox();
      log(`[screenshot] ${path.relative(PROJECT_ROOT, file)}: plot ${Math.round(box?.width ?? 0)} px wide; ${await view()}`);
    };
    await shot('timeline-1-split.png');
    await page.setViewportSize({ width: 900, height: 760 });
    await shot('timeline-2-narrow.png');
    await frame.locator('button[data-by="tag"]').click();
    await frame.locator('svg#plot-tag circle.article-date').first().waitFor({ timeout: 20_000 });
    await shot('timeline-3-by-tag.png');
    await frame.locator('button[data-by="entity"]').click();
    const box = await frame.locator('svg#plot-entity').boundingBox();
    if (!box) throw new Error('no plot to brush');
    const y = box.y + Math.min(box.height - 10, 60);
    await page.mouse.move(box.x + box.width * 0.35, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, y, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.7, y, { steps: 5 });
    await page.mouse.up();
    await shot('timeline-4-zoomed.png');
    await frame.locator('button[data-zoom="all"]').click();
    await shot('timeline-5-all.png');
  }),
);
