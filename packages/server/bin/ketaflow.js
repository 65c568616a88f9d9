#!/usr/bin/env node
// The `ketaflow` command. The server runs from its TypeScript sources through tsx, so a fresh
// clone needs no build step for the API or the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/index.ts');
