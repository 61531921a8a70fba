/**
 * Twilio TaskRouter TaskQueue cumulative statistics (the REST resource's fields as columns: what
 * Flex reporting scripts write per queue and interval; header-vocabulary.md §12). A task entered is
 * a contact offered, a reservation accepted one answered, a task canceled one abandoned.
 */
import type { ExportLayout } from './types.js';

export const twilioTaskQueueStatistics: ExportLayout = {
  id: 'twilio-taskqueue-statistics',
  name: 'Twilio TaskRouter queue statistics',
  kind: 'intervals',
  checked: 'twilio.com/docs/taskrouter/api/taskqueue-statistics (TaskQueue cumulative statistics fields)',
  signature: ['start_time', 'end_time', 'tasks_entered', 'tasks_canceled', 'tasks_deleted', 'tasks_moved', 'tasks_completed', 'reservations_accepted',
    'reservations_created', 'reservations_rejected', 'avg_task_acceptance_time', 'wait_duration_until_accepted', 'split_by_wait_time'],
  min: 3,
  columns: {
    'start_time': 'callDate',
    'tasks_entered': 'callsOffered',
    'reservations_accepted': 'callsAnswered',
    'tasks_canceled': 'callsAbandoned',
    'avg_task_acceptance_time': { roles: ['avgAnswerTime'], unit: 'seconds' },
    'end_time': { roles: [], why: 'the interval\'s end; its start dates it' },
  },
};
