import { useEffect, useState, type MouseEvent, type ReactNode } from 'react';
import { showPreferences } from 'kelisim';
import { useConsent } from './useConsent';

/** A router of a few lines, so the example needs nothing but React: the path as state. */
function usePath(): [string, (path: string) => void] {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const back = () => setPath(location.pathname);
    addEventListener('popstate', back);
    return () => removeEventListener('popstate', back);
  }, []);
  return [path, (next) => (history.pushState(null, '', next), setPath(next))];
}

function Link({ to, go, children }: { to: string; go: (path: string) => void; children: ReactNode }) {
  const click = (event: MouseEvent) => (event.preventDefault(), go(to));
  return (
    <a href={to} onClick={click}>
      {children}
    </a>
  );
}

/** A route with a gated script: kelisim runs it when the route renders, if analytics is allowed (now or later). */
function Stats() {
  return (
    <section>
      <h2>Statistics</h2>
      <p>This route loads an analytics tag, which waits for consent.</p>
      <script
        type="text/plain"
        data-kelisim="analytics"
        dangerouslySetInnerHTML={{ __html: 'window.statsRuns = (window.statsRuns || 0) + 1;' }}
      />
    </section>
  );
}

/** A route with an embed: until marketing is allowed, kelisim shows its placeholder in the frame's place. */
function Video() {
  return (
    <section>
      <h2>Campus tour</h2>
      <iframe
        data-kelisim="marketing"
        data-kelisim-title="Campus tour"
        data-src="/embed.html"
        title="Campus tour"
        width="560"
        height="315"
      />
    </section>
  );
}

export function App() {
  const [path, go] = usePath();
  const consent = useConsent();
  return (
    <>
      {/* The page may place kelisim's root element itself; typed for JSX by the package. */}
      <kelisim-consent />
      <header>
        <nav>
          <Link to="/" go={go}>
            Home
          </Link>{' '}
          ·{' '}
          <Link to="/stats" go={go}>
            Statistics
          </Link>{' '}
          ·{' '}
          <Link to="/video" go={go}>
            Video
          </Link>
        </nav>
        <p data-testid="analytics">Analytics: {consent ? (consent.categories.analytics ? 'on' : 'off') : 'not chosen yet'}</p>
        <button type="button" onClick={() => showPreferences()}>
          Privacy settings
        </button>
      </header>
      <main>{path === '/stats' ? <Stats /> : path === '/video' ? <Video /> : <h2>Home</h2>}</main>
    </>
  );
}
