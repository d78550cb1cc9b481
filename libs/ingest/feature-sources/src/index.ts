/**
 * @module @bulletin/sources
 * Where wire payloads come from: the `sources` role (feed polling through one job scheduler
 * per source, watched folders), the push routes, and `takePayload`, the one way any source
 * hands a raw payload to the pipeline.
 */
export { sourcesRole, pushRoutes } from './sources.role.js';
export { takePayload, type TakePayloadDeps, type TakenPayload } from './take-payload.js';
export { processPoll, type PollDeps, type PollResult } from './poll.processor.js';
export { schedulePolls, pollSchedulerId } from './schedule-polls.js';
export { pushPlugin, PUSH_MEDIA_TYPES, type PushPluginOptions } from './push.plugin.js';
export { watchFolder, type FolderWatcher, type WatchFolderOptions } from './watch-folder.js';
export { takeFile, type FileOutcome } from './take-file.js';
export { sourceParts } from './intake.js';
