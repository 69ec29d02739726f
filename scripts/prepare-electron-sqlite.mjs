#!/usr/bin/env node
/**
 * Runs before `npm start` and `npm run dist`: builds better-sqlite3 for Electron into
 * `.native/electron-<version>/better_sqlite3.node`, which the app loads through better-sqlite3's
 * `nativeBinding` option. node_modules/better-sqlite3 is never touched, so it stays the Node
 * build that vitest and the scripts use: one `npm install`, both runtimes, no manual rebuild.
 *
 * How: copy the package source to a temporary folder, then there try the published prebuilt
 * binary (`prebuild-install --runtime electron`), falling back to compiling against Electron's
 * headers (`node-gyp --runtime=electron`). Both need the internet the first time. Skips when the
 * file already exists; exits non-zero with instructions when it cannot build.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(repoRoot, 'package.json'));

export const NATIVE_FOLDER = '.native';
export const NATIVE_FILE = 'better_sqlite3.node';
const ELECTRON_HEADERS = 'https://electronjs.org/headers';

/** Must match electron/main/native-binding.ts (a test checks they agree). */
export function electronBuildFolder(electronVersion) {
  return `electron-${electronVersion}`;
}

export function nativeTarget(root, electronVersion) {
  return join(root, NATIVE_FOLDER, electronBuildFolder(electronVersion), NATIVE_FILE);
}

export function planPreparation({ target, exists }) {
  return exists(target) ? 'skip' : 'build';
}

/** Builds for other Electron versions: removed so `npm run dist` ships exactly one. */
export function staleBuildFolders(entries, electronVersion) {
  return entries.filter(
    (name) => name.startsWith('electron-') && name !== electronBuildFolder(electronVersion),
  );
}

/**
 * The environment for the build. npm exports its config as npm_config_*; a `nodedir` (Node's
 * own headers) or `target` there would silently produce a Node build with an Electron name.
 */
export function buildEnv(env) {
  const clean = { ...env };
  for (const key of Object.keys(clean)) {
    if (/^npm_config_(nodedir|runtime|target|disturl|dist_url|build_from_source)$/i.test(key))
      delete clean[key];
  }
  return clean;
}

/**
 * Loading an Electron addon in Node must fail with Electron's NODE_MODULE_VERSION. If it loads,
 * or names another version, the build is wrong and must not be used.
 */
export function judgeAbiProbe(probe, electronAbi) {
  if (probe.loaded) return { ok: false, reason: 'it loads in Node, so it was built for Node, not Electron' };
  const found = /NODE_MODULE_VERSION (\d+)/.exec(probe.message)?.[1];
  if (found === undefined)
    return { ok: true, reason: 'could not read its module version; assuming Electron' };
  return found === String(electronAbi)
    ? { ok: true, reason: `module version ${found} matches Electron` }
    : { ok: false, reason: `it has module version ${found}; Electron needs ${electronAbi}` };
}

/** The few lines of a failed tool's output that say why (not its stack or environment dump). */
export function explainFailure(output) {
  const lines = output.split('\n').map((line) => line.trim());
  const telling = lines.filter(
    (line) =>
      /ERR!|WARN|warn|error/i.test(line) &&
      !/stack at |ERR! (System|command|cwd|node -v|node-gyp -v|not ok)/.test(line),
  );
  return (telling.length > 0 ? telling : lines.filter(Boolean).slice(-4)).slice(0, 5).join('\n');
}

function electronInfo() {
  const packageDir = dirname(require.resolve('electron/package.json'));
  const version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
  const abiFile = join(packageDir, 'abi_version');
  const abi = existsSync(abiFile)
    ? readFileSync(abiFile, 'utf8').trim()
    : require('node-abi').getAbi(version, 'electron');
  return { version, abi };
}

function run(label, command, args, cwd) {
  console.log(`  ${label}…`);
  const result = spawnSync(process.execPath, [command, ...args], {
    cwd,
    env: buildEnv(process.env),
    encoding: 'utf8',
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  return { label, ok: result.status === 0, why: explainFailure(output) };
}

function probeInNode(file) {
  const result = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(file)})`], {
    encoding: 'utf8',
  });
  return { loaded: result.status === 0, message: result.stderr ?? '' };
}

function build(electron, target) {
  const sourceDir = dirname(require.resolve('better-sqlite3/package.json'));
  const workDir = mkdtempSync(join(tmpdir(), 'pathway-planner-sqlite-'));
  const packageCopy = join(workDir, 'better-sqlite3');
  try {
    // Without build/: the copy must not start from (or overwrite) the Node build.
    const nodeBuild = join(sourceDir, 'build');
    cpSync(sourceDir, packageCopy, {
      recursive: true,
      filter: (path) => path !== nodeBuild && !path.startsWith(nodeBuild + sep),
    });
    const built = join(packageCopy, 'build', 'Release', NATIVE_FILE);
    const attempts = [
      run(
        'downloading the prebuilt binary (prebuild-install)',
        require.resolve('prebuild-install/bin.js'),
        [
          '--runtime',
          'electron',
          '--target',
          electron.version,
          '--arch',
          process.arch,
          '--platform',
          process.platform,
        ],
        packageCopy,
      ),
    ];
    if (!attempts[0].ok || !existsSync(built)) {
      attempts.push(
        run(
          'compiling against Electron headers (node-gyp)',
          require.resolve('node-gyp/bin/node-gyp.js'),
          [
            'rebuild',
            '--release',
            '--runtime=electron',
            `--target=${electron.version}`,
            `--arch=${process.arch}`,
            `--dist-url=${ELECTRON_HEADERS}`,
          ],
          packageCopy,
        ),
      );
    }
    if (!existsSync(built)) return { ok: false, attempts };
    const abi = judgeAbiProbe(probeInNode(built), electron.abi);
    if (!abi.ok) return { ok: false, attempts, reason: `The build is not usable: ${abi.reason}.` };
    mkdirSync(dirname(target), { recursive: true });
    cpSync(built, target);
    return { ok: true, attempts };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

function main() {
  const electron = electronInfo();
  const target = nativeTarget(repoRoot, electron.version);
  if (planPreparation({ target, exists: existsSync }) === 'skip') {
    console.log(`better-sqlite3 for Electron ${electron.version}: already built (${target}).`);
    return 0;
  }
  console.log(`better-sqlite3 for Electron ${electron.version} (module version ${electron.abi}): building…`);
  const result = build(electron, target);
  if (!result.ok) {
    console.error(
      [
        `Could not build better-sqlite3 for Electron ${electron.version}.`,
        ...result.attempts.map((attempt) => `- ${attempt.label}:\n${attempt.why.replace(/^/gm, '    ')}`),
        result.reason ?? '',
        'Both ways need the internet once: the prebuilt binary comes from github.com/WiseLibs/better-sqlite3',
        `releases, the headers from ${ELECTRON_HEADERS}. Connect and run "node scripts/prepare-electron-sqlite.mjs"`,
        `again, or copy a matching better_sqlite3.node to ${target}.`,
        'node_modules was not changed, so tests still work.',
      ]
        .filter(Boolean)
        .join('\n'),
    );
    return 1;
  }
  const nativeDir = join(repoRoot, NATIVE_FOLDER);
  for (const stale of staleBuildFolders(readdirSync(nativeDir), electron.version)) {
    rmSync(join(nativeDir, stale), { recursive: true, force: true });
  }
  console.log(`better-sqlite3 for Electron ${electron.version}: ready (${target}).`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main();
}
