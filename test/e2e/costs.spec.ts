// Costs against the real core: credits spent by jobs on a simulator this test runs (Kling and
// Luma accounts, two projects, three shots, a reroll, a job that fails uncharged) and by takes
// imported with a stated cost. Every figure the view shows is checked against what the test
// itself knows was spent — each task's charge as the simulator booked it, each sidecar's stated
// cost, the picks it made — never against numbers read back from the app.
import { useSimulator } from './simulator.js';
import type { JobDetail } from '../../shared/jobs.js';
import type { Project, Shot } from '../../shared/domain.js';
import { callCore, type ServedLibrary } from './fixtures.js';
import { CostsView, type CostChart } from './pages/costs-view.js';
import { DetailPanel } from './pages/detail-panel.js';
import { LibraryPage } from './pages/library-page.js';
import { ViewsNav } from './pages/views-nav.js';
import { expect, importBoth, test } from './review-fixtures.js';
import { EXTEND, PARENT, RESTYLE } from './review-media.js';
import { keepScreenshot } from './review-screenshots.js';
import type { Page } from '@playwright/test';

const KEYS = { accessKey: 'e2e-costs-access', secretKey: 'e2e-costs-secret' };

const sim = useSimulator({ ...KEYS, queueDelayMs: 100, processingMs: 300 });

/** What one take cost and where it is filed, as the test made it. */
interface Spend {
  provider: string;
  model: string;
  project: string | null;
  shot: string | null;
  prompt: string;
  credits: number;
  seconds: number;
  picked: boolean;
}

const HARBOUR = 'Harbour';
const MARKET = 'Market';
const GULLS = 'gulls over the harbour wall, morning haze';
const NETS = 'fishermen mending nets, close up, hands';
const SQUALL = 'a squall rolls in over the breakwater';
const STALLS = 'market stalls opening, shutters rising, steam';
const REFUSED = 'a prompt the provider refuses while rendering';

/** The jobs, in submit order. The second is a reroll of the first (same prompt, same shot) and is picked. */
const JOBS = [
  { account: 'sim', provider: 'kling', model: 'kling-v1-6', project: HARBOUR, shot: 'Opening', prompt: GULLS, durationS: 5, picked: false },
  { account: 'sim', provider: 'kling', model: 'kling-v1-6', project: HARBOUR, shot: 'Opening', prompt: GULLS, durationS: 10, picked: true },
  { account: 'sim', provider: 'kling', model: 'kling-v2-6', project: HARBOUR, shot: 'Opening', prompt: NETS, durationS: 5, picked: false },
  { account: 'luma', provider: 'luma', model: 'ray-2', project: HARBOUR, shot: 'Storm', prompt: SQUALL, durationS: 5, picked: false },
  { account: 'sim', provider: 'kling', model: 'kling-v2-6', project: MARKET, shot: 'Stalls', prompt: STALLS, durationS: 10, picked: false },
] as const;

/** The imported takes' sidecars (review-media.ts): Kling, no project or shot, 4 s each. EXTEND is picked in the test. */
const IMPORTED: Spend[] = [
  { provider: 'kling', model: 'kling-v2-6', project: null, shot: null, prompt: PARENT.prompt, credits: 35, seconds: 4, picked: false },
  { provider: 'kling', model: 'kling-v2-6', project: null, shot: null, prompt: EXTEND.prompt, credits: 20, seconds: 4, picked: true },
  { provider: 'kling', model: 'kling-o1', project: null, shot: null, prompt: RESTYLE.prompt, credits: 15, seconds: 4, picked: false },
];

/** Credits as the app writes them everywhere (tiles, detail, Costs): at most two decimals, thousands separated. */
const shown = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function sumBy(spends: Spend[], key: (s: Spend) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of spends) out.set(key(s), (out.get(key(s)) ?? 0) + s.credits);
  return out;
}

/** Rows as [label, credits] sorted by label, for tables whose order among equal credits is free. */
const byLabel = (rows: string[][]) => [...rows].sort((a, b) => a[0]!.localeCompare(b[0]!));
const bucketRows = (sums: Map<string, number>) => byLabel([...sums].filter(([, c]) => c !== 0).map(([k, c]) => [k, shown(c)]));

/** A table's credits column reads from most to least. */
function expectMostFirst(rows: string[][], column: number): void {
  const values = rows.map((r) => Number(r[column]!.replace(/,/g, '')));
  expect(values, 'most credits first').toEqual([...values].sort((a, b) => b - a));
}

const ENDED = ['done', 'failed', 'rejected', 'cancelled'];

/** Waits for the job to end, and checks it ended in the state expected. */
async function waitForEnd(page: Page, dailies: ServedLibrary, jobId: number, state: 'done' | 'rejected'): Promise<JobDetail> {
  let job: JobDetail | undefined;
  await expect
    .poll(async () => {
      job = await callCore<JobDetail>(page, dailies, 'jobs.get', { id: jobId });
      return ENDED.includes(job.state);
    }, { timeout: 60_000, message: `job ${jobId} to end` })
    .toBe(true);
  const log = job!.events.map((e) => `${e.toState ?? ''} ${e.message}`).join('\n');
  expect(`${job!.state}${job!.lastError ? `: ${job!.lastError}` : ''}`, `job ${jobId}, its log:\n${log}`).toMatch(new RegExp(`^${state}\\b`));
  return job!;
}

/** What the simulator (the provider) charged for a job's task; 0 when it charged nothing. */
function chargedFor(job: JobDetail): number {
  const task = sim().state.snapshot().tasks.find((t) => t.task_id === job.providerTaskId);
  if (!task) throw new Error(`the simulator has no task for job ${job.id}`);
  return task.charged ?? 0;
}

test('costs: credits by day, provider, model and project, rerolls, cost per picked second and ROI, each with its numbers', async ({ page, dailies, reviewFolders }, testInfo) => {
  test.setTimeout(180_000);
  const library = new LibraryPage(page);
  const nav = new ViewsNav(page);
  const costs = new CostsView(page);
  await library.open(dailies.url);
  await nav.show('Costs');
  await expect(costs.empty).toBeVisible();
  await nav.show('Library');
  await importBoth(library, reviewFolders);

  // Setup through the contract (not under test here): accounts on the simulator, projects, shots.
  await callCore(page, dailies, 'providers.save', { id: 'sim', provider: 'kling', label: 'Kling (test simulator)', baseUrl: sim().baseUrl, credentials: KEYS });
  await callCore(page, dailies, 'providers.save', { id: 'luma', provider: 'luma', label: 'Luma (test simulator)', baseUrl: sim().baseUrlOf('luma'), credentials: { apiKey: sim().apiKeyOf('luma') } });
  const projects = new Map<string, Project>();
  for (const name of [HARBOUR, MARKET]) projects.set(name, await callCore<Project>(page, dailies, 'projects.create', { name }));
  const shots = new Map<string, Shot>();
  for (const j of JOBS) {
    if (!shots.has(j.shot)) shots.set(j.shot, await callCore<Shot>(page, dailies, 'shots.create', { projectId: projects.get(j.project)!.id, name: j.shot }));
  }
  const filed = (project: string, shot: string) => ({ projectId: projects.get(project)!.id, shotId: shots.get(shot)!.id });

  const spends: Spend[] = [...IMPORTED];
  for (const j of JOBS) {
    const { jobId } = await callCore<{ jobId: number }>(page, dailies, 'jobs.submit', {
      spec: { accountId: j.account, model: j.model, taskType: 'text_to_video', durationS: j.durationS, aspectRatio: '16:9', prompt: j.prompt, ...filed(j.project, j.shot) },
    });
    const job = await waitForEnd(page, dailies, jobId, 'done');
    const video = sim().state.snapshot().videos.find((v) => v.taskId === job.providerTaskId)!;
    spends.push({ provider: j.provider, model: j.model, project: j.project, shot: j.shot, prompt: j.prompt, credits: chargedFor(job), seconds: video.durationS, picked: j.picked });
    if (j.picked) await callCore(page, dailies, 'renders.edit', { ids: [job.renderId!], flag: 'pick' });
  }
  expect(spends.filter((s) => s.credits > 0), 'every simulator task charged something').toHaveLength(spends.length);

  // A job the provider refuses while rendering (content safety): the estimate was never money, so it adds nothing.
  sim().state.faults.add({ mode: 'next', fault: 'policy_fail', provider: 'kling' });
  const { jobId: refusedId } = await callCore<{ jobId: number }>(page, dailies, 'jobs.submit', {
    spec: { accountId: 'sim', model: 'kling-v1-6', taskType: 'text_to_video', durationS: 5, aspectRatio: '16:9', prompt: REFUSED, ...filed(MARKET, 'Stalls') },
  });
  expect(chargedFor(await waitForEnd(page, dailies, refusedId, 'rejected'))).toBe(0);

  // The imported pick, through the UI.
  await library.tile(EXTEND.title).click();
  await new DetailPanel(page).pick.click();

  // Independently: what was spent, and on what.
  const total = spends.reduce((n, s) => n + s.credits, 0);
  const pickedSeconds = spends.filter((s) => s.picked).reduce((n, s) => n + s.seconds, 0);

  await nav.show('Costs');
  await expect(costs.total('Credits spent')).toContainText(shown(total));
  expect(await costs.totalValue('Credits spent')).toBe(shown(total));
  expect(await costs.totalValue('Cost per picked second')).toBe(shown(total / pickedSeconds));
  await expect(costs.total('Cost per picked second')).toContainText(`${shown(pickedSeconds)} s picked`);
  expect(await costs.totalValue('Takes that cost credits')).toBe(String(spends.length));

  // Every chart is drawn before its numbers are asked for.
  const charts: CostChart[] = ['Credits by day', 'By provider', 'By model', 'By project', 'Rerolls per shot', 'ROI per prompt'];
  for (const chart of charts) await expect(costs.drawing(chart), chart).toBeVisible();
  await expect(costs.drawing('By provider')).toContainText('luma');
  await keepScreenshot(page, testInfo, 'costs');

  // Credits by day: everything was spent today (the user's local day).
  await costs.showNumbers('Credits by day');
  expect(await costs.rows('Credits by day')).toEqual([[localDay(Date.now()), shown(total)]]);

  for (const [chart, key] of [
    ['By provider', (s: Spend) => s.provider],
    ['By model', (s: Spend) => s.model],
    ['By project', (s: Spend) => s.project ?? 'No project'],
  ] as const) {
    await costs.showNumbers(chart);
    const rows = await costs.rows(chart);
    expect(byLabel(rows), chart).toEqual(bucketRows(sumBy(spends, key)));
    expectMostFirst(rows, 1);
  }

  // Rerolls per shot: takes beyond the first, most rerolled first, with the shot's credits and whether it has its pick.
  await costs.showNumbers('Rerolls per shot');
  expect(await costs.headings('Rerolls per shot')).toEqual(['Shot', 'Project', 'Takes', 'Rerolls', 'Credits', 'Picked']);
  const perShot = [...shots.keys()].map((shot) => {
    const takes = spends.filter((s) => s.shot === shot);
    return { shot, project: takes[0]!.project!, takes: takes.length, credits: takes.reduce((n, s) => n + s.credits, 0), picked: takes.some((s) => s.picked) };
  });
  perShot.sort((a, b) => b.takes - a.takes || b.credits - a.credits);
  expect(await costs.rows('Rerolls per shot')).toEqual(
    perShot.map((s) => [s.shot, s.project, String(s.takes), String(s.takes - 1), shown(s.credits), s.picked ? 'Yes' : 'No']),
  );
  expect(perShot[0]).toMatchObject({ shot: 'Opening', takes: 3, picked: true });

  // ROI per prompt: credits spent on each prompt against the picks it earned; the reroll's two takes share one prompt.
  await costs.showNumbers('ROI per prompt');
  expect(await costs.headings('ROI per prompt')).toEqual(['Prompt', 'Credits', 'Takes', 'Picks', 'Credits per pick']);
  const perPrompt = new Map<string, Spend[]>();
  for (const s of spends) perPrompt.set(s.prompt, [...(perPrompt.get(s.prompt) ?? []), s]);
  const roi = await costs.rows('ROI per prompt');
  expect(byLabel(roi)).toEqual(
    byLabel([...perPrompt].map(([prompt, takes]) => {
      const credits = takes.reduce((n, s) => n + s.credits, 0);
      const picks = takes.filter((s) => s.picked).length;
      return [prompt, shown(credits), String(takes.length), String(picks), picks ? shown(credits / picks) : '—'];
    })),
  );
  expectMostFirst(roi, 1);
  expect(roi.find((r) => r[0] === GULLS)?.slice(2, 4)).toEqual(['2', '1']);
  await keepScreenshot(page, testInfo, 'costs-numbers');

  // One project: the totals and the project chart narrow to it.
  await costs.project.selectOption({ label: MARKET });
  const market = spends.filter((s) => s.project === MARKET);
  await expect(costs.total('Credits spent')).toContainText(shown(market.reduce((n, s) => n + s.credits, 0)));
  expect(await costs.totalValue('Cost per picked second')).toBe('—');
  await expect(costs.total('Cost per picked second')).toContainText('Pick takes (P) to see this');
  expect(await costs.rows('Rerolls per shot')).toEqual([['Stalls', MARKET, '1', '0', shown(market[0]!.credits), 'No']]);

  // Back in the Library, sorted by credits: each tile says what it cost, most first.
  await nav.show('Library');
  await library.sort.selectOption({ label: 'Most credits' });
  const tileCosts = [...spends].sort((a, b) => b.credits - a.credits).map((s) => ` · ${shown(s.credits)} cr`);
  await expect(library.tiles.locator('.tile-cost')).toHaveText(tileCosts);

  // A job's take shows the same charge in its detail panel: the estimate, what was charged, the net.
  const nets = spends.find((s) => s.prompt === NETS)!;
  await library.tile(`text to video · ${NETS}`).click();
  const detail = new DetailPanel(page);
  const charges = detail.section('Charges');
  await expect(charges.getByRole('list', { name: 'Charges' }).getByRole('listitem').filter({ hasText: 'Charged' })).toContainText(shown(nets.credits));
  await expect(charges).toContainText(`Spent: ${shown(nets.credits)} credits`);
  await expect(detail.section('Job log')).toContainText('kling kling-v2-6 · done');
});
