import { Check, ChevronDown } from 'lucide-react';
import { Button, Menu, MenuItem, MenuTrigger, Popover, RouterProvider } from 'react-aria-components';
import { useHref, useNavigate } from 'react-router';
import { planSections } from './plan-sections';

/**
 * A plan's sections as a menu, for screens too narrow for their row of tabs (plan-layout.tsx): the button names
 * the section shown, the menu lists them all. React Aria, in a chunk fetched after the page is drawn.
 */
export function PlanSectionsMenu({
  base,
  current,
  openAtOnce,
}: {
  base: string;
  current: [string, string];
  openAtOnce: boolean;
}) {
  const navigate = useNavigate();
  return (
    <RouterProvider navigate={(to) => navigate(to)} useHref={useHref}>
      <MenuTrigger defaultOpen={openAtOnce}>
        <Button className="org-button section-button" aria-label={`Plan section: ${current[1]}`}>
          <span className="org-name">{current[1]}</span>
          <ChevronDown size={16} />
        </Button>
        <Popover placement="bottom start" className="popover">
          <Menu className="menu" aria-label="Plan sections">
            {planSections.map(([path, label]) => (
              <MenuItem key={path} id={path} className="menu-item" href={`${base}${path}`} textValue={label}>
                {label}
                {path === current[0] && <Check size={18} className="menu-check" />}
              </MenuItem>
            ))}
          </Menu>
        </Popover>
      </MenuTrigger>
    </RouterProvider>
  );
}
