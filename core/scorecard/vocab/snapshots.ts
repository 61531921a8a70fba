/**
 * Customer and employee snapshots with a Yes/No outcome per row (header-vocabulary.md §13): IBM's
 * Telco churn sample (also in PwC's churn case) and IBM's HR attrition sample. Their other Yes/No
 * columns (`Partner`, `OverTime`, `Over18`) are not outcomes.
 */
import type { ExportLayout } from './types.js';

export const telcoChurn: ExportLayout = {
  id: 'ibm-telco-churn',
  name: 'IBM Telco customer churn sample',
  kind: 'list',
  checked: 'github.com/IBM/telco-customer-churn-on-icp4d (data/Telco-Customer-Churn.csv)',
  signature: ['customerID', 'tenure', 'Contract', 'PaymentMethod', 'MonthlyCharges', 'TotalCharges', 'Churn', 'PaperlessBilling'],
  min: 4,
  columns: {
    'customerID': 'customerId',
    'Churn': 'churned',
  },
};

export const hrAttrition: ExportLayout = {
  id: 'ibm-hr-attrition',
  name: 'IBM HR employee attrition sample',
  kind: 'list',
  checked: 'github.com/IBM/employee-attrition-aif360 (data/emp_attrition.csv)',
  signature: ['EmployeeNumber', 'Attrition', 'JobRole', 'YearsAtCompany', 'MonthlyIncome', 'OverTime', 'JobSatisfaction'],
  min: 4,
  columns: {
    'Attrition': 'employeeLeft',
    'Department': 'team',
  },
};

/**
 * A monthly headcount snapshot (one row per employee per month end, Preppin' Data's HR file): its
 * turnover needs each month's leavers and the headcounts at the month ends before and after, which
 * no KPI reads from such rows yet. Recognised so that `employee_id` is not taken for a support agent.
 */
export const hrMonthlyHeadcount: ExportLayout = {
  id: 'hr-monthly-headcount',
  name: 'HR monthly headcount snapshot',
  kind: 'list',
  checked: 'github.com/zzzbitz/prepbench data/case_237/inputs/input_01.csv (Preppin\' Data HR turnover challenge)',
  signature: ['dc_nbr', 'month_end_date', 'employee_id', 'hire_date', 'leave_date', 'tenure_months', 'tenure_years', 'age_range'],
  min: 4,
  columns: {
    'employee_id': { roles: [], why: 'an employee of the snapshot, not a support agent' },
    'month_end_date': { roles: [], why: 'turnover from monthly snapshot rows is not computed yet' },
    'leave_date': { roles: [], why: 'turnover from monthly snapshot rows is not computed yet' },
  },
};
