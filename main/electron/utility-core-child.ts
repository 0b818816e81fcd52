// The core in Electron's utilityProcess: a Node process Electron manages (it ends with the app
// and shows in the task manager as "Dailies core"), reached through process.parentPort.
import { utilityProcess } from 'electron';
import { coreArgs, type CoreChild } from './core-host.js';
import type { FromCore } from './core-messages.js';

export function utilityCoreChild(entry: string, libraryDir: string): CoreChild {
  const p = utilityProcess.fork(entry, coreArgs(libraryDir), { serviceName: 'Dailies core', stdio: 'inherit' });
  return {
    post: (msg) => p.postMessage(msg),
    onMessage: (listener) => p.on('message', (m) => listener(m as FromCore)),
    onExit: (listener) => p.on('exit', (code) => listener(code)),
    kill: () => void p.kill(),
  };
}
