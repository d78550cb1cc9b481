import { renderStoryPage, type RenderContext } from '@bulletin/render';
import type { StoryStore } from '@bulletin/store';
import type { FastifyInstance } from 'fastify';
import { NotFoundError } from './http-errors.js';

const STORY_ID = /^[a-z0-9]{16,64}$/;

/** `GET /stories/{id}`: the story's own HTML page. */
export function registerStoryRoute(
  app: FastifyInstance,
  store: Pick<StoryStore, 'get'>,
  render: RenderContext,
): void {
  app.get<{ Params: { id: string } }>('/stories/:id', async (request, reply) => {
    const { id } = request.params;
    const story = STORY_ID.test(id) ? await store.get(id) : undefined;
    if (!story || story.pubstatus !== 'usable') throw new NotFoundError(`no story "${id}"`);
    return reply.type('text/html; charset=utf-8').send(renderStoryPage(story, render));
  });
}
