/**
 * The operators' side of villagers' questions, under /api (added by api.ts, so authenticated and
 * checked like every operator route): list, accept (已受理) and answer (已答复 or 已更正). The rules
 * are in household/questions.ts; an accepted or answered question is sealed again into the
 * household's 25 here.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { acceptQuestion, answerQuestion, householdOf, listQuestions } from '../household/questions';
import { refreshQuestionsPage } from '../household/questionsPage';
import type { Service } from '../service';
import { QUESTION_SCHEMAS } from './questionSchemas';

export const questionRoutes = (app: FastifyInstance, service: Service) => {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = service;

  typed.get('/questions', { schema: QUESTION_SCHEMAS.list }, async (request) =>
    listQuestions(db, request.operator, request.query),
  );

  typed.post('/questions/:id/accept', { schema: QUESTION_SCHEMAS.accept }, async (request) => {
    const accepted = acceptQuestion(db, request.operator, request.params.id, request.body);
    refreshQuestionsPage(service, householdOf(db, accepted.id));
    return accepted;
  });

  typed.post('/questions/:id/answer', { schema: QUESTION_SCHEMAS.answer }, async (request) => {
    const answered = answerQuestion(service, request.operator, request.params.id, request.body);
    refreshQuestionsPage(service, householdOf(db, answered.id));
    return answered;
  });
};
