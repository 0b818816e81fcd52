// Settings → Providers → Prices against the real core: a price you set is what the New
// generation form's estimate uses, it survives a reload, bad input is refused in words, and
// "Reset to built-in" brings the built-in figure back.
import { callCore, expect, test } from './fixtures.js';
import { GenerateDialog } from './pages/generate-dialog.js';
import { LibraryPage } from './pages/library-page.js';
import { ProviderPrices } from './pages/provider-prices.js';

// The demo account is Kling; kling-v2-6 in std mode is 1.5 credits per 5 s built in.
const ROW = 'kling-v2-6 · std';

async function estimateFor(generate: GenerateDialog): Promise<void> {
  await generate.open();
  await generate.model.selectOption('kling-v2-6');
  await generate.root.getByRole('combobox', { name: 'Mode', exact: true }).selectOption('std');
  await generate.duration.selectOption('5');
  await generate.prompt.fill('a paper boat on a puddle');
  await generate.waitForEstimate();
}

test('a price edited in Settings is the New generation estimate, and stays after a reload', async ({ page, dailies }) => {
  const library = new LibraryPage(page);
  const prices = new ProviderPrices(page, 'Kling AI');
  const generate = new GenerateDialog(page);
  await library.open(dailies.url);

  // Built in: the figure, its source, and the note that it is approximate.
  await prices.open();
  await expect(prices.region).toContainText('Built-in prices are approximate');
  await expect(prices.price(ROW)).toHaveValue('1.5');
  await expect(prices.row(ROW)).toContainText('credits per 5 s');
  await expect(prices.row(ROW)).toContainText('Built-in');
  await expect(prices.resetAll).toBeDisabled();

  // A negative price is refused by the core, naming the field; nothing is saved.
  await prices.type(ROW, '-2');
  await expect(prices.problem).toContainText(`${ROW}: not saved — `);
  await expect(prices.problem).toContainText('price: cannot be negative');
  await expect(prices.price(ROW)).toHaveAttribute('aria-invalid', 'true');
  await expect(prices.row(ROW)).toContainText('Built-in');

  await prices.type(ROW, '4');
  await expect(prices.row(ROW)).toContainText('Yours (built-in 1.5)');
  await expect(prices.problem).toHaveCount(0);
  await expect(prices.summary).toHaveText('Prices (1 is yours)');
  await prices.close();

  // The form's estimate is at your price, and says so.
  await estimateFor(generate);
  await expect(generate.estimateCredits).toHaveText('Estimate: 4 credits');
  await expect(generate.estimate.getByLabel('Prices used')).toContainText(`${ROW}: 4 credits per 5 s (your price)`);
  await generate.root.getByRole('button', { name: 'Cancel' }).click();

  // A reload keeps it (it is in the library's catalogue, not the page).
  await page.reload();
  await prices.open();
  await expect(prices.price(ROW)).toHaveValue('4');
  await expect(prices.row(ROW)).toContainText('Yours (built-in 1.5)');

  // Reset to built-in: the figure and the estimate come back.
  await prices.resetButton(ROW).click();
  await expect(prices.price(ROW)).toHaveValue('1.5');
  await expect(prices.row(ROW)).toContainText('Built-in');
  await expect(prices.resetAll).toBeDisabled();
  await prices.close();
  await estimateFor(generate);
  await expect(generate.estimateCredits).toHaveText('Estimate: 1.5 credits');
  await expect(generate.estimate.getByLabel('Prices used')).toContainText(`${ROW}: 1.5 credits per 5 s (built-in)`);
});

test('an open New generation form follows a price changed elsewhere, without a keystroke', async ({ page, dailies }) => {
  const library = new LibraryPage(page);
  const generate = new GenerateDialog(page);
  await library.open(dailies.url);
  await estimateFor(generate);
  await expect(generate.estimateCredits).toHaveText('Estimate: 1.5 credits');

  // Another window (here: a direct call) sets the price; the core tells every window.
  await callCore(page, dailies, 'prices.set', { provider: 'kling', path: ['models', 'kling-v2-6', 'per5s', 'std'], price: 2.25 });
  await expect(generate.estimateCredits).toHaveText('Estimate: 2.25 credits');
  await expect(generate.estimate.getByLabel('Prices used')).toContainText(`${ROW}: 2.25 credits per 5 s (your price)`);
});
