import type { HandlerContext } from '../handler-types';
import type { Logger } from '../log';
import { hasAutomaticBackupOn, makeBackup } from './backup-service';

const checkEveryMillis = 60 * 60 * 1000;
/** Not at the very start: the clerk opened the app to work, and a first backup can wait a minute. */
const firstCheckMillis = 60 * 1000;

export interface BackupSchedule {
  /** The daily backup if none was taken on the day of `now`; returns whether one was attempted. */
  runIfDue(now: Date): boolean;
  /** The backup when the app closes; never throws, so closing goes on whatever happens. */
  atClose(now: Date): void;
  stop(): void;
}

/**
 * Automatic backups of an app that runs (the desktop's backend process, `chitieu serve`): once a day, counted in
 * the clerk's calendar days, and when it closes. A failure is kept as the last result and logged by makeBackup;
 * the next hourly check tries again.
 */
export function startBackupSchedule(context: () => HandlerContext, log: Logger): BackupSchedule {
  const attempt = (trigger: 'daily' | 'closing', now: Date): void => {
    try {
      makeBackup(context(), { kind: 'auto', trigger, now });
    } catch (error) {
      log.error('automatic backup failed', {
        trigger,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  };
  const schedule: BackupSchedule = {
    runIfDue(now) {
      if (hasAutomaticBackupOn(context(), now)) return false;
      attempt('daily', now);
      return true;
    },
    atClose(now) {
      attempt('closing', now);
    },
    stop() {
      clearTimeout(first);
      clearInterval(hourly);
    },
  };
  const check = (): void => {
    try {
      schedule.runIfDue(new Date());
    } catch (error) {
      log.error('backup schedule check failed', { message: error instanceof Error ? error.message : String(error) });
    }
  };
  const first = setTimeout(check, firstCheckMillis);
  const hourly = setInterval(check, checkEveryMillis);
  // The schedule never keeps a process alive that has nothing else to do.
  first.unref();
  hourly.unref();
  return schedule;
}
