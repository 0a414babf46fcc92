// Worker threads do not inherit tsx's loader from the main thread, so each one registers it
// before importing the TypeScript worker. Both paths resolve from this file, whatever the cwd.
import { register } from 'tsx/esm/api';

register();
await import('./simulate.node-worker.ts');
