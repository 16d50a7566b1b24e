import type { Anchors, Chain, District, Feeds, InSegment, Leader, Leads, Makes, Segment } from '../../domain/model';
import { Members } from './members';

/**
 * The chain side of the embedded graph: chains, their segments and template, leaders, anchors
 * and memberships. Small next to the enterprise graph, so plain maps, indexed both ways.
 */
export class ChainIndex {
  readonly chains = new Map<string, Chain>();
  readonly segments = new Map<string, Segment>();
  readonly leaders = new Map<string, Leader>();
  /** segmentId → the segments it feeds. */
  readonly feeds = new Map<string, Set<string>>();
  /** chainId → leaderIds. */
  readonly leads = new Map<string, Set<string>>();
  /** chainId → anchoring enterprises, with provenance. */
  readonly anchors = new Map<string, Map<string, Anchors>>();
  /** segmentId → member enterprises, with provenance. */
  readonly members = new Members();
  /**
   * enterpriseId → segmentIds: a lone segment's id as it is, a list only for two or more (most
   * enterprises are in one segment; a list each is a million small arrays kept at L, B13). Built
   * from `members` on first use, then kept up to date: opening L puts a million memberships,
   * and a second map of a million entries was a tenth of the time it took (B13).
   */
  private segmentIds: Map<string, string | string[]> | undefined;
  /** enterpriseId → what it makes, by product. */
  readonly makes = new Map<string, Map<string, Makes>>();
  /** The home district: its enterprises are local. */
  home: District | undefined;
  /** chainId → its segments in order, built on first use after a change of segments. */
  private byChain: Map<string, Segment[]> | undefined;

  has(kind: 'chains' | 'segments' | 'leaders', id: string): boolean {
    return this[kind].has(id);
  }

  putChain(c: Chain): boolean {
    return put(this.chains, c.id, c);
  }

  putSegment(s: Segment): boolean {
    this.byChain = undefined;
    return put(this.segments, s.id, s);
  }

  putMakes(m: Makes): boolean {
    return put(inner(this.makes, m.enterpriseId), m.product, m);
  }

  putHome(d: District): void {
    this.home = d;
  }

  putLeader(l: Leader): boolean {
    return put(this.leaders, l.id, l);
  }

  putFeeds(f: Feeds): boolean {
    return addTo(this.feeds, f.from, f.to);
  }

  putLeads(l: Leads): boolean {
    return addTo(this.leads, l.chainId, l.leaderId);
  }

  putAnchor(a: Anchors): boolean {
    return put(inner(this.anchors, a.chainId), a.enterpriseId, a);
  }

  /** Adds or replaces a membership. */
  putMember(m: InSegment): void {
    if (!this.segmentIds) {
      this.members.put(m);
      return;
    }
    // the index by enterprise is built: it needs to know whether the membership is new
    if (put(this.members.of(m.segmentId), m.enterpriseId, m)) addSegment(this.segmentIds, m.enterpriseId, m.segmentId);
  }

  /** The segments an enterprise is a member of, in no particular order. */
  segmentsOf(enterpriseId: string): readonly string[] {
    const held = this.bySegment().get(enterpriseId);
    return held === undefined ? [] : typeof held === 'string' ? [held] : held;
  }

  private bySegment(): Map<string, string | string[]> {
    if (!this.segmentIds) {
      const index = new Map<string, string | string[]>();
      for (const [segmentId, members] of this.members.entries())
        for (const enterpriseId of members.keys()) addSegment(index, enterpriseId, segmentId);
      this.segmentIds = index;
    }
    return this.segmentIds;
  }

  /** Takes an anchor out; false when there was none. */
  removeAnchor(enterpriseId: string, chainId: string): boolean {
    return this.anchors.get(chainId)?.delete(enterpriseId) ?? false;
  }

  /** Takes a membership out; false when there was none. */
  removeMember(enterpriseId: string, segmentId: string): boolean {
    if (!this.members.get(segmentId)?.delete(enterpriseId)) return false;
    const rest = this.segmentsOf(enterpriseId).filter((s) => s !== segmentId);
    const index = this.bySegment();
    if (rest.length === 0) index.delete(enterpriseId);
    else index.set(enterpriseId, rest.length === 1 ? (rest[0] as string) : rest);
    return true;
  }

  segmentsOfChain(chainId: string): Segment[] {
    if (!this.byChain) {
      this.byChain = new Map();
      for (const s of this.segments.values()) {
        const list = this.byChain.get(s.chainId);
        if (list) list.push(s);
        else this.byChain.set(s.chainId, [s]);
      }
      for (const list of this.byChain.values()) list.sort((a, b) => a.order - b.order);
    }
    return this.byChain.get(chainId) ?? [];
  }
}

/** Adds a segment to an enterprise's (see ChainIndex.segmentIds). */
function addSegment(index: Map<string, string | string[]>, enterpriseId: string, segmentId: string): void {
  const held = index.get(enterpriseId);
  if (held === undefined) index.set(enterpriseId, segmentId);
  else if (typeof held === 'string') index.set(enterpriseId, [held, segmentId]);
  else held.push(segmentId);
}

/** Sets a value; true when the key is new. */
function put<V>(map: Map<string, V>, key: string, value: V): boolean {
  // one look-up, not two (has, then set): opening L puts a million memberships
  const before = map.size;
  map.set(key, value);
  return map.size > before;
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): boolean {
  const set = map.get(key) ?? new Set<string>();
  map.set(key, set);
  const isNew = !set.has(value);
  set.add(value);
  return isNew;
}

function inner<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let m = map.get(key);
  if (!m) {
    m = new Map();
    map.set(key, m);
  }
  return m;
}
