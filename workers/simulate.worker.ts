import { expose } from 'comlink';
import { createChunkWorker } from '../src/engine/runner/chunk-worker';

// One chunk worker per Web Worker; the browser runner drives it through comlink.
expose(createChunkWorker());
