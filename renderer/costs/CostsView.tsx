// Costs: where the credits went (by day, provider, model, project), rerolls per shot, cost per
// picked second and ROI per prompt — charts with their numbers one click away.
import { useCallback, useState } from 'react';
import type { CostBucket, CostSummary } from '../../shared/review.js';
import { useClient } from '../client/client-context.js';
import { useLiveCall } from '../client/use-live-call.js';
import { useNavigation } from '../app/navigation.js';
import { useProjectChoice } from '../storyboard/use-project-choice.js';
import { formatCredits as credits } from '../library/format.js';
import { ChartCard } from './ChartCard.js';
import { ACCENT, ColumnChart, PICK, RowChart, WARN } from './charts.js';

const WINDOWS = [7, 30, 90, 365] as const;

export function CostsView() {
  const client = useClient();
  const nav = useNavigation();
  const { projects } = useProjectChoice();
  const [scope, setScope] = useState<'all' | number>('all');
  const [days, setDays] = useState<number>(30);
  const projectId = scope === 'all' ? undefined : scope;
  const fetchSummary = useCallback(
    () => client.call('costs.summary', { ...(projectId !== undefined ? { projectId } : {}), days }),
    [client, projectId, days],
  );
  const { value: summary, error } = useLiveCall(
    fetchSummary,
    (e) => (e.type === 'job.updated' && ['done', 'failed', 'rejected', 'cancelled'].includes(e.job.state)) || (e.type === 'catalogue.changed' && e.entity === 'renders'),
  );

  return (
    <div className="costs">
      <header className="view-header">
        <h1>Costs</h1>
        <label className="sort">
          Project
          <select className="input" value={String(scope)} onChange={(e) => setScope(e.currentTarget.value === 'all' ? 'all' : Number(e.currentTarget.value))}>
            <option value="all">All projects</option>
            {projects?.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        <label className="sort">
          Period
          <select className="input" value={days} onChange={(e) => setDays(Number(e.currentTarget.value))}>
            {WINDOWS.map((d) => <option key={d} value={d}>Last {d} days</option>)}
          </select>
        </label>
      </header>
      {error && <p className="error-text pane-note" role="alert">{error}</p>}
      {!summary && !error && <progress className="progress-line" aria-label="Adding up the credits" />}
      {summary && summary.total === 0 && summary.roiPerPrompt.length === 0 ? (
        <div className="view-empty" role="region" aria-label="No spending yet">
          <h2>No credits spent {scope === 'all' ? '' : 'on this project '}in the last {days} days</h2>
          <p>Generations charge credits as their jobs finish; imported takes count the cost their sidecar states. Start a New generation, or widen the period.</p>
          <button type="button" className="button" onClick={() => nav.show('library')}>Go to the Library</button>
        </div>
      ) : (
        summary && <CostCharts summary={summary} />
      )}
    </div>
  );
}

function BucketTable({ label, rows, keyName }: { label: string; rows: CostBucket[]; keyName: string }) {
  return (
    <table className="numbers" aria-label={label}>
      <thead><tr><th scope="col">{keyName}</th><th scope="col">Credits</th></tr></thead>
      <tbody>
        {rows.map((r) => <tr key={r.key}><th scope="row">{r.label}</th><td>{credits(r.credits)}</td></tr>)}
      </tbody>
    </table>
  );
}

function CostCharts({ summary: s }: { summary: CostSummary }) {
  const nav = useNavigation();
  const noneYet = (rows: unknown[], what: string) => (rows.length ? null : `No ${what} in this period.`);
  return (
    <div className="view-body costs-body">
      <div className="kpis" role="group" aria-label="Totals">
        <Kpi label="Credits spent" value={credits(s.total)} />
        <Kpi
          label="Cost per picked second"
          value={s.costPerPickedSecond === null ? '—' : credits(s.costPerPickedSecond)}
          hint={s.costPerPickedSecond === null ? 'Pick takes (P) to see this' : `${credits(s.pickedSeconds)} s picked`}
        />
        <Kpi label="Takes that cost credits" value={s.paidTakes.toLocaleString('en-US')} hint="added in this period" />
      </div>
      <div className="chart-grid">
        <ChartCard
          title="Credits by day"
          empty={noneYet(s.byDay, 'spending')}
          chart={<ColumnChart data={s.byDay} />}
          table={<BucketTable label="Credits by day" rows={s.byDay} keyName="Day" />}
        />
        <ChartCard
          title="By provider"
          empty={noneYet(s.byProvider, 'spending')}
          chart={<RowChart data={s.byProvider} labelKey="label" bars={[{ key: 'credits', name: 'Credits', colour: ACCENT }]} />}
          table={<BucketTable label="Credits by provider" rows={s.byProvider} keyName="Provider" />}
        />
        <ChartCard
          title="By model"
          empty={noneYet(s.byModel, 'spending')}
          chart={<RowChart data={s.byModel} labelKey="label" bars={[{ key: 'credits', name: 'Credits', colour: ACCENT }]} />}
          table={<BucketTable label="Credits by model" rows={s.byModel} keyName="Model" />}
        />
        <ChartCard
          title="By project"
          empty={noneYet(s.byProject, 'spending')}
          chart={<RowChart data={s.byProject} labelKey="label" bars={[{ key: 'credits', name: 'Credits', colour: ACCENT }]} />}
          table={<BucketTable label="Credits by project" rows={s.byProject} keyName="Project" />}
        />
        <ChartCard
          title="Rerolls per shot"
          summary="Takes beyond the first for each shot, most rerolled first."
          empty={noneYet(s.rerollsPerShot, 'shots')}
          chart={<RowChart data={s.rerollsPerShot} labelKey="shot" bars={[{ key: 'rerolls', name: 'Rerolls', colour: WARN }]} />}
          table={
            <table className="numbers" aria-label="Rerolls per shot">
              <thead><tr><th scope="col">Shot</th><th scope="col">Project</th><th scope="col">Takes</th><th scope="col">Rerolls</th><th scope="col">Credits</th><th scope="col">Picked</th></tr></thead>
              <tbody>
                {s.rerollsPerShot.map((r) => (
                  <tr key={r.shotId}>
                    <th scope="row">
                      <button type="button" className="link-button" title="Show this shot’s takes in the Library" onClick={() => nav.showInLibrary({ projectId: r.projectId, shotId: r.shotId })}>
                        {r.shot}
                      </button>
                    </th><td>{r.project}</td><td>{r.takes}</td><td>{r.rerolls}</td><td>{credits(r.credits)}</td><td>{r.picked ? 'Yes' : 'No'}</td></tr>
                ))}
              </tbody>
            </table>
          }
        />
        <ChartCard
          title="ROI per prompt"
          summary="Credits spent on each prompt against the picks it earned."
          empty={noneYet(s.roiPerPrompt, 'prompts')}
          chart={
            <RowChart
              data={s.roiPerPrompt.map((r) => ({ ...r, label: r.text || '(empty prompt)' }))}
              labelKey="label"
              bars={[{ key: 'credits', name: 'Credits', colour: ACCENT }, { key: 'picks', name: 'Picks', colour: PICK }]}
            />
          }
          table={
            <table className="numbers" aria-label="ROI per prompt">
              <thead><tr><th scope="col">Prompt</th><th scope="col">Credits</th><th scope="col">Takes</th><th scope="col">Picks</th><th scope="col">Credits per pick</th></tr></thead>
              <tbody>
                {s.roiPerPrompt.map((r) => (
                  <tr key={r.promptId}>
                    <th scope="row" className="numbers-prompt" title={r.text}>{r.text || '(empty prompt)'}</th>
                    <td>{credits(r.credits)}</td><td>{r.takes}</td><td>{r.picks}</td><td>{r.creditsPerPick === null ? '—' : credits(r.creditsPerPick)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      </div>
    </div>
  );
}

function Kpi({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="kpi" role="group" aria-label={label}>
      <span className="kpi-label">{label}</span>
      <span className="kpi-value">{value}</span>
      {hint && <span className="muted kpi-hint">{hint}</span>}
    </div>
  );
}
