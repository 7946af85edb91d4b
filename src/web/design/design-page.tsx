import { useTitle } from '../components/use-title';
import { ComponentSamples } from './component-samples';
import { TokenSamples } from './token-samples';

/**
 * The design system on one page (development builds only: router.tsx routes /design when import.meta.env.DEV):
 * every token and component, in the light and the dark theme side by side, to check a change at a glance.
 */
export function DesignPage() {
  useTitle('Design system');
  return (
    <section className="design-page">
      <h1>Design system</h1>
      <p className="lead">
        Tokens in <code>ui/tokens.css</code>, components in <code>ui/</code> and <code>app/shell/</code>; decision
        2026-12-05-design-system. Each theme below is the same markup under another <code>data-theme</code>.
      </p>
      <div className="design-themes">
        {(['light', 'dark'] as const).map((theme) => (
          <div key={theme} data-theme={theme} className="design-theme">
            <h2>{theme === 'light' ? 'Light' : 'Dark'}</h2>
            <TokenSamples theme={theme} />
            <ComponentSamples theme={theme} />
          </div>
        ))}
      </div>
    </section>
  );
}
