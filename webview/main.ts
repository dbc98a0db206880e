/**
 * Drift panel entry: draws what the extension posts (a report, a running comparison, a failure),
 * saves the report with setState so a restored panel redraws without the extension, and tells the
 * extension when it is ready and what it drew.
 */
import type { DriftReport } from '../src/core/suite/report';
import type { ToWebview } from '../src/protocol';
import { applyThemeToCharts, destroyCharts } from './charts';
import { divider } from './components/divider';
import { registerToolkit } from './components/toolkit';
import { renderColumnTable } from './columnTable';
import { h } from './dom';
import { renderEmpty, renderFailed, renderRunning } from './states';
import { adoptStyles } from './styles';
import { renderSummary } from './summary';
import { onThemeChange } from './theme';
import { vscode } from './vscodeApi';

registerToolkit();
adoptStyles();

const root = document.getElementById('root') ?? document.body.appendChild(h('main', { id: 'root' }));

function show(view: HTMLElement): void {
  destroyCharts();
  root.replaceChildren(view);
}

function drawReport(report: DriftReport): void {
  destroyCharts();
  const table = renderColumnTable(report);
  root.replaceChildren(renderSummary(report, (path) => vscode.postMessage({ type: 'open', path })), divider(), table.element);
  vscode.postMessage({
    type: 'rendered',
    columns: table.rows,
    charts: table.charts,
    driftedColumns: report.columns.filter((c) => c.drifted === true).map((c) => c.name),
  });
}

function safely(draw: () => void): void {
  try {
    draw();
  } catch (err) {
    show(renderFailed(`The panel could not draw this report: ${(err as Error).message ?? String(err)}`));
    console.error(err);
  }
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  switch (message?.type) {
    case 'report':
      vscode.setState({ report: message.report });
      safely(() => drawReport(message.report));
      break;
    case 'running':
      show(renderRunning(message.referencePath, message.currentPath));
      break;
    case 'failed':
      vscode.setState({});
      show(renderFailed(message.message));
      break;
  }
});

onThemeChange(applyThemeToCharts);

const saved = vscode.getState()?.report;
if (saved) safely(() => drawReport(saved));
else show(renderEmpty());

vscode.postMessage({ type: 'ready' });
