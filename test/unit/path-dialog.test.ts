// The desktop shell's file picker for bundles and hand-offs. Electron's own dialog needs a desktop
// and the Electron binary, which these machines lack, so a stand-in records what the dialog was
// asked to show and answers as a user would (a chosen path, or Cancel).
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { pickPath, type PathDialogs } from '../../main/electron/path-dialog.js';

function dialogs(answer: { canceled: boolean; path?: string }) {
  const shown: { kind: 'save' | 'open'; options: SaveDialogOptions | OpenDialogOptions }[] = [];
  const api: PathDialogs = {
    async showSaveDialog(options) {
      shown.push({ kind: 'save', options });
      return { canceled: answer.canceled, ...(answer.path ? { filePath: answer.path } : {}) };
    },
    async showOpenDialog(options) {
      shown.push({ kind: 'open', options });
      return { canceled: answer.canceled, filePaths: answer.path ? [answer.path] : [] };
    },
  };
  return { api, shown };
}

describe('the native file picker', () => {
  it('saving offers the suggested name and only the asked-for kinds of file', async () => {
    const d = dialogs({ canceled: false, path: '/home/ana/Spots/Neon.dailies' });
    const picked = await pickPath(d.api, { mode: 'save', title: 'Export bundle', defaultName: 'Neon.dailies', extensions: ['dailies'] });
    expect(picked).toBe('/home/ana/Spots/Neon.dailies');
    expect(d.shown).toEqual([{ kind: 'save', options: { title: 'Export bundle', defaultPath: 'Neon.dailies', filters: [{ name: 'dailies', extensions: ['dailies'] }] } }]);
  });

  it('opening asks for one existing file, and Cancel picks nothing', async () => {
    const d = dialogs({ canceled: true });
    expect(await pickPath(d.api, { mode: 'open', title: 'Import bundle', extensions: ['dailies', 'zip'] })).toBeNull();
    expect(d.shown).toEqual([{ kind: 'open', options: { title: 'Import bundle', properties: ['openFile'], filters: [{ name: 'dailies, zip', extensions: ['dailies', 'zip'] }] } }]);
  });

  it('a request the renderer should not make opens no dialog', async () => {
    const d = dialogs({ canceled: false, path: '/etc/passwd' });
    const bad: unknown[] = [
      { mode: 'save', title: 'x', defaultName: '../../.ssh/authorized_keys' },
      { mode: 'open', title: 'x', extensions: ['*'] },
      { mode: 'open', title: 'x', properties: ['openDirectory', 'multiSelections'] },
      { mode: 'delete', title: 'x' },
      { mode: 'open', title: '' },
      'open',
    ];
    for (const request of bad) await expect(pickPath(d.api, request)).rejects.toThrow();
    expect(d.shown).toEqual([]);
  });
});
