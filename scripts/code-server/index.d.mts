// Types for index.mjs (plain ESM so that it runs before the TypeScript build).
import type { BrowserContext, Page } from 'playwright-core';

export declare const CODE_SERVER_VERSION: string;
export declare const PROJECT_ROOT: string;
export declare const CACHE_ROOT: string;
export declare function codeServerInstallDir(cacheRoot?: string): string;

export interface CodeServerLayout {
  installDir: string;
  pkg: string;
  /** out/node/entry.js, run with `node` */
  entry: string;
  vscode: string;
  builtinExtensions: string;
  marker: string;
  log: string;
}
export declare function codeServerLayout(installDir?: string): CodeServerLayout;
export declare function isCodeServerInstalled(layout?: CodeServerLayout): boolean;
export declare function ensureCodeServer(opts?: { force?: boolean; log?: (s: string) => void }): Promise<CodeServerLayout>;

export interface LaunchOptions {
  entry: string;
  runDir: string;
  env?: Record<string, string>;
  settings?: Record<string, unknown>;
  extraArgs?: string[];
  onLog?: (line: string) => void;
  startTimeoutMs?: number;
}
export interface RunningCodeServer {
  baseUrl: string;
  port: number;
  pid: number;
  logFile: string;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}
export declare function launchCodeServer(opts: LaunchOptions): Promise<RunningCodeServer>;
export declare function workbenchUrl(
  baseUrl: string,
  opts: { folder?: string; workspace?: string; openFile?: string; extensionDevelopmentPath?: string; extensionTestsPath?: string },
): string;
export declare function installExtension(opts: { entry: string; runDir: string; vsix: string; log?: (s: string) => void }): Promise<void>;

export declare const CHROMIUM_ARGS: readonly string[];
export declare const CHROMIUM_PATH: string;
export declare function launchBrowser(opts: {
  profileDir: string;
  viewport?: { width: number; height: number };
}): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }>;

export declare function missingPackages(wanted?: string[]): string[];
export declare function ensureSystemPackages(opts?: { wanted?: string[]; log?: (s: string) => void }): void;
export declare const QUIET_SETTINGS: Readonly<Record<string, unknown>>;
export declare function writeUserSettings(userDataDir: string, extra?: Record<string, unknown>): void;

export declare function createSeedWorkspace(root: string, base?: string): string;
export declare function removeQuietly(dir: string): void;
export declare function pruneOld(base: string, prefix: string, maxAgeMs?: number): void;
