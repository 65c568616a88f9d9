import type { Role } from '../api/auth-types';

export interface NavItem {
  label: string;
  to: string;
  /** Pages under another item's path that belong to this one (a patient's dose calculator). */
  owns?: RegExp;
  /** A count shown beside the label (open safety alerts). */
  count?: 'openSafetyAlerts';
}

const patientsItem: NavItem = { label: 'Patients', to: '/patients' };
const doseItem: NavItem = {
  label: 'Dose calculator',
  to: '/dose',
  owns: /^\/patients\/[^/]+\/dose(\/|$)/,
};

const dayBoardItem: NavItem = { label: 'Day board', to: '/schedule/day' };
const weekItem: NavItem = { label: 'Week calendar', to: '/schedule/week' };
const sessionsItem: NavItem = { label: "Today's sessions", to: '/sessions' };
const alertsItem: NavItem = {
  label: 'Safety alerts',
  to: '/safety-alerts',
  count: 'openSafetyAlerts',
};
const outcomesItem: NavItem = { label: 'Outcomes', to: '/outcomes' };
/** Every role's own account (the password). */
const accountItem: NavItem = { label: 'Account', to: '/account' };

const itemsByRole: Record<Role, readonly NavItem[]> = {
  patient: [
    { label: 'My record', to: '/me' },
    { label: 'My scales', to: '/me/scales' },
    { label: 'My appointments', to: '/me/appointments' },
    { label: 'Book a consult', to: '/me/book-consult' },
    { label: 'Who opened my record', to: '/me/access' },
    accountItem,
  ],
  nurse: [sessionsItem, patientsItem, alertsItem, dayBoardItem, weekItem, doseItem, accountItem],
  prescriber: [
    patientsItem,
    sessionsItem,
    alertsItem,
    dayBoardItem,
    weekItem,
    doseItem,
    outcomesItem,
    accountItem,
  ],
  admin: [
    patientsItem,
    alertsItem,
    dayBoardItem,
    weekItem,
    doseItem,
    outcomesItem,
    { label: 'Clinic set-up', to: '/admin/clinic' },
    { label: 'Staff', to: '/admin/staff' },
    { label: 'Audit log', to: '/admin/audit' },
    { label: 'Outbox', to: '/admin/outbox' },
    { label: 'Decision support', to: '/admin/cds' },
    accountItem,
  ],
};

export function navItemsFor(role: Role): readonly NavItem[] {
  return itemsByRole[role];
}

/** Whether `item` is the current page or one of its sub-pages (`/patients/123` is under "Patients"). */
export function isNavItemActive(
  item: NavItem,
  pathname: string,
  items: readonly NavItem[],
): boolean {
  if (pathname === item.to || item.owns?.test(pathname) === true) return true;
  if (items.some((other) => other !== item && other.owns?.test(pathname) === true)) return false;
  // "/me" must not light up on "/me/access", which has its own item.
  const moreSpecific = items.some(
    (other) => other !== item && pathname.startsWith(other.to) && other.to.startsWith(item.to),
  );
  return !moreSpecific && pathname.startsWith(`${item.to}/`);
}
