#!/usr/bin/env node
// The `pucha` command. TypeScript sources run through tsx's loader, so there is
// no build step between a change and the CLI or the server.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
