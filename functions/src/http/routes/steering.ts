/** Meetings (list, ask to move), feedback after sessions, start and end self-assessments. */
import { defineRoute } from '../route';
import {
  askToMove,
  assessmentParamsSchema,
  assessmentSchema,
  bookPairNow,
  feedbackSchema,
  listMeetings,
  listOwnAssessments,
  listOwnFeedback,
  moveParamsSchema,
  moveSchema,
  pairParamsSchema,
  pickAnotherDay,
  pickDaySchema,
  programmeParamsSchema,
  submitAssessment,
  submitFeedback,
} from '@tandem/app';

defineRoute({
  name: 'listMeetings',
  method: 'GET',
  route: 'v1/programmes/{id}/meetings',
  params: programmeParamsSchema,
  run: async ({ deps, caller, params }) => ({ body: { items: await listMeetings(deps, caller, params.id) } }),
});

defineRoute({
  name: 'moveMeeting',
  method: 'POST',
  route: 'v1/programmes/{id}/meetings/{seriesId}/occurrences/{index}/move',
  params: moveParamsSchema,
  body: moveSchema,
  run: async ({ deps, caller, params, body }) => ({
    body: await askToMove(deps, caller, params.id, params.seriesId, params.index, body.start),
  }),
});

defineRoute({
  name: 'pickDay',
  method: 'POST',
  route: 'v1/programmes/{id}/pairs/{pairId}/day',
  params: pairParamsSchema,
  body: pickDaySchema,
  run: async ({ deps, caller, params, body }) => {
    const series = await pickAnotherDay(deps, caller, params.id, params.pairId, body);
    return { body: series, etag: series.etag };
  },
});

defineRoute({
  name: 'submitFeedback',
  method: 'POST',
  route: 'v1/programmes/{id}/feedback',
  params: programmeParamsSchema,
  body: feedbackSchema,
  idempotent: true,
  run: async ({ deps, caller, params, body }) => {
    const f = await submitFeedback(deps, caller, params.id, body);
    return { status: f.createdAt === f.updatedAt ? 201 : 200, body: f, etag: f.etag };
  },
});

defineRoute({
  name: 'listFeedback',
  method: 'GET',
  route: 'v1/programmes/{id}/feedback',
  params: programmeParamsSchema,
  run: async ({ deps, caller, params }) => ({ body: { items: await listOwnFeedback(deps, caller, params.id) } }),
});

defineRoute({
  name: 'submitAssessment',
  method: 'PUT',
  route: 'v1/programmes/{id}/assessments/{kind}',
  params: assessmentParamsSchema,
  body: assessmentSchema,
  run: async ({ deps, caller, params, body }) => {
    const a = await submitAssessment(deps, caller, params.id, params.kind, body);
    return { body: a, etag: a.etag };
  },
});

defineRoute({
  name: 'listAssessments',
  method: 'GET',
  route: 'v1/programmes/{id}/assessments',
  params: programmeParamsSchema,
  run: async ({ deps, caller, params }) => ({ body: { items: await listOwnAssessments(deps, caller, params.id) } }),
});

/** A manager's "Book now" / "Retry" for one pair's series: 200 when the attempt ended, 202 while it runs on. */
defineRoute({
  name: 'bookPair',
  method: 'POST',
  route: 'v1/programmes/{id}/pairs/{pairId}/booking',
  params: pairParamsSchema,
  run: async ({ deps, caller, params }) => {
    const result = await bookPairNow(deps, caller, params.id, params.pairId);
    return {
      status: result.pending ? 202 : 200,
      body: {
        pairId: result.pair.id,
        status: result.pair.status,
        booking: result.pair.booking,
        pending: result.pending,
        ...(result.problem ? { problem: result.problem } : {}),
      },
    };
  },
});
