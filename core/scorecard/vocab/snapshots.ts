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
