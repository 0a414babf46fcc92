/**
 * Types for comlink's Node adapter, which comlink ships without declarations for its `.mjs`
 * path. It turns a worker_threads `Worker` or `parentPort` into an endpoint comlink can use.
 */
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';

  /** The part of a worker_threads `Worker` or `MessagePort` that the adapter calls. */
  export interface NodeEndpoint {
    postMessage(message: unknown, transfer?: readonly unknown[]): void;
    on(type: 'message', listener: (value: unknown) => void): unknown;
    off(type: 'message', listener: (value: unknown) => void): unknown;
    start?: () => void;
  }

  export default function nodeEndpoint(endpoint: NodeEndpoint): Endpoint;
}
