// The simulator's public face: start it in-process, or run cli.ts.
export { startKlingSimulator, type KlingSimulator, type KlingSimulatorOptions } from './server.js';
export { FAULT_NAMES, ERROR_FAULTS, type FaultName, type FaultRuleInput } from './faults.js';
export type { SimulatorState } from './state.js';
