import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'wouter';
import { request } from '../../api';
import type { ResultOf } from '../../graphql';
import { ChainMapQuery, type Firm, GapCandidatesQuery, SegmentFirmsQuery } from '../../queries/chains';
import { useCallerEpoch } from '../../state/session';
import { useQuery } from '../../state/useQuery';
import { firstFirms, firstShown, type MapCandidate, type MapSegment } from './map-geometry';
import { needOf } from './needs';

/** How many firms a segment shows before it is expanded. */
export const FIRST_LOCAL = 8;
export const FIRST_OUTSIDE = 6;
const PAGE = 100;

/** Every firm of a segment, local or outside, page by page (expanding it). */
async function allFirms(segmentId: string, local: boolean): Promise<Firm[]> {
  const firms: Firm[] = [];
  let after: string | null = null;
  for (let more = true; more; ) {
    const answer: ResultOf<typeof SegmentFirmsQuery> = await request(SegmentFirmsQuery, {
      id: segmentId,
      local,
      first: PAGE,
      after,
    });
    const page = answer.segment?.enterprises;
    if (!page) break;
    firms.push(...page.nodes);
    more = page.pageInfo.hasNextPage;
    after = page.pageInfo.endCursor ?? null;
  }
  return firms;
}

const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);

/**
 * The chain map's data and the view's state, kept in the URL: which segments are open (`open`,
 * segment keys), which gap is chosen (`gap`), whether outside firms show (`outside=0` hides them).
 */
export function useChainMap(chainKey: string) {
  const [params, setParams] = useSearchParams();
  // per caller: a viewer is not shown the outside firms of segments that need something, so
  // signing in (or out) asks for the map again, and forgets the segments' firms read before
  const [map, retry] = useQuery(
    ChainMapQuery,
    { id: chainKey, local: FIRST_LOCAL, outside: FIRST_OUTSIDE },
    { perCaller: true },
  );
  const [full, setFull] = useState<ReadonlyMap<string, { local: Firm[]; outside: Firm[] }>>(new Map());
  const epoch = useCallerEpoch();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller changing is the reason
  useEffect(() => setFull(new Map()), [epoch]);
  const [segmentError, setSegmentError] = useState<{ segment: string; message: string } | null>(null);
  const openParam = params.get('open');
  // the same array while the parameter is the same: the map is not rebuilt on every render
  const open = useMemo(() => list(openParam), [openParam]);
  const gapKey = params.get('gap');
  const showOutside = params.get('outside') !== '0';
  const chain = map.kind === 'ready' ? map.data.chain : null;
  const gapSegment = chain?.segments.find((s) => s.key === gapKey) ?? null;
  // candidates need the analyst role: asked again when the tab signs in or out
  const [candidates] = useQuery(GapCandidatesQuery, gapSegment ? { id: gapSegment.id, first: 20 } : null, {
    perCaller: true,
  });

  const setParam = useCallback(
    (name: string, value: string | null) =>
      setParams(
        (prev) => {
          const p = new URLSearchParams(prev);
          if (value === null || value === '') p.delete(name);
          else p.set(name, value);
          return p;
        },
        { replace: true },
      ),
    [setParams],
  );

  /** Loads the whole of a segment once; false (and the error shown) if it could not. */
  const loadFull = useCallback(
    async (segmentId: string, name: string) => {
      if (full.has(segmentId)) return true;
      try {
        const [local, outside] = await Promise.all([allFirms(segmentId, true), allFirms(segmentId, false)]);
        setFull((prev) => new Map(prev).set(segmentId, { local, outside }));
        return true;
      } catch (error) {
        setSegmentError({ segment: name, message: error instanceof Error ? error.message : String(error) });
        return false;
      }
    },
    [full],
  );

  /** Adds or removes a segment key in `open`, as the URL holds it when the change lands. */
  const setOpen = useCallback(
    (key: string, on: boolean) =>
      setParams(
        (prev) => {
          const p = new URLSearchParams(prev);
          const now = list(p.get('open')).filter((k) => k !== key);
          const next = on ? [...now, key] : now;
          if (next.length > 0) p.set('open', next.join(','));
          else p.delete('open');
          return p;
        },
        { replace: true },
      ),
    [setParams],
  );

  const segments: MapSegment[] = useMemo(() => {
    if (!chain) return [];
    const need = needOf({
      fill: chain.gapReport.segments.filter((s) => s.need === 'FILL'),
      extend: chain.gapReport.segments.filter((s) => s.need === 'EXTEND'),
      strengthen: chain.gapReport.segments.filter((s) => s.need === 'STRENGTHEN'),
    });
    return chain.segments.map((s) => {
      const isOpen = open.includes(s.key);
      const loaded = isOpen ? full.get(s.id) : undefined;
      const local = loaded?.local ?? s.localFirms.nodes;
      const outside = showOutside ? (loaded?.outside ?? s.outsideFirms.nodes) : [];
      const total = s.localFirms.totalCount + (showOutside ? s.outsideFirms.totalCount : 0);
      const ordered = firstFirms(local, outside);
      const shown = loaded ? ordered : ordered.slice(0, firstShown(total));
      return {
        id: s.id,
        name: s.name,
        tier: s.tier,
        need: need(s.id),
        covered: s.covered,
        parentId: s.parent?.id,
        localCount: s.localFirms.totalCount,
        outsideCount: s.outsideFirms.totalCount,
        firms: shown,
        hidden: Math.max(0, total - shown.length),
        expanded: !!loaded && total > firstShown(total),
        feedsInto: s.feedsInto.map((f) => f.id),
      };
    });
  }, [chain, open, full, showOutside]);

  const mapCandidates: MapCandidate[] | undefined =
    candidates.kind === 'ready' && candidates.data.segment?.candidates
      ? candidates.data.segment.candidates.nodes.map((c) => ({
          enterprise: c.enterprise,
          score: c.score,
          supplies: c.evidence.flatMap((e) =>
            e.steps.flatMap((s) => (s.kind === 'SUPPLIES' && s.toEnterprise ? [s.toEnterprise.id] : [])),
          ),
        }))
      : undefined;

  return {
    map,
    retry,
    chain,
    segments,
    gapSegment,
    candidates,
    mapCandidates,
    showOutside,
    open,
    segmentError,
    dismissSegmentError: () => setSegmentError(null),
    setShowOutside: (on: boolean) => setParam('outside', on ? null : '0'),
    chooseGap: (key: string | null) => setParam('gap', key),
    /** Shows all of a segment's firms, or the first few again. */
    toggleSegment: async (segmentId: string) => {
      const segment = chain?.segments.find((s) => s.id === segmentId);
      if (!segment) return;
      if (open.includes(segment.key)) setOpen(segment.key, false);
      else {
        setSegmentError(null);
        if (await loadFull(segmentId, segment.name)) setOpen(segment.key, true);
      }
    },
    loadOpen: async () => {
      for (const s of chain?.segments ?? []) if (open.includes(s.key)) await loadFull(s.id, s.name);
    },
  };
}
