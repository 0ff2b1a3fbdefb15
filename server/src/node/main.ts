/** Entry point of the language server process (stdio, IPC or socket, chosen by the command line). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../server';
import { gitAnnotations } from './gitAnnotations';
import { watchFolders } from './folderWatcher';
import { gitUserName } from './gitUserName';
import { workerClustering } from './backgroundClustering';
import { loadNerModel } from './nerModelFile';
import { nodeFileSystem } from './nodeFileSystem';

startServer(createConnection(ProposedFeatures.all), { loadNerModel: () => loadNerModel(), fs: nodeFileSystem, watchFolders, userName: gitUserName, git: gitAnnotations, clusterInBackground: workerClustering() });
