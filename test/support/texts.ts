/**
 * Each language's built-in texts whole, as the interface has them once both of its chunks
 * have arrived: the banner's first layer (`kk.ts`) and the rest (`kk-more.ts`).
 */
import enFirst from '../../src/i18n/en.js';
import enMore from '../../src/i18n/en-more.js';
import kkFirst from '../../src/i18n/kk.js';
import kkMore from '../../src/i18n/kk-more.js';
import ruFirst from '../../src/i18n/ru.js';
import ruMore from '../../src/i18n/ru-more.js';
import type { Texts } from '../../src/i18n/texts.js';

export const kk: Texts = { ...kkFirst, ...kkMore };
export const ru: Texts = { ...ruFirst, ...ruMore };
export const en: Texts = { ...enFirst, ...enMore };
