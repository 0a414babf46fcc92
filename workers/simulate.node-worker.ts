import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { parentPort } from 'node:worker_threads';
import { createChunkWorker } from '../src/engine';

// A worker thread of the command line: the same chunk worker as the browser's, over a Node port.
if (!parentPort) throw new Error('simulate.node-worker must run in a worker thread');
expose(createChunkWorker(), nodeEndpoint(parentPort));
