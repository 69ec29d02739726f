import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { electronBuildFolder, nativeBindingPath } from '../../electron/main/native-binding';

interface PrepareScript {
  electronBuildFolder(version: string): string;
  nativeTarget(root: string, version: string): string;
  planPreparation(options: { target: string; exists: (path: string) => boolean }): 'skip' | 'build';
  staleBuildFolders(entries: string[], version: string): string[];
  buildEnv(env: Record<string, string | undefined>): Record<string, string | undefined>;
  judgeAbiProbe(probe: { loaded: boolean; message: string }, abi: string): { ok: boolean; reason: string };
  explainFailure(output: string): string;
}
interface EnsureScript {
  classifyLoadError(message: string): 'abi-mismatch' | 'missing-build' | 'other';
}

const repoRoot = join(__dirname, '..', '..');
// Plain .mjs scripts with no type declarations: loaded by path so TypeScript does not look for any.
const load = async <T>(name: string) =>
  (await import(pathToFileURL(join(repoRoot, 'scripts', name)).href)) as T;

describe('the Electron build of better-sqlite3', () => {
  it('is looked for where the prepare script writes it (development) and where electron-builder puts it (packaged)', async () => {
    const prepare = await load<PrepareScript>('prepare-electron-sqlite.mjs');
    expect(prepare.electronBuildFolder('45.4.1')).toBe(electronBuildFolder('45.4.1'));
    expect(
      nativeBindingPath({
        isPackaged: false,
        resourcesPath: '/unused',
        appPath: repoRoot,
        electronVersion: '45.4.1',
      }),
    ).toBe(prepare.nativeTarget(repoRoot, '45.4.1'));
    expect(
      nativeBindingPath({
        isPackaged: true,
        resourcesPath: '/opt/pp/resources',
        appPath: '/unused',
        electronVersion: '45.4.1',
      }),
    ).toBe(join('/opt/pp/resources', 'native', 'electron-45.4.1', 'better_sqlite3.node'));
  });

  it('is not built again when it is already there', async () => {
    const prepare = await load<PrepareScript>('prepare-electron-sqlite.mjs');
    const target = prepare.nativeTarget('/repo', '45.4.1');
    expect(target).toBe(join('/repo', '.native', 'electron-45.4.1', 'better_sqlite3.node'));
    expect(prepare.planPreparation({ target, exists: (path) => path === target })).toBe('skip');
    expect(prepare.planPreparation({ target, exists: () => false })).toBe('build');
  });

  it('keeps only the current Electron version after a build', async () => {
    const prepare = await load<PrepareScript>('prepare-electron-sqlite.mjs');
    expect(prepare.staleBuildFolders(['electron-44.0.0', 'electron-45.4.1', 'README.md'], '45.4.1')).toEqual([
      'electron-44.0.0',
    ]);
  });

  it('builds without npm settings that would aim node-gyp at Node', async () => {
    const prepare = await load<PrepareScript>('prepare-electron-sqlite.mjs');
    const env = prepare.buildEnv({
      PATH: '/bin',
      npm_config_nodedir: '/usr',
      npm_config_target: '20.0.0',
      npm_config_cache: '/c',
    });
    expect(env).toEqual({ PATH: '/bin', npm_config_cache: '/c' });
  });

  it('refuses a binary that loads in Node or has the wrong module version', async () => {
    const prepare = await load<PrepareScript>('prepare-electron-sqlite.mjs');
    expect(prepare.judgeAbiProbe({ loaded: true, message: '' }, '150').ok).toBe(false);
    const compiledFor = (version: number) => ({
      loaded: false,
      message: `was compiled against a different Node.js version using NODE_MODULE_VERSION ${version}. This version of Node.js requires NODE_MODULE_VERSION 115.`,
    });
    expect(prepare.judgeAbiProbe(compiledFor(150), '150').ok).toBe(true);
    expect(prepare.judgeAbiProbe(compiledFor(143), '150')).toEqual({
      ok: false,
      reason: 'it has module version 143; Electron needs 150',
    });
  });

  it('explains a failed download in a few lines', async () => {
    const prepare = await load<PrepareScript>('prepare-electron-sqlite.mjs');
    const output = [
      'gyp info it worked if it ends with ok',
      'gyp WARN install got an error',
      'gyp ERR! stack Error: network',
      'gyp ERR! stack at go (x.js:1)',
      'gyp ERR! cwd /tmp',
      'gyp ERR! not ok',
    ].join('\n');
    expect(prepare.explainFailure(output)).toBe(
      'gyp WARN install got an error\ngyp ERR! stack Error: network',
    );
  });
});

describe('ensure-node-sqlite', () => {
  it('rebuilds only for an ABI mismatch or a missing build', async () => {
    const ensure = await load<EnsureScript>('ensure-node-sqlite.mjs');
    expect(
      ensure.classifyLoadError(
        "The module 'better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 150.",
      ),
    ).toBe('abi-mismatch');
    expect(ensure.classifyLoadError('Error: Could not locate the bindings file. Tried: …')).toBe(
      'missing-build',
    );
    expect(ensure.classifyLoadError('SyntaxError: Unexpected token')).toBe('other');
  });
});
