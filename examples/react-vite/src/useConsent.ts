import { useEffect, useState } from 'react';
import { getConsent, on, ready, type Consent } from 'kelisim';

/**
 * The visitor's choice as React state: what `getConsent()` says now, then every change
 * (`Kelisim.on('consent')`: a decision in the banner, an embed's button, another tab).
 */
export function useConsent(): Consent | null {
  const [consent, setConsent] = useState<Consent | null>(getConsent);
  useEffect(() => {
    let live = true;
    void ready.then((detail) => live && setConsent(detail.consent));
    const stop = on('consent', ({ record }) => setConsent(record));
    return () => {
      live = false;
      stop();
    };
  }, []);
  return consent;
}
