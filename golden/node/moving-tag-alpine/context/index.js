require('fastify')
