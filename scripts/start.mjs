// `npm start`: opens the corpus (corpus.code-workspace: seeds/ and annotations/ without the code around them) in
// VS Code with the extension loaded from this checkout (extension development path), one article open and the
// Corpus Annotator side bar shown. Uses the local `code` CLI when there is one, otherwise code-server (installed on
// demand) in the foreground.
//   node scripts/start.mjs [--code-server] [--port N]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CACHE_ROOT, PROJECT_ROOT } from './code-server/paths.mjs';
import { ensureCodeServer } from './code-server/install.mjs';
import { launchCodeServer, workbenchUrl } from './code-server/launch.mjs';

/** The workspace file `npm start` opens, and the article it opens in it. */
export const CORPUS_WORKSPACE = 'corpus.code-workspace';
export const FIRST_ARTICLE = 'seeds/003_0e5bd4099b662286.txt';

function onPath(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function warnIfUnbuilt(root, log) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const main = path.resolve(root, pkg.main ?? 'dist/client.js');
  if (!fs.existsSync(main)) log(`[start] warning: ${path.relative(root, main)} is missing; run \`npm run build\``);
}

/**
 * Starts code-server on the corpus workspace (or `folder`) with the extension under development and an article open.
 * @param {{ root?: string, folder?: string, openFile?: string, port?: number, runDir?: string, log?: (s: string) => void, settings?: Record<string, unknown> }} [opts]
 * @returns {Promise<{ url: string, baseUrl: string, port: number, stop: () => Promise<void>, exited: Promise<number|null> }>}
 */
export async function startCodeServerSession(opts = {}) {
  const log = opts.log ?? ((s) => console.log(s));
  const root = opts.root ?? PROJECT_ROOT;
  warnIfUnbuilt(root, log);
  const layout = await ensureCodeServer({ log });
  const server = await launchCodeServer({
    entry: layout.entry,
    runDir: opts.runDir ?? path.join(CACHE_ROOT, 'start'),
    extraArgs: opts.port ? ['--bind-addr', `127.0.0.1:${opts.port}`] : [],
    settings: opts.settings,
  });
  const where = opts.folder ? { folder: opts.folder } : { workspace: path.join(PROJECT_ROOT, CORPUS_WORKSPACE) };
  const openFile = opts.openFile ?? (opts.folder ? undefined : path.join(PROJECT_ROOT, FIRST_ARTICLE));
  const url = workbenchUrl(server.baseUrl, { ...where, ...(openFile ? { openFile } : {}), extensionDevelopmentPath: root });
  return { url, baseUrl: server.baseUrl, port: server.port, stop: server.stop, exited: server.exited };
}

async function main() {
  const args = process.argv.slice(2);
  const portArg = args.indexOf('--port');
  const port = portArg >= 0 ? Number(args[portArg + 1]) : undefined;
  const forceServer = args.includes('--code-server') || process.env.CORPUS_START_HOST === 'code-server';
  const root = PROJECT_ROOT;

  if (!forceServer && onPath('code')) {
    warnIfUnbuilt(root, console.log);
    const args = [`--extensionDevelopmentPath=${root}`, path.join(root, CORPUS_WORKSPACE), path.join(root, FIRST_ARTICLE)];
    console.log(`[start] code ${args.join(' ')}`);
    const r = spawnSync('code', args, { stdio: 'inherit' });
    return r.status ?? 1;
  }

  console.log('[start] no `code` on PATH: starting code-server');
  const session = await startCodeServerSession({ root, port });
  console.log('');
  console.log(`Open ${session.url}`);
  console.log('');
  console.log('(code-server is serving on 127.0.0.1 only; press Ctrl-C to stop)');
  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n[start] ${signal}: stopping code-server`);
    await session.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  const code = await session.exited;
  if (!stopping) {
    console.error(`[start] code-server exited (${code})`);
    return 1;
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    (code) => { process.exitCode = code; },
    (err) => { console.error(err instanceof Error ? err.message : err); process.exit(1); },
  );
}
