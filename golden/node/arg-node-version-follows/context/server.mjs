import { serve } from '@hono/node-server';
