require('bullmq')
