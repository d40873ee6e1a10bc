export * from './levels';
export * from './targets';
export * from './checklist';
export * from './triage';
export * from './suggest';
export * from './labels';
export * from './triage-flow';
export * from './readiness';
