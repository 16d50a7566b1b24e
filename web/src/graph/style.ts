import type { StylesheetJson } from 'cytoscape';
import type { EnterpriseRole, RelationKind } from '../queries/enterprise';
import { HIDING_CLASSES } from './classes';

/** How each enterprise role is drawn, and its name in the legend. */
export interface RoleStyle {
  label: string;
  description: string;
  color: string;
  /** The lighter fill of enterprises outside the district. */
  tint: string;
  border: string;
  /** Node diameter in model pixels. */
  size: number;
}

export const ROLE_STYLES: Readonly<Record<EnterpriseRole, RoleStyle>> = {
  ROOT: {
    label: '根系企业',
    description: '控股他人、不被任何企业控股',
    color: '#a61e1e',
    tint: '#ebb9b9',
    border: '#5c0a0a',
    size: 60,
  },
  DIRECT: {
    label: '直系企业',
    description: '被根系企业直接或间接控股',
    color: '#f08c00',
    tint: '#fcd9a8',
    border: '#a35f00',
    size: 40,
  },
  AFFILIATE: {
    label: '供应链关联企业',
    description: '与系内企业有供应关系',
    color: '#1c7ed6',
    tint: '#b3d4f5',
    border: '#0b4f8a',
    size: 34,
  },
  OTHER: {
    label: '其他企业',
    description: '不属于任何企业系',
    color: '#868e96',
    tint: '#dcdfe3',
    border: '#495057',
    size: 30,
  },
};

/** Roles in legend order. */
export const ROLES = Object.keys(ROLE_STYLES) as EnterpriseRole[];

/** Enterprises registered outside the district (`local: false`). */
export const OUTSIDE_STYLE = { label: '区外企业', description: '虚线边框、浅色填充' } as const;

export interface EdgeStyle {
  label: string;
  description: string;
  color: string;
  lineStyle: 'solid' | 'dashed';
}

export const EDGE_STYLES: Readonly<Record<RelationKind, EdgeStyle>> = {
  CONTROLS: { label: '控股', description: '母公司 → 子公司，标注持股比例', color: '#7a4b3a', lineStyle: 'solid' },
  SUPPLIES: { label: '供应', description: '供应商 → 客户，悬停或选中显示产品', color: '#2f9e44', lineStyle: 'dashed' },
};

export const RELATION_KINDS = Object.keys(EDGE_STYLES) as RelationKind[];

export const FONT_FAMILY =
  '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';

/** The size of a firm's name (a root's is larger), in the graph's own pixels. */
export const NODE_FONT_PX = 11;

/** Text drawn smaller than this many screen pixels is left out (Cytoscape's `min-zoomed-font-size`). */
const MIN_ZOOMED_FONT_SIZE = 7;

/**
 * The class that gives an element its text (label, font, background). The explorer's canvas
 * hands it out only from `LABEL_ZOOM` on: below, no label could be read, and an unlabelled
 * element costs Cytoscape no text to style, measure or place (a good part of a large view's
 * first paint).
 */
export const LABELLED = 'labelled';
/** A name hidden because a more important one is drawn where it would be (Canvas `declutter`). */
export const LABEL_HIDDEN = 'label-hidden';

/**
 * The class of a node named at every zoom (see graph/landmarks.ts): the canvas sets its size, one
 * size on the screen, on the node itself.
 */
export const LANDMARK = 'landmark';

/**
 * The zoom, times the screen's pixel ratio, from which elements are labelled. Cytoscape weighs
 * text of s px at s × 2^⌈log2(zoom × ratio)⌉ against `MIN_ZOOMED_FONT_SIZE`: every label here
 * (10–13 px) is drawn from zoom × ratio > 0.5 on, none below. Labelling from a little farther
 * (0.4) had text ready when it could first be drawn, but styled and measured text that could not
 * be: an expansion that ends at zoom 0.45, a common case, took longer and made long tasks more
 * often.
 */
export const LABEL_ZOOM = 0.5;

const EDGE_LABEL = {
  label: 'data(label)',
  'font-family': FONT_FAMILY,
  'font-size': 10,
  'text-rotation': 'autorotate',
  'text-background-color': '#ffffff',
  'text-background-opacity': 0.85,
  'text-background-padding': '1px',
  'min-zoomed-font-size': MIN_ZOOMED_FONT_SIZE,
} as const;

/** The Cytoscape stylesheet: one rule per role and per relation kind, then the outside, hover and selection states. */
export function graphStylesheet(): StylesheetJson {
  return [
    // few properties: every one set costs on each of thousands of elements when a view is first
    // drawn. Cytoscape's defaults go unsaid, and stand in for the near-identical values set
    // before (black text, square label backgrounds without padding, arrows at 1)
    { selector: 'node', style: { 'border-width': 2 } },
    // text only on elements the canvas has labelled: those of a view seen from near enough for
    // any text to be drawn (see LABEL_ZOOM)
    {
      selector: `node.${LABELLED}`,
      style: {
        label: 'data(label)',
        'font-family': FONT_FAMILY,
        'font-size': NODE_FONT_PX,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'min-zoomed-font-size': MIN_ZOOMED_FONT_SIZE,
      },
    },
    ...ROLES.map((role) => {
      const { color, border, size } = ROLE_STYLES[role];
      return {
        selector: `node[role = "${role}"]`,
        style: {
          'background-color': color,
          'border-color': border,
          // 30, Cytoscape's default size, goes unsaid
          ...(size === 30 ? {} : { width: size, height: size }),
        },
      };
    }),
    { selector: `node.${LABELLED}[role = "ROOT"]`, style: { 'font-size': 13, 'font-weight': 'bold' } },
    { selector: 'node[!local]', style: { 'border-style': 'dashed', 'border-width': 2.5 } },
    ...ROLES.map((role) => ({
      selector: `node[role = "${role}"][!local]`,
      style: { 'background-color': ROLE_STYLES[role].tint },
    })),
    { selector: `node.${LABELLED}.centre`, style: { 'font-weight': 'bold' } },
    // a name that would be drawn over a more important one (Canvas `declutter`) waits for room
    { selector: `node.${LABELLED}.${LABEL_HIDDEN}`, style: { 'text-opacity': 0, 'text-background-opacity': 0 } },
    {
      selector: 'node:selected',
      style: {
        'underlay-color': '#fab005',
        'underlay-opacity': 0.55,
        'underlay-padding': 7,
        'underlay-shape': 'ellipse',
      },
    },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        // straight: bundled curves cost Cytoscape far more; edges sharing both ends curve apart
        'curve-style': 'straight',
        'target-arrow-shape': 'triangle',
        opacity: 0.85,
      },
    },
    ...RELATION_KINDS.map((kind) => {
      const { color, lineStyle } = EDGE_STYLES[kind];
      return {
        selector: `edge[kind = "${kind}"]`,
        style: { 'line-color': color, 'target-arrow-color': color, 'line-style': lineStyle },
      };
    }),
    { selector: 'edge.parallel', style: { 'curve-style': 'bezier' } },
    // the label's style only on edges whose label shows (a labelled ownership link's share, any
    // link hovered or in focus): a property set on a thousand edges costs, even unused
    { selector: `edge.${LABELLED}[kind = "CONTROLS"], edge.hover, edge.focus`, style: EDGE_LABEL },
    ...RELATION_KINDS.map((kind) => ({
      selector: [LABELLED, 'hover', 'focus'].map((state) => `edge.${state}[kind = "${kind}"]`).join(', '),
      style: { color: EDGE_STYLES[kind].color },
    })),
    { selector: 'edge[kind = "CONTROLS"]', style: { width: 2 } },
    { selector: 'edge[kind = "SUPPLIES"]', style: { 'line-dash-pattern': [6, 4] } },
    {
      selector: 'edge.hover, edge.focus',
      style: { width: 3, opacity: 1, 'z-index': 10 },
    },
    // filters and folded systems hide; a folded root shows how many it stands for
    { selector: HIDING_CLASSES.map((c) => `.${c}`).join(', '), style: { display: 'none' } },
    {
      selector: 'node.folded',
      style: { 'border-width': 6, 'border-style': 'double', width: 70, height: 70 },
    },
    { selector: `node.${LABELLED}.folded`, style: { label: 'data(folded)', 'font-weight': 'bold' } },
    // a landmark's name shows from every zoom, over its neighbours and their links
    {
      selector: `node.${LANDMARK}`,
      style: {
        label: 'data(label)',
        'font-family': FONT_FAMILY,
        'font-weight': 'bold',
        'text-valign': 'bottom',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-shape': 'roundrectangle',
        'z-index': 1,
      },
    },
    { selector: `node.${LANDMARK}.folded`, style: { label: 'data(folded)' } },
    {
      selector: 'edge.meta',
      style: { 'line-color': '#868e96', 'target-arrow-color': '#868e96', 'line-style': 'dotted', width: 2 },
    },
    // a folded system's links to one firm, drawn as one: both ways if they run both ways, and their count
    { selector: 'edge.meta[?both]', style: { 'source-arrow-shape': 'triangle', 'source-arrow-color': '#868e96' } },
    { selector: `edge.${LABELLED}.meta[count > 1]`, style: { ...EDGE_LABEL, color: '#495057', 'font-weight': 'bold' } },
  ];
}
