import { expect, it } from 'vitest';
import { keyLabel } from '../src/format';

it('calls a key a credit code only when it has the form of one', () => {
  expect(keyLabel('91420103T375845494')).toBe('explorer.creditCode');
  expect(keyLabel('300750')).toBe('explorer.otherKey');
  expect(keyLabel('H-b9e39a9bec')).toBe('explorer.otherKey');
});
