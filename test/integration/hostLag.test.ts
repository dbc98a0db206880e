/**
 * The extension host stays responsive during a comparison: the heavy work is in the worker (and its reader and column
 * threads, at a lower priority), so the host's thread only starts the work, relays progress and publishes the result.
 * Three 2 × 200,000-row comparisons run under the host's CPU profiler (hostProfile.ts); each prints the longest
 * event-loop delay (monitorEventLoopDelay, as the extension logs it), the longest busy stretch of the host's thread
 * and what it was (garbage collection, Drift Inspector's code, other code), and the longest stretch in which Drift
 * Inspector's own code ran. These go into the README's Performance section; timing goals are not asserted here.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import * as vscode from 'vscode';
import { api, writeCsvInChild } from './helpers';
import { profileHost } from './hostProfile';

describe('Extension host responsiveness', function () {
  this.timeout(120000);

  it('measures how long the host thread is blocked during 2 × 200,000-row comparisons, and by what', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drift-lag-'));
    const a = vscode.Uri.file(join(dir, 'lag-a.csv'));
    const b = vscode.Uri.file(join(dir, 'lag-b.csv'));
    writeCsvInChild(a.fsPath, 200_000, 0);
    writeCsvInChild(b.fsPath, 200_000, 0.1);
    const drift = await api();
    // The host's own baseline first: earlier tests leave garbage that the host collects whenever it likes, and
    // built-in extensions run there too.
    const idle = monitorEventLoopDelay({ resolution: 10 });
    idle.enable();
    await new Promise((r) => setTimeout(r, 3000));
    idle.disable();
    console.log(`      extension host idle for 3 s: longest event-loop delay ${(idle.max / 1e6).toFixed(1)} ms`);
    const ours = (url: string) => url.includes(`${sep}dist${sep}extension.js`) || url.endsWith('/dist/extension.js');
    // Sides swapped each time, so every comparison reads its files (the worker keeps the last pair it read).
    for (const [reference, current] of [[a, b], [b, a], [a, b]]) {
      const { value: report, stretches } = await profileHost(() => drift.compare(reference, current), ours);
      assert.ok(report, 'the comparison ran');
      assert.equal(report.current.rows, 200_000);
      const lag = drift.lastHostLagMs;
      assert.ok(typeof lag === 'number' && Number.isFinite(lag) && lag > 0, `measured: ${lag}`);
      assert.ok(stretches.length > 0, 'the profiler saw the host work');
      const longest = stretches[0];
      const oursLongest = Math.max(0, ...stretches.map((s) => s.oursMs));
      console.log(
        `      comparison: longest event-loop delay ${lag.toFixed(1)} ms; longest busy stretch ${longest.ms.toFixed(1)} ms ` +
          `(GC ${longest.gcMs.toFixed(1)}, Drift Inspector ${longest.oursMs.toFixed(1)}; ${longest.top.join(', ')}); ` +
          `Drift Inspector's code at most ${oursLongest.toFixed(1)} ms in one stretch`,
      );
    }
  });
});
