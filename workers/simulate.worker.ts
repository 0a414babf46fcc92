import { expose } from 'comlink';
import { createChunkWorker } from '../src/engine';

// One chunk worker per Web Worker; the browser runner drives it through comlink.
expose(createChunkWorker());
