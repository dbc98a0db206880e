// Starts and stops the VS Code test host (code-server, installed by install.mjs) and builds workbench URLs
// that load an extension under development, optionally with its tests (../shared/test-host.md).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hostDir } from './install.mjs';

/**
 * User settings for a quiet, reproducible workbench: no welcome page, tips or notifications that would cover
 * the Explorer or steal focus in e2e tests.
 */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'chat.commandCenter.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
};

/** Asks the OS for a free TCP port on 127.0.0.1 (closed again right away for code-server to take). */
function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts code-server on `workspace` with fresh user-data and extensions dirs; resolves once it answers HTTP.
 * `settings` are merged over QUIET_SETTINGS. `log(line)` receives the server's own output (default: kept
 * for error messages only).
 */
export async function startCodeServer({ workspace, port, settings = {}, log, timeoutMs = 60000 } = {}) {
  const bin = join(hostDir, 'node_modules', '.bin', 'code-server');
  if (!existsSync(bin)) throw new Error('code-server is not installed: run `node test/host/install.mjs`');
  port ??= await freePort();
  const tmp = mkdtempSync(join(tmpdir(), 'drift-code-server-'));
  const userData = join(tmp, 'user-data');
  const extensions = join(tmp, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensions);
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));

  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userData,
    '--extensions-dir', extensions,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    resolve(workspace),
  ];
  // detached: its own process group, so stop() also ends the extension host and other children it forks.
  const child = spawn(bin, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const recent = [];
  const onOutput = (chunk) => {
    for (const line of String(chunk).split('\n').filter(Boolean)) {
      recent.push(line);
      if (recent.length > 40) recent.shift();
      log?.(line);
    }
  };
  child.stdout.on('data', onOutput);
  child.stderr.on('data', onOutput);
  let exited = false;
  const exitedPromise = new Promise((r) => child.once('exit', () => { exited = true; r(); }));

  // Last resort when the caller exits without stop() (crash, process.exit, EPIPE): kill the group, drop the dirs.
  const onExit = () => {
    if (!exited) try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    rmSync(tmp, { recursive: true, force: true });
  };
  process.once('exit', onExit);

  let stopped = false;
  async function stop() {
    if (stopped) return;
    stopped = true;
    process.off('exit', onExit);
    if (!exited) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      const killTimer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 3000);
      await exitedPromise;
      clearTimeout(killTimer);
    }
    rmSync(tmp, { recursive: true, force: true });
  }

  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`code-server exited before answering on ${url}:\n${recent.join('\n')}`);
    }
    try {
      const res = await fetch(`${url}healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${url} within ${timeoutMs / 1000} s:\n${recent.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return { url, port, pid: child.pid, stop };
}

/** A file path as the path part of a vscode-remote:// URI on this server (percent-encoded). */
function remoteUri(port, path) {
  return `vscode-remote://127.0.0.1:${port}${pathToFileURL(resolve(path)).pathname}`;
}

/**
 * The workbench URL opening `workspace`, with the development options VS Code's browser workbench reads from
 * its `payload` query parameter (a JSON list of pairs): the extension to load and, for tests, the file whose
 * `run()` the extension host calls.
 */
export function workbenchUrl({ port, workspace, extensionDevelopmentPath, extensionTestsPath }) {
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remoteUri(port, extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(port, extensionTestsPath)]);
  let url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(resolve(workspace))}`;
  if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}
