/*
 * The only host APIs the engine may use: those that browsers, Web Workers and Node all provide.
 * `tsconfig.engine.json` type-checks the engine without the DOM and Node libraries, so any
 * other platform API used in src/engine fails `npm run typecheck`.
 */

declare function setTimeout(callback: () => void, ms?: number): unknown;

declare const performance: { now(): number };

interface AbortSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}
