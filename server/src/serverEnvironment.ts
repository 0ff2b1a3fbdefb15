/**
 * Environment variables an editor should start the language server with (the VS Code client does; the README's
 * Neovim setup does too).
 *
 * MALLOC_ARENA_MAX=2: the server analyses and clusters in worker threads, and glibc gives each thread its own malloc
 * arena, whose freed memory stays with the process after the thread ends. At 10,000 articles, with two arenas the
 * server's resident memory after opening and editing was 860 MB instead of 1,235 MB (server bench, same build, load
 * ~3-6); speed did not change measurably. Read by glibc when the process starts, so it must be set by whoever starts
 * it; ignored elsewhere.
 */
export const SERVER_ENVIRONMENT: Readonly<Record<string, string>> = Object.freeze({ MALLOC_ARENA_MAX: '2' });

/**
 * Node options an editor should start the language server with (the VS Code client does; the README's Neovim setup
 * does too).
 *
 * --expose-gc: the server collects its garbage once it has been idle a few seconds after work that left much of it
 * (node/idleCollection.ts, with the figures). Without it the server runs as before.
 */
export const SERVER_NODE_ARGS: readonly string[] = Object.freeze(['--expose-gc']);
