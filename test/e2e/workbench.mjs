// What every end-to-end test does in the workbench: count steps, run palette commands, use the Explorer's
// context menu, find notifications and the drift panel's webview frame.

/** Steps passed and failed; `step` logs each and rethrows its failure (the caller stops there). */
export const steps = { passed: 0, failed: 0 };
export async function step(name, fn) {
  const t = Date.now();
  try {
    await fn();
    steps.passed++;
    console.log(`  ✔ ${name} (${Date.now() - t} ms)`);
  } catch (err) {
    steps.failed++;
    console.log(`  ✘ ${name}\n    ${String(err?.message ?? err).split('\n').join('\n    ')}`);
    throw err;
  }
}

/** A progress or message notification toast holding `text`. */
export const toast = (page, text) => page.locator('.notifications-toasts .notification-toast').filter({ hasText: text });

/**
 * Runs a command from the Command Palette (F1), picking it by its full label. The palette closes when something
 * takes the focus while it opens (a webview settling after a layout change, a key press a webview forwards late):
 * then the whole sequence is tried again.
 */
export async function runCommand(page, label) {
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('input').first();
  for (let attempt = 0; ; attempt++) {
    try {
      await page.keyboard.press(attempt % 2 === 0 ? 'F1' : 'Control+Shift+P');
      await input.waitFor({ state: 'visible', timeout: 3000 });
      await input.fill(`>${label}`, { timeout: 3000 });
      const row = widget.locator('.monaco-list-row', { hasText: label }).first();
      await row.waitFor({ timeout: 10_000 });
      await row.click({ timeout: 3000 });
      return;
    } catch (err) {
      if (attempt >= 4) throw err;
      if (await widget.isVisible()) await page.keyboard.press('Escape');
      await page.waitForTimeout(300);
    }
  }
}

/** The Explorer row for a file in the workspace root. */
export const explorerRow = (page, name) => page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`);

/**
 * Right-clicks a file in the Explorer and clicks a context-menu item. Menu items contributed by the extension
 * appear only once the extension host has registered the extension, which can be a moment after the Explorer
 * shows the files: if the item is missing, close the menu and try again.
 */
export async function contextMenu(page, file, item) {
  const row = explorerRow(page, file);
  const menu = page.locator('.context-view .monaco-menu');
  const menuItem = menu.locator('.action-item').filter({ has: page.locator('.action-label', { hasText: item }) }).first();
  const deadline = Date.now() + 30_000;
  for (;;) {
    await row.click({ button: 'right' });
    try {
      await menuItem.waitFor({ state: 'visible', timeout: 1500 });
      // The menu ignores a click that lands while it is still opening; hover first, as a person's pointer does.
      await menuItem.hover();
      await page.waitForTimeout(150);
      await menuItem.click();
      await menu.waitFor({ state: 'hidden', timeout: 3000 }); // the item ran: the menu closed
      return;
    } catch {
      if (await menu.isVisible()) await page.keyboard.press('Escape');
      if (Date.now() > deadline) throw new Error(`could not run "${item}" from the Explorer context menu of ${file}`);
    }
  }
}

/** The drift panel's page: a webview is an iframe (the host page) holding another iframe (the extension's HTML). */
export const driftPanel = (page) => page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
