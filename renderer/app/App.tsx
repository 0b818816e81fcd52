import type { DailiesClient } from '../client/client.js';
import { ClientProvider } from '../client/client-context.js';
import { ImportProvider } from '../import/import-context.js';
import { LibraryView } from '../library/LibraryView.js';
import { HelpOverlay } from '../keys/HelpOverlay.js';
import { KeymapProvider } from '../keys/keymap-context.js';
import { MissingAssetsProvider } from '../watch/missing-assets.js';
import { ReviewShell } from './ReviewShell.js';

export function App({ client }: { client: DailiesClient }) {
  return (
    <ClientProvider client={client}>
      <KeymapProvider>
        <ImportProvider>
          <MissingAssetsProvider>
            <ReviewShell library={<LibraryView />} />
          </MissingAssetsProvider>
        </ImportProvider>
        <HelpOverlay />
      </KeymapProvider>
    </ClientProvider>
  );
}
