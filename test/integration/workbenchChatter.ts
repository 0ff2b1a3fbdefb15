/**
 * Lines the code-server workbench logs on every start that say nothing about the suite: connection set-up, the
 * extension gallery it was told not to use, the service worker, an empty chat store, start-up timings of a busy machine. The runner keeps them in the
 * run's workbench.log and prints the rest (the suite's own output, warnings and errors).
 */
const CHATTER: readonly RegExp[] = [
  /^Resolving connection token \(/,
  /^Resolved connection token \(/,
  /^Creating a socket \(renderer-/,
  /^Ignoring fetching additional builtin extensions from gallery as it is disabled\.$/,
  /^Updating additional builtin extensions cache$/,
  /^ChatSessionStore: Migrating 0 chat sessions/,
  /^\[Service Worker\] registered$/,
  /^Creation of workbench contribution '[\w.]+' took \d+ms\.$/,
];

export function isWorkbenchChatter(line: string): boolean {
  return CHATTER.some((re) => re.test(line));
}
