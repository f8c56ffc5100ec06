/**
 * − quantity +: buttons that step a quantity by one, each disabled at its bound. They are for the
 * mouse and touch, so they are not tab stops: the keyboard changes the quantity where the cashier
 * types (the number field, or the item field of the checkout). The quantity itself goes between them
 * (a number field, or just the figure). No box of its own: the caller's cell or group lays out the three.
 */
import type { ReactNode } from 'react';
import { Icon } from './Icon.tsx';

interface QuantityStepperProps {
  quantity: number;
  min: number;
  /** No upper bound when left out. */
  max?: number;
  onStep: (by: 1 | -1) => void;
  /** The buttons' accessible names (they say which item). */
  lessLabel: string;
  moreLabel: string;
  /** Smaller buttons, for a table where the quantity is only shown. */
  small?: boolean;
  children: ReactNode;
}

export function QuantityStepper({ quantity, min, max, onStep, lessLabel, moreLabel, small = false, children }: QuantityStepperProps) {
  const className = small ? 'btn btn-icon btn-small' : 'btn btn-icon';
  const iconSize = small ? 16 : 18;
  return (
    <>
      <button type="button" className={className} tabIndex={-1} onClick={() => onStep(-1)} disabled={quantity <= min} aria-label={lessLabel}>
        <Icon name="minus" size={iconSize} />
      </button>
      {children}
      <button type="button" className={className} tabIndex={-1} onClick={() => onStep(1)} disabled={max !== undefined && quantity >= max} aria-label={moreLabel}>
        <Icon name="plus" size={iconSize} />
      </button>
    </>
  );
}
