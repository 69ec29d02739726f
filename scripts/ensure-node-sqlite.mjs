#!/usr/bin/env node
/**
 * `pretest`: makes sure node_modules/better-sqlite3 is a build for *this* Node. It normally
 * is, and this prints one line. If the addon is missing or was built for another ABI (an
 * Electron build, or another Node version), it runs `npm rebuild better-sqlite3` once and checks
 * again. The Electron build never lives in node_modules (see prepare-electron-sqlite.mjs).
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const PROBE = "const Database = require('better-sqlite3'); new Database(':memory:').close();";

/** Why the addon did not load: built for another ABI, not built at all, or something else. */
export function classifyLoadError(message) {
  if (
    /NODE_MODULE_VERSION|compiled against a different Node\.js version|invalid ELF header|wrong ELF class|not a valid Win32 application|incompatible architecture|mach-o file/i.test(
      message,
    )
  ) {
    return 'abi-mismatch';
  }
  if (
    /Could not locate the bindings file|Cannot find module .*better_sqlite3\.node|better_sqlite3\.node: cannot open shared object file/i.test(
      message,
    )
  ) {
    return 'missing-build';
  }
  return 'other';
}

/** Loads better-sqlite3 in a fresh Node process, so a failed load here cannot be cached. */
function probe() {
  const result = spawnSync(process.execPath, ['-e', PROBE], { cwd: repoRoot, encoding: 'utf8' });
  return { ok: result.status === 0, message: `${result.stderr ?? ''}${result.error?.message ?? ''}`.trim() };
}

/** Rebuilds for Node: drop settings that would aim the build at another runtime. */
function rebuildForNode() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(runtime|target|disturl|dist_url)$/i.test(key)) delete env[key];
  }
  const npm = process.env.npm_execpath
    ? { command: process.execPath, args: [process.env.npm_execpath] }
    : { command: process.platform === 'win32' ? 'npm.cmd' : 'npm', args: [] };
  const result = spawnSync(npm.command, [...npm.args, 'rebuild', 'better-sqlite3'], {
    cwd: repoRoot,
    env,
    stdio: 'inherit',
    shell: process.platform === 'win32' && !process.env.npm_execpath,
  });
  return result.status === 0;
}

function main() {
  const first = probe();
  if (first.ok) {
    console.log(`better-sqlite3: Node build OK (NODE_MODULE_VERSION ${process.versions.modules}).`);
    return 0;
  }
  const reason = classifyLoadError(first.message);
  if (reason === 'other') {
    console.error(`better-sqlite3 failed to load for a reason a rebuild will not fix:\n${first.message}`);
    return 1;
  }
  console.log(
    `better-sqlite3: ${reason === 'abi-mismatch' ? 'built for another runtime' : 'not built'}; rebuilding for Node ${process.version}…`,
  );
  const second = rebuildForNode()
    ? probe()
    : { ok: false, message: '`npm rebuild better-sqlite3` failed (see above).' };
  if (second.ok) {
    console.log(`better-sqlite3: rebuilt for Node (NODE_MODULE_VERSION ${process.versions.modules}).`);
    return 0;
  }
  console.error(`better-sqlite3 still does not load after a rebuild:\n${second.message}`);
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main();
}
