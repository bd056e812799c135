import { join } from 'node:path';
import { readBarrel, rewriteImports } from '../../../tab/fluent-split-plugin';
import { allowedViews } from '../../../tab/src/app/shell';

describe('the Fluent split used by the tab build', () => {
  const barrel = readBarrel(join(require.resolve('@fluentui/react-components/package.json'), '..', 'lib', 'index.js'));

  it('knows which package defines each component the barrel re-exports', () => {
    expect(barrel.get('Button')).toEqual({ from: '@fluentui/react-button', name: 'Button' });
    expect(barrel.get('makeStyles')?.from).toBe('@griffel/react');
  });

  it('rewrites barrel imports per package, keeps aliases and drops type-only names', () => {
    const out = rewriteImports(
      "import { Button, Checkbox as Box, type Theme, makeStyles } from '@fluentui/react-components';",
      barrel,
      {},
    );
    expect(out.split('\n').sort()).toEqual([
      'import { Button } from "@fluentui/react-button";',
      'import { Checkbox as Box } from "@fluentui/react-checkbox";',
      'import { makeStyles } from "@griffel/react";',
    ]);
  });

  it('fails the build on a name the barrel does not export', () => {
    expect(() => rewriteImports("import { NoSuchThing } from '@fluentui/react-components';", barrel, {})).toThrow(
      'no export "NoSuchThing"',
    );
  });
});

describe('which pages a person may open', () => {
  it('gives participants My tandem, managers the console and the report, HR the report', () => {
    expect(allowedViews({ isProgrammeManager: false, canReadReports: false })).toEqual(['my-tandem']);
    expect(allowedViews({ isProgrammeManager: true, canReadReports: true })).toEqual([
      'my-tandem',
      'programmes',
      'reports',
    ]);
    expect(allowedViews({ isProgrammeManager: false, canReadReports: true })).toEqual(['my-tandem', 'reports']);
  });
});
