#!/usr/bin/env node
// The `whosaid` command-line tool: one file per command under ./commands, dispatched by name (./commands.ts).
import { argv, exit } from 'node:process'
import { processIO } from './command.js'
import { runCli } from './commands.js'

runCli(argv.slice(2), processIO()).then((code) => exit(code))
