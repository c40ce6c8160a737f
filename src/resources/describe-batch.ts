import type {DescribeInputs} from '../cluster/describe-inputs.js';
import {labelSelectorString} from '../cluster/label-selector.js';
import type {LabelSelector} from '../cluster/label-selector.js';
import type {RowObject} from '../cluster/types.js';
import type {DescribeClock} from './describe-clock.js';
import {annotationsLines, controllerText, labelsLines} from './describe-format.js';
import {humanDuration} from './human-duration.js';
import {rfc1123z} from './time-zone.js';
import {podTemplateLines} from './describe-workloads.js';
import type {PodTemplate} from './describe-workloads.js';

// kubectl's describeJob and describeCronJob (batch/v1, and batch/v1beta1 CronJobs in the same layout).

interface JobSpec {
  selector?: LabelSelector;
  parallelism?: number;
  completions?: number;
  completionMode?: string;
  suspend?: boolean;
  backoffLimit?: number;
  ttlSecondsAfterFinished?: number;
  activeDeadlineSeconds?: number;
  template?: PodTemplate;
}

interface JobShape {
  metadata?: RowObject['metadata'];
  spec?: JobSpec;
  status?: {
    startTime?: string;
    completionTime?: string;
    active?: number;
    ready?: number;
    succeeded?: number;
    failed?: number;
    completedIndexes?: string;
  };
}

export function describeJob(inputs: DescribeInputs, clock: DescribeClock): string[] {
  const job = inputs.object as JobShape & RowObject;
  const spec = job.spec ?? {};
  const status = job.status ?? {};
  const lines = [
    `Name:\t${job.metadata?.name ?? ''}`,
    `Namespace:\t${job.metadata?.namespace ?? ''}`,
    `Selector:\t${labelSelectorString(spec.selector ?? {})}`,
    ...labelsLines('Labels', job.metadata?.labels),
    ...annotationsLines('Annotations', job.metadata?.annotations),
  ];
  const controller = controllerText(job);
  if (controller) lines.push(`Controlled By:\t${controller}`);
  if (spec.parallelism !== undefined) lines.push(`Parallelism:\t${spec.parallelism}`);
  lines.push(`Completions:\t${spec.completions ?? '<unset>'}`);
  if (spec.completionMode !== undefined) lines.push(`Completion Mode:\t${spec.completionMode}`);
  if (spec.suspend !== undefined) lines.push(`Suspend:\t${spec.suspend}`);
  if (spec.backoffLimit !== undefined) lines.push(`Backoff Limit:\t${spec.backoffLimit}`);
  if (spec.ttlSecondsAfterFinished !== undefined) {
    lines.push(`TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}`);
  }
  if (status.startTime) lines.push(`Start Time:\t${rfc1123z(status.startTime, clock.zone)}`);
  if (status.completionTime) lines.push(`Completed At:\t${rfc1123z(status.completionTime, clock.zone)}`);
  if (status.startTime && status.completionTime) {
    lines.push(`Duration:\t${humanDuration(Date.parse(status.completionTime) - Date.parse(status.startTime))}`);
  }
  if (spec.activeDeadlineSeconds !== undefined) lines.push(`Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s`);
  const ready = status.ready === undefined ? '' : ` (${status.ready} Ready)`;
  lines.push(
    `Pods Statuses:\t${status.active ?? 0} Active${ready} / ${status.succeeded ?? 0} Succeeded / ` +
      `${status.failed ?? 0} Failed`,
  );
  if (spec.completionMode === 'Indexed') lines.push(`Completed Indexes:\t${indexesText(status.completedIndexes)}`);
  lines.push(...podTemplateLines(spec.template, clock.zone));
  return lines;
}

// capIndexesListOrNone: the list cut at the first comma after 50 characters.
function indexesText(indexes: string | undefined): string {
  if (!indexes) return '<none>';
  const cut = indexes.indexOf(',', 50);
  return cut < 0 ? indexes : `${indexes.slice(0, cut + 1)}...`;
}

interface CronJobShape {
  metadata?: RowObject['metadata'];
  spec?: {
    schedule?: string;
    concurrencyPolicy?: string;
    suspend?: boolean;
    successfulJobsHistoryLimit?: number;
    failedJobsHistoryLimit?: number;
    startingDeadlineSeconds?: number;
    jobTemplate?: {spec?: JobSpec};
  };
  status?: {lastScheduleTime?: string; active?: Array<{name?: string}>};
}

export function describeCronJob(inputs: DescribeInputs, clock: DescribeClock): string[] {
  const cronJob = inputs.object as CronJobShape & RowObject;
  const spec = cronJob.spec ?? {};
  const job = spec.jobTemplate?.spec ?? {};
  const bool = (value: boolean | undefined) => (value === undefined ? '<unset>' : value ? 'True' : 'False');
  const lines = [
    `Name:\t${cronJob.metadata?.name ?? ''}`,
    `Namespace:\t${cronJob.metadata?.namespace ?? ''}`,
    ...labelsLines('Labels', cronJob.metadata?.labels),
    ...annotationsLines('Annotations', cronJob.metadata?.annotations),
    `Schedule:\t${spec.schedule ?? ''}`,
    `Concurrency Policy:\t${spec.concurrencyPolicy ?? ''}`,
    `Suspend:\t${bool(spec.suspend)}`,
    `Successful Job History Limit:\t${spec.successfulJobsHistoryLimit ?? '<unset>'}`,
    `Failed Job History Limit:\t${spec.failedJobsHistoryLimit ?? '<unset>'}`,
    `Starting Deadline Seconds:\t${spec.startingDeadlineSeconds === undefined ? '<unset>' : `${spec.startingDeadlineSeconds}s`}`,
    `Selector:\t${job.selector ? labelSelectorString(job.selector) : '<unset>'}`,
    `Parallelism:\t${job.parallelism ?? '<unset>'}`,
    `Completions:\t${job.completions ?? '<unset>'}`,
  ];
  if (job.activeDeadlineSeconds !== undefined) lines.push(`Active Deadline Seconds:\t${job.activeDeadlineSeconds}s`);
  const active = (cronJob.status?.active ?? []).map((reference) => reference.name ?? '');
  lines.push(
    ...podTemplateLines(job.template, clock.zone),
    `Last Schedule Time:\t${cronJob.status?.lastScheduleTime ? rfc1123z(cronJob.status.lastScheduleTime, clock.zone) : '<unset>'}`,
    `Active Jobs:\t${active.length === 0 ? '<none>' : active.join(', ')}`,
  );
  return lines;
}
