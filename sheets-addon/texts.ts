/**
 * The add-on's own texts (menu, toasts, dialogs) in English and German. The sidebar has its own
 * (sidebar/i18n.ts); the functions' help comes from the catalog.
 */
export type Lang = 'en' | 'de';

const EN = {
  menuScorecard: 'Generate scorecard…',
  menuEnable: 'Enable functions in this spreadsheet',
  menuHelp: 'Help',
  sidebarTitle: 'KPI scorecard',
  enabledTitle: 'Service KPI',
  enabled: 'The KPI functions are enabled in this spreadsheet, for everyone who edits it. Type =NPS( in a cell to start.',
  helpTitle: 'Service KPI functions',
  helpIntro: 'Type any of these functions in a cell, like any spreadsheet function. Omitted optional arguments take their defaults; errors show as #ERROR! with the reason when you point at the cell.',
  helpScorecard: 'Extensions → Service KPI → Generate scorecard… builds a scorecard sheet from your data.',
  helpExample: 'Example',
} as const;

export type TextKey = keyof typeof EN;

const DE: Record<TextKey, string> = {
  menuScorecard: 'Scorecard erstellen …',
  menuEnable: 'Funktionen in dieser Tabelle aktivieren',
  menuHelp: 'Hilfe',
  sidebarTitle: 'KPI-Scorecard',
  enabledTitle: 'Service KPI',
  enabled: 'Die KPI-Funktionen sind in dieser Tabelle aktiviert – für alle, die sie bearbeiten. Geben Sie zum Start =NPS( in eine Zelle ein.',
  helpTitle: 'Service-KPI-Funktionen',
  helpIntro: 'Geben Sie diese Funktionen wie jede Tabellenfunktion in eine Zelle ein. Weggelassene optionale Argumente erhalten ihren Standardwert; Fehler erscheinen als #ERROR!, der Grund steht im Hinweis der Zelle.',
  helpScorecard: 'Erweiterungen → Service KPI → Scorecard erstellen … baut aus Ihren Daten ein Scorecard-Tabellenblatt.',
  helpExample: 'Beispiel',
};

export function text(lang: Lang, key: TextKey): string {
  return lang === 'de' ? DE[key] : EN[key];
}

/** "de" for German locales ("de", "de_AT", "de-CH"), else "en". */
export function langOfLocale(locale: unknown): Lang {
  return typeof locale === 'string' && /^de(?:$|[-_])/i.test(locale.trim()) ? 'de' : 'en';
}
