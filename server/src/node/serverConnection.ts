/**
 * The language server's connection, over the transport its command line names, as vscode-languageserver's
 * `createConnection()` reads it (`--stdio`, `--socket=N`, `--pipe=NAME`, `--node-ipc`; the first one given), with one
 * difference: where messages go out as bytes (standard output, a socket, a pipe), the writer encodes them with the
 * encoder given (encodedAhead.ts: what was encoded ahead is written as it is). Over Node's IPC channel, which encodes
 * messages itself, the connection is vscode-languageserver's own.
 */
import * as net from 'node:net';
import { inspect } from 'node:util';
import {
  createConnection,
  ProposedFeatures,
  SocketMessageReader,
  SocketMessageWriter,
  StreamMessageWriter,
  type Connection,
  type ContentTypeEncoder,
  type MessageWriter,
  type MessageWriterOptions,
} from 'vscode-languageserver/node';

export type Transport = { readonly kind: 'stdio' } | { readonly kind: 'socket'; readonly port: number } | { readonly kind: 'pipe'; readonly name: string } | { readonly kind: 'other' };

/** The transport `argv` (the arguments after the script) names, read as vscode-languageserver reads it. */
export function transportOf(argv: readonly string[]): Transport {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--node-ipc') return { kind: 'other' };
    if (arg === '--stdio') return { kind: 'stdio' };
    if (arg === '--socket' || arg === '--pipe') return named(arg, argv[i + 1]);
    const eq = arg.indexOf('=');
    if (eq > 0 && (arg.slice(0, eq) === '--socket' || arg.slice(0, eq) === '--pipe')) return named(arg.slice(0, eq), arg.slice(eq + 1));
  }
  return { kind: 'other' };
}

function named(flag: string, value: string | undefined): Transport {
  if (flag === '--pipe') return value ? { kind: 'pipe', name: value } : { kind: 'other' };
  const port = Number.parseInt(value ?? '', 10);
  return port ? { kind: 'socket', port } : { kind: 'other' };
}

/** `createConnection` takes its input and output each as a stream or as a reader or writer; its overloads type them alike. */
const connectStreamAndWriter = createConnection as (factories: typeof ProposedFeatures.all, input: NodeJS.ReadableStream, output: MessageWriter) => Connection;

/** The connection, and whether its writer encodes with `encoder` (not over IPC: nothing encoded ahead is used there). */
export function createServerConnection(encoder: ContentTypeEncoder, argv: readonly string[] = process.argv.slice(2)): { connection: Connection; encodes: boolean } {
  const transport = transportOf(argv);
  const options: MessageWriterOptions = { charset: 'utf-8', contentTypeEncoder: encoder };
  switch (transport.kind) {
    case 'stdio': {
      // Standard input is given as a stream, so the server exits when it ends, as with `createConnection()`.
      const connection = connectStreamAndWriter(ProposedFeatures.all, process.stdin, new StreamMessageWriter(process.stdout, options));
      consoleToClient(connection);
      return { connection, encodes: true };
    }
    case 'socket':
    case 'pipe': {
      const socket = transport.kind === 'socket' ? net.createConnection(transport.port, '127.0.0.1') : net.createConnection(transport.name);
      return { connection: createConnection(ProposedFeatures.all, new SocketMessageReader(socket, 'utf-8'), new SocketMessageWriter(socket, options)), encodes: true };
    }
    default:
      return { connection: createConnection(ProposedFeatures.all), encodes: false };
  }
}

/**
 * Over standard output, what the process prints would break the protocol: `console` goes to the client's log instead
 * (what `createConnection()` does for `--stdio`). Worker threads print to standard error (workerOutput.ts).
 */
function consoleToClient(connection: Connection): void {
  const text = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  console.log = console.debug = (...args: unknown[]) => connection.console.log(text(args));
  console.info = (...args: unknown[]) => connection.console.info(text(args));
  console.warn = (...args: unknown[]) => connection.console.warn(text(args));
  console.error = (...args: unknown[]) => connection.console.error(text(args));
  console.trace = (...args: unknown[]) => connection.console.log(`Trace${args.length ? `: ${text(args)}` : ''}\n${(new Error().stack ?? '').replace(/(.+\n){2}/, '')}`);
  console.dir = (arg: unknown) => connection.console.log(inspect(arg));
}
