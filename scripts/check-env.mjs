// Before the suite: with PUCHA_REQUIRE_ALL=1 a missing PostgreSQL or Chromium
// fails the run instead of letting half the suite skip quietly.
import fs from 'node:fs';

if (process.env.PUCHA_REQUIRE_ALL === '1') {
  const missing = [];
  if (!process.env.DATABASE_URL) missing.push('DATABASE_URL (a PostgreSQL server)');
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) missing.push(`Chromium at ${chromium}`);
  if (!fs.existsSync('web/dist/index.html')) missing.push('the built console (npm run build)');
  if (missing.length) {
    console.error(`PUCHA_REQUIRE_ALL=1 but missing: ${missing.join(', ')}`);
    process.exit(1);
  }
}
