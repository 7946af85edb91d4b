// The organisation used last, so pages outside one (and the next visit) start there.
const LAST_ORG = 'waymark.lastOrg';
export const rememberOrg = (orgId: string) => localStorage.setItem(LAST_ORG, orgId);
export const lastOrg = () => localStorage.getItem(LAST_ORG);
