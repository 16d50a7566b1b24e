import { type FormEvent, type ReactNode, useState } from 'react';
import { request } from '../../api';
import { AppLink } from '../../components/AppLink';
import { Sparkline } from '../../components/Sparkline';
import { Failed, Loading, NotFound } from '../../components/Status';
import { useT } from '../../i18n/useT';
import { useTitle } from '../../i18n/useTitle';
import {
  ChainChangesQuery,
  type Changes,
  type Figures,
  LeadsMovedQuery,
  type SnapshotPoint,
  TakeSnapshotsMutation,
} from '../../queries/changes';
import { useExactSearchParams } from '../../state/search-params';
import { useSession } from '../../state/session';
import { useQuery } from '../../state/useQuery';
import './changes.css';
import { deltaOf, FIGURES, type FigureKey, formatFigure, sinceDefault, trend } from './figures';

/**
 * 自上次会议以来: what changed in a chain since a moment — by default 30 days ago, or a snapshot
 * picked from the chain's history (the meetings recorded, the imports) — with the figures then and
 * now, the gaps closed and opened, the firms that entered and left and the supply links won and
 * lost. An editor records today's snapshot (the meeting) from here.
 */
export function ChangesView({ chainKey }: { chainKey: string }) {
  const { t, lang } = useT();
  const [params, setParams] = useExactSearchParams();
  const since = params.get('since') ?? sinceDefault(new Date());
  const [state, retry] = useQuery(ChainChangesQuery, { id: chainKey, since }, { perCaller: true });
  const chain = state.kind === 'ready' ? state.data.chain : undefined;
  useTitle(t('changes.title', { name: chain?.name ?? chainKey }));
  const setSince = (value: string) =>
    setParams((p) => {
      p.set('since', value);
      return p;
    });
  if (state.kind === 'ready' && !chain) return <NotFound message={t('map.notFound', { key: chainKey })} />;
  return (
    <main className="page changes-page" data-testid="changes-view">
      <AppLink href={`/chains/${encodeURIComponent(chainKey)}`} className="back">
        {t('changes.back', { name: chain?.name ?? chainKey })}
      </AppLink>
      <h2>{t('changes.title', { name: chain?.name ?? chainKey })}</h2>
      <SinceControls since={since} snapshots={chain?.snapshots ?? []} onSince={setSince} lang={lang} />
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <Failed message={state.message} onRetry={retry} />}
      {chain && (
        <>
          <TakeSnapshot chainKey={chainKey} onTaken={retry} />
          {chain.changes ? (
            <ChangesBody changes={chain.changes} snapshots={chain.snapshots}>
              <LeadsMoved chainKey={chainKey} since={since} />
            </ChangesBody>
          ) : (
            <p className="muted" data-testid="no-snapshot">
              {t('changes.noSnapshot')}
            </p>
          )}
        </>
      )}
    </main>
  );
}

function SinceControls({
  since,
  snapshots,
  onSince,
  lang,
}: {
  since: string;
  snapshots: readonly SnapshotPoint[];
  onSince: (value: string) => void;
  lang: 'zh' | 'en';
}) {
  const { t } = useT();
  const day = /^\d{4}-\d{2}-\d{2}$/.test(since) ? since : '';
  return (
    <div className="changes-since">
      <label>
        {t('changes.since')}{' '}
        <input
          type="date"
          value={day}
          data-testid="changes-since"
          onChange={(e) => e.currentTarget.value && onSince(e.currentTarget.value)}
        />
      </label>
      {snapshots.length > 0 && (
        <label>
          {t('changes.pick')}{' '}
          <select
            data-testid="changes-pick"
            value={day ? '' : since}
            onChange={(e) => e.currentTarget.value && onSince(e.currentTarget.value)}
          >
            <option value="">{t('changes.pickNone')}</option>
            {[...snapshots].reverse().map((s) => (
              <option key={`${s.takenAt}-${s.note}`} value={s.takenAt}>
                {`${when(s.takenAt, lang)} · ${t(`changes.cause.${s.cause}`)}${s.note ? ` · ${s.note}` : ''}`}
              </option>
            ))}
          </select>
        </label>
      )}
      <span className="muted">{t('changes.sinceHelp')}</span>
    </div>
  );
}

/** An editor's button: keeps a snapshot of the chain now, with a note (the meeting). */
function TakeSnapshot({ chainKey, onTaken }: { chainKey: string; onTaken: () => void }) {
  const { t, lang } = useT();
  const session = useSession();
  const today = new Date().toISOString().slice(0, 10);
  const [note, setNote] = useState('');
  const [said, setSaid] = useState<string>();
  if (session.status !== 'signedIn' || !session.me || !['editor', 'admin'].includes(session.me.role)) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const r = await request(TakeSnapshotsMutation, {
        chains: [chainKey],
        note: note.trim() || t('changes.takeNoteDefault', { date: today }),
      });
      setSaid(t('changes.taken', { when: when(r.takeSnapshots.snapshots[0]?.takenAt ?? '', lang) }));
      onTaken();
    } catch (err) {
      setSaid((err as Error).message);
    }
  };
  return (
    <form className="take-snapshot" onSubmit={submit}>
      <input
        aria-label={t('changes.takeNote')}
        placeholder={t('changes.takeNoteDefault', { date: today })}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        data-testid="snapshot-note"
      />
      <button type="submit" className="button" data-testid="take-snapshot">
        {t('changes.take')}
      </button>
      {said && (
        <span role="status" className="muted">
          {said}
        </span>
      )}
    </form>
  );
}

/** What changed, and `children` (the leads that moved) as one more section of its lists. */
function ChangesBody({
  changes,
  snapshots,
  children,
}: {
  changes: Changes;
  snapshots: readonly SnapshotPoint[];
  children: ReactNode;
}) {
  const { t, lang } = useT();
  const { before } = changes;
  const otherNeeds = changes.needs.filter(
    (n) => !changes.gapsClosed.some((g) => g.name === n.name) && !changes.gapsOpened.some((g) => g.name === n.name),
  );
  const need = (n: string | null) => (n ? t(`need.${n as 'FILL'}`) : t('changes.notInChain'));
  return (
    <>
      <p className="baseline" data-testid="changes-baseline">
        {t('changes.baseline', {
          when: when(before.takenAt, lang),
          cause: t(`changes.cause.${before.cause}`),
          note: before.note ? ` · ${before.note}` : '',
        })}
      </p>
      <div className="changes-top">
        <FiguresTable before={before.figures} after={changes.after.figures} />
        {snapshots.length > 0 && (
          <figure className="changes-trend">
            <Sparkline
              width={260}
              height={64}
              label={t('changes.trend')}
              {...trend(t, snapshots, changes.after.figures)}
            />
            <figcaption className="muted">
              <span className="key coverage">{t('changes.figure.coverage')}</span>{' '}
              <span className="key sourcing">{t('changes.figure.localSourcing')}</span>
            </figcaption>
          </figure>
        )}
      </div>
      <div className="changes-lists">
        <Section
          title={t('changes.gapsClosed')}
          testid="gaps-closed"
          items={changes.gapsClosed.map((g) => `${g.name}：${need(g.before)} → ${need(g.after)}`)}
        />
        <Section
          title={t('changes.gapsOpened')}
          testid="gaps-opened"
          items={changes.gapsOpened.map((g) => `${g.name}：${need(g.before)} → ${need(g.after)}`)}
        />
        <Section
          title={t('changes.needs')}
          testid="needs-changed"
          items={otherNeeds.map((g) => `${g.name}：${need(g.before)} → ${need(g.after)}`)}
        />
        <Section
          title={t('changes.entered')}
          testid="firms-entered"
          items={changes.entered.map((m) => firmLine(m, t))}
          footer={changes.withheld > 0 ? t('changes.withheld', { n: changes.withheld }) : undefined}
        />
        <Section title={t('changes.left')} testid="firms-left" items={changes.left.map((m) => firmLine(m, t))} />
        <Section
          title={t('changes.linksAdded')}
          testid="links-added"
          items={changes.linksAdded.map((l) => t('changes.supplies', { from: l.from.name, to: l.to.name }))}
        />
        <Section
          title={t('changes.linksLost')}
          testid="links-lost"
          items={changes.linksLost.map((l) => t('changes.supplies', { from: l.from.name, to: l.to.name }))}
        />
        {children}
      </div>
    </>
  );
}

type Member = Changes['entered'][number];

function firmLine(m: Member, t: ReturnType<typeof useT>['t']): ReactNode {
  const name = m.firm.enterprise ? (
    <AppLink href={`/explore?e=${encodeURIComponent(m.firm.enterprise.key)}`}>{m.firm.name}</AppLink>
  ) : (
    m.firm.name
  );
  return (
    <>
      {name}{' '}
      <span className="muted">
        · {m.firm.local ? t('changes.local') : t('changes.outside')} · {m.segments.join('、')}
      </span>
    </>
  );
}

function Section({
  title,
  items,
  testid,
  footer,
  link,
}: {
  title: string;
  items: ReactNode[];
  testid: string;
  footer?: string | undefined;
  link?: { href: string; text: string };
}) {
  const { t } = useT();
  return (
    <section className="changes-section" data-testid={testid} data-count={items.length}>
      <h3>
        {title} <span className="count">{items.length}</span>
      </h3>
      {items.length === 0 ? (
        <p className="muted">{t('changes.none')}</p>
      ) : (
        <ul>
          {items.map((item, i) => (
            // the lists are fixed for one answer: their order is their identity
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={i}>{item}</li>
          ))}
        </ul>
      )}
      {footer && <p className="muted">{footer}</p>}
      {link && <AppLink href={link.href}>{link.text}</AppLink>}
    </section>
  );
}

function FiguresTable({ before, after }: { before: Figures; after: Figures }) {
  const { t, lang } = useT();
  return (
    <table className="changes-figures" data-testid="changes-figures">
      <thead>
        <tr>
          <th scope="col">{t('changes.figures')}</th>
          <th scope="col">{t('changes.then')}</th>
          <th scope="col">{t('changes.now')}</th>
          <th scope="col">{t('changes.delta')}</th>
        </tr>
      </thead>
      <tbody>
        {FIGURES.map((key: FigureKey) => {
          const delta = deltaOf(key, before, after, lang);
          return (
            <tr key={key} data-figure={key}>
              <th scope="row">{t(`changes.figure.${key}`)}</th>
              <td>{formatFigure(key, before, lang)}</td>
              <td>{formatFigure(key, after, lang)}</td>
              <td className={delta.tone}>{delta.text}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** An ISO time as the reader's date and time. */
export function when(iso: string, lang: 'zh' | 'en'): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** The leads made or moved since: an analyst's; a viewer is told so. */
function LeadsMoved({ chainKey, since }: { chainKey: string; since: string }) {
  const { t } = useT();
  const [state] = useQuery(LeadsMovedQuery, { id: chainKey, since }, { perCaller: true });
  const stage = (s: string | null) => (s ? t(`lead.stage.${s as 'LEAD'}`) : t('changes.leadNew'));
  if (state.kind === 'loading') return null;
  if (state.kind === 'error')
    return (
      <section className="changes-section leads-moved" data-testid="leads-moved" data-count="0">
        <h3>{t('changes.leadsMoved')}</h3>
        <p className="muted">{state.needed ? t('changes.leadsNeedRole') : state.message}</p>
      </section>
    );
  const moves = state.data.chain?.leadsMoved ?? [];
  return (
    <Section
      title={t('changes.leadsMoved')}
      testid="leads-moved"
      items={moves.map((m) =>
        t('changes.leadMove', { firm: m.lead.enterprise.name, from: stage(m.from), to: stage(m.to) }),
      )}
      link={{ href: `/chains/${encodeURIComponent(chainKey)}/pipeline`, text: t('changes.openPipeline') }}
    />
  );
}
