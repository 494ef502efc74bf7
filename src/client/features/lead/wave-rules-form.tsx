import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WaveRules } from './lead-api';

const LIMITS = [
  { key: 'maxOrders', max: 200, dflt: 12 },
  { key: 'maxLines', max: 5000, dflt: 100 },
  { key: 'maxUnits', max: 20_000, dflt: 300 },
  { key: 'maxTotes', max: 200, dflt: 12 },
] as const;
type LimitKey = (typeof LIMITS)[number]['key'];
type ZoneChoice = 'all' | 'per_zone' | 'list';

/** The wave rules: bad input stops here with its words, so nothing is asked of the server. */
export function WaveRulesForm({ busy, onPreview, onInvalid }: { busy: boolean; onPreview: (rules: WaveRules) => void; onInvalid: (text: string) => void }) {
  const { t } = useTranslation();
  const [groupBy, setGroupBy] = useState<WaveRules['groupBy']>('cutoff');
  const [zoneChoice, setZoneChoice] = useState<ZoneChoice>('all');
  const [zoneList, setZoneList] = useState('');
  const [mode, setMode] = useState<WaveRules['mode']>('multi');
  const [limits, setLimits] = useState<Record<LimitKey, string>>(() => Object.fromEntries(LIMITS.map((l) => [l.key, String(l.dflt)])) as Record<LimitKey, string>);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const caps = {} as Record<LimitKey, number>;
    for (const l of LIMITS) {
      const n = Number(limits[l.key].trim());
      if (!/^\d+$/.test(limits[l.key].trim()) || n < 1 || n > l.max) {
        return onInvalid(t('lead.plan.bad-limit', { field: t(`lead.plan.${l.key}`), max: l.max }));
      }
      caps[l.key] = n;
    }
    let zones: WaveRules['zones'] = zoneChoice === 'list' ? [] : zoneChoice;
    if (zoneChoice === 'list') {
      zones = [...new Set(zoneList.split(/[\s,]+/).map((z) => z.trim().toUpperCase()).filter(Boolean))];
      if (zones.length === 0 || zones.some((z) => z.length > 32)) return onInvalid(t('lead.plan.zones-required'));
    }
    onPreview({ groupBy, zones, mode, ...caps });
  };

  const radio = <T extends string>(name: string, value: T, current: T, set: (v: T) => void, label: string) => (
    <label className="choice" key={value}>
      <input type="radio" name={name} value={value} checked={current === value} onChange={() => set(value)} />
      {label}
    </label>
  );

  return (
    <form className="stack" onSubmit={submit} noValidate aria-labelledby="wave-rules">
      <h2 id="wave-rules">{t('lead.plan.rules')}</h2>
      <fieldset>
        <legend>{t('lead.plan.group-by')}</legend>
        {radio('group-by', 'cutoff', groupBy, setGroupBy, t('lead.plan.group-cutoff'))}
        {radio('group-by', 'ship_by', groupBy, setGroupBy, t('lead.plan.group-ship-by'))}
      </fieldset>
      <fieldset>
        <legend>{t('lead.plan.zones')}</legend>
        {radio<ZoneChoice>('zones', 'all', zoneChoice, setZoneChoice, t('lead.plan.zones-all'))}
        {radio<ZoneChoice>('zones', 'per_zone', zoneChoice, setZoneChoice, t('lead.plan.zones-per-zone'))}
        {radio<ZoneChoice>('zones', 'list', zoneChoice, setZoneChoice, t('lead.plan.zones-list'))}
        {zoneChoice === 'list' && (
          <div className="field">
            <label htmlFor="zone-list">{t('lead.plan.zone-codes')}</label>
            <input id="zone-list" value={zoneList} autoCapitalize="characters" spellCheck={false} aria-describedby="zone-list-hint" onChange={(e) => setZoneList(e.target.value)} />
            <p className="hint" id="zone-list-hint">
              {t('lead.plan.zone-codes-hint')}
            </p>
          </div>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('lead.plan.mode')}</legend>
        {radio('mode', 'multi', mode, setMode, t('lead.plan.mode-multi'))}
        {radio('mode', 'single', mode, setMode, t('lead.plan.mode-single'))}
      </fieldset>
      <fieldset>
        <legend>{t('lead.plan.limits')}</legend>
        <div className="stack">
          {LIMITS.map((l) => (
            <div className="field" key={l.key}>
              <label htmlFor={`limit-${l.key}`}>{t(`lead.plan.${l.key}`)}</label>
              <input
                id={`limit-${l.key}`}
                type="number"
                inputMode="numeric"
                min={1}
                max={l.max}
                value={limits[l.key]}
                onChange={(e) => setLimits((s) => ({ ...s, [l.key]: e.target.value }))}
              />
            </div>
          ))}
        </div>
      </fieldset>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t('lead.plan.preview')}
      </button>
    </form>
  );
}
