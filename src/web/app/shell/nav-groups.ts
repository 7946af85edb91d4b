import {
  Award,
  BadgeCheck,
  ChartColumn,
  Fingerprint,
  FolderSync,
  GraduationCap,
  Handshake,
  House,
  KeyRound,
  LayoutTemplate,
  type LucideIcon,
  MailPlus,
  Map as MapIcon,
  NotebookPen,
  Rss,
  ScrollText,
  Share2,
  SignpostBig,
  Users,
  UsersRound,
} from 'lucide-react';
import type { MyMembership } from '../../features/me/me-api';

export interface NavEntry {
  to: string;
  label: string;
  icon: LucideIcon;
  /** Active only on this very address, not below it (Home). */
  end?: boolean;
  /** Not active below this address, though it is below `to` (another entry's pages). */
  notBelow?: string;
}

export interface NavGroup {
  id: 'learning' | 'together' | 'organisation';
  label: string;
  entries: NavEntry[];
}

/** Whether someone runs the organisation: its owners and L&D admins. */
export const runsOrganisation = (role: MyMembership['role']) => role === 'owner' || role === 'admin';

/**
 * The main navigation, grouped as people think of it (issue 18): their own learning, the people they learn
 * with and, for those who run the organisation, the organisation. Members are a directory of colleagues for
 * everyone; those who run the organisation manage them, so for them the entry sits with the organisation.
 * "Guide questions" is the L&D page that edits the guide; "Guide" is only ever a plan's walk-through.
 */
export function navGroups(orgId: string, role: MyMembership['role']): NavGroup[] {
  const org = `/orgs/${orgId}`;
  const members: NavEntry = { to: `${org}/members`, label: 'Members', icon: Users };
  const admin = runsOrganisation(role);
  const groups: NavGroup[] = [
    {
      id: 'learning',
      label: 'My learning',
      entries: [
        { to: org, label: 'Home', icon: House, end: true },
        { to: `${org}/plans`, label: 'Plans', icon: MapIcon },
        { to: `${org}/log`, label: 'Log', icon: NotebookPen },
        { to: `${org}/portfolio`, label: 'Portfolio', icon: Award },
        { to: `${org}/programmes`, label: 'Programmes', icon: GraduationCap, notBelow: `${org}/programmes/manage` },
      ],
    },
    {
      id: 'together',
      label: 'Together',
      entries: [
        { to: `${org}/feed`, label: 'Feed', icon: Rss },
        { to: `${org}/communities`, label: 'Communities', icon: UsersRound },
        { to: `${org}/shared`, label: 'Shared with me', icon: Share2, end: true },
        { to: `${org}/enlistments`, label: 'Mentoring', icon: Handshake },
        ...(admin ? [] : [members]),
      ],
    },
  ];
  if (admin) {
    groups.push({
      id: 'organisation',
      label: 'Organisation',
      entries: [
        members,
        { to: `${org}/invitations`, label: 'Invitations', icon: MailPlus },
        { to: `${org}/guide`, label: 'Guide questions', icon: SignpostBig },
        { to: `${org}/templates`, label: 'Templates', icon: LayoutTemplate },
        // "Run": a learner's own Programmes (the catalogue) are in My learning, and two links of one name
        // going to two places confuse people who listen to the page.
        { to: `${org}/programmes/manage`, label: 'Run programmes', icon: GraduationCap },
        { to: `${org}/badges`, label: 'Badges', icon: BadgeCheck },
        { to: `${org}/insights`, label: 'Insights', icon: ChartColumn },
        { to: `${org}/audit`, label: 'Audit trail', icon: ScrollText },
        { to: `${org}/tokens`, label: 'API tokens', icon: KeyRound },
        // Who gets in as whom: owners alone set it up.
        ...(role === 'owner' ? [{ to: `${org}/sso`, label: 'Single sign-on', icon: Fingerprint }] : []),
        // Owners only: the directory may add and remove anyone (the server says the same).
        ...(role === 'owner' ? [{ to: `${org}/provisioning`, label: 'Provisioning (SCIM)', icon: FolderSync }] : []),
      ],
    });
  }
  return groups;
}
