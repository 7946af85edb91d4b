import type { Role } from './orgs.schema.js';

/*
 * Words people read for each role. Pure, without Zod: the web app imports it, and its bundle must not carry Zod
 * (the page's content security policy forbids what Zod probes for).
 */
export const roleLabels = {
  owner: 'Owner',
  admin: 'L&D admin',
  member: 'Member',
} as const satisfies Record<Role, string>;
