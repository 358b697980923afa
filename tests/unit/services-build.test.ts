/**
 * Settings and the active flag change what the real build publishes: a paused service gets no
 * page, and turning off "Accepting new members" shows a notice on the finder and service pages.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, makeContentTree } from '../support/build';

describe('a build with groups full and a paused service', () => {
  it('shows the groups-full notice and publishes nothing about the paused service', () => {
    const tree = makeContentTree();
    const settingsFile = join(tree, 'settings/site.yaml');
    writeFileSync(
      settingsFile,
      readFileSync(settingsFile, 'utf8').replace('acceptingReferrals: true', 'acceptingReferrals: false'),
    );
    const group = readFileSync(join(tree, 'services/fixture-group.md'), 'utf8');
    writeFileSync(
      join(tree, 'services/paused-group.md'),
      group
        .replace('title: Fixture Peer Support Group', 'title: Paused Fixture Group')
        .replace('---\n', '---\nactive: false\n'),
    );

    const result = buildSite(tree);
    expect(result.status, result.output).toBe(0);
    const page = (path: string) => readFileSync(join(result.outDir, path, 'index.html'), 'utf8');
    for (const path of ['services', 'services/fixture-group']) {
      expect(page(path), path).toContain('not taking new members at the moment');
    }
    expect(existsSync(join(result.outDir, 'services/paused-group'))).toBe(false);
    expect(page('services')).not.toContain('Paused Fixture Group');
    expect(page('services/area/millbrook')).not.toContain('Paused Fixture Group');
    expect(readFileSync(join(result.outDir, 'sitemap-0.xml'), 'utf8')).not.toContain('paused-group');
  });
});
