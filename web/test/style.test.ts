import { describe, expect, it } from 'vitest';
import {
  EDGE_STYLES,
  graphStylesheet,
  LABELLED,
  LANDMARK,
  OUTSIDE_STYLE,
  RELATION_KINDS,
  ROLE_STYLES,
  ROLES,
} from '../src/graph/style';

const selectors = () => graphStylesheet().map((block) => block.selector);

describe('graph style', () => {
  it('has a style and a Chinese legend label for every role', () => {
    expect([...ROLES].sort()).toEqual(['AFFILIATE', 'DIRECT', 'OTHER', 'ROOT']);
    for (const role of ROLES) {
      const style = ROLE_STYLES[role];
      expect(style.label).toMatch(/企业$/);
      expect(style.color).toMatch(/^#[0-9a-f]{6}$/);
      expect(style.tint).toMatch(/^#[0-9a-f]{6}$/);
      expect(selectors()).toContain(`node[role = "${role}"]`);
    }
    expect(ROLE_STYLES.ROOT.size).toBeGreaterThan(ROLE_STYLES.DIRECT.size);
    expect(new Set(ROLES.map((role) => ROLE_STYLES[role].color)).size).toBe(ROLES.length);
  });

  it('styles every relation kind, with dashes for supplies', () => {
    expect([...RELATION_KINDS].sort()).toEqual(['CONTROLS', 'SUPPLIES']);
    for (const kind of RELATION_KINDS) expect(selectors()).toContain(`edge[kind = "${kind}"]`);
    expect(EDGE_STYLES.CONTROLS.lineStyle).toBe('solid');
    expect(EDGE_STYLES.SUPPLIES.lineStyle).toBe('dashed');
  });

  it('marks enterprises outside the district with a dashed border', () => {
    expect(OUTSIDE_STYLE.label).toBe('区外企业');
    const outside = graphStylesheet().find((block) => block.selector === 'node[!local]');
    expect(outside && 'style' in outside ? outside.style : undefined).toMatchObject({ 'border-style': 'dashed' });
  });

  it('gives text only to labelled elements and landmarks (and to an edge hovered or in focus)', () => {
    const TEXT = /^(label|font-|text-|min-zoomed-font-size|color)$|^(font|text)-/;
    const withText = graphStylesheet().filter(
      (block) => 'style' in block && Object.keys(block.style).some((property) => TEXT.test(property)),
    );
    expect(withText.length).toBeGreaterThan(0);
    for (const block of withText)
      for (const selector of block.selector.split(',').map((s) => s.trim()))
        expect(selector, selector).toMatch(
          new RegExp(`\\.${LABELLED}\\b|^node\\.${LANDMARK}\\b|^edge\\.(hover|focus)(\\[|$)`),
        );
    // a labelled node and a landmark have their name
    for (const named of [`node.${LABELLED}`, `node.${LANDMARK}`]) {
      const node = graphStylesheet().find((block) => block.selector === named);
      expect(node && 'style' in node ? node.style : undefined).toMatchObject({ label: 'data(label)' });
    }
  });
});
