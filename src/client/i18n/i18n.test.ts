import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../domain/errors';
import { mergeAreas } from './merge';
import i18n, { LANGUAGES } from './index';

function keys(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('translations', () => {
  it('every language has exactly the same keys', () => {
    const [first, ...rest] = LANGUAGES.map((l) => keys(i18n.getResourceBundle(l, 'translation')).sort());
    for (const r of rest) expect(r).toEqual(first);
  });

  it('every error code has words in every language', () => {
    for (const l of LANGUAGES) {
      const errors = (i18n.getResourceBundle(l, 'translation') as { errors: Record<string, string> }).errors;
      expect(Object.values(ErrorCode).filter((c) => typeof errors[c] !== 'string'), l).toEqual([]);
    }
  });

  it('every area file has a twin in each language', () => {
    const files = Object.keys(import.meta.glob('./areas/*.json')).map((f) => f.slice('./areas/'.length));
    const areas = new Set(files.map((f) => f.replace(/\.[a-z]{2}\.json$/, '')));
    for (const a of areas) for (const l of LANGUAGES) expect(files).toContain(`${a}.${l}.json`);
  });

  it('refuses a key defined twice', () => {
    expect(() => mergeAreas({ a: { b: 'x' } }, { './areas/z.en.json': { default: { a: { b: 'y' } } } }, 'en')).toThrow(/a\.b/);
    expect(mergeAreas({ a: { b: 'x' } }, { './areas/z.en.json': { default: { a: { c: 'y' } } } }, 'en')).toEqual({ a: { b: 'x', c: 'y' } });
  });
});
