import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DataDirError,
  executableDir,
  resolveDataDir,
  type DataDirInputs,
} from '../../electron/main/data-dir';

const exeDir = join('/apps', 'Pathway Planner');
const base: DataDirInputs = {
  argv: ['/apps/Pathway Planner/pathway-planner'],
  env: {},
  exeDir,
  exists: () => false,
  userData: '/home/sam/.config/Pathway Planner',
  cwd: '/home/sam',
};
const resolve = (changes: Partial<DataDirInputs>) => resolveDataDir({ ...base, ...changes });

describe('resolveDataDir', () => {
  it('uses userData when nothing else is set', () => {
    expect(resolve({})).toEqual({ dir: base.userData, reason: 'user-data' });
  });

  it('takes --data-dir in both spellings, relative to the working folder', () => {
    expect(resolve({ argv: [...base.argv, '--data-dir', '/mnt/usb/plans'] })).toEqual({
      dir: '/mnt/usb/plans',
      reason: 'argument',
    });
    expect(resolve({ argv: [...base.argv, '--data-dir=plans'] })).toEqual({
      dir: join('/home/sam', 'plans'),
      reason: 'argument',
    });
    expect(resolve({ argv: [...base.argv, '--data-dir=/a', '--data-dir', '/b'] }).dir).toBe('/b');
  });

  it('refuses --data-dir without a folder', () => {
    expect(() => resolve({ argv: [...base.argv, '--data-dir'] })).toThrow(DataDirError);
    expect(() => resolve({ argv: [...base.argv, '--data-dir', '--inspect'] })).toThrow(
      /--data-dir needs a folder/,
    );
    expect(() => resolve({ argv: [...base.argv, '--data-dir='] })).toThrow(DataDirError);
  });

  it('ranks argument > environment > portable > userData', () => {
    const everything = {
      argv: [...base.argv, '--data-dir', '/from-arg'],
      env: { PATHWAY_PLANNER_DATA_DIR: '/from-env' },
      exists: () => true,
    };
    expect(resolve(everything)).toEqual({ dir: '/from-arg', reason: 'argument' });
    expect(resolve({ ...everything, argv: base.argv })).toEqual({ dir: '/from-env', reason: 'environment' });
    expect(resolve({ ...everything, argv: base.argv, env: { PATHWAY_PLANNER_DATA_DIR: '  ' } })).toEqual({
      dir: join(exeDir, 'PathwayPlannerData'),
      reason: 'portable',
    });
  });

  it('is portable when a "portable" file sits next to the executable', () => {
    const exists = (path: string) => path === join(exeDir, 'portable');
    expect(resolve({ exists })).toEqual({ dir: join(exeDir, 'PathwayPlannerData'), reason: 'portable' });
  });

  it("is portable in electron-builder's Windows portable build, next to the real .exe", () => {
    expect(resolve({ env: { PORTABLE_EXECUTABLE_DIR: '/media/usb' } })).toEqual({
      dir: join('/media/usb', 'PathwayPlannerData'),
      reason: 'portable',
    });
  });
});

describe('executableDir', () => {
  it('finds where the user put the app, not where it was unpacked', () => {
    expect(executableDir('/tmp/2abc/Pathway Planner.exe', { PORTABLE_EXECUTABLE_DIR: 'D:\\Apps' })).toBe(
      'D:\\Apps',
    );
    expect(
      executableDir('/tmp/.mount_Pathwa/pathway-planner', { APPIMAGE: '/home/sam/Apps/Pathway.AppImage' }),
    ).toBe('/home/sam/Apps');
    expect(executableDir('/opt/Pathway Planner/pathway-planner', {})).toBe('/opt/Pathway Planner');
  });
});
