export { run, type RunMode, type RunOptions, type RunResult, type ProjectRun } from './run.js';
export { inspect, type InspectOptions, type InspectResult } from './inspect.js';
export { list, type ListResult } from './list.js';
export { clean, type CleanOptions, type CleanResult } from './clean.js';
export { init, CONFIG_FILE_NAME, type InitOptions, type InitResult } from './init.js';
export { eject, type EjectOptions, type EjectResult } from './eject.js';
