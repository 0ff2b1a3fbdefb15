/**
 * Environment variables an editor should start the language server with (the VS Code client does; the README's
 * Neovim setup does too).
 *
 * MALLOC_ARENA_MAX=2: the server analyses and clusters in worker threads, and glibc gives each thread its own malloc
 * arena, whose freed memory stays with the process after the thread ends. At 10,000 articles, with two arenas the
 * server's resident memory after opening and editing was 860 MB instead of 1,235 MB (server bench, same build, load
 * ~3-6); speed did not change measurably. Read by glibc when the process starts, so it must be set by whoever starts
 * it; ignored elsewhere.
 *
 * MALLOC_MMAP_THRESHOLD_ and MALLOC_TRIM_THRESHOLD_ at 128 KB (glibc's own starting values, fixed): by default glibc
 * raises both each time a large block is freed, up to 32 MB, after which large blocks (read files, typed arrays grown
 * and let go, compiler zones) are carved from its heaps and stay with the process once freed. Fixed, every block of
 * 128 KB or more is mapped on its own and given back when freed. At 10,000 articles (server bench, same build, two
 * alternated pairs): peak while editing 385 and 401 MB against 458 and 477 MB (two more runs with them: 389, 417);
 * memory after indexing 366 and 375 MB against 472 and 485 MB, though two more runs with them gave 462 and 467 MB;
 * cold indexing and edit times unchanged within the noise (26.1, 22.0 s against 28.8, 21.9 s). With every view shown
 * while typing (views bench, same build), peaks of 615 and 628 MB against 656 and 657 MB.
 */
export const SERVER_ENVIRONMENT: Readonly<Record<string, string>> = Object.freeze({
  MALLOC_ARENA_MAX: '2',
  MALLOC_MMAP_THRESHOLD_: '131072',
  MALLOC_TRIM_THRESHOLD_: '131072',
});

/**
 * Node options an editor should start the language server with (the VS Code client does; the README's Neovim setup
 * does too).
 *
 * --expose-gc: the server collects its garbage once it has been idle a few seconds after work that left much of it
 * (node/idleCollection.ts, with the figures). Without it the server runs as before.
 */
export const SERVER_NODE_ARGS: readonly string[] = Object.freeze(['--expose-gc']);
