/** The app's own font, so that the exported image reads like the screen and the report it is pasted into. */
export const chartFont = { fontFamily: '"Segoe UI", "Times New Roman", Arial, sans-serif' };

export const chartColors = {
  thisYear: '#1677ff',
  lastYear: '#b7c4d6',
  cumulative: '#0958d9',
  plan: '#d4380d',
  onSchedule: '#389e0d',
  behindSchedule: '#d48806',
  schedule: '#595959',
};
