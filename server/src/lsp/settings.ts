/** Settings as LSP sees them: severities as LSP diagnostic severities. */
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { SeveritySetting } from '../workspace/settings';

export function toSeverity(s: SeveritySetting): DiagnosticSeverity | undefined {
  switch (s) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'information':
      return DiagnosticSeverity.Information;
    case 'hint':
      return DiagnosticSeverity.Hint;
    default:
      return undefined;
  }
}
