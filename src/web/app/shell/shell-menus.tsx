/*
 * The shell's menus and the phone's menu, on React Aria Components (docs/decisions/2026-12-05-design-system.md):
 * keyboard, focus and screen-reader behaviour from a well-kept library rather than our own. A chunk of its own,
 * fetched after the first page is drawn (ui/deferred.tsx, lazy-menus.tsx), so it costs the first load nothing.
 */
import {
  Building2,
  Check,
  ChevronDown,
  LogOut,
  Menu as MenuIcon,
  Monitor,
  Moon,
  Plus,
  Settings,
  Sun,
  User,
  X,
} from 'lucide-react';
import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogTrigger,
  Header,
  Heading,
  Menu,
  MenuItem,
  MenuSection,
  MenuTrigger,
  Modal,
  ModalOverlay,
  Popover,
  RouterProvider,
  Separator,
} from 'react-aria-components';
import { type NavigateOptions, useHref, useNavigate } from 'react-router';
import { useSignOut } from '../../features/auth/auth-api';
import type { MyMembership } from '../../features/me/me-api';
import { HeaderSearch } from '../../features/search/header-search';
import { Avatar } from '../../ui/avatar';
import { chooseTheme, chosenTheme, type ThemeChoice, themeLabels } from '../../ui/theme';
import { rememberOrg } from '../session';
import { MainNav } from './main-nav';

/** React Aria's links (menu items with `href`) navigate through the app's router, not by reloading the page. */
function AppRouter({ children }: { children: React.ReactNode }) {
  const navigate = useNavigate();
  return (
    <RouterProvider navigate={(to, options?: NavigateOptions) => navigate(to, options)} useHref={useHref}>
      {children}
    </RouterProvider>
  );
}

const themeIcons = { system: Monitor, light: Sun, dark: Moon } satisfies Record<ThemeChoice, unknown>;

/** The account menu: who is signed in, their profile and settings, the colour theme, signing out. */
export function AccountMenu({
  name,
  email,
  orgId,
  openAtOnce,
}: {
  name: string;
  email: string;
  orgId?: string;
  openAtOnce: boolean;
}) {
  const navigate = useNavigate();
  const signOut = useSignOut(() => navigate('/sign-in'));
  const [theme, setTheme] = useState(chosenTheme);
  return (
    <AppRouter>
      <MenuTrigger defaultOpen={openAtOnce}>
        <Button className="account-button" aria-label={`Account: ${name}`}>
          <Avatar name={name} />
          <ChevronDown size={16} />
        </Button>
        <Popover placement="bottom end" className="popover">
          <Menu className="menu" onAction={(key) => key === 'sign-out' && signOut.mutate()}>
            <MenuSection className="menu-section">
              <Header className="menu-who">
                <strong>{name}</strong>
                <span>{email}</span>
              </Header>
              {orgId && (
                <MenuItem className="menu-item" href={`/orgs/${orgId}/profile`} textValue="Profile">
                  <User size={18} /> Profile
                </MenuItem>
              )}
              <MenuItem className="menu-item" href="/settings" textValue="Settings">
                <Settings size={18} /> Settings
              </MenuItem>
              <MenuItem className="menu-item" href="/orgs/new" textValue="Create an organisation">
                <Plus size={18} /> Create an organisation
              </MenuItem>
            </MenuSection>
            <Separator className="menu-separator" />
            <MenuSection
              className="menu-section"
              aria-label="Theme"
              selectionMode="single"
              disallowEmptySelection
              selectedKeys={[theme]}
              onSelectionChange={(keys) => {
                const [choice] = [...keys] as ThemeChoice[];
                if (!choice) return;
                chooseTheme(choice);
                setTheme(choice);
              }}
            >
              <Header className="menu-heading">Theme</Header>
              {(Object.keys(themeLabels) as ThemeChoice[]).map((choice) => {
                const Icon = themeIcons[choice];
                return (
                  <MenuItem key={choice} id={choice} className="menu-item" textValue={themeLabels[choice]}>
                    {({ isSelected }) => (
                      <>
                        <Icon size={18} /> {themeLabels[choice]}
                        {isSelected && <Check size={18} className="menu-check" />}
                      </>
                    )}
                  </MenuItem>
                );
              })}
            </MenuSection>
            <Separator className="menu-separator" />
            <MenuItem id="sign-out" className="menu-item" textValue="Sign out">
              <LogOut size={18} /> Sign out
            </MenuItem>
          </Menu>
        </Popover>
      </MenuTrigger>
    </AppRouter>
  );
}

/** For people in several organisations: which one the pages show. */
export function OrgSwitcher({
  memberships,
  current,
  openAtOnce,
}: {
  memberships: MyMembership[];
  current?: MyMembership;
  openAtOnce: boolean;
}) {
  return (
    <AppRouter>
      <MenuTrigger defaultOpen={openAtOnce}>
        <Button className="org-button" aria-label={`Organisation: ${current?.organizationName ?? 'choose'}`}>
          <Building2 size={18} />
          <span className="org-name">{current?.organizationName ?? 'Choose an organisation'}</span>
          <ChevronDown size={16} />
        </Button>
        <Popover placement="bottom start" className="popover">
          <Menu
            className="menu"
            aria-label="Organisations"
            onAction={(key) => {
              if (typeof key === 'string' && key !== 'new') rememberOrg(key);
            }}
          >
            {memberships.map((m) => (
              <MenuItem
                key={m.organizationId}
                id={m.organizationId}
                className="menu-item"
                href={`/orgs/${m.organizationId}`}
                textValue={m.organizationName}
              >
                <Building2 size={18} /> {m.organizationName}
                {m.organizationId === current?.organizationId && <Check size={18} className="menu-check" />}
              </MenuItem>
            ))}
            <Separator className="menu-separator" />
            <MenuItem id="new" className="menu-item" href="/orgs/new" textValue="Create another organisation">
              <Plus size={18} /> Create another organisation
            </MenuItem>
          </Menu>
        </Popover>
      </MenuTrigger>
    </AppRouter>
  );
}

/**
 * The phone's menu: everything the bottom bar has no room for, in a panel over the page. Escape or "Close"
 * closes it and the focus returns to the Menu button; choosing a page closes it too.
 */
export function PhoneMenu({
  membership,
  memberships,
  openAtOnce,
}: {
  membership: MyMembership;
  memberships: MyMembership[];
  openAtOnce: boolean;
}) {
  return (
    <DialogTrigger defaultOpen={openAtOnce}>
      <Button className="bottom-item">
        <MenuIcon size={22} strokeWidth={1.75} />
        <span>Menu</span>
      </Button>
      <ModalOverlay isDismissable className="drawer-overlay">
        <Modal className="drawer">
          <Dialog className="drawer-dialog" aria-labelledby="phone-menu-title">
            {({ close }) => (
              <>
                <div className="drawer-head">
                  <Heading slot="title" level={2} id="phone-menu-title" className="drawer-title">
                    Menu
                  </Heading>
                  <Button className="icon-button" onPress={close} aria-label="Close the menu">
                    <X size={22} />
                  </Button>
                </div>
                {memberships.length > 1 && (
                  <OrgSwitcher memberships={memberships} current={membership} openAtOnce={false} />
                )}
                <HeaderSearch orgId={membership.organizationId} onSearch={close} />
                <MainNav membership={membership} onNavigate={close} />
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
