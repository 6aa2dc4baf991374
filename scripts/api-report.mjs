/**
 * The public API, as reviewers see it: API Extractor (@microsoft/api-extractor, in the oracle package) reads the
 * built `.d.ts` of every entry point (`npm run build` first) and writes one report per entry,
 * `docs/api-report/<entry>.api.md`: every exported name with its signature. The reports are
 * committed, so a change to the public surface shows in the diff of a pull request.
 *
 *   node scripts/api-report.mjs           checks: fails when the API differs from the reports (CI)
 *   node scripts/api-report.mjs --update  rewrites the reports after a deliberate change
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiExtractor } from '../test/oracles/tools.mjs';
import { exportSpecifiers } from './entries.mjs';

const { Extractor, ExtractorConfig } = await apiExtractor();

const root = fileURLToPath(new URL('../', import.meta.url));
const reports = join(root, 'docs', 'api-report');
const update = process.argv.includes('--update');
const scratch = mkdtempSync(join(tmpdir(), 'feedforward-api-'));

/** 'feedforward' → 'index', 'feedforward/plot' → 'plot': the name of the entry's .d.ts in dist/. */
const distName = (specifier) => (specifier.includes('/') ? specifier.split('/')[1] : 'index');

let changed = 0;
mkdirSync(reports, { recursive: true });
try {
  for (const specifier of exportSpecifiers) {
    const name = distName(specifier);
    const config = ExtractorConfig.prepare({
      configObject: {
        projectFolder: root,
        mainEntryPointFilePath: join(root, 'dist', `${name}.d.ts`),
        compiler: { tsconfigFilePath: join(root, 'tsconfig.json') },
        apiReport: {
          enabled: true,
          reportFolder: reports,
          reportTempFolder: scratch,
          reportFileName: `${specifier.replace('/', '-')}.api.md`,
        },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        // The reports list names and signatures; TypeDoc (npm run docs) is what checks the doc comments.
        messages: {
          extractorMessageReporting: {
            default: { logLevel: 'none' },
            'ae-missing-release-tag': { logLevel: 'none' },
          },
          tsdocMessageReporting: { default: { logLevel: 'none' } },
          compilerMessageReporting: { default: { logLevel: 'warning' } },
        },
      },
      configObjectFullPath: join(root, 'api-extractor.json'), // not a file: where relative paths would start
      packageJsonFullPath: join(root, 'package.json'),
    });
    const result = Extractor.invoke(config, { localBuild: update, showVerboseMessages: false });
    if (result.apiReportChanged) {
      changed++;
      console.log(
        update
          ? `${specifier}: report updated (docs/api-report/${specifier.replace('/', '-')}.api.md)`
          : `${specifier}: the public API differs from docs/api-report/${specifier.replace('/', '-')}.api.md`,
      );
    }
    if (!result.succeeded && !result.apiReportChanged) {
      console.error(`${specifier}: API Extractor failed (${result.errorCount} errors)`);
      process.exitCode = 1;
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
if (changed > 0 && !update) {
  console.error(
    '\nThe public API changed. If that was on purpose, run `npm run build && npm run api:update` and commit docs/api-report/.',
  );
  process.exitCode = 1;
} else if (changed === 0) {
  console.log(`API reports match (${exportSpecifiers.join(', ')})`);
}
