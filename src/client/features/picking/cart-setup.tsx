import { useTranslation } from 'react-i18next';
import { nextEmptySlot, type CartSlot } from '../../../domain/picking/cart';
import { CameraButton } from '../../scan/camera/camera-button';

/** Loading the cart: one tote per order's slot, scanned in slot order, before the first stop. */
export function CartSetup({ cart }: { cart: readonly CartSlot[] }) {
  const { t } = useTranslation();
  const next = nextEmptySlot(cart);
  return (
    <section className="task" aria-labelledby="cart-heading">
      <h2 id="cart-heading">{t('pickingScreen.cart-title')}</h2>
      <ol className="cart-slots" data-testid="cart-slots">
        {cart.map((s) => (
          <li key={s.slot} data-slot={s.slot} data-tote={s.toteCode ?? ''} aria-current={s.slot === next ? 'step' : undefined}>
            <span className="task-slot">{t('pickingCart.slot', { slot: s.slot })}</span> · {s.toteCode ?? t('pickingScreen.empty-slot')}
          </li>
        ))}
      </ol>
      <div className="step-row">
        <p className="step" data-testid="step" data-step="cart" aria-live="polite">
          {next !== null ? t('pickingCart.scan-tote-for-slot', { slot: next }) : t('pickingCart.cart-ready', { slots: cart.length })}
        </p>
        <CameraButton />
      </div>
    </section>
  );
}
