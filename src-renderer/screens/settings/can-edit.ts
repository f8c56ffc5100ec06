import { useAppInfo } from '../../app/app-info.ts';
import { useSession } from '../../stores/session.ts';

/**
 * Whether the person at the till may change settings. There are no staff PINs yet, so this follows
 * the staff picker: a cashier sees the settings read-only; owners and managers may change them.
 */
export function useCanEditSettings(): boolean {
  const staffId = useSession((s) => s.staffId);
  const { staff } = useAppInfo();
  const role = staff.find((s) => s.id === staffId)?.role;
  return role !== undefined && role !== 'cashier';
}
