/** Shows the Corpus Annotator side bar when the window opens, where `corpusAnnotator.showOnStartup` asks for it (corpus.code-workspace does). */
import * as vscode from 'vscode';
import type { ClientFeature } from './clientContext';

export const startupFeature: ClientFeature = {
  register() {
    if (vscode.workspace.getConfiguration('corpusAnnotator').get<boolean>('showOnStartup')) {
      void vscode.commands.executeCommand('workbench.view.extension.corpusAnnotator');
    }
    return [];
  },
};
