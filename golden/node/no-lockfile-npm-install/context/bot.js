require('discord.js')
