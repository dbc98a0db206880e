// Opens the VS Code workbench in headless Chromium (Debian's /usr/bin/chromium; playwright-core downloads no
// browser). Used by run-integration.mjs (tests inside the extension host) and the e2e tests (UI driving).
import { format } from 'node:util';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// --no-sandbox: we run as root in containers; the rest keep Chromium from phoning home or doing GPU work.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Launches Chromium, then `beforeGoto(page)` (e.g. page.exposeFunction, which must happen before the workbench
 * loads), then navigates to `url`. `onConsole(msg)` receives every page console message — the extension host's
 * console output arrives there too.
 */
export async function openWorkbench(url, { onConsole, beforeGoto, viewport = { width: 1400, height: 900 } } = {}) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    const page = await browser.newPage({ viewport });
    // code-server registers its own PWA service worker at the origin's root. It can end up controlling a
    // webview's host iframe, and VS Code 1.100's webview bootstrap then waits for a `controllerchange` that may
    // never come, leaving the panel blank at random. Desktop VS Code has no such worker, so keep it out.
    // (page.route cannot intercept service-worker scripts, so refuse the registration itself, in every frame.)
    await page.addInitScript(() => {
      const sw = navigator.serviceWorker;
      if (!sw) return;
      const register = sw.register.bind(sw);
      sw.register = (url, options) =>
        /\/_static\/out\/browser\/serviceWorker\.js/.test(String(url))
          ? Promise.reject(new Error('code-server PWA service worker disabled for tests'))
          : register(url, options);
    });
    if (onConsole) page.on('console', onConsole);
    if (beforeGoto) await beforeGoto(page);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
    return { browser, page };
  } catch (err) {
    await browser.close().catch(() => {});
    throw err;
  }
}

/**
 * The extension host's console output as printed in the page, without the workbench's wrapping. With
 * extensionTestsPath set, VS Code logs it through the workbench's log service: console.log('%c INFO',
 * 'color: #33f', format, ...args) (WARN, ERR alike); without it, as console.log('%c[Extension Host] %c' + format,
 * css, css, ...args). Rebuilds the message from the original arguments (so mocha's '%s'/'%d' are substituted).
 * Resolves to undefined for other page messages.
 */
const LOG_PREFIX = /^%c\s*(TRACE|DEBUG|INFO|WARN|ERR)$/;
const HOST_PREFIX = '%c[Extension Host] %c';
export async function extensionHostLine(msg) {
  const values = await Promise.all(msg.args().map((a) => a.jsonValue().catch(() => undefined)));
  const first = values[0];
  if (typeof first === 'string' && LOG_PREFIX.test(first)) return format(...values.slice(2));
  if (typeof first === 'string' && first.startsWith(HOST_PREFIX)) return format(first.slice(HOST_PREFIX.length), ...values.slice(3));
  return undefined;
}

// The workbench's own log-service lines look the same; these appear on every start (connection set-up, offline
// marketplace lookups) and say nothing about the extension under test.
const NOISE = [
  /^Creating a socket \(/,
  /^Resolv(ing|ed) connection token/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /^ChatSessionStore: /,
  /ENOTFOUND|ERR_NAME_NOT_RESOLVED|open-vsx\.org/,
];
export const isWorkbenchNoise = (line) => NOISE.some((re) => re.test(line));
