import Fastify from 'fastify';
