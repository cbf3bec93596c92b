import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { isoNow } from '../clock.ts';
import { loadWorkCalendar, packageException } from './work-calendar.ts';
import { addWorkingMinutes, isWeekday, type WorkCalendar, workingMinutesBetween } from './working-time.ts';

/** The package's calendar without a database: holidays and 调休 from chinese-days, else Monday–Friday. */
const packageCalendar: WorkCalendar = { isWorkday: (day) => packageException(day)?.workday ?? isWeekday(day) };
/** An Asia/Shanghai wall-clock time as an instant. */
const local = (dateTime: string): Date => new Date(`${dateTime}:00+08:00`);
const DAY = 1440;

describe('the 2026 Spring Festival in the chinese-days package', () => {
  it('has the holidays 15–23 February and the make-up working Saturdays 14 and 28 February', () => {
    for (const day of ['2026-02-15', '2026-02-16', '2026-02-20', '2026-02-23']) {
      expect(packageException(day)).toEqual({ workday: false, name: '春节' });
    }
    expect(packageException('2026-02-14')).toEqual({ workday: true, name: '春节调休' });
    expect(packageException('2026-02-28')).toEqual({ workday: true, name: '春节调休' });
    expect(packageCalendar.isWorkday('2026-02-24')).toBe(true);
    expect(packageCalendar.isWorkday('2026-02-21')).toBe(false);
  });
});

describe('deadline arithmetic on the working-day calendar', () => {
  it('counts the make-up Saturday before the festival as a working day', () => {
    const end = addWorkingMinutes(local('2026-02-13T10:00'), DAY, 'workday', packageCalendar);
    expect(end).toEqual(local('2026-02-14T10:00'));
  });

  it('jumps the nine holiday days: one working day from the make-up Saturday ends the Tuesday after', () => {
    const end = addWorkingMinutes(local('2026-02-14T10:00'), DAY, 'workday', packageCalendar);
    expect(end).toEqual(local('2026-02-24T10:00'));
  });

  it('ends seven working days from the Thursday before the festival on the make-up Saturday after it', () => {
    const end = addWorkingMinutes(local('2026-02-12T09:00'), 7 * DAY, 'workday', packageCalendar);
    expect(end).toEqual(local('2026-02-28T09:00'));
  });

  it('starts the clock of a case filed on a holiday at the next working day’s midnight', () => {
    const end = addWorkingMinutes(local('2026-02-18T15:00'), 60, 'workday', packageCalendar);
    expect(end).toEqual(local('2026-02-24T01:00'));
  });

  it('counts every minute on the calendar basis, holidays included', () => {
    const end = addWorkingMinutes(local('2026-02-13T10:00'), 7 * DAY, 'calendar', packageCalendar);
    expect(end).toEqual(local('2026-02-20T10:00'));
    expect(addWorkingMinutes(local('2026-02-16T23:30'), 120, 'calendar', packageCalendar)).toEqual(
      local('2026-02-17T01:30'),
    );
  });

  it('follows the Monday–Friday rule away from holidays', () => {
    expect(addWorkingMinutes(local('2026-03-06T10:00'), DAY, 'workday', packageCalendar)).toEqual(
      local('2026-03-09T10:00'),
    );
  });

  it('measures working minutes between two instants across the festival', () => {
    const from = local('2026-02-13T10:00');
    const to = local('2026-02-25T10:00');
    // Friday 14 h + make-up Saturday 24 h + Tuesday 24 h + Wednesday 10 h.
    expect(workingMinutesBetween(from, to, 'workday', packageCalendar)).toBe(72 * 60);
    expect(workingMinutesBetween(from, to, 'calendar', packageCalendar)).toBe(12 * DAY);
    expect(
      workingMinutesBetween(local('2026-02-16T08:00'), local('2026-02-22T20:00'), 'workday', packageCalendar),
    ).toBe(0);
    expect(workingMinutesBetween(to, from, 'workday', packageCalendar)).toBe(0);
  });

  it('is the inverse of adding working minutes', () => {
    const from = local('2026-02-11T16:45');
    const end = addWorkingMinutes(from, 5 * DAY + 17, 'workday', packageCalendar);
    expect(workingMinutesBetween(from, end, 'workday', packageCalendar)).toBe(5 * DAY + 17);
  });
});

describe('the county’s own calendar rows', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function countyDay(day: string, workday: boolean, name: string) {
    await t.platform.db
      .insertInto('work_calendar_day')
      .values({
        day,
        workday: workday ? 1 : 0,
        name,
        source: 'county',
        updated_at: isoNow(t.platform.clock),
        updated_by: null,
      })
      .execute();
  }

  it('without rows, loads the package calendar', async () => {
    const calendar = await loadWorkCalendar(t.platform.db, '2026-02-01', '2026-03-31');
    expect(addWorkingMinutes(local('2026-02-14T10:00'), DAY, 'workday', calendar)).toEqual(local('2026-02-24T10:00'));
  });

  it('win over the package: a county holiday on 24 February moves the deadline a day', async () => {
    await countyDay('2026-02-24', false, '春节延长假');
    const calendar = await loadWorkCalendar(t.platform.db, '2026-02-01', '2026-03-31');
    expect(addWorkingMinutes(local('2026-02-14T10:00'), DAY, 'workday', calendar)).toEqual(local('2026-02-25T10:00'));
    expect(workingMinutesBetween(local('2026-02-13T10:00'), local('2026-02-25T10:00'), 'workday', calendar)).toBe(
      48 * 60,
    );
  });

  it('can turn a package holiday into a working day', async () => {
    await countyDay('2026-02-23', true, '县内值班');
    const calendar = await loadWorkCalendar(t.platform.db, '2026-02-01', '2026-03-31');
    expect(addWorkingMinutes(local('2026-02-14T10:00'), DAY, 'workday', calendar)).toEqual(local('2026-02-23T10:00'));
  });
});
