require('@apollo/server')
