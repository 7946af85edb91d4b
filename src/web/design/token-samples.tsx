import { useLayoutEffect, useRef, useState } from 'react';
import { contrastRatio } from './contrast';

/** Text colours on the surfaces they are used on, with the least contrast each pair must have (WCAG AA). */
const pairs: [fg: string, bg: string, least: number][] = [
  ['--ink', '--paper', 4.5],
  ['--ink', '--wash', 4.5],
  ['--muted', '--paper', 4.5],
  ['--muted', '--wash', 4.5],
  ['--brand', '--paper', 4.5],
  ['--brand', '--brand-wash', 4.5],
  ['--on-brand', '--brand', 4.5],
  ['--danger', '--paper', 4.5],
  ['--on-danger', '--danger', 4.5],
  ['--danger-ink', '--err-bg', 4.5],
  ['--ok-ink', '--ok-bg', 4.5],
  ['--warn-ink', '--paper', 4.5],
  ['--control-border', '--paper', 3],
  ['--focus', '--paper', 3],
];

const sizes = ['--text-xs', '--text-sm', '--text-md', '--text-lg', '--text-xl', '--text-2xl'];
const spaces = ['--space-1', '--space-2', '--space-3', '--space-4', '--space-5', '--space-6', '--space-7'];

/** The colour pairs with their measured contrast, the type scale, the spaces and the radii. */
export function TokenSamples({ theme }: { theme: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [ratios, setRatios] = useState<number[]>([]);
  // Measured from the styles the browser applies, so the figures are those of the theme as it is.
  useLayoutEffect(() => {
    if (!ref.current) return;
    const colour = (name: string) => {
      const probe = document.createElement('span');
      probe.style.color = `var(${name})`;
      ref.current?.append(probe);
      const value = getComputedStyle(probe).color;
      probe.remove();
      return value;
    };
    setRatios(pairs.map(([fg, bg]) => contrastRatio(colour(fg), colour(bg))));
  }, []);
  return (
    <div ref={ref}>
      <h3>Colours</h3>
      <table className="data-table design-contrast">
        <caption className="visually-hidden">Contrast of the {theme} theme's colour pairs</caption>
        <thead>
          <tr>
            <th scope="col">Text or border</th>
            <th scope="col">On</th>
            <th scope="col">Contrast</th>
          </tr>
        </thead>
        <tbody>
          {pairs.map(([fg, bg, least], i) => (
            <tr key={`${fg}${bg}`}>
              <td>
                <span className="swatch" style={{ background: `var(${fg})` }} /> {fg}
              </td>
              <td>
                <span className="swatch" style={{ background: `var(${bg})` }} /> {bg}
              </td>
              <td className="num">
                {ratios[i]?.toFixed(1)} : 1 {ratios[i] !== undefined && (ratios[i] >= least ? '✓' : `✗ (${least})`)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Type</h3>
      {sizes.map((size) => (
        <p key={size} className="design-type" style={{ fontSize: `var(${size})` }}>
          {size}: Reflect on how you learn best
        </p>
      ))}
      <h3>Space and radii</h3>
      <div className="design-spaces">
        {spaces.map((space) => (
          <span
            key={space}
            className="design-space"
            style={{ width: `var(${space})`, height: `var(${space})` }}
            title={space}
          />
        ))}
      </div>
      <div className="design-spaces">
        {['--radius-sm', '--radius-md', '--radius-lg', '--radius-full'].map((radius) => (
          <span key={radius} className="design-radius" style={{ borderRadius: `var(${radius})` }}>
            {radius}
          </span>
        ))}
      </div>
    </div>
  );
}
