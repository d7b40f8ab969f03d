/**
 * Lets a browser test live in another time zone, as a visitor there would:
 *
 *   await executeServerCommand('emulate-timezone', { timeZone: 'Etc/GMT+8' });
 *
 * Chromium's own time-zone override (CDP `Emulation.setTimezoneOverride`, through the
 * launcher's Puppeteer page), so `Date`'s local time and `Intl`'s default zone change
 * for real in the running page. `{ timeZone: '' }` restores the machine's zone.
 */
export function timezonePlugin() {
  return {
    name: 'kelisim-timezone',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-timezone') return undefined;
      const page = session.browser.getPage(session.id);
      await page.emulateTimezone(payload?.timeZone || undefined);
      return true;
    },
  };
}
