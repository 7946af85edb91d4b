import { Bell, Check, Map as MapIcon, NotebookPen, Plus, Settings } from 'lucide-react';
import { useRef } from 'react';
import { Button, Menu, MenuItem, MenuTrigger, Popover, Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { ConfirmDialog, type ConfirmHandle } from '../components/confirm-dialog';
import { Field } from '../components/field';
import { Avatar } from '../ui/avatar';
import { DateField } from '../ui/date-field';
import { EmptyState } from '../ui/empty-state';
import { type Illustration, illustrations } from '../ui/illustrations';
import { PersonPicker } from '../ui/person-picker';
import { confirmDone, reportFailure } from '../ui/toasts';

/** Every component of the design system, as the app uses it. */
export function ComponentSamples({ theme }: { theme: string }) {
  const confirm = useRef<ConfirmHandle>(null);
  return (
    <div>
      <h3>Buttons</h3>
      <div className="row">
        <button type="button">Primary</button>
        <button type="button" className="secondary">
          Secondary
        </button>
        <button type="button" className="danger">
          Danger
        </button>
        <button type="button" className="link">
          Link
        </button>
        <button type="button" disabled>
          Busy
        </button>
      </div>
      <h3>Fields and messages</h3>
      <Field label={`Name (${theme})`} name={`sample-${theme}`} hint="A hint says what is expected." />
      <Field label={`E-mail (${theme})`} name={`bad-${theme}`} error="Give an e-mail address, like ana@example.org." />
      <DateField
        label={`A day (${theme})`}
        name={`day-${theme}`}
        defaultValue="2027-04-30"
        hint="Type it, or pick it."
      />
      <DateField label={`A day with an error (${theme})`} error="Give a day on or after the plan’s start." />
      <p className="notice">Saved: a notice.</p>
      <p className="alert">Not saved: an alert.</p>
      <h3>Toasts (React Aria)</h3>
      <p className="hint">The one way to confirm a finished action or report a failed background one.</p>
      <div className="row">
        <button type="button" className="secondary" onClick={() => confirmDone(`Saved: a confirmation (${theme}).`)}>
          Show a confirmation
        </button>
        <button type="button" className="secondary" onClick={() => reportFailure(`Not sent: a failure (${theme}).`)}>
          Show a failure
        </button>
      </div>
      <h3>Icons (lucide-react, one import each)</h3>
      <p className="row">
        <MapIcon /> <NotebookPen /> <Bell /> <Settings /> <Plus /> <Check />
      </p>
      <h3>Avatars</h3>
      <p className="row">
        {['Maya Okafor', 'Tom Lindqvist', 'Ana', 'Zoë Ł', 'Jun Park', 'Priya Nair'].map((name) => (
          <Avatar key={name} name={name} label={name} />
        ))}
        <Avatar name="Maya Okafor" size="sm" label="Maya Okafor, small" />
        <Avatar name="Maya Okafor" size="lg" label="Maya Okafor, large" />
      </p>
      <h3>Empty states</h3>
      <div className="cards">
        {(Object.keys(illustrations) as Illustration[]).map((name) => (
          <EmptyState key={name} illustration={name} title={`Nothing here (${name})`} headingLevel={3}>
            <p>What will be here, and the first step.</p>
          </EmptyState>
        ))}
      </div>
      <h3>Menu, tabs and dialog (React Aria Components)</h3>
      <div className="row">
        <MenuTrigger>
          <Button className="secondary">Open a menu</Button>
          <Popover className="popover">
            <Menu className="menu" aria-label={`Sample menu (${theme})`}>
              <MenuItem className="menu-item">First</MenuItem>
              <MenuItem className="menu-item">Second</MenuItem>
            </Menu>
          </Popover>
        </MenuTrigger>
        <button type="button" className="secondary" onClick={() => confirm.current?.open()}>
          Open a confirm dialog
        </button>
      </div>
      <ConfirmDialog ref={confirm} title="Remove this sample?" confirmLabel="Remove" danger onConfirm={() => {}}>
        <p>Nothing is removed: this only shows the dialog.</p>
      </ConfirmDialog>
      <Tabs>
        <TabList className="tab-list" aria-label={`Sample tabs (${theme})`}>
          <Tab id="list" className="tab">
            List
          </Tab>
          <Tab id="map" className="tab">
            Map
          </Tab>
        </TabList>
        <TabPanel id="list">The list panel.</TabPanel>
        <TabPanel id="map">The map panel.</TabPanel>
      </Tabs>
      <PersonPicker
        label={`A person (${theme})`}
        name="person"
        people={[
          { id: 'a', name: 'Ada Lovelace', detail: 'ada@example.test' },
          { id: 'b', name: 'Grace Hopper', detail: 'grace@example.test' },
        ]}
        hint="Type part of a name."
      />
    </div>
  );
}
