import { describe, expect, it } from 'vitest';
import { translate } from '../src/i18n/messages';
import type { Figures } from '../src/queries/changes';
import { deltaOf, formatFigure, sinceDefault, trend } from '../src/views/changes/figures';

const figures = (f: Partial<Figures>): Figures => ({
  segments: 6,
  covered: 4,
  coverage: 4 / 6,
  fill: 1,
  extend: 1,
  strengthen: 2,
  localSourcing: 0.49,
  chokepoints: 6,
  members: 59,
  localMembers: 26,
  links: 113,
  ...f,
});

describe('the figures of 自上次会议以来', () => {
  it('show shares as percentages and their change in points, counts as counts', () => {
    expect(formatFigure('coverage', figures({}), 'zh')).toBe('67%');
    expect(formatFigure('localSourcing', figures({ localSourcing: null }), 'en')).toBe('—');
    expect(formatFigure('links', figures({ links: 12_345 }), 'en')).toBe('12,345');
    expect(deltaOf('coverage', figures({}), figures({ coverage: 5 / 6 }), 'zh')).toEqual({
      text: '+16 个百分点',
      tone: 'up',
    });
    expect(deltaOf('coverage', figures({}), figures({ coverage: 0.5 }), 'en')).toEqual({
      text: '−17 pp',
      tone: 'down',
    });
  });

  it('count fewer gaps and sole suppliers as good news, fewer firms as bad', () => {
    expect(deltaOf('fill', figures({}), figures({ fill: 0 }), 'zh')).toEqual({ text: '−1', tone: 'up' });
    expect(deltaOf('chokepoints', figures({}), figures({ chokepoints: 8 }), 'zh')).toEqual({
      text: '+2',
      tone: 'down',
    });
    expect(deltaOf('members', figures({}), figures({ members: 58 }), 'zh')).toEqual({ text: '−1', tone: 'down' });
    expect(deltaOf('links', figures({}), figures({}), 'zh')).toEqual({ text: '—', tone: 'same' });
    expect(deltaOf('localSourcing', figures({ localSourcing: null }), figures({ localSourcing: 0.3 }), 'zh').text).toBe(
      '—',
    );
  });

  it('default to 30 days before today, and draw the trend to now', () => {
    expect(sinceDefault(new Date('2026-12-07T10:00:00Z'))).toBe('2026-11-07');
    const t = (key: Parameters<typeof translate>[1]) => translate('zh', key);
    const { times, series } = trend(
      t,
      [{ takenAt: '2026-11-01T00:00:00Z', figures: { coverage: 0.5, localSourcing: null } }],
      { coverage: 0.75, localSourcing: 0.4 },
    );
    expect(times).toHaveLength(2);
    expect(series.map((s) => [s.label, s.values])).toEqual([
      ['环节覆盖率', [0.5, 0.75]],
      ['本地配套率', [null, 0.4]],
    ]);
  });
});
