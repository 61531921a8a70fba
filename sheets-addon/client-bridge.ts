/**
 * The Sheets HostBridge on the sidebar's side: every call goes through google.script.run to a
 * top-level server function (Code.js), always with a success AND a failure handler. Data crosses
 * as JSON text both ways — google.script.run silently turns a result holding a Date (or anything
 * not plain) into null, and JSON keeps what arrives exactly what the server sent.
 */
import type { GenerateRequest, GenerateResult, HostBridge, StoredSettings, WorkbookOutline } from '../core/scorecard/types.js';

/** What google.script.run looks like to us: chainable handlers, then the server function by name. */
export interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
  [serverFunction: string]: unknown;
}

/** The server functions the bridge calls (names as in Code.js). */
export const SERVER = {
  language: 'skpiLanguage',
  readOutline: 'skpiReadOutline',
  readSettings: 'skpiReadSettings',
  writeSettings: 'skpiWriteSettings',
  generate: 'skpiGenerate',
} as const;

const MULTI_ACCOUNT_HINT = {
  en: 'If you are signed in to several Google accounts, sign out of the others or open the sheet in a private window — Apps Script sidebars often fail with multiple accounts.',
  de: 'Wenn Sie in mehreren Google-Konten angemeldet sind, melden Sie sich bei den anderen ab oder öffnen Sie die Tabelle in einem privaten Fenster — Apps-Script-Seitenleisten scheitern oft an mehreren Konten.',
} as const;

const UNKNOWN = { en: 'the add-on did not answer', de: 'das Add-on hat nicht geantwortet' } as const;

/**
 * Failures that come from the session rather than from our code: authorization, a lost
 * connection, the wrong account's script. These are what several signed-in accounts cause.
 */
const SESSION_TROUBLE = /authori[sz]|permission|PERMISSION_DENIED|not signed in|sign in|NetworkError|HTTP 0|connection|server error|ScriptError|We're sorry|unable to open|access denied|401|403/i;

/** A readable message from whatever a failure handler received. */
export function failureMessage(error: unknown, lang: 'en' | 'de' = 'en'): string {
  let message = '';
  if (typeof error === 'string') message = error;
  else if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
    message = (error as { message: string }).message;
  }
  // Apps Script prefixes failures ("Exception: …", "ScriptError: …"); the manager needs only the text.
  const prefix = /^[A-Za-z]*(?:Exception|Error):\s*/.exec(message);
  message = message.slice(prefix ? prefix[0].length : 0).trim();
  if (!message) return `${UNKNOWN[lang]}. ${MULTI_ACCOUNT_HINT[lang]}`;
  const name = error && typeof error === 'object' ? String((error as { name?: unknown }).name ?? '') : '';
  if (SESSION_TROUBLE.test(message) || /NetworkError|ScriptError/.test(`${name} ${prefix?.[0] ?? ''}`)) return `${message} ${MULTI_ACCOUNT_HINT[lang]}`;
  return message;
}

export interface SheetsBridgeOptions {
  /** google.script.run, or a fake in tests. Each call takes a fresh runner (handlers are per call). */
  readonly run: () => ScriptRun;
}

export function createSheetsBridge(options: SheetsBridgeOptions): HostBridge {
  let lang: 'en' | 'de' = 'en';

  /** Calls a server function; resolves with its result, rejects with a readable Error. */
  const call = (fn: string, ...args: unknown[]): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const fail = (error: unknown): void => reject(new Error(failureMessage(error, lang)));
      let runner: ScriptRun;
      try {
        runner = options.run().withSuccessHandler(resolve).withFailureHandler(fail);
      } catch (e) {
        fail(e);
        return;
      }
      const target = runner[fn];
      if (typeof target !== 'function') {
        fail(new Error(`the server function ${fn} is missing`));
        return;
      }
      try {
        (target as (...a: unknown[]) => void).apply(runner, args);
      } catch (e) {
        fail(e);
      }
    });

  /** A JSON answer from the server; anything else is a failure worth reporting. */
  const json = async (fn: string, ...args: unknown[]): Promise<unknown> => {
    const text = await call(fn, ...args);
    if (typeof text !== 'string') throw new Error(failureMessage(`${fn} returned no data`, lang));
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new Error(failureMessage(`${fn} returned unreadable data`, lang));
    }
  };

  return {
    host: 'sheets',
    async language() {
      const answer = await call(SERVER.language);
      lang = answer === 'de' ? 'de' : 'en';
      return lang;
    },
    async readOutline() {
      return (await json(SERVER.readOutline)) as WorkbookOutline;
    },
    async readSettings() {
      // Validation is the sidebar's (parseSettings): it tells the manager when stored settings are unreadable.
      return (await json(SERVER.readSettings)) as StoredSettings | null;
    },
    async writeSettings(settings: StoredSettings) {
      await call(SERVER.writeSettings, JSON.stringify(settings));
    },
    async generate(request: GenerateRequest, onProgress?: (step: string, fraction: number) => void) {
      // One server call does read, plan and write: the sidebar can only show start and end.
      onProgress?.('start', 0.05);
      const result = (await json(SERVER.generate, JSON.stringify(request))) as GenerateResult;
      onProgress?.('done', 1);
      return result;
    },
  };
}
