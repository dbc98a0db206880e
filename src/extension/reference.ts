/** The selected drift reference: remembered per workspace and shown in the status bar. */
import * as vscode from 'vscode';

const STATE_KEY = 'driftInspector.reference';

export class ReferenceStore implements vscode.Disposable {
  private readonly status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 10);

  constructor(private readonly state: vscode.Memento) {
    this.status.name = 'Drift reference';
    this.status.command = 'driftInspector.compareWithReference';
    this.render();
  }

  get current(): vscode.Uri | undefined {
    const stored = this.state.get<string>(STATE_KEY);
    return stored ? vscode.Uri.parse(stored) : undefined;
  }

  async set(uri: vscode.Uri | undefined): Promise<void> {
    await this.state.update(STATE_KEY, uri?.toString());
    this.render();
  }

  dispose(): void {
    this.status.dispose();
  }

  private render(): void {
    const uri = this.current;
    if (!uri) {
      this.status.hide();
      return;
    }
    this.status.text = `$(target) ${uri.path.split('/').pop()}`;
    this.status.tooltip = `Drift reference: ${uri.fsPath}\nClick to compare the active file with it.`;
    this.status.show();
  }
}
