import { describe, expect, it } from 'vitest';
import { emitServerPoke, onServerPoke } from './pokes';

describe('server pokes', () => {
  it('reach every screen listening, not one that stopped, and survive a failing listener', () => {
    const heard: string[] = [];
    const stopA = onServerPoke(() => heard.push('a'));
    const stopB = onServerPoke(() => {
      throw new Error('screen gone');
    });
    const stopC = onServerPoke(() => heard.push('c'));
    emitServerPoke();
    stopA();
    emitServerPoke();
    stopB();
    stopC();
    emitServerPoke();
    expect(heard).toEqual(['a', 'c', 'c']);
  });
});
