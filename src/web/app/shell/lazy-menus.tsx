import { Building2, ChevronDown, Menu as MenuIcon } from 'lucide-react';
import type { ComponentProps } from 'react';
import { Avatar } from '../../ui/avatar';
import { Deferred, later } from '../../ui/deferred';

/*
 * The shell's menus, fetched after the first page is drawn (ui/deferred.tsx); until then each is a plain button
 * that looks the same and, used, opens the menu as soon as its code is in.
 */
const menus = () => import('./shell-menus');
const AccountMenuCode = later(async () => (await menus()).AccountMenu);
const OrgSwitcherCode = later(async () => (await menus()).OrgSwitcher);
const PhoneMenuCode = later(async () => (await menus()).PhoneMenu);

/** The props of a menu, but for the one the shell never gives (whether to open at once). */
type PropsOf<C extends React.ElementType> = Omit<ComponentProps<C>, 'openAtOnce'>;

export function AccountMenu(props: PropsOf<typeof AccountMenuCode>) {
  return (
    <Deferred
      component={AccountMenuCode}
      props={props}
      placeholder={(open) => (
        <button type="button" className="account-button" aria-label={`Account: ${props.name}`} onClick={open}>
          <Avatar name={props.name} />
          <ChevronDown size={16} />
        </button>
      )}
    />
  );
}

export function OrgSwitcher(props: PropsOf<typeof OrgSwitcherCode>) {
  const name = props.current?.organizationName;
  return (
    <Deferred
      component={OrgSwitcherCode}
      props={props}
      placeholder={(open) => (
        <button type="button" className="org-button" aria-label={`Organisation: ${name ?? 'choose'}`} onClick={open}>
          <Building2 size={18} />
          <span className="org-name">{name ?? 'Choose an organisation'}</span>
          <ChevronDown size={16} />
        </button>
      )}
    />
  );
}

export function PhoneMenu(props: PropsOf<typeof PhoneMenuCode>) {
  return (
    <Deferred
      component={PhoneMenuCode}
      props={props}
      placeholder={(open) => (
        <button type="button" className="bottom-item" onClick={open}>
          <MenuIcon size={22} strokeWidth={1.75} />
          <span>Menu</span>
        </button>
      )}
    />
  );
}
