import { useState } from 'react';
import type { DailiesClient } from '../client/client.js';
import { ClientProvider } from '../client/client-context.js';
import { ImportProvider } from '../import/import-context.js';
import { LibraryView } from '../library/LibraryView.js';
import { HelpOverlay } from '../keys/HelpOverlay.js';
import { KeymapProvider } from '../keys/keymap-context.js';
import { MissingAssetsProvider } from '../watch/missing-assets.js';
import { PreviewStatus } from '../previews/PreviewStatus.js';
import { ImportStatus } from '../import/ImportStatus.js';
import { ReviewShell } from './ReviewShell.js';

export function App({ client }: { client: DailiesClient }) {
  const [helpOpen, setHelpOpen] = useState(false);
  // The bar's right end: long tasks running in the background (while there are some), then the
  // keyboard map for whoever has not learnt `?` yet.
  const navEnd = (
    <>
      <div className="shell-status">
        <ImportStatus />
        <PreviewStatus />
      </div>
      <button type="button" className="shell-nav-item shell-nav-end" title="Keyboard shortcuts and search syntax (?)" onClick={() => setHelpOpen(true)}>
        Keys <kbd>?</kbd>
      </button>
    </>
  );
  return (
    <ClientProvider client={client}>
      <KeymapProvider>
        <ImportProvider>
          <MissingAssetsProvider>
            <ReviewShell library={<LibraryView />} navEnd={navEnd} />
          </MissingAssetsProvider>
        </ImportProvider>
        <HelpOverlay open={helpOpen} setOpen={setHelpOpen} />
      </KeymapProvider>
    </ClientProvider>
  );
}
