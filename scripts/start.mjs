// `npm start`: opens the project folder (seeds/ and annotations/) in VS Code with the
// extension loaded from this checkout (extension development path). Uses the local `code`
// CLI when there is one, otherwise code-server (installed on demand) in the foreground.
//   node scripts/start.mjs [--code-server] [--port N]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CACHE_ROOT, PROJECT_ROOT } from './code-server/paths.mjs';
import { ensureCodeServer } from './code-server/install.mjs';
import { launchCodeServer, workbenchUrl } from './code-server/launch.mjs';

function onPath(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function warnIfUnbuilt(root, log) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const main = path.resolve(root, pkg.main ?? 'dist/client.js');
  if (!fs.existsSync(main)) log(`[start] warning: ${path.relative(root, main)} is missing; run \`npm run build\``);
}

/**
 * Starts code-server on the project folder with the extension under development.
 * @param {{ root?: string, folder?: string, port?: number, runDir?: string, log?: (s: string) => void, settings?: Record<string, unknown> }} [opts]
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
  const url = workbenchUrl(server.baseUrl, { folder: opts.folder ?? root, extensionDevelopmentPath: root });
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
    console.log(`[start] code --extensionDevelopmentPath=${root} ${root}`);
    const r = spawnSync('code', [`--extensionDevelopmentPath=${root}`, root], { stdio: 'inherit' });
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
