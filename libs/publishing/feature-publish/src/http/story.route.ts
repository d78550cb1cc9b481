import { GoneError, NotFoundError } from '@bulletin/http';
import {
  NINJS_CONTENT_TYPE,
  renderNinjs,
  renderStoryPage,
  type RenderContext,
} from '@bulletin/render';
import type { StoryStore } from '@bulletin/store';
import type { FastifyInstance } from 'fastify';

const STORY_ID = /^[a-z0-9]{16,64}$/;

/**
 * `GET /stories/{id}`: the published version's page; `GET /stories/{id}.json`: its IPTC ninjs
 * 2.x document, for other newsrooms' systems. A story not yet published (or held,
 * or withheld) does not exist for readers; a killed one is gone for good (410); a copy of a
 * story another source sent first answers 301 with that story's address.
 */
export function registerStoryRoute(
  app: FastifyInstance,
  store: Pick<StoryStore, 'get'>,
  render: RenderContext,
): void {
  app.get<{ Params: { id: string } }>('/stories/:id', async (request, reply) => {
    const json = request.params.id.endsWith('.json');
    const id = json ? request.params.id.slice(0, -5) : request.params.id;
    const found = STORY_ID.test(id) ? await store.get(id) : { state: 'absent' as const };
    if (found.state === 'killed') throw new GoneError('this story was withdrawn');
    if (found.state === 'copy') {
      return reply
        .code(301)
        .header('location', `/stories/${found.of}${json ? '.json' : ''}`)
        .send();
    }
    if (found.state !== 'published') throw new NotFoundError('no such story');
    void reply.header('cache-control', 'public, max-age=60');
    if (json)
      return reply.type(NINJS_CONTENT_TYPE).send(JSON.stringify(renderNinjs(found.story, render)));
    return reply.type('text/html; charset=utf-8').send(renderStoryPage(found.story, render));
  });
}
