import { describe, expect, it } from 'vitest';
import { fittingLandmarks, LANDMARK_PX, type LandmarkCandidate, landmarkStyle } from '../src/graph/landmarks';

/** Every character as wide as the name is high, as CJK text is. */
const width = (text: string) => text.length * LANDMARK_PX;
const firm = (id: string, x: number, y: number, text = '长江商贸', radius = 30): LandmarkCandidate => ({
  id,
  x,
  y,
  radius,
  text,
});

describe('landmarks', () => {
  it('names candidates in the order given, leaving out a name that would cover one taken before', () => {
    // side by side, 200 model px apart, names 52 px wide (and their padding): at zoom 0.3 they are
    // 60 px apart on the screen and fit; at 0.2, 40 px apart, and the middle one covers both
    const candidates = [firm('centre', 0, 0), firm('b', 200, 0), firm('c', 400, 0)];
    expect(fittingLandmarks(candidates, 0.3, width)).toEqual(['centre', 'b', 'c']);
    expect(fittingLandmarks(candidates, 0.2, width)).toEqual(['centre', 'c']);
    expect(fittingLandmarks([...candidates].reverse(), 0.2, width)).toEqual(['c', 'centre']);
    expect(fittingLandmarks(candidates, 0.1, width)).toEqual(['centre']);
  });

  it('keeps a name off a landmark drawn before, and a landmark from under a name', () => {
    // b sits just below the centre, where the centre's name goes
    const below = [firm('centre', 0, 0, '长江商贸', 30), firm('b', 0, 45, 'B', 10)];
    expect(fittingLandmarks(below, 1, width)).toEqual(['centre']);
    // b sits just above the centre, so that the centre's node is under b's name
    const above = [firm('b', 0, -50, 'B', 10), firm('centre', 0, 0, '长江商贸', 30)];
    expect(fittingLandmarks(above, 1, width)).toEqual(['b']);
    // far enough apart, both
    expect(fittingLandmarks([firm('centre', 0, 0), firm('b', 0, 200, 'B', 10)], 1, width)).toEqual(['centre', 'b']);
  });

  it('draws a name at one size on the screen at every zoom', () => {
    for (const zoom of [0.05, 0.25, 0.5, 0.99]) {
      const style = landmarkStyle(zoom);
      expect(style['font-size'] * zoom).toBeCloseTo(LANDMARK_PX, 9);
      expect(Number.parseFloat(style['text-background-padding']) * zoom).toBeCloseTo(2, 9);
    }
  });
});
