/**
 * The scorecard server (dist/sheets-addon/Server.js): the menu and the Sheets HostBridge's server
 * side. The top-level functions in Code.js forward here; google.script.run calls those. Data goes
 * in and out as JSON text, so no Date (or anything else google.script.run cannot carry) crosses.
 */
/// <reference types="google-apps-script" />
import { outlineWorkbook } from '../core/scorecard/outline.js';
import { buildPlan } from '../core/scorecard/plan.js';
import { parseSettings } from '../core/scorecard/settings.js';
import { quote } from '../core/safe-text.js';
import type { ExistingSheet } from '../core/scorecard/api.js';
import type { GenerateRequest, GenerateResult, SheetData, StoredSettings, WorkbookData } from '../core/scorecard/types.js';
import { applyPlan } from './apply-plan.js';
import { spreadsheetClock } from './clock.js';
import { userLang } from './menu.js';
import { readStoredSettings, writeStoredSettings } from './settings-store.js';
import { findOurSheets, listSheets, readPreviousSheet, readSheet, readSheetTop } from './workbook.js';

export { onOpen, onInstall, showSidebar, enableFunctions, showHelp, language } from './menu.js';

function parseJson(json: unknown, what: string): unknown {
  if (typeof json !== 'string') throw new Error(`${what}: expected JSON text`);
  try {
    return JSON.parse(json) as unknown;
  } catch {
    throw new Error(`${what}: not valid JSON`);
  }
}

/** Settings (or a request, which is settings without the version) validated by the engine. */
function validSettings(raw: unknown, what: string): StoredSettings {
  const parsed = parseSettings(raw);
  if (parsed.ok) return parsed.settings;
  const problems = Object.entries(parsed.errors).slice(0, 5).map(([field, message]) => `${quote(field)}: ${message}`);
  throw new Error(`${what} ${problems.length === 1 ? 'has a problem' : 'have problems'}: ${problems.join('; ')}`);
}

/**
 * The spreadsheet's time zone, with its clock made ready first: the engine's `wallClock(zone)` then
 * finds it, with the Utilities.formatDate fallback for a zone this runtime's Intl lacks.
 */
function zoneOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  const timeZone = ss.getSpreadsheetTimeZone();
  try {
    spreadsheetClock(timeZone);
  } catch {
    throw new Error(`The spreadsheet's time zone ${quote(timeZone)} is not known (File → Settings → Time zone).`);
  }
  return timeZone;
}

/** The data tables of every sheet except our scorecards (their formulas are not data), as JSON: headers, samples, row counts. */
export function readOutline(): string {
  const ss = SpreadsheetApp.getActive();
  const timeZone = zoneOf(ss);
  const ours = findOurSheets(ss);
  const list = listSheets(ss);
  const sheets: SheetData[] = [];
  list.sheets.forEach((sheet, i) => {
    if (!ours.get(list.names[i])?.scorecard) sheets.push(readSheetTop(sheet, list.names[i]));
  });
  // The outline holds headers and samples only, dates already as ISO text.
  return JSON.stringify(outlineWorkbook({ sheets, timeZone }, list.names));
}

/** The stored settings as JSON text ("null" when none). */
export function readSettings(): string {
  return JSON.stringify(readStoredSettings() ?? null);
}

export function writeSettings(json: string): void {
  const settings = validSettings(parseJson(json, 'The settings'), 'The settings');
  // The user's language (a service call) is asked only for the message when the settings do not fit.
  writeStoredSettings(settings, userLang);
}

/**
 * Reads the data sheets the roles use (each once), builds the plan with the engine and writes it:
 * a new sheet, replacing only our previous scorecard, keeping the targets typed there.
 */
export function generate(json: string): string {
  const raw = parseJson(json, 'The scorecard request');
  const settings = validSettings({ ...(raw as object), version: 1 }, 'The scorecard request');
  const request: GenerateRequest = { roles: settings.roles, targets: settings.targets, options: settings.options };

  const ss = SpreadsheetApp.getActive();
  const timeZone = zoneOf(ss);
  const ours = findOurSheets(ss);
  const list = listSheets(ss);
  const used = new Set(request.roles.map((r) => r.sheet));
  const sheets: SheetData[] = [];
  list.sheets.forEach((sheet, i) => {
    const name = list.names[i];
    if (used.has(name) && !ours.get(name)?.scorecard) sheets.push(readSheet(sheet, name));
  });
  const data: WorkbookData = { sheets, timeZone };
  const outline = outlineWorkbook(data, list.names);
  const existing: ExistingSheet[] = list.names.map((name) => {
    const our = ours.get(name);
    if (!our) return { name, ours: false };
    // A sheet the roles read is data, whatever marker it carries.
    if (used.has(name)) return { name, ours: false, markerIgnored: true };
    return readPreviousSheet(our, name, timeZone);
  });

  const plan = buildPlan({ data, outline, request, dialect: 'sheets', existing });
  applyPlan(ss, plan, list, ours);
  const result: GenerateResult = { sheetName: plan.sheetName, kpis: plan.marker.kpis.length, notes: plan.notes, summary: plan.summary };
  return JSON.stringify(result);
}
