import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return Array.from(
    text.matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm),
    (m) => m[1],
  );
}

describe('the engine layer', () => {
  const engine = sourceFiles('src/engine');

  it('imports no UI, state or platform modules', () => {
    const forbidden = /^(react|react-dom|zustand|@xyflow\/|node:|fs$|path$|worker_threads$)/;
    const offenders = engine.flatMap((file) =>
      importsOf(file)
        .filter((spec) => forbidden.test(spec))
        .map((spec) => `${file}: ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('never imports from the app, the CLI or the workers', () => {
    const offenders = engine.flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => relative(root, join(root, file, '..', spec)))
        .filter((target) => !target.startsWith('src/engine'))
        .map((target) => `${file} → ${target}`),
    );
    expect(offenders).toEqual([]);
  });

  it('is used by the app, the CLI and the workers through its index only', () => {
    const users = [...sourceFiles('src/app'), ...sourceFiles('src/cli'), ...sourceFiles('workers')];
    const offenders = users.flatMap((file) =>
      importsOf(file)
        .filter((spec) => /(^|\/)engine\//.test(spec))
        .map((spec) => `${file}: ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('never draws from Math.random', () => {
    const offenders = [...engine, ...sourceFiles('test')].filter((file) =>
      /Math\.random\s*\(/.test(readFileSync(join(root, file), 'utf8').replace(/\/\/.*$/gm, '')),
    );
    expect(offenders.filter((file) => !file.endsWith('architecture.test.ts'))).toEqual([]);
  });

  it('type-checks without the DOM or Node libraries', () => {
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    expect(() =>
      execFileSync(process.execPath, [tsc, '--noEmit', '-p', 'tsconfig.engine.json'], {
        cwd: root,
        stdio: 'pipe',
      }),
    ).not.toThrow();
  });
});

describe('the app layer', () => {
  it('keeps scenario edits, layout and persistence free of React and the store library', () => {
    const stores = ['src/app/state/store.ts', 'src/app/state/validation.ts'];
    const pure = [...sourceFiles('src/app/state'), ...sourceFiles('src/app/persistence')].filter(
      (file) => !stores.includes(file),
    );
    const offenders = pure.flatMap((file) =>
      importsOf(file)
        .filter((spec) => /^(react|react-dom|zustand|zundo|@xyflow\/)/.test(spec))
        .map((spec) => `${file}: ${spec}`),
    );
    expect(pure.length).toBeGreaterThan(5);
    expect(offenders).toEqual([]);
  });
});
