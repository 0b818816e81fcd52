// Settings → Providers → Callbacks against the real core: a plain http:// public address would
// carry each job's callback secret in clear text, so it is refused in words and nothing is
// stored; an https:// one is kept across a reload and can be cleared again.
import { expect, test } from './fixtures.js';
import { LibraryPage } from './pages/library-page.js';

test('a plain http:// public callback URL is refused, https:// is kept', async ({ page, dailies }) => {
  const library = new LibraryPage(page);
  await library.open(dailies.url);
  const openCallbacks = async () => {
    await page.getByRole('banner').getByRole('button', { name: 'Settings' }).click();
    const form = page.getByRole('dialog', { name: 'Settings' }).getByRole('form', { name: 'Provider callbacks' });
    await expect(form).toBeVisible();
    return form;
  };
  let form = await openCallbacks();
  const field = () => form.getByRole('textbox', { name: 'Public callback URL' });
  const save = () => form.getByRole('button', { name: 'Save callback URL' });

  await field().fill('http://tunnel.example.com');
  await save().click();
  await expect(form.getByRole('alert')).toHaveText(
    /^Not saved: .*Plain http:\/\/ would send each job's callback secret unencrypted to tunnel\.example\.com: use the tunnel's https:\/\/ address\.$/,
  );

  // Nothing was stored: after a reload the field is empty.
  await page.reload();
  form = await openCallbacks();
  await expect(field()).toHaveValue('');

  await field().fill('https://tunnel.example.com/');
  await save().click();
  await expect(form.getByRole('alert')).toHaveCount(0);
  await expect(save()).toBeDisabled(); // saved: the field equals what is stored
  await page.reload();
  form = await openCallbacks();
  await expect(field()).toHaveValue('https://tunnel.example.com');

  // Emptying the field goes back to polling only.
  await field().fill('');
  await save().click();
  await page.reload();
  form = await openCallbacks();
  await expect(field()).toHaveValue('');
});
