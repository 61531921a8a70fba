/**
 * The add-on menu and its dialogs. onOpen also runs in AuthMode.NONE (before the add-on was used
 * in a file), where only the menu may be built: no Session, no properties, no reading the sheet.
 */
/// <reference types="google-apps-script" />
import { helpHtml } from './help.js';
import { langOfLocale, text } from './texts.js';
import type { Lang } from './texts.js';

/** The trigger event as far as we read it (absent when run from the script editor). */
export interface OpenEvent {
  readonly authMode?: unknown;
}

/** The user's language; only ever asked outside AuthMode.NONE. */
export function userLang(): Lang {
  try {
    return langOfLocale(Session.getActiveUserLocale());
  } catch {
    return 'en';
  }
}

function menuLang(e?: OpenEvent): Lang {
  // ScriptApp.AuthMode.NONE prints as "NONE"; comparing the text needs no further service.
  if (e && e.authMode !== undefined && String(e.authMode) === 'NONE') return 'en';
  return userLang();
}

export function onOpen(e?: OpenEvent): void {
  const lang = menuLang(e);
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(text(lang, 'menuScorecard'), 'showSidebar')
    .addItem(text(lang, 'menuEnable'), 'enableFunctions')
    .addSeparator()
    .addItem(text(lang, 'menuHelp'), 'showHelp')
    .addToUi();
}

export function onInstall(e?: OpenEvent): void {
  onOpen(e);
}

export function showSidebar(): void {
  const lang = userLang();
  const page = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(text(lang, 'sidebarTitle'));
  SpreadsheetApp.getUi().showSidebar(page);
}

/**
 * Using any menu item once makes the add-on's functions work in this file for every collaborator;
 * this item exists so that the manager can do exactly that, and confirms it.
 */
export function enableFunctions(): void {
  const lang = userLang();
  SpreadsheetApp.getActive().toast(text(lang, 'enabled'), text(lang, 'enabledTitle'), 10);
}

export function showHelp(): void {
  const lang = userLang();
  const page = HtmlService.createHtmlOutput(helpHtml(lang)).setWidth(640).setHeight(520);
  SpreadsheetApp.getUi().showModalDialog(page, text(lang, 'helpTitle'));
}

/** The sidebar's language. */
export function language(): Lang {
  return userLang();
}
