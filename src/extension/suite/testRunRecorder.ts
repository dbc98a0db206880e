/**
 * A TestRun that also remembers what it reported: the Test Explorer keeps results to itself (no API reads them
 * back), so integration tests and the extension's API read them here.
 */
import * as vscode from 'vscode';

export type OutcomeState = 'enqueued' | 'started' | 'passed' | 'failed' | 'errored' | 'skipped';

export interface RecordedOutcome {
  item: vscode.TestItem;
  state: OutcomeState;
  messages: string[];
  /** Where the (first) message points, if anywhere. */
  location?: vscode.Location;
  output: string[];
}

export interface RecordedRun {
  name: string;
  /** The last state reported for each item (by item), in the order items were first reported. */
  outcomes: Map<vscode.TestItem, RecordedOutcome>;
  ended: boolean;
}

export class TestRunRecorder {
  readonly record: RecordedRun;

  constructor(readonly run: vscode.TestRun) {
    this.record = { name: run.name ?? '', outcomes: new Map(), ended: false };
  }

  enqueued(item: vscode.TestItem): void {
    this.run.enqueued(item);
    this.set(item, 'enqueued');
  }

  started(item: vscode.TestItem): void {
    this.run.started(item);
    this.set(item, 'started');
  }

  passed(item: vscode.TestItem, durationMs?: number): void {
    this.run.passed(item, durationMs);
    this.set(item, 'passed');
  }

  failed(item: vscode.TestItem, messages: vscode.TestMessage[], durationMs?: number): void {
    this.run.failed(item, messages, durationMs);
    this.set(item, 'failed', messages);
  }

  errored(item: vscode.TestItem, messages: vscode.TestMessage[], durationMs?: number): void {
    this.run.errored(item, messages, durationMs);
    this.set(item, 'errored', messages);
  }

  skipped(item: vscode.TestItem): void {
    this.run.skipped(item);
    this.set(item, 'skipped');
  }

  /** Output for an item (the Test Results view prints it; line breaks must be CRLF there). */
  output(text: string, item: vscode.TestItem, location?: vscode.Location): void {
    this.run.appendOutput(`${text.replace(/\r?\n/g, '\r\n')}\r\n`, location, item);
    const outcome = this.record.outcomes.get(item);
    if (outcome) outcome.output.push(text);
  }

  /** The items reported as enqueued or started but never finished. */
  unfinished(): vscode.TestItem[] {
    return [...this.record.outcomes.values()].filter((o) => o.state === 'enqueued' || o.state === 'started').map((o) => o.item);
  }

  end(): void {
    this.run.end();
    this.record.ended = true;
  }

  private set(item: vscode.TestItem, state: OutcomeState, messages: vscode.TestMessage[] = []): void {
    const text = messages.map((m) => (typeof m.message === 'string' ? m.message : m.message.value));
    const previous = this.record.outcomes.get(item);
    this.record.outcomes.set(item, { item, state, messages: text, location: messages[0]?.location, output: previous?.output ?? [] });
  }
}
