#!/usr/bin/env node
// Makes sure the system programs the tests drive are present: Debian's Chromium (Playwright cannot download a
// browser here) with a CJK font (without one every Chinese character in a screenshot is a box) and, for the
// PostgreSQL store, initdb/pg_ctl. As root it installs what is missing with apt;
// otherwise it stops with one line saying what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

export const CHROMIUM = process.env.LINLI_CHROMIUM ?? '/usr/bin/chromium';

/** The newest installed PostgreSQL's bin directory, or null. */
export function postgresBin() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(`${base}/${v}/bin/initdb`))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? `${base}/${versions[0]}/bin` : null;
}

/** Whether fontconfig knows a font covering Chinese (what Chromium falls back to for CJK text). */
export function cjkFontPresent() {
  const listed = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  if (listed.status === 0) return listed.stdout.trim() !== '';
  return existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');
}

const wanted = {
  chromium: { present: () => existsSync(CHROMIUM), packages: ['chromium'] },
  'cjk-font': { present: cjkFontPresent, packages: ['fonts-noto-cjk'] },
  postgresql: { present: () => postgresBin() !== null, packages: ['postgresql'] },
};

export function ensure(names) {
  const missing = names.filter((n) => !wanted[n].present());
  if (missing.length === 0) return true;
  const packages = missing.flatMap((n) => wanted[n].packages);
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    console.error(`Missing ${missing.join(' and ')}: run  sudo apt-get install -y ${packages.join(' ')}`);
    return false;
  }
  console.log(`Installing ${packages.join(', ')} with apt (one-time)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install =
    update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
  if (install?.status !== 0 || missing.some((n) => !wanted[n].present())) {
    console.error(`Could not install ${packages.join(' ')}: run  apt-get install -y ${packages.join(' ')}`);
    return false;
  }
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const asked = process.argv.slice(2).length ? process.argv.slice(2) : ['chromium'];
  // Chromium always comes with its CJK font: screenshots a reviewer reads must show the Chinese text.
  const names = asked.includes('chromium') && !asked.includes('cjk-font') ? [...asked, 'cjk-font'] : asked;
  const ok = ensure(names);
  if (ok && names.includes('chromium')) {
    const version = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
    console.log(`Using ${version}`);
  }
  process.exitCode = ok ? 0 : 1;
}
