/**
 * The on-screen number pad under a PIN (a touch screen, or a mouse): digits, delete one, clear. The
 * keyboard works too, so the pad's buttons are left out of the Tab order.
 */
import { useTranslation } from 'react-i18next';
import { PIN_MAX } from './PinField.tsx';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const;

export function NumberPad({ value, onValue, disabled }: { value: string; onValue: (pin: string) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const press = (key: (typeof KEYS)[number]) => {
    if (key === 'back') onValue(value.slice(0, -1));
    else if (key === 'clear') onValue('');
    else if (value.length < PIN_MAX) onValue(value + key);
  };
  return (
    <div className="number-pad" role="group" aria-label={t('staff.signIn.pad')}>
      {KEYS.map((key) => (
        <button
          key={key}
          type="button"
          tabIndex={-1}
          className={`btn number-key${key.length > 1 ? ' is-tool' : ''}`}
          disabled={disabled}
          aria-label={key === 'back' ? t('staff.signIn.backspace') : key === 'clear' ? t('staff.signIn.clear') : key}
          // Keep the focus in the PIN field: the next key typed goes on from here.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => press(key)}
        >
          {key === 'back' ? '⌫' : key === 'clear' ? 'C' : key}
        </button>
      ))}
    </div>
  );
}
