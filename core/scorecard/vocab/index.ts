/**
 * Every known export layout, one table per source. Detection recognises a sheet as one of them
 * when enough of its signature headers are present, and then trusts its columns' roles (still
 * checked against the values). Add a source: a new file beside these and one line here.
 */
import { amazonConnectIntervals } from './amazon-connect.js';
import { asteriskCdr } from './asterisk.js';
import { avayaCmsSplit } from './avaya-cms.js';
import { delightedResponses } from './delighted.js';
import { freshdeskTickets } from './freshdesk.js';
import { genesysQueuePerformance } from './genesys.js';
import { googleForms } from './google-forms.js';
import { gorgiasTickets } from './gorgias.js';
import { helpscoutConversations } from './helpscout.js';
import { hubspotTickets } from './hubspot.js';
import { intercomConversations } from './intercom.js';
import { jiraServiceManagement } from './jira.js';
import { qualtricsResponses } from './qualtrics.js';
import { servicenowIncidents } from './servicenow.js';
import { hrAttrition, hrMonthlyHeadcount, telcoChurn } from './snapshots.js';
import { surveyMonkeyResponses } from './surveymonkey.js';
import { threeCxCdr } from './threecx.js';
import { twilioTaskQueueStatistics } from './twilio.js';
import { typeformResponses } from './typeform.js';
import type { ExportLayout } from './types.js';
import { zammadTicketReport } from './zammad.js';
import { zendeskExplore, zendeskSupportCsv } from './zendesk.js';

export type { ExportLayout, KnownColumn } from './types.js';

export const EXPORT_LAYOUTS: readonly ExportLayout[] = [
  // helpdesks
  zendeskSupportCsv, zendeskExplore, freshdeskTickets, jiraServiceManagement, servicenowIncidents, hubspotTickets,
  zammadTicketReport, helpscoutConversations, intercomConversations, gorgiasTickets,
  // surveys
  googleForms, typeformResponses, surveyMonkeyResponses, qualtricsResponses, delightedResponses,
  // call centres: per call, and per day or interval with counts
  asteriskCdr, threeCxCdr, amazonConnectIntervals, genesysQueuePerformance, twilioTaskQueueStatistics, avayaCmsSplit,
  // customer and staff snapshots
  telcoChurn, hrAttrition, hrMonthlyHeadcount,
];
