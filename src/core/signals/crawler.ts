/**
 * Known crawlers get no interface (gating still applies). Automated and headless browsers
 * (`HeadlessChrome`, `navigator.webdriver`) are people's tools and tests: they get the UI.
 */
const CRAWLER = /(bot|crawler|spider)[/;)+-]|slackbot|slurp|facebookexternalhit|whatsapp|yandex(images|metrika)/i;

/** Whether this user agent is a known crawler. */
export const isCrawler = (userAgent = navigator.userAgent): boolean => CRAWLER.test(userAgent);
