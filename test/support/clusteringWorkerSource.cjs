// The clustering worker from its TypeScript source, for tests (the server runs the bundle: dist/clusteringWorker.js).
require('tsx/cjs');
require('../../server/src/node/clusteringWorker.ts');
