// Installs the VS Code test host: code-server (the VS Code workbench + the desktop extension host, from npm,
// because VS Code desktop/Electron cannot be downloaded on our machines) into .vscode-test/code-server/, plus the
// Debian packages it needs. Recipe: ../shared/test-host.md. Idempotent: a marker file records what was
// installed, so a second run returns at once.
// Usage: node test/host/install.mjs [--force]
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3'; // = VS Code 1.100.3; newer code-server needs Node 24
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const hostDir = join(root, '.vscode-test', 'code-server');
const vscodeDir = join(hostDir, 'node_modules', 'code-server', 'lib', 'vscode');
const marker = join(hostDir, '.installed');
// Native modules are built for one Node ABI: a different Node needs a reinstall.
const markerText = `code-server@${CODE_SERVER_VERSION} node-abi-${process.versions.modules}\n`;

function fail(message) {
  console.error(`install: ${message}`);
  process.exit(1);
}

/** Runs a command quietly; on failure prints the tail of its output (npm output is long) unless told to tolerate it. */
function sh(cmd, args, cwd, { tolerate = false } = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
  if (r.error) fail(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  if (r.status !== 0 && !tolerate) {
    const tail = `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-30).join('\n');
    fail(`\`${cmd} ${args.join(' ')}\` in ${cwd} failed (exit ${r.status}):\n${tail}`);
  }
  return r;
}

function step(text) {
  console.log(`install: ${text}`);
}

export function isInstalled() {
  return (
    existsSync(marker) &&
    readFileSync(marker, 'utf8') === markerText &&
    existsSync(join(hostDir, 'node_modules', '.bin', 'code-server')) &&
    existsSync(join(vscodeDir, 'node_modules', 'node-pty', 'build', 'Release', 'pty.node'))
  );
}

function systemPackages() {
  const which = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;
  const missing = [];
  if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
  if (!which('rg')) missing.push('ripgrep');
  if (!existsSync('/usr/include/krb5.h') && !existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev');
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    fail(`missing Debian packages (${missing.join(', ')}); run as root, or: sudo apt-get install -y libkrb5-dev ripgrep chromium`);
  }
  step(`apt-get install ${missing.join(' ')} (missing)…`);
  sh('apt-get', ['update'], '/');
  sh('apt-get', ['install', '-y', 'libkrb5-dev', 'ripgrep', 'chromium'], '/', {});
}

function codeServer() {
  mkdirSync(hostDir, { recursive: true });
  rmSync(marker, { force: true }); // a half-finished install must not look finished
  // Its own package.json, so this install never touches the repository's node_modules or lockfile.
  writeFileSync(
    join(hostDir, 'package.json'),
    JSON.stringify({ name: 'vscode-test-host', private: true, dependencies: { 'code-server': CODE_SERVER_VERSION } }, null, 2),
  );
  step(`npm install code-server@${CODE_SERVER_VERSION} (scripts off: its postinstall downloads ripgrep)…`);
  sh('npm', ['install', '--ignore-scripts'], hostDir);

  step('rebuilding argon2 (loaded at start even with --auth none)…');
  sh('npm', ['rebuild', 'argon2'], hostDir);

  step('installing VS Code server dependencies…');
  sh('npm', ['install', '--omit=dev', '--ignore-scripts'], vscodeDir);

  // @vscode/ripgrep's postinstall would download rg from GitHub; the Debian binary does the same job.
  const rgDir = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgDir, { recursive: true });
  const rgPath = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim() || '/usr/bin/rg';
  copyFileSync(rgPath, join(rgDir, 'rg'));
  chmodSync(join(rgDir, 'rg'), 0o755);

  step('building native modules (node-pty, @parcel/watcher, @vscode/spdlog, native-watchdog, kerberos)…');
  // node-pty's post-install step errors after pty.node is built, so judge by the file, not the exit code.
  const r = sh('npm', ['rebuild', 'node-pty', '@parcel/watcher', '@vscode/spdlog', 'native-watchdog', 'kerberos'], vscodeDir, { tolerate: true });
  if (!existsSync(join(vscodeDir, 'node_modules', 'node-pty', 'build', 'Release', 'pty.node'))) {
    const tail = `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-30).join('\n');
    fail(`node-pty did not build (no build/Release/pty.node):\n${tail}`);
  }
  // The server looks for node_modules.asar (desktop packaging); a link to node_modules satisfies it.
  const asar = join(vscodeDir, 'node_modules.asar');
  rmSync(asar, { force: true });
  symlinkSync('node_modules', asar);

  step('installing built-in extensions’ dependencies…');
  const extDir = join(vscodeDir, 'extensions');
  sh('npm', ['install', '--omit=dev', '--ignore-scripts'], extDir);
  sh(process.execPath, ['./postinstall.mjs'], extDir);

  writeFileSync(marker, markerText);
}

// Run only as a script (code-server.mjs imports hostDir/isInstalled from here).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  systemPackages();
  if (isInstalled() && !process.argv.includes('--force')) {
    console.log(`install: code-server@${CODE_SERVER_VERSION} already in .vscode-test/code-server`);
  } else {
    codeServer();
    console.log(`install: code-server@${CODE_SERVER_VERSION} ready in .vscode-test/code-server (${Math.round((Date.now() - started) / 1000)} s)`);
  }
}
