// Lighthouse (mobile preset) on one page, `runs` times in one Chromium, one JSON report per run.
//
//   node tests/audit/lighthouse_runs.mjs '{"url": ..., "runs": 3, "reports": "dir/name",
//        "categories": [...], "chromePath": ..., "chromeFlags": [...]}'
//
// One browser for a page's runs, as Lighthouse's Node API allows (it clears the origin's cache
// and storage before each run): the command-line tool spends about 5 s per run starting and
// stopping a browser. The first run gathers every category; the others only performance, the one
// category that varies from run to run. Audits with no weight in any score are skipped (the
// back/forward cache check navigates the page a second time), and so is the full-page screenshot.
// With a performance budget given, the runs stop once the median's verdict is decided: more than
// half of the runs at or above the budget, or more than half below it.
import { writeFile } from "node:fs/promises";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const { url, runs, reports, categories, chromePath, chromeFlags, budget } = JSON.parse(process.argv[2]);
let above = 0;
let below = 0;
const chrome = await chromeLauncher.launch({ chromePath, chromeFlags });
try {
  for (let run = 1; run <= runs; run++) {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: run === 1 ? categories : ["performance"],
      skipAudits: ["bf-cache"],
      disableFullPageScreenshot: true,
    });
    if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
    await writeFile(`${reports}-${run}.json`, result.report);
    if (budget == null) continue;
    if (Math.round(100 * (result.lhr.categories.performance.score ?? 0)) >= budget) above++;
    else below++;
    if (above > runs / 2 || below > runs / 2) break;
  }
} finally {
  await chrome.kill();
}
