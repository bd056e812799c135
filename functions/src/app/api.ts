/**
 * App's public API: everything the inbound adapters may use — the HTTP routes, the timers and the CLI
 * (functions/src/http, timers, cli), the bot (values and types) and the tab (request/response types
 * only) — imported as `@tandem/app` (tsconfig.base.json `paths`). What is not exported here
 * (app/support, the rest of app/) is internal to app/; ESLint (eslint.config.mjs) fails an import of
 * an app/ module from any inbound adapter. See docs/architecture.md.
 */

// Who acts, and what the use cases need.
export { ROLE_MANAGE, type Caller } from './caller';
export type { AppDeps } from './deps';

// Programmes: who may read which.
export { getAnnouncedProgramme, getProgramme } from './programmes';

// Enrollment and participation.
export {
  completeTrainingModule,
  getParticipant,
  leaveProgramme,
  optInto,
  pauseParticipation,
  recordTraining,
  resumeParticipation,
  updateProfile,
  type WithTrainingProgress,
} from './enrollment';
export { registerInterest, type InterestCount, type InterestEntry } from './interest';
export { withdrawConsent, type MyConsent } from './privacy/consent';
export { describeMe, type Me } from './me';
export { whatsNext, type WhatsNext } from './whats-next';
export { menteeNextWish } from './next-wish';
export { TEAMS_APP_INSTALL_STATE_ID } from './invitee-reach';
export type { MyTimeZone } from './my-time-zone';

// Pairs, sessions and feedback.
export { answerProposal, getPair } from './pairs';
export { endMyPair } from './end-pair';
export { askToMove, pickAnotherDay } from './meetings';
export {
  MAX_PAUSE_DAYS,
  moveRestOfSeries,
  pauseSessionsUntil,
  slotsToMoveTo,
  type PauseResult,
} from './session-actions';
export { listOwnAssessments, listOwnFeedback, seriesOfPair, submitAssessment, submitFeedback } from './feedback';
export type { PartnerView } from './partner-card';
export type { PairAttention, PairHelp } from './privacy/visibility';

// Channel posts.
export { channelRecipient, type ChannelPostResult, type TeamChannel } from './channel-posts';

// Managing a programme (types of the tab's requests and responses).
export type { AnnouncementResult } from './announcements';
export type { AuditItem } from './audit-log';
export type { ProgrammeManager } from './co-managers';
export type { DownloadLink, DownloadRequest } from './downloads';
export type { InviteResult } from './invite';
export type { MessageResult, RematchResult } from './manager-steps';
export type { MatchingJobResult } from './matching/run-matching';
export type { MatchingReview } from './matching/review-summary';
export type { CloneResult } from './next-cohort';
export type { FailedTimer, StuckBooking, StuckMessage, StuckWork } from './operations/stuck-work';
export type { ParticipantRow, ParticipantsFilter } from './participants-view';

// Input schemas an adapter parses card and form data with, and the inputs they describe.
export { parseInput } from './schemas/parse';
export { idSchema, textSchema, timeOfDaySchema, weekdaySchema } from './schemas/common';
export { optInSchema, type OptInInput, type UpdateProfileInput } from './schemas/enrollment';
export { declineSchema } from './schemas/pairs';
export {
  assessmentSchema,
  feedbackSchema,
  moveRestSchema,
  moveSchema,
  pauseUntilSchema,
  type FeedbackInput,
} from './schemas/steering';
export type { CreateProgrammeInput, UpdateProgrammeInput } from './schemas/programme';
export type { AnnouncementInput, InviteInput } from './schemas';
export type { ChannelPostInput } from './schemas/channel-posts';
export type { InviteInterestedInput } from './schemas/interest';

// The inbound adapters inside functions/ (http routes, timers, the CLI): the use cases they call,
// the schemas they parse requests with, and the types of their answers.
export { announce } from './announcements';
export { listAudit, listFullAudit } from './audit-log';
export { bookPairNow, drainBookingQueue } from './book-soon';
export { systemCaller } from './caller';
export { listTeamChannels, postToChannel } from './channel-posts';
export { addCoManager, listProgrammeManagers, removeCoManager } from './co-managers';
export { listDepartments, searchDirectory } from './directory-lookup';
export { syncDirectory, type SyncSummary } from './directory-sync';
export { fail, formatResult, ok, runDoctor, skip, summaryLine, type DoctorCheck } from './doctor/checks';
export { checkConfig } from './doctor/config-rules';
export { checkGraphRoles, tokenRoles } from './doctor/graph-roles';
export { issueDownload, redeemDownload } from './downloads';
export { listParticipants } from './enrollment';
export { countInterest, inviteInterested, listInterest, withdrawInterest } from './interest';
export { invite } from './invite';
export { reachInvitees, type TeamsAppInstallState } from './invitee-reach';
export { programmeReach } from './invitee-reach-summary';
export { sendEndAssessmentRequests } from './jobs/end-assessment';
export { flagPairHealth } from './jobs/pair-health';
export { purgeIdempotency } from './jobs/purge-idempotency';
export { sendFeedbackRequests, sendSessionReminders } from './jobs/session-reminders';
export { endPairAs, messagePeople, rematchPerson } from './manager-steps';
export { publishProposals } from './matching/publish';
export { excludePair, setPairLock, swapPairs } from './matching/review';
export { getMatchingReview } from './matching/review-summary';
export { getJob, resumeMatchingJobs, runMatchingJob, startMatchingRun } from './matching/run-matching';
export { listMeetings } from './meetings';
export { myMailboxTimeZone } from './my-time-zone';
export { cloneProgramme } from './next-cohort';
export { isOperator, listStuckWork, retryBooking, retryMessage } from './operations/stuck-work';
export { acceptNotifications, drainOutlookQueue, type IncomingNotification } from './outlook/notifications';
export { readBackAll } from './outlook/read-back';
export { ensureSubscriptions } from './outlook/subscriptions';
export { listPairHealth } from './pair-health';
export { listPairs } from './pairs';
export { participantsView } from './participants-view';
export { advancePhasesByDate, changePhase } from './phase';
export { myConsent } from './privacy/consent';
export { eraseMe } from './privacy/erase';
export { exportMyData } from './privacy/export';
export { applyRetention } from './privacy/retention';
export { participantView } from './privacy/visibility';
export { createProgramme, listProgrammes, updateProgramme } from './programmes';
export { reconcilePairs } from './reconcile';
export { programmeReport } from './report';
export {
  ERASURE_CONFIRMATION,
  announcementSchema,
  assessmentParamsSchema,
  changePhaseSchema,
  cloneProgrammeSchema,
  coManagerParamsSchema,
  coManagerSchema,
  createProgrammeSchema,
  emptySchema,
  erasureSchema,
  inviteSchema,
  jobParamsSchema,
  lockSchema,
  messageSchema,
  moveParamsSchema,
  pairParamsSchema,
  pairsQuerySchema,
  participantsQuerySchema,
  participantsViewQuerySchema,
  pickDaySchema,
  rematchPersonSchema,
  stuckBookingParamsSchema,
  stuckMessageParamsSchema,
  swapSchema,
  topicIdSchema,
  updateProfileSchema,
  updateProgrammeSchema,
} from './schemas';
export { channelPostSchema } from './schemas/channel-posts';
export { pageQuerySchema, programmeParamsSchema } from './schemas/common';
export { downloadParamsSchema, downloadRequestSchema } from './schemas/downloads';
export { interestQuerySchema, inviteInterestedSchema } from './schemas/interest';
export { withdrawConsentSchema } from './schemas/privacy';
