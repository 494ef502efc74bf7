import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoxType, PackOrder } from '../../../domain/packing/types';
import { ScaleControl } from '../../scale/scale-control';
import { useScale } from '../../scale/use-scale';
import { signal } from '../../scan/feedback';
import { publishScan } from '../../scan/scan-bus';
import { usePackSession } from './pack-session';
import type { CartonCheck, CartonWork } from './pack-work';
import { parseWeight } from './pack-work';

/** The most a carton may weigh on the wire (PackCarton.weightG); a longer number is a barcode. */
const MAX_WEIGHT_G = 1_000_000;

interface Props {
  order: PackOrder;
  carton: CartonWork;
  check: CartonCheck;
  index: number;
  count: number;
  boxes: readonly BoxType[];
  /** The order is verified and this is the carton to weigh: the weight field takes focus. */
  weighNow: boolean;
}

/** One carton: what is in it, its box (suggested, scanned or chosen), and its weight against the expected one. */
export function CartonRow({ order, carton, check, index, count, boxes, weighNow }: Props) {
  const { t } = useTranslation();
  const { skus, setBox, setWeight, removeCarton } = usePackSession();
  const scale = useScale();
  const boxId = useId();
  const weightId = useId();
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (weighNow && carton.weightG === null) input.current?.focus();
  }, [weighNow, carton.weightG]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const grams = parseWeight(text);
    const raw = text.trim();
    setText('');
    if (grams === null || grams > MAX_WEIGHT_G) {
      // Not a weight: a scanner typing into the focused field (an item, a box label).
      // It goes to the bench like any other scan.
      if (raw) publishScan({ source: 'wedge', raw, at: performance.now() });
      return;
    }
    if (grams <= 0) {
      signal('error', t('errors.WEIGHT_NOT_POSITIVE'));
      return;
    }
    setWeight(order.orderId, carton.id, grams);
    // Back to the scanner: the next thing is a tap on Confirm or another scan.
    input.current?.blur();
  };

  const contents = order.items
    .map((it, slot) => ({ name: skus[it.skuId]?.code ?? it.skuId, qty: carton.units[slot] ?? 0 }))
    .filter((x) => x.qty > 0);
  const w = check.weight;
  return (
    <div className="stack pack-carton" data-testid="carton" role="group" aria-label={t('packing.carton-n', { n: index + 1, count })}>
      <h4>{t('packing.carton-n', { n: index + 1, count })}</h4>
      <p data-testid="carton-contents">
        {contents.length ? contents.map((c) => `${c.name} ×${c.qty}`).join(', ') : t('packing.carton-empty')}
      </p>
      {contents.length === 0 && count > 1 && (
        <button type="button" className="btn" onClick={() => removeCarton(order.orderId, carton.id)}>
          {t('packing.remove-carton', { n: index + 1 })}
        </button>
      )}
      <div className="field">
        <label htmlFor={boxId}>{t('packing.box')}</label>
        <select id={boxId} value={check.box?.id ?? ''} onChange={(e) => setBox(order.orderId, carton.id, e.target.value)}>
          {!check.box && <option value="">{t('packing.no-box')}</option>}
          {boxes.map((b) => (
            <option key={b.id} value={b.id}>
              {b.code} · {b.name}
              {check.suggested?.id === b.id ? ` (${t('packing.suggested')})` : ''}
            </option>
          ))}
        </select>
      </div>
      {check.fit && !check.fit.ok && (
        <p className="message message-warn" role="alert" data-testid="box-fit">
          {t(`packing.box-too-small.${check.fit.reason}`)}
        </p>
      )}
      {check.expectedG !== null && (
        <p data-testid="expected-weight">
          {t('packing.expected', { expected: check.expectedG, tolerance: check.toleranceG })}
        </p>
      )}
      <form className="qty-form" onSubmit={submit}>
        <label htmlFor={weightId}>{t('packing.weight')}</label>
        <input ref={input} id={weightId} type="text" inputMode="decimal" autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="btn">
          {t('packing.set-weight')}
        </button>
      </form>
      <ScaleControl scale={scale} onUse={(g) => setWeight(order.orderId, carton.id, g)} />
      {carton.weightG !== null && (
        <p className={`message ${w && !w.ok ? 'message-error' : 'message-success'}`} data-testid="weight-result">
          {w && !w.ok
            ? t('packing.weight-off', { weight: carton.weightG, diff: w.diffG > 0 ? `+${w.diffG}` : w.diffG, tolerance: w.toleranceG })
            : t('packing.weight-ok', { weight: carton.weightG })}
        </p>
      )}
    </div>
  );
}
