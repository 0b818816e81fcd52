// The application menu: little of it, since the UI carries the work. Debugging entries exist
// only in a development checkout.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  importFolder(): void;
  showLibraryFolder(): void;
}

export function menuTemplate(a: MenuActions): MenuItemConstructorOptions[] {
  const mac = a.platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    ...(a.isPackaged ? [] : [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }, { type: 'separator' as const }]),
    { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' },
    { type: 'separator' }, { role: 'togglefullscreen' },
  ];
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import a Folder…', accelerator: 'CmdOrCtrl+I', click: () => a.importFolder() },
        { label: 'Show Library Folder', click: () => a.showLibraryFolder() },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'Show Library Folder', click: () => a.showLibraryFolder() }] },
  ];
}
