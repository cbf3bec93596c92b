#!/usr/bin/env node
// The `linli` command: runs the TypeScript CLI through tsx's loader in this same process
// (no child process, so signals reach the server directly).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
