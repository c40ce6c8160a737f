import type {NodeObservations} from './findings.js';
import {asArray, asObject, asString} from './json-fields.js';

// The Node object's Ready condition as the API server holds it (status.conditions, type Ready). "Unknown" (the
// node controller lost the kubelet's heartbeats) counts as not ready, as kubectl shows it. Without a Ready
// condition there is nothing to say.
export function apiNodeReadiness(node: unknown): NodeObservations['apiNode'] | undefined {
  const conditions = asArray(asObject(asObject(node).status).conditions).map(asObject);
  const ready = conditions.find((condition) => condition.type === 'Ready');
  if (!ready) return undefined;
  const status = asString(ready.status);
  return {
    ready: status === 'True',
    reason: asString(ready.reason) || `Ready=${status}`,
    message: asString(ready.message),
  };
}
