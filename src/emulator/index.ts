export { Emulator, DEFAULT_GRAPH_AUDIENCE, type MintAccessTokenOptions } from './emulator';
export type { AccessPolicyDenial, EmulatorApp, EmulatorLogger, EmulatorOptions, EmulatorUser, Fault, FaultTarget, RecordedRequest, RequestCounts } from './types';
export type { BetaOnlineMeeting, OnlineMeeting, StoredMeeting } from './meeting-resources';
export { POLICY_MISSING_MESSAGE } from './graph';
export { MAX_SUBJECT_LENGTH } from './graph-request';
