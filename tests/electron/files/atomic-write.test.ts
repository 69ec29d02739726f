/**
 * Saved files are written atomically: a temporary file in the same folder, flushed, then
 * renamed over the target. Whatever step fails, the old file is intact and no temporary file
 * is left behind; a crash between steps (a killed process) leaves the old file intact too.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTemporaryName, writeFileAtomic, type AtomicWriteFs } from '../../../electron/main/files/atomic-write';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const OLD = 'the old report, complete\n';

const realFs: AtomicWriteFs = {
  openSync: (p, f, m) => fs.openSync(p, f, m),
  writeSync: (fd, b, o, l) => fs.writeSync(fd, b, o, l),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  closeSync: (fd) => fs.closeSync(fd),
  renameSync: (a, b) => fs.renameSync(a, b),
  unlinkSync: (p) => fs.unlinkSync(p),
};

function failing(step: keyof AtomicWriteFs, after = 0): AtomicWriteFs {
  let calls = 0;
  return {
    ...realFs,
    [step]: (...args: unknown[]) => {
      calls += 1;
      if (calls > after) throw Object.assign(new Error(`${step} failed`), { code: 'EIO' });
      return (realFs[step] as (...a: unknown[]) => unknown)(...args);
    },
  };
}

function setUp(): { dir: string; file: string } {
  const dir = tempDir();
  const file = join(dir, 'report.pdf');
  fs.writeFileSync(file, OLD);
  return { dir, file };
}

describe('writeFileAtomic', () => {
  it('replaces the file and leaves nothing else behind', () => {
    const { dir, file } = setUp();
    writeFileAtomic(file, 'new contents');
    expect(fs.readFileSync(file, 'utf8')).toBe('new contents');
    expect(fs.readdirSync(dir)).toEqual(['report.pdf']);
  });

  it('creates a file that did not exist', () => {
    const dir = tempDir();
    writeFileAtomic(join(dir, 'new.csv'), new Uint8Array([1, 2, 3]));
    expect([...fs.readFileSync(join(dir, 'new.csv'))]).toEqual([1, 2, 3]);
  });

  it.each([
    ['the rename fails', failing('renameSync')],
    ['the disk fills up halfway through writing', failing('writeSync', 1)],
    ['the flush to disk fails', failing('fsyncSync')],
    ['closing fails', failing('closeSync')],
  ])('when %s, the old file is intact and no temporary file is left', (_what, broken) => {
    const { dir, file } = setUp();
    const big = 'x'.repeat(1024 * 1024);
    // A writeSync that writes only part at a time, so "halfway" is real.
    const chunked: AtomicWriteFs = { ...broken, writeSync: (fd, b, o, l) => broken.writeSync(fd, b, o, Math.min(l, 64 * 1024)) };
    expect(() => writeFileAtomic(file, big, chunked)).toThrow(/failed/);
    expect(fs.readFileSync(file, 'utf8')).toBe(OLD);
    expect(fs.readdirSync(dir)).toEqual(['report.pdf']);
  });

  it('when the process is killed mid-write, the old file is intact', () => {
    const { dir, file } = setUp();
    const module = join(__dirname, '..', '..', '..', 'electron', 'main', 'files', 'atomic-write.ts');
    // The child writes 4 MB in 64 KB pieces and kills itself (SIGKILL: no clean-up runs) after the first.
    const script = `
      const fs = require('node:fs');
      const { writeFileAtomic } = require(${JSON.stringify(module)});
      let writes = 0;
      const killer = { openSync: fs.openSync, fsyncSync: fs.fsyncSync, closeSync: fs.closeSync, renameSync: fs.renameSync, unlinkSync: fs.unlinkSync,
        writeSync(fd, b, o, l) { if (++writes === 2) process.kill(process.pid, 'SIGKILL'); return fs.writeSync(fd, b, o, Math.min(l, 65536)); } };
      writeFileAtomic(${JSON.stringify(file)}, 'y'.repeat(4 * 1024 * 1024), killer);
    `;
    // Node itself (tsx as a loader), so the signal is the child's own.
    const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
      encoding: 'utf8',
      cwd: join(__dirname, '..', '..', '..'),
    });
    expect(child.signal, child.stderr).toBe('SIGKILL');
    expect(fs.readFileSync(file, 'utf8')).toBe(OLD);
    // The crash leaves its temporary file (hidden, next to the target); the target never held half a file.
    const others = fs.readdirSync(dir).filter((name) => name !== 'report.pdf');
    expect(others.every(isTemporaryName)).toBe(true);
  });
});
