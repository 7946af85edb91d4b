import { describe, expect, it } from 'vitest';
import { addressesOfCsv, addressesOfText, checkListed } from './address-list.js';

describe('a pasted list of addresses', () => {
  it('takes one per line, or several separated by commas or semicolons, with or without names', () => {
    const text = [
      'maya@example.test',
      'Tom Lindqvist <tom@example.test>, "Okafor, Maya" <maya.o@example.test>; ana@example.test',
      '',
      '  mailto:li@example.test  ',
    ].join('\n');
    expect(addressesOfText(text)).toEqual([
      { line: 1, entry: 'maya@example.test', address: 'maya@example.test' },
      { line: 2, entry: 'Tom Lindqvist <tom@example.test>', address: 'tom@example.test' },
      { line: 2, entry: '"Okafor, Maya" <maya.o@example.test>', address: 'maya.o@example.test' },
      { line: 2, entry: 'ana@example.test', address: 'ana@example.test' },
      { line: 4, entry: 'mailto:li@example.test', address: 'li@example.test' },
    ]);
  });

  it('names each problem by line: invalid, listed twice (in any case)', () => {
    const { valid, problems } = checkListed(
      addressesOfText('a@example.test\nnot an address\nA@Example.test\nb@example.test, b@'),
    );
    expect(valid.map((v) => v.address)).toEqual(['a@example.test', 'b@example.test']);
    expect(problems).toEqual([
      { line: 2, entry: 'not an address', message: 'Not a valid e-mail address.' },
      { line: 3, entry: 'A@Example.test', message: 'Listed twice: also on line 1.' },
      { line: 4, entry: 'b@', message: 'Not a valid e-mail address.' },
    ]);
  });
});

describe('a CSV file', () => {
  it('reads the e-mail column of a file with a header, on the lines where the rows are', () => {
    const csv = '\uFEFFName,Department,E-mail\n"Okafor, Maya",Wards,maya@example.test\n\nTom,IT,tom@example.test\n';
    expect(addressesOfCsv(csv).addresses).toEqual([
      { line: 2, entry: 'maya@example.test', address: 'maya@example.test' },
      { line: 4, entry: 'tom@example.test', address: 'tom@example.test' },
    ]);
  });

  it('takes semicolon-separated files and, without a header, the cell that looks like an address', () => {
    const csv = 'Maya Okafor;maya@example.test\nTom;tom@example.test;IT\nno address here\n';
    expect(addressesOfCsv(csv).addresses.map((a) => [a.line, a.address])).toEqual([
      [1, 'maya@example.test'],
      [2, 'tom@example.test'],
      [3, 'no address here'],
    ]);
  });

  it('says where a broken file breaks', () => {
    const { addresses, problem } = addressesOfCsv('email\n"maya@example.test\n');
    expect(addresses).toEqual([]);
    expect(problem?.message).toMatch(/not a CSV file we can read/);
    expect(problem?.line).toBeGreaterThan(0);
  });
});
