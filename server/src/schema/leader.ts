import { LeaderRef } from './refs';

LeaderRef.implement({
  description: 'A chain leader (链长): the district official who heads a chain.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    title: t.exposeString('title'),
  }),
});
