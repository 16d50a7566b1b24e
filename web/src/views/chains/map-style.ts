import type { StylesheetJson } from 'cytoscape';
import { FONT_FAMILY, ROLE_STYLES, ROLES } from '../../graph/style';
import { mapBoxColors } from './needs';

/** Colours told apart for the enterprise systems (系) on the map: a ring around each member. */
export const SYSTEM_PALETTE = ['#7048e8', '#0ca678', '#e8590c', '#1971c2', '#c2255c', '#5c940d', '#862e9c', '#495057'];

export const CANDIDATE_COLOR = '#7048e8';

const NEED_BORDERS = {
  FILL: { style: 'dashed', width: 3 },
  EXTEND: { style: 'dotted', width: 3 },
  STRENGTHEN: { style: 'solid', width: 3 },
  OK: { style: 'solid', width: 1.5 },
} as const;

/** The chain map's stylesheet: tier bands, segment boxes styled by need, firms by role, candidates and evidence. */
export function mapStylesheet(): StylesheetJson {
  return [
    { selector: 'node', style: { 'font-family': FONT_FAMILY, 'z-index-compare': 'manual' } },
    {
      selector: 'node.tier',
      style: {
        shape: 'round-rectangle',
        width: 'data(width)',
        height: 'data(height)',
        'background-color': '#e9ecef',
        'background-opacity': 0.45,
        'border-width': 0,
        label: 'data(label)',
        'text-valign': 'top',
        'text-margin-y': 30,
        'font-size': 15,
        'font-weight': 'bold',
        color: '#868e96',
        'z-index': 0,
        events: 'no',
      },
    },
    {
      selector: 'node.segment',
      style: {
        shape: 'round-rectangle',
        width: 'data(width)',
        height: 'data(height)',
        'background-color': '#ffffff',
        'border-color': '#ced4da',
        label: 'data(label)',
        'text-wrap': 'wrap',
        'text-max-width': '200px',
        'text-valign': 'top',
        'text-margin-y': 52,
        'font-size': 13,
        'line-height': 1.5,
        color: '#212529',
        'z-index': 1,
      },
    },
    ...(['FILL', 'EXTEND', 'STRENGTHEN', 'OK'] as const).map((need) => ({
      selector: `node.need-${need}`,
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
    { selector: 'node.port', style: { width: 1, height: 1, opacity: 0, events: 'no' } },
    {
      selector: 'edge.feeds',
      style: {
        'curve-style': 'unbundled-bezier',
        'control-point-distances': [-26],
        'control-point-weights': [0.5],
        width: 1.5,
        'line-color': '#adb5bd',
        'target-arrow-shape': 'triangle',
        'target-arrow-color': '#adb5bd',
        'z-index': 2,
      },
    },
    {
      selector: 'node.firm',
      style: {
        label: 'data(label)',
        'font-size': 11,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '96px',
        'border-width': 2,
        width: 26,
        height: 26,
        'z-index': 10,
      },
    },
    ...ROLES.map((role) => ({
      selector: `node.firm[role = "${role}"], node.candidate[role = "${role}"]`,
      style: { 'background-color': ROLE_STYLES[role].color, 'border-color': ROLE_STYLES[role].border },
    })),
    ...ROLES.map((role) => ({
      selector: `node.firm.outside[role = "${role}"]`,
      style: { 'background-color': ROLE_STYLES[role].tint, 'border-style': 'dashed' as const },
    })),
    { selector: 'node.firm.anchor', style: { shape: 'star', width: 36, height: 36, 'font-weight': 'bold' } },
    {
      selector: 'node.firm.in-system',
      style: { 'outline-color': 'data(systemColor)', 'outline-width': 3, 'outline-offset': 2 },
    },
    {
      selector: 'node.more',
      style: {
        shape: 'round-rectangle',
        width: 160,
        height: 22,
        'background-color': '#edf2ff',
        'border-width': 1,
        'border-color': '#bac8ff',
        label: 'data(label)',
        'text-valign': 'center',
        'font-size': 12,
        color: '#364fc7',
        'z-index': 10,
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
        label: 'data(label)',
        'text-wrap': 'wrap',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'font-size': 11,
        color: '#5f3dc4',
        'z-index': 10,
      },
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
