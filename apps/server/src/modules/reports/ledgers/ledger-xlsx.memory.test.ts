import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { column, type LedgerRow } from './ledger-types.ts';
import { writeLedgerXlsx } from './ledger-xlsx.ts';

const ROWS = 100_000;
const BATCH = 1000;
/** The growth allowed over the resident set before writing; an in-memory workbook of these rows takes several times it. */
const BOUND_MB = 120;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linli-ledger-memory-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Rows shaped like the 民情 register (numbers, dates, labels and a long timeline), made up on the fly. */
async function* syntheticRows(): AsyncGenerator<LedgerRow[]> {
  for (let start = 0; start < ROWS; start += BATCH) {
    const batch: LedgerRow[] = [];
    for (let i = start; i < start + BATCH; i += 1) {
      batch.push([
        `MQ-20260101-${String(i).padStart(6, '0')}`,
        '2026-03-01',
        '居民上报',
        '民生服务类',
        '物业服务',
        `楼道灯坏了，晚上看不见路（第${i}件）`,
        '金碧花园',
        '网格001',
        '已结案',
        '金碧物业服务有限公司',
        i % 7,
        `03-01 提交 → 03-01 受理立案 → 03-02 派遣 金碧物业服务有限公司 → 03-03 签收 → 03-05 处理反馈 → 03-06 结案 #${i}`,
      ]);
    }
    yield batch;
  }
}

describe('the streaming xlsx writer', () => {
  it(`writes ${ROWS.toLocaleString('en')} rows with the resident set growing less than ${BOUND_MB} MB`, async () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    const file = join(dir, 'synthetic.xlsx');
    const started = performance.now();
    let progressCalls = 0;
    const rows = await writeLedgerXlsx(
      file,
      {
        title: '民情事项台账',
        watermark: '导出人：测试　导出时间：2026-03-01 10:00　范围：测试县委　期间：2026-01-01 至 2026-06-30',
        creator: '测试',
        created: new Date('2026-03-01T02:00:00.000Z'),
        sheets: [
          {
            name: '民情事项台账',
            columns: Array.from({ length: 12 }, (_, i) => column(`c${i}`, `列${i}`, 12)),
            batches: syntheticRows(),
          },
        ],
      },
      async () => {
        progressCalls += 1;
      },
    );
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const growthMb = (peak - baseline) / 1024 / 1024;
    const { size } = await stat(file);
    console.info(
      `ledger xlsx: ${rows} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s), ` +
        `${(size / 1024 / 1024).toFixed(1)} MB file, peak RSS growth ${growthMb.toFixed(1)} MB`,
    );
    expect(rows).toBe(ROWS);
    expect(progressCalls).toBe(ROWS / BATCH);
    expect(size).toBeGreaterThan(1024 * 1024);
    expect(growthMb).toBeLessThan(BOUND_MB);
  }, 120_000);
});
