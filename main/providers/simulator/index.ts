// The simulator's public face: start it in-process, or run cli.ts. Provider modules implement
// ./provider.ts and are registered in main/providers/registry.ts.
export {
  startSimulator, startKlingSimulator, DEFAULT_SIM_API_KEY,
  type Simulator, type SimulatorOptions, type KlingSimulator, type KlingSimulatorOptions,
} from './server.js';
export { FAULT_NAMES, ERROR_FAULTS, type ErrorFault, type FaultName, type FaultRuleInput } from './faults.js';
export type { SimulatorState, SimTask, SimVideo } from './state.js';
export type { SimProvider, SimRoutes, SimContext, SimRequest, SimAnswer, SimFile } from './provider.js';
