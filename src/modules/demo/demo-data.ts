/** The demo province: five branches of different size and service quality. */
export const DEMO_BRANCHES = [
  { code: 'HZ', name: 'Hangzhou Branch', timeZone: 'Asia/Shanghai' },
  { code: 'NB', name: 'Ningbo Branch', timeZone: 'Asia/Shanghai' },
  { code: 'WZ', name: 'Wenzhou Branch', timeZone: 'Asia/Shanghai' },
  { code: 'SX', name: 'Shaoxing Branch', timeZone: 'Asia/Shanghai' },
  { code: 'JH', name: 'Jinhua Branch', timeZone: 'Asia/Shanghai' },
] as const;
