import type { StylesheetJson } from '../../graph/elements';
import { FONT_FAMILY, ROLE_STYLES, ROLES } from '../../graph/style';
import { GEOMETRY, MAP_FONT, MIN_SCREEN_PX } from './map-geometry';
import { mapBoxColors, NEED_COLORS } from './needs';

/** Colours told apart for the enterprise systems (系) on the map: a ring around each member. */
export const SYSTEM_PALETTE = ['#7048e8', '#0ca678', '#e8590c', '#1971c2', '#c2255c', '#5c940d', '#862e9c', '#495057'];

export const CANDIDATE_COLOR = '#7048e8';

const NEED_BORDERS = {
  FILL: { style: 'dashed', width: 3 },
  EXTEND: { style: 'dotted', width: 3 },
  STRENGTHEN: { style: 'solid', width: 3 },
  OK: { style: 'solid', width: 1.5 },
} as const;

/**
 * The zoom from which each kind of text is drawn: from where it is 9 px or more on the screen
 * (see `zoomClasses` of the canvas). Below it, that text is left out; a card always keeps its
 * colours and a count, so nothing unreadable is drawn.
 */
export const MAP_DETAIL = [
  { className: 'show-tier', from: MIN_SCREEN_PX / MAP_FONT.tier },
  { className: 'show-title', from: MIN_SCREEN_PX / MAP_FONT.title },
  { className: 'show-body', from: MIN_SCREEN_PX / MAP_FONT.body },
  { className: 'show-candidates', from: MIN_SCREEN_PX / MAP_FONT.candidate },
  { className: 'show-chips', from: MIN_SCREEN_PX / MAP_FONT.chip },
] as const;

/** The chain map's stylesheet: tier bands, segment cards styled by need, firms as chips by role, candidates and evidence. */
export function mapStylesheet(): StylesheetJson {
  return [
    { selector: 'node', style: { 'font-family': FONT_FAMILY, 'z-index-compare': 'manual', 'min-zoomed-font-size': 0 } },
    {
      selector: 'node.tier',
      style: {
        shape: 'round-rectangle',
        width: 'data(width)',
        height: 'data(height)',
        'background-color': '#e9ecef',
        'background-opacity': 0.55,
        'border-width': 0,
        'text-valign': 'top',
        'text-margin-y': 40,
        'font-size': MAP_FONT.tier,
        'font-weight': 'bold',
        color: '#495057',
        'z-compound-depth': 'bottom',
        'z-index': 0,
        events: 'no',
      },
    },
    { selector: 'node.tier.show-tier', style: { label: 'data(label)' } },
    {
      selector: 'node.segment',
      style: {
        shape: 'round-rectangle',
        width: 'data(width)',
        height: 'data(height)',
        'background-color': '#ffffff',
        'border-color': '#ced4da',
        'text-wrap': 'wrap',
        'text-max-width': '1000px',
        'text-halign': 'center',
        'text-valign': 'top',
        'text-justification': 'left',
        // below the card's top edge by the title's height (a label at the top sits above the node)
        'text-margin-y': 'data(titleY)' as unknown as number,
        'font-size': MAP_FONT.title,
        'font-weight': 'bold',
        'line-height': GEOMETRY.titleLine / MAP_FONT.title,
        color: '#212529',
        'z-index': 3,
      },
    },
    { selector: 'node.segment.show-title', style: { label: 'data(label)' } },
    { selector: 'node.segment.group', style: { 'z-index': 1 } },
    ...(['FILL', 'EXTEND', 'STRENGTHEN', 'OK'] as const).map((need) => ({
      selector: `node.segment.need-${need}`,
      style: {
        'background-color': mapBoxColors(need).fill,
        'border-color': mapBoxColors(need).border,
        'border-style': NEED_BORDERS[need].style,
        'border-width': NEED_BORDERS[need].width,
      },
    })),
    {
      selector: 'node.segment.selected-gap',
      style: { 'border-width': 5, 'underlay-color': '#7048e8', 'underlay-opacity': 0.25, 'underlay-padding': 6 },
    },
    {
      selector: 'node.tag',
      style: {
        shape: 'round-rectangle',
        width: 'data(width)',
        height: GEOMETRY.meta - 4,
        'border-width': 0,
        'font-size': MAP_FONT.body,
        'font-weight': 'bold',
        color: '#ffffff',
        'text-valign': 'center',
        'z-index': 4,
        events: 'no',
      },
    },
    ...(['FILL', 'EXTEND', 'STRENGTHEN'] as const).map((need) => ({
      selector: `node.tag.need-${need}`,
      style: { 'background-color': NEED_COLORS[need].border },
    })),
    {
      selector: 'node.meta, node.summary',
      style: {
        shape: 'rectangle',
        width: 'data(width)',
        height: GEOMETRY.meta - 4,
        'background-opacity': 0,
        'border-width': 0,
        'font-size': MAP_FONT.body,
        color: '#495057',
        'text-valign': 'center',
        'z-index': 4,
        events: 'no',
      },
    },
    { selector: 'node.tag.show-body, node.meta.show-body', style: { label: 'data(label)' } },
    {
      selector: 'node.summary',
      style: {
        height: 'data(height)',
        'text-wrap': 'wrap',
        'text-max-width': '1000px',
        'text-justification': 'left',
        'line-height': GEOMETRY.bodyLine / MAP_FONT.body,
        color: '#212529',
      },
    },
    { selector: 'node.summary.show-body', style: { label: 'data(label)' } },
    // near enough for the chips' names: the chips instead of the summary
    { selector: 'node.summary.show-chips', style: { display: 'none' } },
    { selector: 'node.summary.empty.show-chips', style: { display: 'element' } },
    {
      selector: 'node.firm, node.more',
      style: {
        shape: 'round-rectangle',
        width: 'data(width)',
        height: GEOMETRY.chip,
        'font-size': MAP_FONT.chip,
        'text-valign': 'center',
        'border-width': 1.5,
        color: '#ffffff',
        'z-index': 10,
        display: 'none',
      },
    },
    { selector: 'node.firm.show-chips, node.more.show-chips', style: { display: 'element', label: 'data(label)' } },
    ...ROLES.map((role) => ({
      selector: `node.firm[role = "${role}"], node.candidate[role = "${role}"]`,
      style: { 'background-color': ROLE_STYLES[role].color, 'border-color': ROLE_STYLES[role].border },
    })),
    ...ROLES.map((role) => ({
      selector: `node.firm.outside[role = "${role}"]`,
      style: {
        'background-color': ROLE_STYLES[role].tint,
        'border-style': 'dashed' as const,
        color: ROLE_STYLES[role].border,
      },
    })),
    { selector: 'node.firm.anchor', style: { 'font-weight': 'bold', 'border-width': 3, 'border-color': '#212529' } },
    {
      selector: 'node.firm.in-system',
      style: { 'outline-color': 'data(systemColor)', 'outline-width': 2.5, 'outline-offset': 1 },
    },
    {
      selector: 'node.more',
      style: { 'background-color': '#edf2ff', 'border-width': 1, 'border-color': '#bac8ff', color: '#364fc7' },
    },
    {
      selector: 'edge.feeds',
      style: {
        'curve-style': 'taxi',
        'taxi-direction': 'horizontal',
        'taxi-turn': -GEOMETRY.gutterX / 2,
        'taxi-turn-min-distance': 4,
        'source-endpoint': '50% 0%',
        'target-endpoint': '-50% 0%',
        width: 1.5,
        'line-color': '#868e96',
        'target-arrow-shape': 'triangle',
        'target-arrow-color': '#868e96',
        'arrow-scale': 1.1,
        opacity: 0.75,
        // under every card (edges of the same z-index were drawn over the cards): they show
        // between the cards, where they run from one to the next
        'z-compound-depth': 'bottom',
        'z-index-compare': 'manual',
        'z-index': 2,
      },
    },
    {
      selector: 'edge.feeds.back',
      style: {
        'curve-style': 'bezier',
        'source-endpoint': 'outside-to-node',
        'target-endpoint': 'outside-to-node',
        'line-style': 'dashed',
        opacity: 0.5,
      },
    },
    {
      selector: 'node.candidate',
      style: {
        shape: 'diamond',
        width: 30,
        height: 30,
        'background-color': '#e5dbff',
        'border-color': CANDIDATE_COLOR,
        'border-width': 2.5,
        'border-style': 'dashed',
        'text-wrap': 'wrap',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'font-size': MAP_FONT.candidate,
        'text-max-width': `${GEOMETRY.card / 2}px`,
        color: '#5f3dc4',
        'z-index': 10,
      },
    },
    { selector: 'node.candidate.show-candidates', style: { label: 'data(label)' } },
    // a candidate that is an investment lead already (its stage in its label): solid, in blue
    {
      selector: 'node.candidate.lead',
      style: { 'border-style': 'solid', 'border-color': '#1c7ed6', 'background-color': '#d0ebff', color: '#1864ab' },
    },
    {
      selector: 'edge.evidence',
      style: {
        'curve-style': 'bezier',
        width: 2,
        'line-color': CANDIDATE_COLOR,
        'line-style': 'dashed',
        'target-arrow-shape': 'triangle',
        'target-arrow-color': CANDIDATE_COLOR,
        opacity: 0.75,
        'z-index': 9,
      },
    },
    { selector: '.dim', style: { opacity: 0.2 } },
    { selector: 'edge.evidence.lit', style: { width: 3.5, opacity: 1 } },
    {
      selector: 'node:selected',
      style: { 'underlay-color': '#fab005', 'underlay-opacity': 0.55, 'underlay-padding': 6 },
    },
  ];
}
