import { expect, test } from './fixtures.js';
import { CLIPS } from './media-fixtures.js';
import { LibraryPage } from './pages/library-page.js';

test('the grid follows imports started elsewhere, even after the host restarts', async ({ page, request, dailies, clipFolder }) => {
  const library = new LibraryPage(page);
  await library.open(dailies.url);
  await expect(library.emptyState).toBeVisible();

  // The host goes away and comes back (same port, same token): the page's event stream must
  // reconnect by itself, without a reload.
  await dailies.restart();

  // Another client (a second window, a script) imports: only events can tell this page.
  const reply = await request.post(`http://127.0.0.1:${dailies.port}/api/call/import.folder`, {
    headers: { Authorization: `Bearer ${dailies.token}` },
    data: { path: clipFolder },
  });
  expect(reply.ok(), await reply.text()).toBe(true);

  await expect(library.tiles).toHaveCount(CLIPS.length);
  await expect(library.renderCount).toHaveText(`${CLIPS.length} renders`);
  await expect(library.emptyState).toBeHidden();
});
