import { describe, expect, it } from 'vitest';
import { hasUnsentText } from './unsent-text';

const form = (...elements: object[]) => ({ elements });
const area = (value: string, defaultValue = '') => ({ tagName: 'TEXTAREA', value, defaultValue });
const input = (type: string, value: string, defaultValue = '') => ({ tagName: 'INPUT', type, value, defaultValue });

describe('unsent text in a form', () => {
  it('is typed words in a text area or a text box that were not there at the start', () => {
    expect(hasUnsentText(form(area('I learned to pivot')))).toBe(true);
    expect(hasUnsentText(form(input('text', 'Pivot tables')))).toBe(true);
    expect(hasUnsentText(form(input('url', 'https://example.test')))).toBe(true);
  });

  it('is not an untouched form, one typed back to how it was, or spaces', () => {
    expect(hasUnsentText(form(area(''), input('text', '')))).toBe(false);
    expect(hasUnsentText(form(area('My saved note', 'My saved note')))).toBe(false);
    expect(hasUnsentText(form(area('  \n '), input('search', ' ')))).toBe(false);
  });

  it('counts an edited saved text, but not choices, dates, files or buttons', () => {
    expect(hasUnsentText(form(area('My saved note, edited', 'My saved note')))).toBe(true);
    expect(
      hasUnsentText(
        form(
          { tagName: 'SELECT', value: 'comment', defaultValue: '' },
          input('date', '2027-04-30'),
          input('checkbox', 'on', ''),
          input('file', 'C:\\fakepath\\list.csv'),
          { tagName: 'BUTTON', type: 'submit', value: 'x' },
        ),
      ),
    ).toBe(false);
  });
});
