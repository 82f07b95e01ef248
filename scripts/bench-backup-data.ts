// Payloads for the backup bench: the storage test factories plus a realistic note length.
export { decisionData, followUpData, planData, screeningData } from '../src/db/testing/payloads';
export const noteText = 'Gesprek gehad over slaap en steun thuis. Volgende keer partner erbij vragen. '.repeat(3);
