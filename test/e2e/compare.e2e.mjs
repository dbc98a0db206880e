// End-to-end: drives the VS Code workbench (code-server + headless Chromium) as a person would. The extension is
// loaded from this checkout (extensionDevelopmentPath only — no test runner inside the host):
// Explorer → right-click reference.csv → "Select as Drift Reference"; right-click current.csv →
// "Compare with Reference…"; the "Drift" panel shows the drifted column `age` in a row marked data-drifted.
// Then Cancel: two big CSVs (written by big-csv.mjs into a temp copy of the workspace; reading them takes many
// seconds) are compared the same way, and the test clicks Cancel on the "Drift Inspector" progress notification:
// the notification closes, the panel says "Comparison cancelled." within seconds, and the "Drift Inspector"
// output channel shows "worker thread N terminated (cancelled)".
// Saves test-results/e2e-compare.png and e2e-cancel.png (and e2e-failure.png on failure).
// Last line: "e2e: N passed, N failed".
// Usage: node test/e2e/compare.e2e.mjs [--extension PATH] [--workspace PATH]
import { join } from 'node:path';
import { BIG_ROWS, writeBigCsv } from './big-csv.mjs';
import { e2eSession, results } from './session.mjs';
import { contextMenu, driftPanel, explorerRow, runCommand, step, toast } from './workbench.mjs';

const OVERALL_TIMEOUT_MS = 180_000;
// The cancel scenario's files: 3.5 M rows each, ~80 MB; the CLI needs well over 10 s to compare them here.
const BIG_REFERENCE = 'big-reference.csv';
const BIG_CURRENT = 'big-current.csv';
/** After clicking Cancel, the notification must close and the panel say so within this time. */
const CANCEL_WITHIN_MS = 5000;
// In test/fixtures/workspace (see make.mjs) age and segment drift; income and city do not.
const DRIFTED_COLUMN = 'age';
const STABLE_COLUMNS = ['income', 'city'];
/** A row with that drift verdict holding the column name as the whole text of one of its elements. */
const nameIn = (drifted, name) => `[data-drifted="${drifted}"] :text-is("${name}")`;

// A temp copy of the fixture workspace plus the big files, so nothing large is ever written into the repository.
const session = e2eSession({ label: 'e2e', failureShot: 'e2e-failure.png', timeoutMs: OVERALL_TIMEOUT_MS });
const { workspace } = session;
let page;

console.log('e2e: Compare with Reference from the Explorer');
try {
  await step('code-server starts and the workbench opens', async () => {
    page = await session.open((dir) => {
      writeBigCsv(join(dir, BIG_REFERENCE), BIG_ROWS, 1);
      writeBigCsv(join(dir, BIG_CURRENT), BIG_ROWS, 2);
    });
  });

  await step('the Explorer lists reference.csv and current.csv', async () => {
    await explorerRow(page, 'reference.csv').waitFor();
    await explorerRow(page, 'current.csv').waitFor();
  });

  await step('context menu → "Select as Drift Reference" on reference.csv', () =>
    contextMenu(page, 'reference.csv', 'Select as Drift Reference'),
  );

  await step('context menu → "Compare with Reference…" on current.csv', () =>
    contextMenu(page, 'current.csv', 'Compare with Reference…'),
  );

  await step('a "Drift" panel opens', async () => {
    await page.locator('.tabs-container .tab', { hasText: 'Drift' }).first().waitFor({ timeout: 60_000 });
  });

  const panel = () => driftPanel(page);

  await step(`the panel marks "${DRIFTED_COLUMN}" as drifted`, async () => {
    await panel().locator(nameIn(true, DRIFTED_COLUMN)).first().waitFor({ timeout: 60_000 });
  });

  await step(`the panel does not mark ${STABLE_COLUMNS.map((c) => `"${c}"`).join(' or ')} as drifted`, async () => {
    for (const name of STABLE_COLUMNS) {
      const n = await panel().locator(nameIn(true, name)).count();
      if (n > 0) throw new Error(`"${name}" is in a row marked data-drifted="true"`);
      await panel().locator(nameIn(false, name)).first().waitFor({ timeout: 5000 });
    }
    await page.waitForTimeout(500); // let the charts finish drawing for the screenshot
    await page.screenshot({ path: join(results, 'e2e-compare.png') });
    console.log(`    screenshot: ${join('test-results', 'e2e-compare.png')}`);
  });

  console.log('e2e: Cancel a long comparison from its progress notification');
  await step(`context menu → "Select as Drift Reference" on ${BIG_REFERENCE}`, () =>
    contextMenu(page, BIG_REFERENCE, 'Select as Drift Reference'),
  );

  let compareStarted = 0;
  await step(`context menu → "Compare with Reference…" on ${BIG_CURRENT}`, async () => {
    await contextMenu(page, BIG_CURRENT, 'Compare with Reference…');
    compareStarted = Date.now();
  });

  const progress = toast(page, 'Drift Inspector');
  const cancelButton = progress.getByRole('button', { name: 'Cancel' });
  await step('the "Drift Inspector" notification shows the files being read, with a Cancel button', async () => {
    await progress.filter({ hasText: `Reading ${BIG_REFERENCE}` }).first().waitFor({ timeout: 15_000 });
    await cancelButton.waitFor({ timeout: 5000 });
    await panel().getByText(`Comparing ${BIG_REFERENCE} with ${BIG_CURRENT}…`).waitFor({ timeout: 5000 });
  });

  let cancelled = 0;
  await step(`clicking Cancel closes the notification within ${CANCEL_WITHIN_MS / 1000} s`, async () => {
    await page.waitForTimeout(1500); // as a person would: read the notification, then decide to cancel
    const message = (await progress.locator('.notification-list-item-message').first().innerText()).trim();
    if (!/Reading/.test(message)) throw new Error(`the comparison is no longer reading its files: "${message}"`);
    await cancelButton.hover();
    await cancelButton.click();
    cancelled = Date.now();
    // VS Code closes a progress notification on Cancel whatever the extension does with the token; that the work
    // really stopped shows in the next two steps (panel and output channel), which fail if the handler is a no-op.
    await progress.waitFor({ state: 'hidden', timeout: CANCEL_WITHIN_MS });
    console.log(`    notification: "${message}" at ${cancelled - compareStarted} ms; closed ${Date.now() - cancelled} ms after Cancel`);
  });

  await step('the panel shows "Comparison cancelled." right away', async () => {
    const left = Math.max(500, CANCEL_WITHIN_MS - (Date.now() - cancelled));
    await panel().getByText('Comparison cancelled.', { exact: true }).waitFor({ timeout: left });
    console.log(`    shown ${Date.now() - cancelled} ms after Cancel, ${Date.now() - compareStarted} ms after Compare`);
  });

  await step('Output "Drift Inspector" logs the worker thread "terminated (cancelled)"', async () => {
    await runCommand(page, 'Output: Show Output Channels...');
    const channel = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Drift Inspector' }).first();
    await channel.waitFor();
    await channel.click();
    const output = page.locator('.part.panel .monaco-editor .view-lines');
    // Monaco renders spaces as U+00A0: a RegExp needs \s (string filters normalise whitespace themselves).
    const line = output.locator('.view-line', { hasText: /worker\sthread\s\d+\sterminated\s\(cancelled\)/ }).first();
    await line.waitFor({ timeout: 10_000 });
    await output.locator('.view-line', { hasText: `comparison of ${join(workspace, BIG_CURRENT)} cancelled` }).first().waitFor({ timeout: 5000 });
    console.log(`    output: ${(await line.innerText()).replace(/\s+/g, ' ').trim()}`);
    await page.screenshot({ path: join(results, 'e2e-cancel.png') });
    console.log(`    screenshot: ${join('test-results', 'e2e-cancel.png')}`);
  });
} catch {
  await session.reportFailure();
}
await session.finish();
