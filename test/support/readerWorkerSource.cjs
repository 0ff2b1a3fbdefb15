// The file-reading worker from its TypeScript source, for tests (the server runs the bundle: dist/readerWorker.js).
require('tsx/cjs');
require('../../server/src/node/readerWorker.ts');
