/** Directory lookups for the invitation screen (programme managers only). */
import { z } from 'zod';
import { defineRoute } from '../route';
import { listDepartments, searchDirectory, textSchema } from '@tandem/app';

const searchQuery = z.strictObject({
  search: textSchema(100, 1).optional(),
  department: textSchema(120, 1).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
  continuationToken: z.string().min(1).max(4000).optional(),
});

defineRoute({
  name: 'searchDirectory',
  method: 'GET',
  route: 'v1/directory/users',
  query: searchQuery,
  run: async ({ deps, caller, query }) => ({ body: await searchDirectory(deps, caller, query) }),
});

defineRoute({
  name: 'listDepartments',
  method: 'GET',
  route: 'v1/directory/departments',
  run: async ({ deps, caller }) => ({ body: { items: await listDepartments(deps, caller) } }),
});
